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
