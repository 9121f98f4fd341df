// Positions without the yaml library (src/core/read/positions.ts): wherever it answers, it answers what locate reads
// from the yaml library's tree — the same line, column, end line and end column — for every node of the file, its
// keys, and pointers that do not resolve (the nearest ancestor). Over the bundled records, the fixtures, their mutants
// and generated files in every style. And the pre-scan's token count is never above tokenBound, which lets the fast
// path skip the lexer (parse-fast.ts).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { readPlainRecord, tokenBound } from '../../src/core/read/parse-fast.js';
import { LIMITS, locate, parseRecordFile, readRecordFile } from '../../src/core/read/parse.js';
import { plainPositions } from '../../src/core/read/positions.js';
import { prescan } from '../../src/core/read/prescan.js';
import { Lexer } from 'yaml';
import { propertyRuns } from '../fixed-seeds.js';
import { mutate, mutation } from '../mutate.js';
import { REPO_ROOT } from '../run-acta.js';
import { CASES } from '../validate/cases.js';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

function pointers(value: unknown, at = ''): string[] {
  const out = [at, `${at}/no-such-key`, `${at}/99`];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pointers(v, `${at}/${i}`)));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...pointers(v, `${at}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`));
  return out;
}

/** Every answer the positions give is the tree's; returns how many were asked and answered. */
function sameAsTree(text: string): { asked: number; answered: number } {
  const positions = plainPositions(text, LIMITS);
  if (readPlainRecord(text, LIMITS) === undefined) {
    expect(positions, text.slice(0, 300)).toBeUndefined();
    return { asked: 0, answered: 0 };
  }
  const tree = parseRecordFile('r.yaml', encode(text));
  let asked = 0;
  let answered = 0;
  // Every pointer of a small file; every seventh of a work plan (thousands of nodes of the same few shapes).
  const all = pointers(tree.data);
  const step = all.length > 3000 ? 7 : 1;
  for (const pointer of all.filter((_, i) => i % step === 0)) {
    for (const at of ['value', 'key'] as const) {
      asked++;
      const fast = positions!.locate('r.yaml', pointer, at);
      if (fast === undefined) continue;
      answered++;
      expect(fast, `${pointer} (${at}) in:\n${text.slice(0, 300)}`).toEqual(locate(tree, pointer, at));
    }
  }
  return { asked, answered };
}

const DATA = path.join(REPO_ROOT, 'data');
const BUNDLED = ['acta.yaml', ...['meetings', 'plans', 'registries'].flatMap((d) => readdirSync(path.join(DATA, d)).map((f) => `${d}/${f}`))].map((f) => readFileSync(path.join(DATA, f), 'utf8'));
const FIXTURES = [...new Set(CASES.flatMap((c) => Object.values(c.files)).filter((f): f is string => typeof f === 'string'))];

const scalar = fc.oneof(fc.constantFrom('a', 'a b', ' x', 'x ', '# c', 'a: b', '- a', '"q"', "'q'", '2017-03-16', '1', 'null', 'é', 'a\nb', 'a\\b', ''), fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.constant(null));
const key = fc.oneof(fc.constantFrom('id', 'es', 'en', '2017', '1', 'true', 'a b', 'a:b', '~', '-', "it's", 'a"b', 'x/y', 'x~y'), fc.string({ maxLength: 5 }));
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('list'), tie('map')),
  list: fc.array(tie('node'), { maxLength: 4 }),
  map: fc.dictionary(key, tie('node'), { maxKeys: 5 }),
})).node;
const record = fc.dictionary(key, value, { minKeys: 1, maxKeys: 5 });


describe('positions without the yaml library', () => {
  it('the bundled records: every answer is the tree\'s, and nearly every pointer is answered', () => {
    let asked = 0;
    let answered = 0;
    for (const text of BUNDLED) {
      const n = sameAsTree(text);
      asked += n.asked;
      answered += n.answered;
    }
    expect(asked).toBeGreaterThan(2_000);
    expect(answered / asked).toBeGreaterThan(0.9);
  });

  it('every fixture of every diagnostic code', () => {
    for (const text of FIXTURES) sameAsTree(text);
  });

  it('mutants of the bundled records', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BUNDLED.filter((t) => t.length < 20_000)), fc.array(mutation, { minLength: 1, maxLength: 3 }), (text, ms) => {
        sameAsTree(mutate(text, ms));
      }),
      { numRuns: propertyRuns(60) },
    );
  });

  it('generated files written by the yaml library and by js-yaml, in every style, with comments', () => {
    const styles = fc.record({
      defaultStringType: fc.constantFrom('PLAIN' as const, 'QUOTE_DOUBLE' as const, 'QUOTE_SINGLE' as const, 'BLOCK_LITERAL' as const),
      collectionStyle: fc.constantFrom('any' as const, 'block' as const, 'flow' as const),
      indent: fc.integer({ min: 1, max: 4 }),
      comment: fc.constantFrom('', '# top\n', '\n\n'),
      byJsYaml: fc.boolean(),
      flowLevel: fc.integer({ min: -1, max: 2 }),
    });
    let answered = 0;
    fc.assert(
      fc.property(record, styles, (data, o) => {
        const text = o.comment + (o.byJsYaml ? jsYaml.dump(data, { flowLevel: o.flowLevel, indent: o.indent }) : stringify(data, { defaultStringType: o.defaultStringType, collectionStyle: o.collectionStyle, indent: o.indent, lineWidth: 0 }));
        answered += sameAsTree(text).answered;
      }),
      { numRuns: propertyRuns(300) },
    );
    expect(answered).toBeGreaterThan(300);
  });

  it('a file read by the fast path answers on demand without building the tree', () => {
    const text = BUNDLED.find((t) => t.includes('agreements:'))!;
    const read = readRecordFile('m.yaml', encode(text));
    expect(read.positions?.()).toBeDefined();
    const first = Object.keys(read.data as object)[0]!;
    expect(locate(read, `/${first}`, 'key')).toEqual({ file: 'm.yaml', line: expect.any(Number), column: 1, endLine: expect.any(Number), endColumn: first.length + 1 });
  });
});

describe('the token bound the fast path trusts instead of lexing', () => {
  const counted = (text: string): boolean => {
    const problems: Parameters<typeof prescan>[1] = [];
    prescan(new Lexer().lex(text), problems, { ...LIMITS, depth: 1e9, keys: 1e9, items: 1e9, tokens: tokenBound(text) });
    return !problems.some((p) => p.code === 'yaml/too-many-tokens');
  };

  it('the pre-scan never counts more than tokenBound: records, fixtures, mutants, generated files', () => {
    for (const text of [...BUNDLED, ...FIXTURES]) expect(counted(text), text.slice(0, 200)).toBe(true);
    fc.assert(fc.property(fc.constantFrom(...BUNDLED.filter((t) => t.length < 20_000)), fc.array(mutation, { minLength: 1, maxLength: 4 }), (text, ms) => counted(mutate(text, ms))), { numRuns: propertyRuns(100) });
    fc.assert(fc.property(fc.array(fc.constantFrom('|', '>', '|-', '\n', '\\', '"', "'", ' ', '- ', ': ', 'a', '#', '[', '{', ',', '\t', '|\n', '"\\\n'), { maxLength: 60 }), (parts) => counted(parts.join(''))), { numRuns: propertyRuns(500) });
    fc.assert(fc.property(record, (data) => counted(stringify(data, { defaultStringType: 'BLOCK_LITERAL' }))), { numRuns: propertyRuns(100) });
  });

  it('the bundled work plan, the largest record, is under the limit without lexing', () => {
    const plans = BUNDLED.filter((t) => t.length * 4 > LIMITS.tokens);
    expect(plans.length).toBeGreaterThan(0);
    for (const text of plans) expect(tokenBound(text)).toBeLessThanOrEqual(LIMITS.tokens);
  });
});
