// The canonical layout: schema key order, comments kept, idempotent, and the data provably the same.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { Document, parse, parseDocument, Scalar, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../fixed-seeds.js';
import { checkSameMeaning, formatRecordText, PARSE_OPTIONS } from '../../src/core/format/format.js';
import { keyOrderFor } from '../../src/core/format/key-order.js';
import { canBePlain } from '../../src/core/format/scalars.js';
import { parseRecordFile } from '../../src/core/read/parse.js';
import { kindOf } from '../../src/core/records.js';
import { readSchemas } from '../../src/io/schemas.js';
import { saidText } from '../../src/render/diagnostic-text.js';
import { collect } from './yaml-nodes.js';

const schemas = readSchemas();
const MEETING_ORDER = keyOrderFor(schemas, 'meeting');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? yamlFiles(full) : /\.ya?ml$/.test(name) ? [full] : [];
  });
}

function formatFile(full: string, root: string): { skipped: true } | { skipped: false; before: string; after: ReturnType<typeof formatRecordText> } {
  const bytes = readFileSync(full);
  const parsed = parseRecordFile(path.relative(root, full).split(path.sep).join('/'), bytes);
  if (parsed.diagnostics.some((d) => d.severity === 'error')) return { skipped: true };
  const kind = kindOf(parsed);
  const before = bytes.toString('utf8');
  return { skipped: false, before, after: formatRecordText(before, kind ? keyOrderFor(schemas, kind) : undefined) };
}

const dataOf = (text: string): unknown => parseDocument(text.replace(/^\uFEFF/, ''), PARSE_OPTIONS).toJS();
const commentsOf = (text: string): string[] => [...text.matchAll(/#[^\n]*/g)].map((m) => m[0]).filter((c) => !c.includes('"')).sort();

describe('acta fmt on every bundled and fixture record', () => {
  const files = [...yamlFiles(path.resolve('data')).map((f) => [f, 'data'] as const), ...yamlFiles(path.resolve('test/fixtures')).map((f) => [f, f.split('/fixtures/')[1]!.split('/')[0]!] as const)];

  it('finds the files', () => {
    expect(files.length).toBeGreaterThan(15);
  });

  it.each(files.map(([f, group]) => [path.relative(process.cwd(), f), f, group]))('%s: idempotent, same data, comments kept', (_shown, full, group) => {
    const root = group === 'data' ? path.resolve('data') : path.resolve('test/fixtures', group);
    const result = formatFile(full, root);
    if (result.skipped) return;
    expect(result.after.ok, result.after.ok ? '' : JSON.stringify(result.after.reason)).toBe(true);
    if (!result.after.ok) return;
    const text = result.after.text;
    expect(dataOf(text)).toEqual(dataOf(result.before));
    expect(formatRecordText(text, undefined).ok).toBe(true);
    const again = formatRecordText(text, keyOrderFor(schemas, kindOf(parseRecordFile('x.yaml', Buffer.from(text))) ?? 'config'));
    expect(again.ok && again.text).toBe(text);
    expect(commentsOf(text)).toEqual(commentsOf(result.before));
  });
});

describe('the layout', () => {
  it('puts keys in schema order, indents by 2, normalises quotes and keeps every comment (golden)', async () => {
    const r = formatRecordText(readFileSync('test/fixtures/fmt/messy-meeting.yaml', 'utf8'), MEETING_ORDER);
    expect(r.ok).toBe(true);
    if (r.ok) await expect(r.text).toMatchFileSnapshot('../golden/fmt/messy-meeting.yaml');
  });

  it('strips a BOM and turns CRLF into LF', () => {
    const r = formatRecordText('\uFEFFrecord: meeting\r\nid: x # note\r\n', MEETING_ORDER);
    expect(r).toEqual({ ok: true, text: 'record: meeting\nid: x # note\n' });
  });

  it('quotes what a YAML 1.1 reader would misread, and only that', () => {
    const r = formatRecordText("record: meeting\nid: 2017-03-16\nbody: no\nsummary: {es: 'plain enough', en: on}\nordinal: 3\n'dates': {start: \"x\"}\n", MEETING_ORDER);
    expect(r.ok && r.text).toBe('record: meeting\nid: "2017-03-16"\nbody: "no"\nordinal: 3\ndates: { start: "x" }\nsummary: { es: "plain enough", en: "on" }\n');
    for (const s of ['no', 'yes', 'on', '2017-03-16', '1', '1.0', '0x1F', '~', 'null', ' x', 'a: b', 'a #b', '']) expect(canBePlain(s), s).toBe(false);
    for (const s of ['red-nna', 'Tegucigalpa', 'a b c', 'Q1', 'I']) expect(canBePlain(s), s).toBe(true);
  });

  it('keeps unknown keys, after the known ones, in their own order', () => {
    const r = formatRecordText('zeta: 1\nid: x\nalpha: 2\nrecord: meeting\n', MEETING_ORDER);
    expect(r.ok && r.text).toBe('record: meeting\nid: x\nzeta: 1\nalpha: 2\n');
  });

  it('refuses text that is not one YAML document', () => {
    expect(formatRecordText('a: [1\n', MEETING_ORDER).ok).toBe(false);
    expect(formatRecordText('a: 1\na: 2\n', MEETING_ORDER).ok).toBe(false);
    expect(formatRecordText('a: 1\nb: {x: 1, "x": 2}\n', MEETING_ORDER).ok).toBe(false);
    expect(formatRecordText('1: a\n"1": b\n', MEETING_ORDER).ok).toBe(false);
  });

  it('says when two texts differ in data or in comments', () => {
    expect(checkSameMeaning('a: 1 # c\n', 'a: 1 # c\n')).toBeUndefined();
    const data = checkSameMeaning('a: "1"\n', 'a: 1\n')!;
    const comment = checkSameMeaning('a: 1 # c\n', 'a: 1\n')!;
    // The core says a catalog key; the words are the edge's, in either language.
    expect([data.say, comment.say]).toEqual(['layout.changesData', 'layout.losesComment']);
    expect(saidText(data, 'en')).toMatch(/change the data/);
    expect(saidText(data, 'es')).toMatch(/cambiaría los datos/);
    expect(saidText(comment, 'es')).toMatch(/comentario/);
    const alias = formatRecordText('a: &x 1\nb: *x\n', undefined);
    expect(alias.ok ? '' : saidText(alias.reason, 'es')).toBe('los registros no usan anclas ni alias');
    expect(alias.ok ? '' : saidText(alias.reason, 'en')).toBe('records do not use anchors or aliases');
  });
});

// Records made of awkward text, written by the yaml library in random styles, with comments in random places.
const awkward = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('no', 'yes', 'on', '2017-03-16', '1', '0x1F', '~', '', ' lead', 'trail ', 'a: b', 'a #b', '- x', '"q"', "it's", '@x', '%', '#', 'línea\ncon salto', 'tab\there', '\u00e9\u00f1', '[x]', '{y}', '*a', '&b', '!t', '|', '>'),
);
const text = fc.record({ es: awkward, en: awkward }, { requiredKeys: ['es'] });
const agreement = fc.record({ number: fc.constantFrom('1', '2', 'a', '10'), action: fc.constantFrom('thank', 'request'), text, actors: fc.array(fc.constantFrom('st', 'MX', 'iom'), { maxLength: 3 }) }, { requiredKeys: ['number', 'text'] });
const meeting = fc.record({ record: fc.constant('meeting'), id: awkward, body: awkward, dates: fc.record({ start: awkward, end: awkward }, { requiredKeys: ['start'] }), summary: text, agreements: fc.array(agreement, { maxLength: 4 }), extra: fc.dictionary(awkward, awkward, { maxKeys: 3 }) }, { requiredKeys: ['record', 'agreements'] });

function shuffleKeys(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((v, i) => shuffleKeys(v, seed + i));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  if (seed % 2) entries.reverse();
  return Object.fromEntries(entries.map(([k, v], i) => [k, shuffleKeys(v, seed + i + 1)]));
}

describe('properties', () => {
  it('for generated records: formatting succeeds, keeps the data and the comments, and is idempotent', () => {
    fc.assert(
      fc.property(meeting, fc.nat(1000), fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'), fc.boolean(), fc.array(fc.nat(50), { maxLength: 4 }), (record, seed, quote, flow, commentAt) => {
        const doc = new Document(shuffleKeys(record, seed));
        let n = 0;
        const nodes: { commentBefore?: string | null; comment?: string | null }[] = [];
        doc.contents && collect(doc.contents, nodes);
        for (const at of commentAt) {
          const node = nodes[at % Math.max(1, nodes.length)];
          if (node) node.commentBefore = ` comment ${n++}`;
        }
        const source = doc.toString({ defaultStringType: quote as Scalar.Type, collectionStyle: flow ? 'flow' : 'any', lineWidth: 40 });
        const r = formatRecordText(source, MEETING_ORDER);
        if (!r.ok) throw new Error(`${JSON.stringify(r.reason)}\n${source}`);
        expect(parse(r.text, { schema: 'core', version: '1.2' })).toEqual(parse(source, { schema: 'core', version: '1.2' }));
        const again = formatRecordText(r.text, MEETING_ORDER);
        expect(again.ok && again.text).toBe(r.text);
        expect(r.text.endsWith('\n') && !r.text.includes('\r')).toBe(true);
      }),
      { numRuns: propertyRuns(300) },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        formatRecordText(s, MEETING_ORDER);
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips what yaml.stringify writes', () => {
    fc.assert(
      fc.property(meeting, (record) => {
        const r = formatRecordText(stringify(record), MEETING_ORDER);
        expect(r.ok).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

