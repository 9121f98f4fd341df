// Word documents in bounded memory (render/docx/deferred.ts): table rows and the texts of points are made and written a
// piece at a time while the library writes the document, and spliced in at packing. The claim is that this changes
// nothing in the file: the same documents made whole, as the library alone makes them, give the same bytes — on the
// records, and on tables of any text (fast-check: markup, quotes, control characters, astral and lone surrogates,
// links), so acta's writer of a piece's XML (xml-text.ts) writes what the library's would. And that the pieces are
// made only when written: building the document makes none of their objects.
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Document } from 'docx';
import fc from 'fast-check';
import { BINARY } from '../binary-unit.js';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { packDocx } from '../../src/io/docx-pack.js';
import { deferredChunks, setDeferring } from '../../src/render/docx/deferred.js';
import type { Cell, DocumentMeta, Line } from '../../src/render/docx/parts.js';
import { cell, heading, lazyRows, para, section, table } from '../../src/render/docx/parts.js';
import { stylesXml } from '../../src/render/docx/styles.js';
import { runActa } from '../run-acta.js';

let root = '';
beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'acta-docx-deferred-'));
  cpSync(path.resolve('test/fixtures/followup'), root, { recursive: true });
});
afterEach(() => setDeferring(true));

async function written(args: string[], file: string, defer: boolean): Promise<Buffer> {
  setDeferring(defer);
  const r = await runActa([...args, '-f', 'docx', '-o', path.join(root, file), '--root', root, '--as-of', '2020-09-01'], { cwd: root });
  setDeferring(true);
  expect(r.code, r.stderr).toBe(0);
  return readFileSync(path.join(root, file));
}

const META: DocumentMeta = { lang: 'es', issued: '2017-08-01', original: 'es' };

function tableDocument(rows: readonly (readonly Cell[])[]): Document {
  return new Document({ creator: 'acta', title: 't', externalStyles: stylesXml('es'), sections: [section(META, [heading(1, 'h'), table({ head: ['a', { text: 'b', num: true }, 'c'], widths: [20, 10, 70], rows: lazyRows(rows, (cells) => cells), total: [cell(['total']), cell(['1']), cell()] }), para(['end'])])] });
}

async function bothWays(build: () => Document): Promise<[Buffer, Buffer]> {
  const deferred = Buffer.from(await packDocx(build(), '2017-08-01'));
  setDeferring(false);
  const whole = Buffer.from(await packDocx(build(), '2017-08-01'));
  setDeferring(true);
  return [deferred, whole];
}

describe('a document written in pieces is the document made whole', () => {
  it('a report with its annex (a statement per country) and the texts of points, byte for byte', async () => {
    const deferred = await written(['report', '--annex', '--texts'], 'pieces.docx', true);
    const whole = await written(['report', '--annex', '--texts'], 'whole.docx', false);
    expect(deferred.equals(whole)).toBe(true);
  });

  it('tables of any text, any length (rows across several pieces), links among them', async () => {
    const text = fc.oneof(fc.string({ unit: BINARY, maxLength: 12 }), fc.constantFrom('<w:t>x</w:t>', '"\'&<>', '\u0000\u0007\u000b\u001f\u007f', '\ud83d\ude00 \ud800 \udc00', ']]>', 'a\r\nb\tc', ''));
    const piece = fc.oneof(text, fc.record({ text, style: fc.constantFrom('muted', 'late', 'bold', 'italic') as fc.Arbitrary<'muted' | 'late' | 'bold' | 'italic'> }), fc.constantFrom({ url: 'https://example.org/a?b=1&c=2' }, { url: 'mailto:x' }, { br: true as const }));
    const line: fc.Arbitrary<Line> = fc.array(piece, { maxLength: 4 });
    const row = fc.array(fc.array(line, { maxLength: 3 }).map((lines): Cell => ({ lines })), { minLength: 3, maxLength: 3 });
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 110 }), async (rows) => {
        const [deferred, whole] = await bothWays(() => tableDocument(rows));
        expect(deferred.equals(whole)).toBe(true);
      }),
      { numRuns: 12 },
    );
  });
});

describe('pieces carry their final ids', () => {
  // A piece with links is written with its relationship ids already named as the packer names them (rIdH<n>, the n-th
  // of the document's relationships), counting the links written before it outside any piece; a small table is one
  // piece, a large one a piece per 50 rows. The same bytes as the document made whole, renumbered at packing.
  it('links in the text between tables, in small and large tables, and in a heading’s bookmark', async () => {
    const link = (n: number): Line => [`before ${n} `, { url: `https://example.org/${n}` }];
    const rows = (n: number, from: number): Cell[][] => Array.from({ length: n }, (_, i) => [cell(link(from + i)), cell([String(i)])]);
    const t = (n: number, from: number) => table({ head: ['a', 'b'], rows: lazyRows(rows(n, from), (cells) => cells) });
    const build = (): Document => new Document({ creator: 'acta', externalStyles: stylesXml('es'), sections: [section(META, [para(link(0)), t(3, 100), para(link(1)), t(120, 200), heading(1, 'h'), para(link(2)), t(1, 400), para(link(3))])] });
    const [deferred, whole] = await bothWays(build);
    expect(deferred.equals(whole)).toBe(true);
    const xml = strFromU8(unzipSync(deferred)['word/document.xml']!);
    // Every link's relationship id is the packer's name, in order of appearance (rId<n>: the header's and footer's).
    const ids = [...xml.matchAll(/r:id="(rId[^"]+)"/g)].map((m) => m[1]).filter((id) => !/^rId\d+$/.test(id!));
    expect(ids).toEqual(Array.from({ length: 1 + 3 + 1 + 120 + 1 + 1 + 1 }, (_, i) => `rIdH${i + 1}`));
  });
});

describe('pieces are made when the document is written, not before', () => {
  it('building the document makes none of a table’s rows; writing it makes each piece once, in order', async () => {
    const made: number[] = [];
    const items = Array.from({ length: 120 }, (_, i) => i);
    const doc = (): Document => new Document({ creator: 'acta', externalStyles: stylesXml('es'), sections: [section(META, deferredChunks(items, 50, (chunk) => { made.push(chunk[0]!); return chunk.map((i) => para([`point ${i}`])); }))] });
    const built = doc();
    expect(made).toEqual([]);
    const xml = strFromU8(unzipSync(await packDocx(built, '2017-08-01'))['word/document.xml']!);
    expect(made).toEqual([0, 50, 100]);
    expect(xml.match(/point \d+/g)).toEqual(items.map((i) => `point ${i}`));
    expect(xml).not.toContain('acta:piece');
  });
});
