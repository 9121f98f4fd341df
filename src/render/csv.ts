// CSV for spreadsheets: quoting by csv-stringify (RFC 4180, CRLF rows); every text cell through the CSV policy
// (escape.ts: unsafe code points replaced, formulas guarded).
import { stringify } from 'csv-stringify/sync';
import { csvText } from './escape.js';
import { PART_CHARS } from './part-size.js';

export type CsvValue = string | number | undefined | null;

// A bare CR or LF inside a cell must be quoted too, not only the CRLF row delimiter.
export const CSV_OPTIONS = { record_delimiter: 'windows', quoted_match: /[\r\n]/ } as const;

/** One cell's value: numbers as they are; text guarded against formulas. */
function guard(value: CsvValue): string | number {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return value;
  return csvText(value);
}

// csv-stringify writes a field from its value and the options alone (never from the other fields of its row: no
// header, no per-column cast, no formula escaping of its own), then joins a record's fields with `,` and ends it with
// CRLF. So a row is its fields, each quoted by csv-stringify as a one-field record, joined the same way: the same
// bytes (test/render/csv.test.ts compares them with stringify on whole rows, random text included). Records repeat
// their values (ids, states, days, a group-owed task once per member), so a writer asks for each value once, where
// csv-stringify on whole rows made a cast context, a [value, field] pair and a separator array per field and a rope
// per row (~0.8 s of `export -f csv`'s 5 s of CPU at 2,000 meetings). One writer per output (nothing kept between
// outputs); its map is emptied at FIELDS_KEPT values.
const FIELDS_KEPT = 20_000;

// What makes csv-stringify quote a field under CSV_OPTIONS: the delimiter, the quote (its escape too), the record
// delimiter's characters and quoted_match's.
const QUOTES = /[",\r\n]/;

/** One guarded value → its field as csv-stringify writes it under CSV_OPTIONS: a text with nothing to quote, or a
 * number, is itself (csv-stringify's cast of a number is `'' + value`); anything else is asked of csv-stringify. Most
 * values (ids, days, states, names, most tasks) need no quotes: the library's record, its cast context and its options
 * were made for each of them (~100,000 distinct values in `export -f csv` at 2,000 meetings). test/render/csv.test.ts
 * holds the two equal. */
function quoted(value: string | number): string {
  if (typeof value === 'number' ? Number.isFinite(value) : !QUOTES.test(value)) return typeof value === 'number' ? `${value}` : value;
  const record = stringify([[value]], CSV_OPTIONS);
  return record.slice(0, record.length - 2); // the CRLF that ends the one-field record
}

export interface CsvWriter {
  /** Rows → their CSV lines, each ending in CRLF. */
  table(rows: readonly (readonly CsvValue[])[]): string;
  /** One row → its CSV line, ending in CRLF. */
  row(row: readonly CsvValue[]): string;
  /** Cells → their fields joined as a row joins them, without the CRLF: a run of cells many rows share, made once. */
  cells(cells: readonly CsvValue[]): string;
  /** One cell → its field. */
  field(value: CsvValue): string;
}

export function csvWriter(): CsvWriter {
  const fields = new Map<CsvValue, string>();
  const field = (value: CsvValue): string => {
    let text = fields.get(value);
    if (text === undefined) {
      text = quoted(guard(value));
      if (fields.size >= FIELDS_KEPT) fields.clear();
      fields.set(value, text);
    }
    return text;
  };
  const cells = (values: readonly CsvValue[]): string => {
    let line = '';
    for (let i = 0; i < values.length; i++) line += i === 0 ? field(values[i]) : ',' + field(values[i]);
    return line;
  };
  const row = (values: readonly CsvValue[]): string => cells(values) + '\r\n';
  return {
    row,
    cells,
    field,
    table(rows) {
      const lines: string[] = [];
      for (const r of rows) lines.push(row(r));
      return lines.join('');
    },
  };
}

/** Rows (the header first) → CSV text, each row ending in CRLF. */
export function csvTable(rows: readonly (readonly CsvValue[])[]): string {
  return csvWriter().table(rows);
}

const CSV_CHUNK = 500;

/** csvTable's text in parts (a header, then rows made a few hundred at a time): every row ends with its delimiter,
 * so the parts join into exactly csvTable([head, ...items.map(toRow)]). */
export function* csvParts<T>(head: readonly CsvValue[], items: Iterable<T>, toRow: (item: T) => readonly CsvValue[]): Generator<string> {
  const csv = csvWriter();
  yield csv.row(head);
  // Read once, in order (a LazyList makes each item as it is read): CSV_CHUNK rows a part, its rows joined once — a
  // part made by `text +=` is a rope of every row's pieces, kept alive (and copied by the young generation) until the
  // write flattens it, which costs more than the join (docs/internals/performance.md, "Read commands, eighth round").
  // A part ends at CSV_CHUNK rows or PART_CHARS characters, whichever comes first (part-size.ts: no part a large object).
  let lines: string[] = [];
  let chars = 0;
  for (const item of items) {
    const line = csv.row(toRow(item));
    lines.push(line);
    chars += line.length;
    if (lines.length === CSV_CHUNK || chars >= PART_CHARS) {
      yield lines.join('');
      lines = [];
      chars = 0;
    }
  }
  if (lines.length > 0) yield lines.join('');
}
