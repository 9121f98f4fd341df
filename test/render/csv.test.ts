// csvTable quotes each field with csv-stringify and joins the fields itself (render/csv.ts): the same bytes as
// csv-stringify on whole rows, whatever the cells hold, and the same again when a value is met a second time (cached).
import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import type { CsvValue } from '../../src/render/csv.js';
import { CSV_OPTIONS, csvTable, csvWriter } from '../../src/render/csv.js';
import { csvText } from '../../src/render/escape.js';

// What csvTable wrote before: every row through csv-stringify at once, text cells guarded.
function wholeRows(rows: readonly (readonly CsvValue[])[]): string {
  return stringify(rows.map((r) => r.map((v) => (v === undefined || v === null ? '' : typeof v === 'number' ? v : csvText(v)))), CSV_OPTIONS);
}

// Cells that make csv-stringify quote, double a quote, or leave alone; formulas the guard marks; empties; numbers.
const cell: fc.Arbitrary<CsvValue> = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'ñ', ' ', ',', '"', '\r', '\n', '=', '-', '+', '@', "'", '\t', '\u202e', '\ufffe', '😀') }),
  fc.string(),
  fc.integer({ min: -100, max: 100_000 }),
  fc.double({ noNaN: false }),
  fc.constantFrom(undefined, null, '', '0', 0, -0, '2017-06-21', 'overdue'),
);

describe('CSV through csv-stringify field by field', () => {
  it('equals csv-stringify on whole rows (random cells, empty rows, no rows)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 12 }), (rows) => {
        expect(csvTable(rows)).toBe(wholeRows(rows));
        expect(csvTable(rows)).toBe(wholeRows(rows)); // every field now from the cache
      }),
      { numRuns: 300 },
    );
  });

  it('a row made of runs of cells (cells, field) joined with commas equals the row whole', () => {
    // The export joins a commitment's own cells once for all its actors' rows (render/export.ts csvRows).
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 10 }), fc.array(fc.nat(10), { maxLength: 4 }), (row, cuts) => {
        const csv = csvWriter();
        const at = [...new Set(cuts.map((c) => c % row.length).filter((c) => c > 0))].sort((a, b) => a - b);
        const runs = [0, ...at].map((start, i) => row.slice(start, at[i] ?? row.length));
        const line = runs.map((run) => (run.length === 1 ? csv.field(run[0]) : csv.cells(run))).join(',');
        expect(`${line}\r\n`).toBe(wholeRows([row]));
        expect(csv.row(row)).toBe(wholeRows([row]));
      }),
      { numRuns: 300 },
    );
  });

  it('quotes and doubles as before on the fixed cases', () => {
    const rows: CsvValue[][] = [['id', 'text'], ['a,b', 'say "hi"'], ['line\nbreak', 'cr\ronly'], [5, -3], ['=1+1', undefined], [null, ''], []];
    expect(csvTable(rows)).toBe('id,text\r\n"a,b","say ""hi"""\r\n"line\nbreak","cr\ronly"\r\n5,-3\r\n\'=1+1,\r\n,\r\n\r\n');
    expect(csvTable(rows)).toBe(wholeRows(rows));
    expect(csvTable([])).toBe('');
  });

  it('a string and the number it spells are kept apart', () => {
    expect(csvTable([['-1', -1, '-1']])).toBe(wholeRows([['-1', -1, '-1']]));
    expect(csvTable([[-1, '-1']])).toBe("-1,'-1\r\n");
  });
});
