// The two parse paths side by side. Whenever the fast path (js-yaml, parse-fast.ts) reads a file, the located path
// (the yaml library, compose.ts) must read the same data — same values, same types, same key order — with no problem
// at all; every other file must be left to the located path. Over the YAML test suite, mutants of the bundled
// records, generated records and token soup; then the whole verdict (every diagnostic, located) over every fixture.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { propertyRuns } from '../fixed-seeds.js';
import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { readPlainRecord } from '../../src/core/read/parse-fast.js';
import type { ParsedFile } from '../../src/core/read/parse.js';
import { LIMITS, parseRecordFile, readRecordFile } from '../../src/core/read/parse.js';
import { checkRecords } from '../../src/core/pipeline.js';
import { mutate, mutation } from '../mutate.js';
import { REPO_ROOT } from '../run-acta.js';
import { CASES } from '../validate/cases.js';
import { REGISTRIES, validator } from '../validate/harness.js';

import { sameData } from './same-data.js';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Both paths on one file; 'fast' when the fast path read it. */
function agree(bytes: Uint8Array): 'fast' | 'located' {
  const located = parseRecordFile('r.yaml', bytes);
  const read = readRecordFile('r.yaml', bytes);
  const shown = new TextDecoder().decode(bytes).slice(0, 400);
  expect(read.text, shown).toBe(located.text);
  expect(read.diagnostics, shown).toEqual(located.diagnostics);
  expect(sameData(read.data, located.data), `data differs for:\n${shown}`).toBe(true);
  const fast = located.diagnostics.length === 0 && readPlainRecord(located.text, LIMITS) !== undefined;
  if (fast) {
    // The tree built on demand for a fast file is the located path's own.
    expect(read.lineCounter.lineStarts).toEqual(located.lineCounter.lineStarts);
  }
  return fast ? 'fast' : 'located';
}

const agreeText = (text: string): 'fast' | 'located' => agree(encode(text));

describe('the fast path reads scalars as the located path does', () => {
  it.each([
    ['a: 12'], ['a: -12'], ['a: 1.5'], ['a: 0.25'], ['a: null'], ['a: true'], ['a: false'], ['a:'], ['a: 1_000'], ['a: 0b101'], ['a: 2017-07-21'],
    ['a: yes'], ['a: NO'], ['a: "1"'], ["a: '0x1F'"], ['a: "~"'], ['a: [1, 0.5, x, "y", null]'], ['a: { b: 1, c: d }'], ['2017: a'], ['true: a'],
    ['a: |\n  x\n   y\n'], ['a: >-\n  x\n\n  y\n'], ['"": a'], ['a: "x\\ty\\u00e9\\"z"'], ["a: 'it''s'"], ['a: x # comment\n# more'], ['a:\n- 1\n- 2\n'],
    ['a: http://example.org/x?y=1'], ['a: b:c'], ['null: a'],
  ])('%j', (text) => {
    expect(agreeText(text)).toBe('fast');
  });

  // js-yaml makes a key of a typed scalar's value (0x10 → "16"), the yaml library keeps its source: any typed scalar
  // whose value does not print as its source is left to the located path, key or value.
  it.each([
    ['a: 0o17'], ['a: 0x1F'], ['a: -0'], ['a: +12'], ['a: 012'], ['a: .inf'], ['a: -.Inf'], ['a: .NaN'], ['a: 1e3'], ['a: 1.50'], ['a: .5'], ['a: ~'],
    ['a: Null'], ['a: TRUE'], ['a: 123456789012345678901234'], ['0x10: a'], ['1.0: a'], ['~: a'], ['True: a'], ['1: a\n01: b'], ['a: [0o7]'],
  ])('%j', (text) => {
    expect(readPlainRecord(text, LIMITS)).toBeUndefined();
    agreeText(text);
  });
});

describe('what the fast path leaves to the located path', () => {
  it.each([
    ['a tag', 'a: !x b'], ['a non-specific tag', 'a: ! b'], ['a core tag', 'a: !!str b'], ['an anchor', 'a: &x b'], ['an alias', 'a: &x b\nc: *x'],
    ['a directive', '%YAML 1.2\n---\na: b'], ['a document start', '---\na: b'], ['a second document', 'a: b\n---\nc: d'], ['a document end', 'a: b\n...\n'],
    ['a tab', 'a:\tb'], ['CRLF', 'a: b\r\n'], ['a BOM', '\ufeffa: b'], ['a duplicate key', 'a: 1\na: 2'], ['keys equal as text', '1: a\n"1": b'],
    ['an explicit key', '? a\n: b'], ['a list as a key', '[a]: b'], ['a mapping as a key', '{a: 1}: b'], ['__proto__', '__proto__: x'],
    ['a plain scalar over two lines', 'a: b\n  c\n'], ['a quoted scalar over two lines', 'a: "b\n  c"'], ['a comment after a quote', 'a: "b"#c'],
    ['a block scalar opening with a blank line', 'a: >\n \n  b\n'], ['an empty key', ': a'],
    // Found by the mutants in CI: a flow list whose second line starts at the margin (js-yaml reads it, yaml refuses).
    ['a flow list over two lines', 'a:\n  m: [B, C\n, D]\n'], ['a flow mapping over two lines', 'a:\n  m: {b: c,\nd: e}\n'],
    ['a list at the top', '- a'], ['a scalar at the top', 'a'], ['only a comment', '# x'], ['a syntax error', 'a: "b'], ['bad indentation', 'a:\n  b: 1\n c: 2'],
  ])('%s', (_, text) => {
    expect(readPlainRecord(text, LIMITS)).toBeUndefined();
    agreeText(text);
  });

  const nested = (depth: number): string => Array.from({ length: depth }, (_, i) => `${' '.repeat(i * 2)}k:`).join('\n') + ' x\n';
  const keys = (n: number): string => Array.from({ length: n }, (_, i) => `k${i}: ${i}`).join('\n');
  const items = (n: number): string => 'a:\n' + Array.from({ length: n }, (_, i) => `- ${i}`).join('\n');
  // The fast path's own budget: a node depth of half the depth limit, and half the key or item limit in nodes js-yaml
  // opens (each key, value and item opens one or more).
  it.each([
    ['depth within the budget', nested(LIMITS.depth / 2 - 1), 'fast'], ['depth past the budget', nested(LIMITS.depth / 2), 'located'],
    ['keys within the budget', keys(LIMITS.keys / 4 - 1), 'fast'], ['keys past the budget', keys(LIMITS.keys / 4 + 1), 'located'],
    ['items within the budget', items(LIMITS.items / 4 - 10), 'fast'], ['items past the budget', items(LIMITS.items / 2), 'located'],
    ['past the key limit', keys(LIMITS.keys + 1), 'located'], ['past the depth limit', nested(LIMITS.depth + 1), 'located'],
  ])('%s', (_, text, path) => {
    expect(agreeText(text)).toBe(path);
  });

  it('a file long enough to reach the token limit is pre-scanned, and refused there as on the located path', () => {
    const many = 'a: 1\n' + '#\n'.repeat(LIMITS.tokens / 2);
    expect(agreeText(many)).toBe('located');
    expect(parseRecordFile('r.yaml', encode(many)).diagnostics.map((d) => d.code)).toEqual(['yaml/too-many-tokens']);
  });
});

// Beside the checkout (/work/main → /work/shared), or two levels up from a worktree (/work/wt/NAME → /work/shared).
const SUITE = [path.join(REPO_ROOT, '..', 'shared', 'conformance', 'yaml-test-suite'), path.join(REPO_ROOT, '..', '..', 'shared', 'conformance', 'yaml-test-suite')].find((p) => existsSync(p)) ?? '';
function suiteCases(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (existsSync(path.join(full, 'in.yaml'))) out.push(path.join(full, 'in.yaml'));
    else out.push(...suiteCases(full));
  }
  return out.sort();
}

describe.skipIf(SUITE === '' || !existsSync(SUITE))('the YAML test suite (../shared/conformance)', () => {
  it('every case: the same data and no problem wherever the fast path reads it', () => {
    const paths = suiteCases(SUITE);
    expect(paths.length).toBeGreaterThan(300);
    const fast = paths.filter((p) => agree(readFileSync(p)) === 'fast');
    // Not a vacuous pass: the suite's plain mappings do take the fast path.
    expect(fast.length).toBeGreaterThan(25);
  });
});

const DATA = path.join(REPO_ROOT, 'data');
const BUNDLED = ['acta.yaml', ...['meetings', 'plans', 'registries'].flatMap((d) => readdirSync(path.join(DATA, d)).map((f) => `${d}/${f}`))].map((f) => ({ file: f, text: readFileSync(path.join(DATA, f), 'utf8') }));

describe('the bundled records and their mutants', () => {
  it('every bundled record takes the fast path', () => {
    for (const { text } of BUNDLED) expect(agreeText(text)).toBe('fast');
  });

  it('mutants: the same data and problems on both paths', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BUNDLED), fc.array(mutation, { minLength: 1, maxLength: 3 }), ({ text }, ms) => {
        agreeText(mutate(text, ms));
      }),
      { numRuns: propertyRuns(300) },
    );
    // 300 whole records (100 on the fixed seed), each read twice: about 30 s on 2 busy cores, so more than the default 30 s must not fail it.
  }, 120_000);
});

// Values shaped like records, with the scalars that type differently in other schemas or libraries.
const TRICKY = ['', ' ', '1', '-0', '0o7', '0x1F', '0b1', '1_0', '1e3', '.5', '1.', '.inf', '.NaN', '~', 'null', 'Null', 'true', 'TRUE', 'yes', 'no', 'on',
  '2017-07-21', '2017-07-21T10:00:00Z', '12:30', '1:2', '#', 'a #b', 'a: b', '- x', '[x]', '{x}', '"', "'", '\\', 'x\ny', 'x\n\ny', ' x', 'x ', '\u00e9', '\u2028', '\u0085', 'é ñ', '=1+1', '@x', '`x`', '|', '>'];
const scalar = fc.oneof(fc.constantFrom(...TRICKY), fc.string({ maxLength: 12 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const key = fc.oneof(fc.constantFrom('record', 'id', 'text', 'es', 'en', 'number', '2017', '1', 'true', 'null', '0x1', 'a b', 'a:b', '-'), fc.string({ maxLength: 6 }));
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('list'), tie('map')),
  list: fc.array(tie('node'), { maxLength: 4 }),
  map: fc.dictionary(key, tie('node'), { maxKeys: 5 }),
})).map;
const yamlOptions = fc.record({
  defaultStringType: fc.constantFrom('PLAIN' as const, 'QUOTE_DOUBLE' as const, 'QUOTE_SINGLE' as const, 'BLOCK_LITERAL' as const, 'BLOCK_FOLDED' as const),
  defaultKeyType: fc.constantFrom(null, 'PLAIN' as const, 'QUOTE_DOUBLE' as const),
  collectionStyle: fc.constantFrom('any' as const, 'block' as const, 'flow' as const),
  indent: fc.integer({ min: 1, max: 4 }),
  lineWidth: fc.constantFrom(0, 20, 80),
});
const jsYamlOptions = fc.record({ flowLevel: fc.integer({ min: -1, max: 2 }), indent: fc.integer({ min: 1, max: 4 }), lineWidth: fc.constantFrom(-1, 20, 80), forceQuotes: fc.boolean(), quotingType: fc.constantFrom("'" as const, '"' as const) });
const SOUP = ['a', 'b', '1', '.5', '~', 'null', 'é', ':', ': ', ' ', '  ', '\n', '\n  ', '- ', '-', '[', ']', '{', '}', ',', '#', ' #', '"', "'", '\\', '|', '>', '|-', '>+', '|2', '?', '\\n', '\\x41', '\\u00e9', '\u00a0', '\u2028', '\u0085'];

describe('generated records', () => {
  it('written by the yaml library in every style: the same data on both paths, most of them fast', () => {
    let fast = 0;
    fc.assert(
      fc.property(value, yamlOptions, (data, options) => {
        if (agreeText(stringify({ record: 'meeting', ...data }, options)) === 'fast') fast++;
      }),
      { numRuns: 400 },
    );
    expect(fast).toBeGreaterThan(100);
  });

  it('written by js-yaml in every style: the same data on both paths, most of them fast', () => {
    let fast = 0;
    fc.assert(
      fc.property(value, jsYamlOptions, (data, options) => {
        if (agreeText(jsYaml.dump({ record: 'meeting', ...data }, { ...options, schema: jsYaml.CORE_SCHEMA })) === 'fast') fast++;
      }),
      { numRuns: 400 },
    );
    expect(fast).toBeGreaterThan(100);
  });

  it('token soup: the same data and problems on both paths', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SOUP), { maxLength: 40 }), (parts) => {
        agreeText('a: ' + parts.join(''));
        agreeText(parts.join(''));
      }),
      { numRuns: propertyRuns(1500) },
    );
  });
});

// The verdict: every diagnostic of every fixture, located, is the same whichever path read the files.
function verdict(files: Record<string, string | Uint8Array>, read: (file: string, bytes: Uint8Array) => ParsedFile, asOf?: string): unknown {
  const parsed = Object.entries(files).map(([file, content]) => read(file, typeof content === 'string' ? encode(content) : content));
  return checkRecords(parsed, validator, asOf ? { asOf } : {}).diagnostics;
}

describe('the verdict', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('fixture %s: the same diagnostics, at the same places', (_, c) => {
    const files = c.withRegistries === false ? c.files : { ...REGISTRIES, ...c.files };
    const located = verdict(files, parseRecordFile, c.asOf);
    expect(verdict(files, readRecordFile, c.asOf)).toEqual(located);
    expect(located).not.toEqual([]);
  });

  it('the bundled records: the same diagnostics', () => {
    const files = Object.fromEntries(BUNDLED.map(({ file, text }) => [file, text]));
    expect(verdict(files, readRecordFile)).toEqual(verdict(files, parseRecordFile));
  });
});
