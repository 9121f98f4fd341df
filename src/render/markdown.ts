// Markdown tables; record text goes through the Markdown policy (escape.ts), the same one `diff -f md` uses.
import { markdownText } from './escape.js';

/** Record text made safe for a Markdown table cell (or a line of prose): the Markdown policy. */
export const mdCell = markdownText;

/** A Markdown table from a header and rows of already-escaped cells; `right` marks numeric columns. */
export function mdTable(head: readonly string[], rows: readonly (readonly string[])[], right: readonly number[] = []): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  const rule = head.map((_, i) => (right.includes(i) ? '---:' : '---'));
  return [line(head), line(rule), ...rows.map(line)].join('\n') + '\n';
}

/** Rows in a part of mdTableParts (~15 KB of a follow-up table). */
export const MD_ROWS = 100;

/** mdTable's text in parts (the header, then MD_ROWS rows at a time, each made when its part is): the parts join
 * into exactly mdTable(head, items.map(toRow), right). */
export function* mdTableParts<T>(head: readonly string[], items: readonly T[], toRow: (item: T) => readonly string[], right: readonly number[] = []): Generator<string> {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  yield `${line(head)}\n${line(head.map((_, i) => (right.includes(i) ? '---:' : '---')))}`;
  for (let i = 0; i < items.length; i += MD_ROWS) {
    let text = '';
    for (let k = i; k < Math.min(items.length, i + MD_ROWS); k++) text += `\n${line(toRow(items[k]!))}`;
    yield text;
  }
  yield '\n';
}

