// The tables acta draws most (fixed column widths, words wrapped, no spans, no colour) drawn directly, byte for byte as
// cli-table3 0.6 draws them. cli-table3 measures every word through string-width, which builds its ANSI and emoji
// regexes anew on each call: ~40 µs a word, most of a long `overdue` or `list`. Cells with colour codes, control, wide
// or combining characters, or a column too narrow to hold an ellipsis, are not "plain": the caller uses cli-table3.
// test/render/plain-table.test.ts holds the two equal on random tables.

export type PlainRow = readonly (string | number)[];
/** A row of one cell across every column (cli-table3's `colSpan` of the whole width): the work plan's axis, objective
 * and result headings. */
export interface FullRow {
  readonly full: string | number;
}
export type PlainItem = PlainRow | FullRow;

const isFull = (r: PlainItem): r is FullRow => !Array.isArray(r);

// Characters string-width counts as exactly one column and emoji-regex never matches (checked one by one in the test);
// the only whitespace among them is the space and the no-break space, so word splitting is the same as cli-table3's.
const PLAIN_TEXT = /^[\x20-\x7e\xa0-\u024f\u2010-\u2027\u2030-\u205e\u2713\n]*$/;

/** True when `drawPlainTable` draws this table exactly as cli-table3 would. */
export function isPlainTable(head: readonly string[], widths: readonly number[], rows: readonly PlainItem[]): boolean {
  if (widths.some((w) => !Number.isInteger(w) || w < 3)) return false;
  if (head.length > 0 && (head.length !== widths.length || !head.every(isPlainCell))) return false;
  return rows.every((r) => (isFull(r) ? isPlainCell(r.full) : r.length === widths.length && r.every(isPlainCell)));
}

function isPlainCell(cell: string | number): boolean {
  return typeof cell === 'number' ? Number.isFinite(cell) : PLAIN_TEXT.test(cell);
}

// cli-table3's wordWrap: split on whitespace runs; a word that does not fit starts a new line (and is cut later).
// A cell that fits on one line (no line break, no leading white space to drop) is that line: most cells are.
// Scanned in place rather than split with /(\s+)/ into words and joined again (`list commitments` at 2,000 meetings
// wraps ~70,000 cells): a line is always one stretch of its part of the text — from the part's start (leading space
// kept, as cli-table3 keeps it) or from the word that opened it, to its last word — so it is that slice. In a plain
// cell (isPlainTable) the only white space is the space, the no-break space and the line break.
const NOT_ONE_LINE = /^\s|\n/;
const isSpace = (c: number): boolean => c === 0x20 || c === 0xa0;
function wrapWords(max: number, text: string): string[] {
  if (text.length <= max) {
    if (text.length === 0) return [];
    if (!NOT_ONE_LINE.test(text)) return [text];
  }
  const lines: string[] = [];
  for (let from = 0; ; ) {
    const nl = text.indexOf('\n', from);
    const end = nl < 0 ? text.length : nl;
    let start = from; // where the line being made starts
    let last = from; // where its last word ends
    let length = 0; // its length as cli-table3 counts it (a leading run of spaces not counted)
    let space = 0; // the run of spaces before this word
    for (let i = from; ; ) {
      let j = i;
      while (j < end && !isSpace(text.charCodeAt(j))) j++;
      let next = length + (j - i);
      if (length > 0) next += space;
      if (next > max) {
        if (length !== 0) lines.push(text.slice(start, last));
        start = i;
        length = j - i;
      } else length = next;
      last = j;
      if (j === end) break;
      i = j;
      while (i < end && isSpace(text.charCodeAt(i))) i++;
      space = i - j;
    }
    if (length) lines.push(text.slice(start, last));
    if (nl < 0) return lines;
    from = nl + 1;
  }
}

// A line cut to `room` with an ellipsis when longer, then padded to it with `pads` (pads[n]: n spaces, made once per
// table rather than a new string of spaces per cell).
function fit(line: string, room: number, pads: readonly string[]): string {
  if (line.length <= room) return line + pads[room - line.length]!;
  const text = line.slice(0, Math.max(0, room - 1)) + '…';
  return text + pads[Math.max(0, room - text.length)]!;
}

function rule(widths: readonly number[], left: string, mid: string, right: string): string {
  return left + widths.map((w) => '─'.repeat(w)).join(mid) + right;
}

/** The table cli-table3 draws for { head, colWidths: widths, wordWrap: true, style: { head: [], border: [] } }, a FullRow
 * as a cell of colSpan widths.length (its rules meet the columns' with ┴ above it and ┬ below). */
export function drawPlainTable(head: readonly string[], widths: readonly number[], rows: readonly PlainItem[]): string {
  const all = head.length > 0 ? [head, ...rows] : rows;
  if (all.length === 0) return '';
  const span = widths.reduce((a, b) => a + b, 0) + widths.length - 1;
  const line = '─'.repeat(span);
  // The rules between rows are the same few lines: each made once per table, not once per row.
  const between = rule(widths, '├', '┼', '┤');
  // A blank cell with the border after it, and runs of spaces: each made once per table, not once per cell.
  const blanks = widths.map((w) => ' '.repeat(w) + '│');
  const pads: string[] = [];
  for (let n = 0, run = ''; n <= span; n++, run += ' ') pads.push(run);
  const cells: string[][] = [];
  const out: string[] = [];
  let above: boolean | undefined; // the row above is a FullRow
  for (const row of all) {
    const full = isFull(row);
    if (above === undefined) out.push(full ? `┌${line}┐` : rule(widths, '┌', '┬', '┐'));
    else if (full) out.push(above ? `├${line}┤` : rule(widths, '├', '┴', '┤'));
    else out.push(above ? rule(widths, '├', '┬', '┤') : between);
    if (full) {
      // cli-table3 wraps a spanning cell at the columns' widths added up (the borders between them left out), then
      // draws it across the whole span.
      const lines = wrapWords(span - widths.length - 1, String(row.full));
      if (lines.length === 0) out.push(`│${pads[span]!}│`);
      for (const l of lines) out.push(`│ ${fit(l, span - 2, pads)} │`);
    } else {
      let height = 1;
      for (let x = 0; x < row.length; x++) {
        const lines = wrapWords(widths[x]! - 2, String(row[x]));
        cells[x] = lines;
        if (lines.length > height) height = lines.length;
      }
      for (let n = 0; n < height; n++) {
        let text = '│';
        for (let x = 0; x < row.length; x++) {
          const c = cells[x]![n];
          text += c === undefined ? blanks[x]! : ` ${fit(c, widths[x]! - 2, pads)} │`;
        }
        out.push(text);
      }
    }
    above = full;
  }
  out.push(above ? `└${line}┘` : rule(widths, '└', '┴', '┘'));
  return out.join('\n');
}
