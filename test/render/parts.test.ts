// Output written in parts (long lists, tables and CSV) joins into exactly the text made in one piece.
import Table from 'cli-table3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExportFeed } from '../../src/core/queries/export.js';
import { LazyList } from '../../src/core/queries/lazy-list.js';
import type { CommitmentView } from '../../src/core/queries/view.js';
import { jsonText, jsonTextParts } from '../../src/render/escape.js';
import { icsParts } from '../../src/render/ics.js';
import { exportCsvParts } from '../../src/render/export.js';
import { tableParts } from '../../src/render/commitment-cells.js';
import { PART_CHARS } from '../../src/render/part-size.js';
import { csvParts, csvTable } from '../../src/render/csv.js';
import { PLAIN } from '../../src/render/style.js';

describe('output in parts', () => {
  const items = Array.from({ length: 1234 }, (_, i) => ({ id: `2017-06-21-red-trata#${i}`, text: i % 9 === 0 ? 'a "quoted", multi\nline cell =1+1' : `row ${i}` }));

  it('CSV: header and rows a few hundred at a time, the same bytes as one csvTable', () => {
    const parts = [...csvParts(['id', 'text'], items, (x) => [x.id, x.text])];
    expect(parts.length).toBeGreaterThan(2);
    expect(parts.join('')).toBe(csvTable([['id', 'text'], ...items.map((x) => [x.id, x.text])]));
    expect([...csvParts(['id'], [], (x: { id: string }) => [x.id])].join('')).toBe(csvTable([['id']]));
  });

  it('tables: rows made chunk by chunk join into the table of every row at once', () => {
    let made = 0;
    const parts = tableParts(['A', 'B'], [30, 20], items, (x) => (made++, [x.id, x.text]), PLAIN);
    const first = parts.next();
    expect(first.done).toBe(false);
    expect(made).toBeLessThan(items.length); // piped: rows are made as their part is
    const rest = [...parts];
    const one = new Table({ head: ['A', 'B'], colWidths: [30, 20], wordWrap: true, style: { head: [], border: [] } });
    one.push(...items.map((x) => [x.id, x.text]));
    expect(first.value + rest.join('')).toBe(one.toString());
  });

  it('tables: no part is a large object for V8 (over 64K characters), long rows or short; the same table whole', () => {
    // Rows of ~1,000 characters drawn (a task wrapped over ~20 lines): 200 of them, the old fixed chunk, are ~200,000.
    const long = Array.from({ length: 700 }, (_, i) => ({ id: `2017-06-21-red-trata#${i}`, text: `${'word '.repeat(i % 3 === 0 ? 180 : 8)}${i}` }));
    for (const list of [long, items]) {
      const parts = [...tableParts(['A', 'B'], [30, 60], list, (x) => [x.id, x.text], PLAIN)];
      expect(parts.length).toBeGreaterThan(3);
      // 128 KB of two-byte characters (a header of 16 bytes): past it V8 makes the string in its large-object space.
      for (const p of parts) expect(p.length).toBeLessThanOrEqual((128 * 1024 - 16) / 2);
      expect(Math.max(...parts.map((p) => p.length))).toBeGreaterThan(PART_CHARS / 2);
      const one = new Table({ head: ['A', 'B'], colWidths: [30, 60], wordWrap: true, style: { head: [], border: [] } });
      one.push(...list.map((x) => [x.id, x.text]));
      expect(parts.join('')).toBe(one.toString());
    }
  });

  it('CSV: long rows come in parts of about PART_CHARS characters (none a large object), the same bytes as one csvTable', () => {
    const long = Array.from({ length: 900 }, (_, i) => ({ id: `2017-06-21-red-trata#${i}`, text: `${'palabra, “dicha” '.repeat(i % 4 === 0 ? 60 : 3)}${i}` }));
    const parts = [...csvParts(['id', 'text'], long, (x) => [x.id, x.text])];
    expect(parts.length).toBeGreaterThan(5);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(PART_CHARS + 2_000);
    expect(parts.join('')).toBe(csvTable([['id', 'text'], ...long.map((x) => [x.id, x.text])]));
  });

  it('export CSV: a part holds whole commitments up to about PART_CHARS characters, every part ending a row', () => {
    const view = (i: number): CommitmentView =>
      ({ id: `2017-06-21-red-trata#${i}`, ref: `2017-06-21-red-trata#${i}`, record: '2017-06-21-red-trata', kind: 'agreement', body: { id: 'crm', label: 'CRM' }, task: { text: `Tarea “${i}”, ${'larga '.repeat(i % 5 === 0 ? 150 : 5)}`, lang: 'es' }, owners: [{ id: 'mm', label: 'MM' }], owed: [{ id: 'mx', label: 'México' }, { id: 'gt', label: 'Guatemala' }, { id: 'sv', label: 'El Salvador' }], pending: [], owing: [], delivered: [], due: { kind: 'dated', day: '2025-03-01', period: { precision: 'day' } }, extensions: [], state: 'overdue', daysLate: 3 }) as unknown as CommitmentView;
    const parts = [...exportCsvParts({ version: 1, asOf: '2025-03-04', lang: 'es', count: 600, commitments: Array.from({ length: 600 }, (_, i) => view(i)) })];
    expect(parts.length).toBeGreaterThan(5);
    for (const p of parts) {
      expect(p.endsWith('\r\n')).toBe(true);
      expect(p.length).toBeLessThanOrEqual(PART_CHARS + 3 * 1_200);
    }
    const rows = parts.join('').split('\r\n');
    expect(rows.length).toBe(1 + 3 * 600 + 1); // the header, three rows a commitment, the empty end
    expect(rows[1]!.startsWith('2017-06-21-red-trata#0,')).toBe(true);
  });

  it('JSON: jsonTextParts joins into exactly jsonText, for any value (nested, empty, unwritten members, hostile text)', () => {
    const hostile = fc.constantFrom('', 'a\u2028b', '\u202e', '\u0085', 'line\nbreak', '"quoted"', '😀', '\ufdd0', '\u007f');
    const leaf = fc.oneof(fc.string(), hostile, fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null), fc.constant(undefined));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 5 }), fc.dictionary(fc.oneof(fc.string(), hostile), tie('node'), { maxKeys: 5 })),
    })).node;
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 4 }), (v, depth) => {
        if (v === undefined) return;
        expect([...jsonTextParts(v, depth)].join('')).toBe(jsonText(v));
      }),
      { numRuns: 300 },
    );
  });

  it('JSON: long arrays at every depth (items batched through one JSON.stringify) join into exactly jsonText', () => {
    const kinds = [(i: number) => ({ id: `c${i}`, text: `row ${i} \u2028`, nested: { a: [i, null, []], b: undefined, c: {} } }), (i: number) => i, () => undefined, () => null, (i: number) => [i, [i, { x: i }]], () => ({}), () => [], (i: number) => `s\n${i}`, (i: number) => ({ toJSON: (key: string) => ({ key, i }) }), (i: number) => new LazyList(2, function* () { yield i; yield { i }; })];
    const long = (n: number): unknown[] => Array.from({ length: n }, (_, i) => kinds[(i * 7) % kinds.length]!(i));
    for (const n of [0, 1, 63, 64, 65, 200]) {
      const value = { a: long(n), b: { c: long(n), d: [long(n), long(3)] }, list: LazyList.map(long(n), (x) => x) };
      for (const depth of [1, 2, 3, 4]) expect([...jsonTextParts(value, depth)].join('')).toBe(jsonText(value));
      expect([...jsonTextParts(long(n), 1)].join('')).toBe(jsonText(long(n)));
    }
  });

  it('JSON: a long text is cut into pieces, never between the halves of a surrogate pair', () => {
    for (const pad of ['', 'a']) {
      const value = { items: Array.from({ length: 40 }, (_, i) => ({ text: `${pad}${'😀'.repeat(5000 + i)}` })), one: `${pad}${'😀'.repeat(300_000)}` };
      const parts = [...jsonTextParts(value)];
      expect(parts.length).toBeGreaterThan(10);
      for (const p of parts) expect(/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(p)).toBe(false); // no half pair at either end
      expect(Math.max(...parts.map((p) => p.length))).toBeLessThanOrEqual(2 * 65536 + 2);
      expect(parts.join('')).toBe(jsonText(value));
    }
  });

  it('JSON: a long list comes in pieces of about 64 KB, its LazyList items made as they are written', () => {
    let made = 0;
    const list = new LazyList(5000, function* () {
      for (let i = 0; i < 5000; i++) yield (made++, { id: `c${i}`, text: `row ${i} \u2028`, nested: { a: [i, null], b: undefined } });
    });
    const value = { version: 1, count: list.length, commitments: list, empty: [], none: {} };
    const parts = jsonTextParts(value);
    const first = parts.next();
    expect(first.done).toBe(false);
    expect(made).toBeLessThan(5000); // the first piece is out before the last item is made
    const rest = [...parts];
    expect(rest.length).toBeGreaterThan(3);
    expect(first.value + rest.join('')).toBe(jsonText(value)); // LazyList.toJSON: the same text JSON.stringify gives
  });

  it('iCalendar: events in parts join into the calendar of the same events made in one piece', () => {
    const view = (i: number): CommitmentView =>
      ({ id: `2017-06-21-red-trata#${i}`, ref: `2017-06-21-red-trata#${i}`, record: '2017-06-21-red-trata', recordKind: 'meeting', kind: 'agreement', body: { id: 'crm', label: 'CRM' }, task: { text: `Tarea número ${i}, larga ${'á'.repeat(i % 90)}`, lang: 'es' }, owners: [{ id: 'st', label: 'ST' }], owed: [{ id: 'st', label: 'ST' }], pending: [], owing: [{ id: 'st', label: 'ST' }], delivered: [], due: { kind: 'date', day: '2025-03-01' }, extensions: [], state: i % 3 ? 'overdue' : 'cancelled', daysLate: 3 }) as unknown as CommitmentView;
    const feed = (n: number): ExportFeed => ({ version: 1, asOf: '2025-03-04', lang: 'es', count: n, commitments: Array.from({ length: n }, (_, i) => view(i)) });
    const one = (i: number): string => {
      const text = [...icsParts({ ...feed(1), commitments: [view(i)] })].join('');
      return text.slice(text.indexOf('BEGIN:VEVENT'), text.indexOf('END:VCALENDAR'));
    };
    const parts = [...icsParts(feed(900))];
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) expect(p.endsWith('\r\n')).toBe(true); // split between lines only
    const whole = parts.join('');
    const head = whole.slice(0, whole.indexOf('BEGIN:VEVENT'));
    expect(whole).toBe(`${head}${Array.from({ length: 900 }, (_, i) => one(i)).join('')}END:VCALENDAR\r\n`);
  });
});
