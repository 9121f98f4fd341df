// The CSV writer (src/render/csv.ts) against csv-stringify with the options acta used to give it: the same bytes on
// random tables of text (quotes, commas, CR, LF, formulas, unsafe code points) and numbers.
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CsvValue } from '../../src/render/csv.js';
import { csvTable } from '../../src/render/csv.js';
import { csvText } from '../../src/render/escape.js';

const reference = (rows: readonly (readonly CsvValue[])[]): string =>
  stringify(
    rows.map((r) => r.map((v) => (v === undefined || v === null ? '' : typeof v === 'number' ? v : csvText(v)))),
    { record_delimiter: 'windows', quoted_match: /[\r\n]/ },
  );

const piece = fc.oneof(fc.constantFrom('"', ',', '\r', '\n', '\r\n', ' ', '=', '-', '+', '@', '\t', '\u0000', 'ñ', "'", ';', '""'), fc.string({ maxLength: 5 }));
const value: fc.Arbitrary<CsvValue> = fc.oneof(
  fc.array(piece, { maxLength: 8 }).map((p) => p.join('')),
  fc.integer({ min: -1000, max: 100_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(undefined, null, '', 0),
);

describe('csvTable', () => {
  it('writes what csv-stringify writes', () => {
    fc.assert(
      fc.property(fc.array(fc.array(value, { minLength: 1, maxLength: 6 }), { maxLength: 6 }), (rows) => {
        expect(csvTable(rows)).toBe(reference(rows));
      }),
      { numRuns: 1000 },
    );
    expect(csvTable([['a,b', 'say "hi"', 'x\ny', 3, undefined]])).toBe('"a,b","say ""hi""","x\ny",3,\r\n');
  });
});
