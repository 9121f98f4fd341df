// The fast path's data does not keep its file's text alive (parse-fast.ts ownCopy): js-yaml takes a scalar as a slice
// of the text, and V8 keeps a slice's whole parent. Counted in bytes of heap after full collections, never in time.
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { readPlainRecord } from '../../src/core/read/parse-fast.js';
import { LIMITS } from '../../src/core/read/index.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function heapAfterCollection(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

// A file whose text is mostly a comment: the data is a few short strings, the text ~32 KB.
function fileText(i: number): string {
  return `# ${`note ${i} `.repeat(3200)}\nrecord: meeting\nid: 2017-06-21-red-trata-${i}\ntitle: Reunión de la red número ${i}\nplace: "Ciudad de Guatemala ${i}"\n`;
}

describe('the fast path keeps no file text', () => {
  it('holds a few hundred files of data in far less than their texts', () => {
    const files = 300;
    // A first pass, its data dropped: the parser's code is compiled and optimized and its caches filled before the
    // count, so the count holds the data and not V8's own growth (measured ~250 KB on a first pass, enough to fail a
    // smaller margin).
    for (let i = 0; i < files; i++) readPlainRecord(fileText(files + i), LIMITS);
    const before = heapAfterCollection();
    const kept: unknown[] = [];
    let textBytes = 0;
    for (let i = 0; i < files; i++) {
      const text = fileText(i);
      textBytes += text.length;
      const data = readPlainRecord(text, LIMITS) as Record<string, string>;
      expect(data.id).toBe(`2017-06-21-red-trata-${i}`);
      expect(data.place).toBe(`Ciudad de Guatemala ${i}`);
      kept.push(data);
    }
    const held = heapAfterCollection() - before;
    expect(textBytes).toBeGreaterThan(8_000_000);
    // The data (three strings of 20–40 characters per file and their objects) is ~100 KB; the texts kept would be
    // 9.6 MB more.
    expect(held).toBeLessThan(textBytes / 4);
    expect(kept).toHaveLength(files);
  });
});

// A string's representation, as V8's serializer writes it after its header (and any padding bytes, 0, that align
// two-byte text): '"' one byte a character, 'c' two.
function oneByte(s: string): boolean {
  const bytes = v8.serialize(s);
  let at = 2;
  while (bytes[at] === 0) at++;
  expect([0x22, 0x63]).toContain(bytes[at]);
  return bytes[at] === 0x22;
}

describe('a text with a character beyond Latin-1 gives one-byte strings where it can', () => {
  it('copies each Latin-1 scalar one byte a character, the others as they are', () => {
    const text = `record: meeting\nid: 2017-06-21-red-trata\ntitle: Reunión de la red de Panamá\nplace: Panamá\nnotes:\n  - "Países Miembros"\n  - “Hola”, dijo…\nitems:\n  - id: 1\n    text: La coordinación regional\n`;
    expect(oneByte(text)).toBe(false);
    const data = readPlainRecord(text, LIMITS) as { id: string; title: string; place: string; notes: string[]; items: { text: string }[] };
    expect(data).toEqual({ record: 'meeting', id: '2017-06-21-red-trata', title: 'Reunión de la red de Panamá', place: 'Panamá', notes: ['Países Miembros', '“Hola”, dijo…'], items: [{ id: 1, text: 'La coordinación regional' }] });
    // Long and short, plain and quoted, at every depth: without the copy every one is two-byte, as its text is.
    for (const s of [data.id, data.title, data.place, data.notes[0]!, data.items[0]!.text]) expect(oneByte(s), s).toBe(true);
    expect(oneByte(data.notes[1]!)).toBe(false);
  });
});
