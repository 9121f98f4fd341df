// Markdown output for record text: one line, no terminal controls, table pipes and HTML escaped.
import { oneLine } from './escape.js';

/** Record text made safe for a Markdown table cell (or a line of prose). */
export function mdCell(s: string): string {
  return oneLine(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[`*_[\]]/g, (c) => `\\${c}`);
}

/** A Markdown table from a header and rows of already-escaped cells; `right` marks numeric columns. */
export function mdTable(head: readonly string[], rows: readonly (readonly string[])[], right: readonly number[] = []): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  const rule = head.map((_, i) => (right.includes(i) ? '---:' : '---'));
  return [line(head), line(rule), ...rows.map(line)].join('\n') + '\n';
}
