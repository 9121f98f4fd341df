// CSV for spreadsheets: quoting by csv-stringify (RFC 4180, CRLF rows); every text cell through the CSV policy
// (escape.ts: unsafe code points replaced, formulas guarded).
import { stringify } from 'csv-stringify/sync';
import { csvText } from './escape.js';

export type CsvValue = string | number | undefined | null;

/** One cell's value: numbers as they are; text guarded against formulas. */
function guard(value: CsvValue): string | number {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return value;
  return csvText(value);
}

/** Rows (the header first) → CSV text, each row ending in CRLF. */
export function csvTable(rows: readonly (readonly CsvValue[])[]): string {
  // A bare CR or LF inside a cell must be quoted too, not only the CRLF row delimiter.
  return stringify(rows.map((r) => r.map(guard)), { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}

const CSV_CHUNK = 500;

/** csvTable's text in parts (a header, then rows made a few hundred at a time): csv-stringify ends every record with
 * its delimiter, so the parts join into exactly csvTable([head, ...items.map(toRow)]). */
export function* csvParts<T>(head: readonly CsvValue[], items: readonly T[], toRow: (item: T) => readonly CsvValue[]): Generator<string> {
  yield csvTable([head]);
  for (let i = 0; i < items.length; i += CSV_CHUNK) yield csvTable(items.slice(i, i + CSV_CHUNK).map(toRow));
}
