// CSV for spreadsheets: RFC 4180 quoting (CRLF rows, quotes doubled) and formula-injection guard. Small enough to write
// here rather than add a dependency: the whole of RFC 4180 output is "quote when needed, double the quotes".

export type CsvValue = string | number | undefined | null;

// A spreadsheet treats a cell starting with = + - @ (or tab, CR) as a formula: prefix it with ' so it stays text.
const FORMULA = /^[=+\-@\t\r]/;

/** One cell: numbers as they are; text guarded against formulas, and quoted when it holds a quote, comma, CR or LF. */
export function csvCell(value: CsvValue): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows (the header first) → CSV text, each row ending in CRLF. */
export function csvTable(rows: readonly (readonly CsvValue[])[]): string {
  return rows.map((r) => r.map(csvCell).join(',') + '\r\n').join('');
}
