// `list commitments` makes each view when its output reaches it (issue 24, memory: at 8,000 meetings ~112,000 views
// made whole held the peak at 500 MB). The table and CSV writers read their items once, a chunk at a time, so a list
// made as read never exists whole. Counts the items made, never time. And idCell's shortcut against its general split.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LazyList } from '../../src/core/queries/lazy-list.js';
import { idCell, renderTable, tableParts } from '../../src/render/commitment-cells.js';
import { csvParts, csvTable } from '../../src/render/csv.js';
import { oneLine } from '../../src/render/escape.js';
import { PLAIN } from '../../src/render/style.js';

const N = 1234;
const items = Array.from({ length: N }, (_, i) => ({ id: `M-${i}#${i % 7}`, text: `task ${i} with some words to wrap around the column ${'x'.repeat(i % 40)}` }));

/** A LazyList over `items` that counts the items it has made. */
function counted(): { list: LazyList<(typeof items)[number]>; made: () => number } {
  let made = 0;
  return { list: LazyList.map(items, (x) => (made++, x)), made: () => made };
}

describe('tableParts and csvParts read a list made as read one chunk at a time', () => {
  it('table (piped): the first part is drawn after at most a chunk of items is made, and the parts join into the whole table', () => {
    const { list, made } = counted();
    const parts = tableParts(['id', 'text'], [26, 40], list, (x) => [x.id, x.text], PLAIN);
    const first = parts.next();
    expect(first.done).toBe(false);
    expect(made()).toBeGreaterThan(0);
    expect(made()).toBeLessThanOrEqual(200);
    const rest = [...parts].join('');
    expect(made()).toBe(N);
    expect(first.value + rest).toBe(renderTable(['id', 'text'], [26, 40], items.map((x) => [x.id, x.text]), PLAIN));
  });

  it('table fitted to a terminal: every item is read once (the widths need them all), the same table as from the array', () => {
    const { list, made } = counted();
    const text = [...tableParts(['id', 'text'], [26, 40], list, (x) => [x.id, x.text], PLAIN, 60)].join('');
    expect(made()).toBe(N);
    expect(text).toBe(renderTable(['id', 'text'], [26, 40], items.map((x) => [x.id, x.text]), PLAIN, 60));
  });

  it('CSV: the header, then parts of at most 500 rows, each made when its part is; the same text as csvTable', () => {
    const { list, made } = counted();
    const parts = csvParts(['id', 'text'], list, (x) => [x.id, x.text]);
    expect(parts.next().value).toBe('id,text\r\n');
    expect(made()).toBe(0);
    const second = parts.next().value as string;
    expect(made()).toBe(500);
    expect(second.split('\r\n').length - 1).toBe(500);
    const rest = [...parts];
    expect(rest.map((p) => p.split('\r\n').length - 1)).toEqual([500, N - 1000]);
    expect(['id,text\r\n', second, ...rest].join('')).toBe(csvTable([['id', 'text'], ...items.map((x) => [x.id, x.text])]));
  });
});

describe('idCell', () => {
  // What it was before its shortcut for the common id (record and point each within the width): the general split.
  const general = (raw: string, width = 24): string => {
    const id = oneLine(raw);
    const hash = id.indexOf('#');
    const parts = hash < 0 ? [id] : [id.slice(0, hash), id.slice(hash)];
    return parts.flatMap((p) => Array.from({ length: Math.ceil(p.length / width) }, (_, i) => p.slice(i * width, (i + 1) * width))).join('\n');
  };
  it('equals the general split on any id and width, long records and points, leading or no # and control characters included', () => {
    const id = fc.tuple(fc.string({ maxLength: 40 }), fc.option(fc.string({ maxLength: 40 }))).map(([a, b]) => (b === null ? a : `${a}#${b}`));
    fc.assert(fc.property(id, fc.integer({ min: 1, max: 30 }), (raw, width) => idCell(raw, width) === general(raw, width) && idCell(raw) === general(raw)), { numRuns: 3000 });
    for (const raw of ['', '#', '#1', 'M#', 'CRM-2017-GRCM-XXI-extraordinaria#12.b', '2017-06-22-grcm#3/2', 'A'.repeat(24) + '#' + 'B'.repeat(23), 'A'.repeat(25) + '#1', 'x\ny#z\t1']) expect(idCell(raw), raw).toBe(general(raw));
  });
});
