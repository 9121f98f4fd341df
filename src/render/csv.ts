// CSV for spreadsheets: RFC 4180 quoting, CRLF rows, byte for byte as csv-stringify writes them with
// { record_delimiter: 'windows', quoted_match: /[\r\n]/ } (test/render/csv.test.ts holds the two equal on random
// tables; csv-stringify's per-field option merging and casting were most of `export -f csv`); every text cell through
// the CSV policy (escape.ts: unsafe code points replaced, formulas guarded).
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
  let out = '';
  for (const r of rows) {
    for (let i = 0; i < r.length; i++) {
      if (i > 0) out += ',';
      out += field(guard(r[i]));
    }
    out += '\r\n';
  }
  return out;
}

// A bare CR or LF inside a cell is quoted too, not only the CRLF row delimiter; quotes are doubled.
const NEEDS_QUOTES = /[",\r\n]/;

function field(value: string | number): string {
  if (typeof value === 'number') return `${value}`;
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

const CSV_CHUNK = 500;

/** csvTable's text in parts (a header, then rows made a few hundred at a time): csv-stringify ends every record with
 * its delimiter, so the parts join into exactly csvTable([head, ...items.map(toRow)]). */
export function* csvParts<T>(head: readonly CsvValue[], items: readonly T[], toRow: (item: T) => readonly CsvValue[]): Generator<string> {
  yield csvTable([head]);
  for (let i = 0; i < items.length; i += CSV_CHUNK) yield csvTable(items.slice(i, i + CSV_CHUNK).map(toRow));
}
