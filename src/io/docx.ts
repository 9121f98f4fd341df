// A Word report (.docx) → the plain lines `acta import` reads, through mammoth (the only importer of it). Word's own
// numbering survives: a numbered paragraph becomes "1. …" (level 0) or "a. …" (level 1), a bulleted one "· …".
import mammoth from 'mammoth';

interface DocElement {
  readonly type: string;
  readonly value?: string;
  readonly children?: readonly DocElement[];
  readonly numbering?: { readonly isOrdered: boolean; readonly level: string | number } | null;
}

function textOf(e: DocElement): string {
  if (e.type === 'text') return e.value ?? '';
  if (e.type === 'tab') return ' ';
  if (e.type === 'break') return ' ';
  return (e.children ?? []).map(textOf).join('');
}

function paragraphs(e: DocElement, out: DocElement[]): DocElement[] {
  if (e.type === 'paragraph') out.push(e);
  else for (const c of e.children ?? []) paragraphs(c, out);
  return out;
}

/** The document's paragraphs as lines, list items numbered as Word shows them. */
export async function readDocxText(bytes: Uint8Array): Promise<string> {
  let found: DocElement[] = [];
  await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { transformDocument: (doc: DocElement) => ((found = paragraphs(doc, [])), doc) });
  const counters: number[] = [];
  const lines: string[] = [];
  for (const p of found) {
    const text = textOf(p).trim();
    if (!text) continue;
    const n = p.numbering;
    if (!n) {
      lines.push(text);
      continue;
    }
    const level = Number(n.level) || 0;
    counters.length = level + 1;
    counters[level] = (counters[level] ?? 0) + 1;
    const marker = !n.isOrdered ? '·' : level === 0 ? `${counters[level]}.` : level === 1 ? `${String.fromCharCode(96 + counters[level]!)}.` : `${counters[level]}.`;
    lines.push(`${marker} ${text}`);
  }
  return lines.join('\n') + '\n';
}
