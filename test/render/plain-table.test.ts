// The direct table drawer (src/render/plain-table.ts) against cli-table3 itself: same bytes on every plain table, and
// "not plain" for whatever it cannot promise to draw the same.
import { createRequire } from 'node:module';
import Table from 'cli-table3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../fixed-seeds.js';
import { drawPlainTable, isPlainTable } from '../../src/render/plain-table.js';
import type { PlainItem, PlainRow } from '../../src/render/plain-table.js';

// The width cli-table3 itself measures with: its own string-width and that one's emoji-regex, resolved from cli-table3's
// folder (neither is a package acta declares; whichever versions cli-table3 brings are the ones to agree with).
const fromCliTable = createRequire(createRequire(import.meta.url).resolve('cli-table3'));
const stringWidth = fromCliTable('string-width') as (text: string) => number;
const emojiRegex = createRequire(fromCliTable.resolve('string-width'))('emoji-regex') as () => RegExp;

function cliTable(head: readonly string[], widths: readonly number[], rows: readonly PlainItem[]): string {
  const t = new Table({ ...(head.length ? { head: [...head] } : {}), colWidths: [...widths], wordWrap: true, style: { head: [], border: [] } });
  t.push(...rows.map((r) => (Array.isArray(r) ? [...(r as PlainRow)] : [{ colSpan: widths.length, content: String((r as { full: string | number }).full) }])));
  return t.toString();
}

// Words of every length (some longer than any column), runs of spaces and no-break spaces, line breaks, accents,
// dashes, guillemets and the ellipsis itself.
const piece = fc.oneof(
  fc.constantFrom(' ', '  ', '\u00a0', '\n', '\n\n', '—', '«', '»', '…', 'ñ', 'é', '·', '-', '#', '/', '', 'Ö'),
  fc.stringMatching(/^[a-zA-Z0-9]{1,30}$/),
);
const cell = fc.oneof(fc.array(piece, { maxLength: 25 }).map((p) => p.join('')), fc.integer({ min: -5, max: 100_000 }));
// A heading's text. Made once, outside the tables' chain: fast-check prepares a string arbitrary's biased slices when
// it is made (tokenizing its list of edge-case strings against the unit), ~3 ms each time, and a chain makes its
// arbitraries again for every case drawn (600 of them per property): 1.8 s of the file's 2.7 s. The same values.
const headText = fc.stringMatching(/^[A-Za-zé ]{0,12}$/);

describe('plain tables', () => {
  it('are drawn byte for byte as cli-table3 draws them', () => {
    const table = fc.integer({ min: 1, max: 6 }).chain((cols) =>
      fc.record({
        widths: fc.array(fc.integer({ min: 3, max: 30 }), { minLength: cols, maxLength: cols }),
        head: fc.oneof(fc.constant([] as string[]), fc.array(headText, { minLength: cols, maxLength: cols })),
        rows: fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { maxLength: 8 }),
      }),
    );
    fc.assert(
      fc.property(table, ({ widths, head, rows }) => {
        expect(isPlainTable(head, widths, rows)).toBe(true);
        expect(drawPlainTable(head, widths, rows)).toBe(cliTable(head, widths, rows));
      }),
      { numRuns: propertyRuns(600) },
    );
  });

  it('counts as plain only characters string-width measures as one column and emoji-regex leaves alone', () => {
    const plain: string[] = [];
    for (let c = 0x20; c <= 0xffff; c++) if (isPlainTable([], [10], [[String.fromCharCode(c)]])) plain.push(String.fromCharCode(c));
    expect(plain.length).toBeGreaterThan(500);
    for (const ch of plain) {
      expect(stringWidth(`a${ch}b`), `U+${ch.codePointAt(0)!.toString(16)}`).toBe(3);
      expect(emojiRegex().test(`a${ch}b`)).toBe(false);
    }
  });

  it('leaves colour codes, wide, combining and control characters, ragged rows and narrow columns to cli-table3', () => {
    for (const text of ['\u001b[31mred\u001b[39m', '日本', 'e\u0301', 'tab\there', 'cr\r', '😀', '\u200b', '\u2028']) expect(isPlainTable([], [10], [[text]]), JSON.stringify(text)).toBe(false);
    expect(isPlainTable([], [10, 10], [['one cell']])).toBe(false);
    expect(isPlainTable(['A'], [10, 10], [['a', 'b']])).toBe(false);
    expect(isPlainTable([], [2], [['x']])).toBe(false);
  });

  it('draws a head alone, and nothing for no rows and no head, as cli-table3 does', () => {
    expect(drawPlainTable(['A', 'B'], [5, 6], [])).toBe(cliTable(['A', 'B'], [5, 6], []));
    expect(drawPlainTable([], [5, 6], [])).toBe(cliTable([], [5, 6], []));
  });

  it('draws rows of one cell across every column (the work plan\u2019s headings) as cli-table3 draws a whole-width colSpan', () => {
    const table = fc.integer({ min: 1, max: 6 }).chain((cols) =>
      fc.record({
        widths: fc.array(fc.integer({ min: 3, max: 30 }), { minLength: cols, maxLength: cols }),
        head: fc.oneof(fc.constant([] as string[]), fc.array(headText, { minLength: cols, maxLength: cols })),
        rows: fc.array(fc.oneof(fc.array(cell, { minLength: cols, maxLength: cols }), cell.map((full) => ({ full }))), { maxLength: 8 }),
      }),
    );
    fc.assert(
      fc.property(table, ({ widths, head, rows }) => {
        expect(isPlainTable(head, widths, rows)).toBe(true);
        expect(drawPlainTable(head, widths, rows)).toBe(cliTable(head, widths, rows));
      }),
      { numRuns: 600 },
    );
    expect(isPlainTable([], [10], [['✓ done', '2×/año']].map((r) => r.slice(0, 1)))).toBe(true);
  });
});
