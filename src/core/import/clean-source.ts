// A report's extracted text → clean lines: extraction debris removed ([bookmark: …], footnote marks), whitespace
// normalised. What was removed is counted, so the draft can say so.

export interface CleanSource {
  readonly lines: readonly string[];
  /** Footnote texts taken out of the running text ("[1: Con base en …]"), in order. */
  readonly footnotes: readonly string[];
  /** How many pieces of debris were removed. */
  readonly removed: number;
}

const DEBRIS = /\[bookmark: [^\]\n]{0,200}\]|\[footnoteRef:\d{1,4}\]/g;
const FOOTNOTE = /\s*\[(\d{1,4}):\s*([^\]]{0,2000})\]/g;

export function cleanSource(text: string): CleanSource {
  let removed = 0;
  const footnotes: string[] = [];
  const body = text
    .replace(/^\uFEFF/, '')
    .replace(DEBRIS, () => (removed++, ''))
    .replace(FOOTNOTE, (_all, _n: string, note: string) => (removed++, footnotes.push(note.replace(/\s+/g, ' ').trim()), ''));
  const lines = body
    .split(/\r?\n/)
    .map((l) => l.replace(/[\t\u00a0 ]+/g, ' ').trim())
    .filter((l) => l !== '');
  return { lines, footnotes, removed };
}
