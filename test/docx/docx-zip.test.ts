// The .docx's zip (io/docx-zip.ts): an entry given in parts is deflated as it is made (fflate's streaming Zip) and
// unzips to the same bytes, every CRC right; and a Word document whose document part is streamed (io/docx-pack.ts,
// above its threshold) has every XML part the same as the one made whole — only the zip's layout differs.
import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { Document } from 'docx';
import { packDocx } from '../../src/io/docx-pack.js';
import type { ZipData } from '../../src/io/docx-zip.js';
import { zipEntries } from '../../src/io/docx-zip.js';
import type { DocumentMeta } from '../../src/render/docx/parts.js';
import { cell, heading, lazyRows, para, section, table } from '../../src/render/docx/parts.js';
import { stylesXml } from '../../src/render/docx/styles.js';

const MTIME = new Date(2017, 7, 1, 0, 0, 0);

// Every entry's CRC as its central directory header says it, by name (fflate's unzipSync does not check them).
function declaredCrcs(zip: Uint8Array): Map<string, number> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = zip.length - 22;
  const out = new Map<string, number>();
  for (let at = view.getUint32(eocd + 16, true), n = view.getUint16(eocd + 10, true); n > 0; n--) {
    const nameLength = view.getUint16(at + 28, true);
    out.set(new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength)), view.getUint32(at + 16, true));
    at += 46 + nameLength;
  }
  return out;
}

/** The zip's entries, each checked against its CRC. */
function unzipChecked(zip: Uint8Array): Record<string, Uint8Array> {
  const entries = unzipSync(zip);
  const crcs = declaredCrcs(zip);
  for (const [name, data] of Object.entries(entries)) expect(crc32(data), `the CRC of ${name}`).toBe(crcs.get(name));
  return entries;
}

// Bytes that compress (repeats) and bytes that do not, of any length up to a few blocks.
const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 3000 }),
  fc.tuple(fc.string({ maxLength: 40 }), fc.integer({ min: 0, max: 4000 })).map(([s, n]) => new TextEncoder().encode(s.repeat(n))),
);
const name = fc.oneof(fc.constantFrom('word/document.xml', '[Content_Types].xml', '_rels/.rels', 'docProps/core.xml'), fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !s.includes('/') && s !== '__proto__'), fc.constant('carpeta/año-ñ.xml'));

describe('the zip of a .docx', () => {
  it('an entry given in parts (small, large, empty) unzips to their bytes, beside whole entries', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(bytes, fc.constant(new Uint8Array(0)), fc.constant(new TextEncoder().encode('')), fc.integer({ min: 1, max: 2 }).map((m) => new Uint8Array(m * 600_000).fill(97))), { maxLength: 6 }), bytes, (parts, whole) => {
        const entries: [string, ZipData][] = [['a.xml', whole], ['word/document.xml', { parts: () => parts }], ['z.xml', whole]];
        const back = unzipChecked(zipEntries(entries, MTIME));
        expect(Object.keys(back)).toEqual(['a.xml', 'word/document.xml', 'z.xml']);
        expect(Buffer.from(back['word/document.xml']!).equals(Buffer.concat(parts))).toBe(true);
        expect(Buffer.from(back['z.xml']!).equals(Buffer.from(whole))).toBe(true);
      }),
      { numRuns: 15 },
    );
  });
});

const META: DocumentMeta = { lang: 'es', issued: '2017-08-01', original: 'es' };

// A document with small tables (one piece each), a large one (pieces of 50 rows), links among them.
function document(): Document {
  const rows = Array.from({ length: 70 }, (_, i) => [cell([`fila ${i} «ñ» <&>`]), cell([String(i)]), cell([{ url: `https://example.org/${i % 7}` }])]);
  const small = (n: number) => table({ head: ['a', 'b', 'c'], rows: lazyRows(rows.slice(0, n), (c) => c) });
  return new Document({ creator: 'acta', title: 't', externalStyles: stylesXml('es'), sections: [section(META, [heading(1, 'uno'), small(3), heading(2, 'dos'), table({ head: ['a', 'b', 'c'], rows: lazyRows(rows, (c) => c) }), small(40), para(['fin'])])] });
}

describe('a Word document whose document part is streamed', () => {
  it('has every part the same as the one made whole; only that part is compressed otherwise', async () => {
    const whole = await packDocx(document(), '2017-08-01');
    const streamed = await packDocx(document(), '2017-08-01', 0);
    expect(Buffer.from(whole).equals(Buffer.from(streamed))).toBe(false);
    const [a, b] = [unzipChecked(whole), unzipChecked(streamed)];
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const n of Object.keys(a)) expect(strFromU8(b[n]!), n).toBe(strFromU8(a[n]!));
    expect(strFromU8(a['word/document.xml']!)).toContain('rIdH1');
    // Made twice, the same bytes (the streamed form is as deterministic as the whole).
    expect(Buffer.from(await packDocx(document(), '2017-08-01', 0)).equals(Buffer.from(streamed))).toBe(true);
  });
});
