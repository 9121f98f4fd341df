// A word-level diff of two texts (for "the adopted text was edited": show which words changed, not two paragraphs).

export interface WordPart {
  /** '=' kept, '-' removed, '+' added. */
  readonly op: '=' | '-' | '+';
  readonly text: string;
}

// Past this many cells the LCS table is not worth it: the texts are shown whole, removed then added.
const MAX_CELLS = 4_000_000;

export function diffWords(before: string, after: string): WordPart[] {
  const a = tokens(before);
  const b = tokens(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const middle = (endA - start) * (endB - start) > MAX_CELLS ? replaceAll(a.slice(start, endA), b.slice(start, endB)) : lcsParts(a.slice(start, endA), b.slice(start, endB));
  const parts: WordPart[] = [{ op: '=', text: a.slice(0, start).join('') }, ...middle, { op: '=', text: a.slice(endA).join('') }];
  return merge(parts);
}

function tokens(s: string): string[] {
  return s.match(/\s+|[^\s]+/g) ?? [];
}

function replaceAll(a: string[], b: string[]): WordPart[] {
  return [{ op: '-', text: a.join('') }, { op: '+', text: b.join('') }];
}

function lcsParts(a: string[], b: string[]): WordPart[] {
  const n = a.length;
  const m = b.length;
  const table = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number): number => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[at(i, j)] = a[i] === b[j] ? table[at(i + 1, j + 1)]! + 1 : Math.max(table[at(i + 1, j)]!, table[at(i, j + 1)]!);
    }
  }
  const out: WordPart[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      out.push({ op: '=', text: a[i++]! });
      j++;
    } else if (j < m && (i === n || table[at(i, j + 1)]! >= table[at(i + 1, j)]!)) out.push({ op: '+', text: b[j++]! });
    else out.push({ op: '-', text: a[i++]! });
  }
  return out;
}

// Changes separated only by a space read as one change: "old words" → "new words", not word by word.
function merge(parts: readonly WordPart[]): WordPart[] {
  const out: WordPart[] = [];
  let removed = '';
  let added = '';
  const flush = (): void => {
    if (removed) out.push({ op: '-', text: removed });
    if (added) out.push({ op: '+', text: added });
    removed = added = '';
  };
  parts.forEach((p, i) => {
    if (p.op === '-') removed += p.text;
    else if (p.op === '+') added += p.text;
    else if ((removed || added) && /^\s+$/.test(p.text) && parts[i + 1] && parts[i + 1]!.op !== '=') {
      if (removed) removed += p.text;
      if (added) added += p.text;
    } else {
      flush();
      const last = out[out.length - 1];
      if (last?.op === '=') out[out.length - 1] = { op: '=', text: last.text + p.text };
      else if (p.text) out.push(p);
    }
  });
  flush();
  return out;
}
