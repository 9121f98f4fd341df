// The bundle's js-yaml (scripts/js-yaml-patch.mjs: readFlowCollection's `overridableKeys` made after its early return)
// reads every text as node_modules' js-yaml does: the same data, the same error (message and place), the same
// listener events in the same order — over the grammar's generated texts (valid and not), every YAML file of data/ and
// the test fixtures, and named cases for what `overridableKeys` is for (merge keys `<<` and duplicate keys in flow
// mappings, pairs in flow sequences).
import { readdirSync, readFileSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a build script, plain JavaScript
import { patchJsYaml } from '../../scripts/js-yaml-patch.mjs';
import { generateYaml } from './yaml-grammar.js';

type JsYaml = typeof import('js-yaml');
const ROOT = path.resolve(import.meta.dirname, '../..');
const ORIGINAL = path.join(ROOT, 'node_modules/js-yaml/dist/js-yaml.mjs');

let dir: string;
let original: JsYaml;
let patched: JsYaml;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'acta-js-yaml-'));
  const file = path.join(dir, 'js-yaml.mjs');
  // (without its source map comment: the map is not copied beside it)
  writeFileSync(file, (patchJsYaml(readFileSync(ORIGINAL, 'utf8')) as string).replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n'));
  original = ((await import(pathToFileURL(ORIGINAL).href)) as { default: JsYaml }).default;
  patched = ((await import(pathToFileURL(file).href)) as { default: JsYaml }).default;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// What a load gives: its data (or its error, message and place) and every listener event with the state it sees.
function reading(jsYaml: JsYaml, text: string, schema: 'core' | 'default'): unknown {
  const events: unknown[] = [];
  const listener = (event: string, state: { position: number; kind: string | null; result: unknown; line: number }) => {
    const result = state.result;
    events.push(event, state.position, state.line, state.kind, event === 'open' || (result !== null && typeof result === 'object') ? null : result);
  };
  try {
    const data = jsYaml.load(text, { schema: schema === 'core' ? jsYaml.CORE_SCHEMA : jsYaml.DEFAULT_SCHEMA, listener } as Parameters<JsYaml['load']>[1]);
    return { data: JSON.stringify(data) ?? 'undefined', events };
  } catch (e) {
    return { error: String((e as Error).message), events };
  }
}

function yamlFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

const NAMED = [
  'a: {<<: {x: 1}, y: 2}',
  'base: &b {x: 1, y: 2}\nm: {<<: *b, y: 3}',
  'base: &b {x: 1}\nm: {y: 3, <<: *b}',
  'm: {a: 1, a: 2}',
  'm: [a: 1, b: 2, {c: 3}]',
  's: [? a : b, ? c]',
  's: [<<: {x: 1}]',
  'm: {<<: [{x: 1}, {y: 2}], z: 0}',
  'm: {[a]: 1}',
  'x: [a, b\n  c]',
  'x: [a, b',
  'x: {a: 1,, b: 2}',
  'x: [1, 2, 3]\ny: {}\nz: []',
];

describe("the bundle's js-yaml (scripts/js-yaml-patch.mjs)", () => {
  it('moves only the declaration: one change, and a js-yaml without the code it knows fails the build', () => {
    const source = readFileSync(ORIGINAL, 'utf8');
    const out = patchJsYaml(source) as string;
    expect(out).not.toBe(source);
    expect(out.length).toBe(source.length);
    expect(out.split('\n').sort()).toEqual(source.split('\n').sort());
    expect(() => patchJsYaml(source.replace('let valueNode;', 'let valueNode, x;'))).toThrow(/not the one this patch knows/);
  });

  it('reads the named cases as node_modules’ js-yaml does: data, errors and listener events', () => {
    for (const text of NAMED) for (const schema of ['core', 'default'] as const) expect(reading(patched, text, schema), text).toEqual(reading(original, text, schema));
  });

  it('reads every YAML file of data/ and the test fixtures the same', () => {
    const files = [...yamlFiles(path.join(ROOT, 'data')), ...yamlFiles(path.join(ROOT, 'test'))];
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(reading(patched, text, 'core'), file).toEqual(reading(original, text, 'core'));
    }
  });

  it('reads the grammar’s generated texts the same (800 seeds, valid and not)', () => {
    let flows = 0;
    for (let seed = 1; seed <= 800; seed++) {
      const text = generateYaml(seed);
      if (/[[{]/.test(text)) flows++;
      expect(reading(patched, text, 'core'), `seed ${seed}`).toEqual(reading(original, text, 'core'));
    }
    expect(flows).toBeGreaterThan(200);
  });
});
