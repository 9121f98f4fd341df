// Output written in parts (long lists, tables and CSV) joins into exactly the text made in one piece.
import Table from 'cli-table3';
import { describe, expect, it } from 'vitest';
import { tableParts } from '../../src/render/commitment-cells.js';
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
});
