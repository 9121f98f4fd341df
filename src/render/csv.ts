// CSV for spreadsheets: quoting by csv-stringify (RFC 4180, CRLF rows), plus our guard against formula injection.
import { stringify } from 'csv-stringify/sync';

export type CsvValue = string | number | undefined | null;

// A spreadsheet treats a cell starting with = + - @ (or tab, CR) as a formula: prefix it with ' so it stays text.
const FORMULA = /^[=+\-@\t\r]/;

/** One cell's value: numbers as they are; text guarded against formulas. */
function guard(value: CsvValue): string | number {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return value;
  return FORMULA.test(value) ? `'${value}` : value;
}

/** Rows (the header first) → CSV text, each row ending in CRLF. */
export function csvTable(rows: readonly (readonly CsvValue[])[]): string {
  // A bare CR or LF inside a cell must be quoted too, not only the CRLF row delimiter.
  return stringify(rows.map((r) => r.map(guard)), { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}
