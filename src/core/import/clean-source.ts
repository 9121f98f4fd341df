// A report's extracted text → clean lines: extraction debris removed ([bookmark: …], footnote marks), whitespace
// normalised, line ends of every system read (CR LF, LF, CR alone). What was removed is counted, so the draft can say
// so. Every pattern here is linear in the text: no unbounded run can be rescanned from each of its positions.

export interface CleanSource {
  readonly lines: readonly string[];
  /** For each line: a blank line (a paragraph break) came before it. */
  readonly afterBlank: readonly boolean[];
  /** Footnote texts taken out of the running text ("[1: Con base en …]"), in order. */
  readonly footnotes: readonly string[];
  /** How many pieces of debris were removed. */
  readonly removed: number;
}

// A bracket never holds another "[": an unclosed "[1: " stops at the next one, so 400,000 of them are read once.
const DEBRIS = /\[bookmark: [^[\]\n]{0,200}\]|\[footnoteRef:\d{1,4}\]/g;
const FOOTNOTE = /\[(\d{1,4}):[ \t]*([^[\]]{0,2000})\]/g;
// Private-use and other bullets that PDF copies give (U+F0B7 is Symbol's bullet), read as "•".
const ODD_BULLETS = /[\uf0b7\uf0a7\uf076\uf0d8\uf0fc\u25aa\u25cf\u2023\u2043]/g;

export function cleanSource(text: string): CleanSource {
  let removed = 0;
  const footnotes: string[] = [];
  const body = text
    .replace(/^\uFEFF/, '')
    .replace(DEBRIS, () => (removed++, ''))
    .replace(FOOTNOTE, (_all, _n: string, note: string) => (removed++, footnotes.push(note.replace(/\s+/g, ' ').trim()), ''))
    .replace(ODD_BULLETS, '•');
  const lines: string[] = [];
  const afterBlank: boolean[] = [];
  let blank = false;
  for (const raw of body.split(/\r\n|\r|\n|\u2028|\u2029/)) {
    const line = raw.replace(/[\t\u00a0\u2000-\u200a\u202f\u3000 ]+/g, ' ').trim();
    if (line === '') {
      blank = lines.length > 0;
      continue;
    }
    lines.push(line);
    afterBlank.push(blank);
    blank = false;
  }
  return { lines, afterBlank, footnotes, removed };
}
