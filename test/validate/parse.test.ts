// The parse layer on its own: what the lexer pre-scan refuses and what it must let through.
import { diagnosticText } from '../../src/render/diagnostic-text.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../fixed-seeds.js';
import { isMap, isPair, isSeq, Lexer, stringify } from 'yaml';
import { formatRecordText } from '../../src/core/format/format.js';
import { keyOrderFor } from '../../src/core/format/key-order.js';
import { MAX_PROBLEMS_PER_FILE } from '../../src/core/diagnostics.js';
import { LIMITS, parseRecordFile } from '../../src/core/read/parse.js';
import { prescan } from '../../src/core/read/prescan.js';
import { readSchemas } from '../../src/io/schemas.js';
import { check, MEETING } from './harness.js';

const M = 'meetings/2017-03-16-red-nna.yaml';
const encode = (s: string): Uint8Array => new TextEncoder().encode(s);
const codes = (text: string): string[] => parseRecordFile(M, encode(text)).diagnostics.map((d) => d.code);
const sentence = 'Solicitar a la Secretaría Técnica que prepare, en consulta con los Países Miembros, un informe sobre la protección de la niñez migrante no acompañada. '.repeat(3);

// Cases the YAML test suite found (6VJK, 565N: long block scalars refused as too deep), written small and our own.
describe('indentation is nesting only where a line holds content', () => {
  const literal = MEETING.replace('text: { es: Agradecer a las delegaciones. }', `text:\n      es: |\n        ${sentence}\n        Segunda línea.\n`);
  const folded = MEETING.replace('text: { es: Agradecer a las delegaciones. }', `text:\n      es: >-\n        ${sentence}\n${' '.repeat(120)}\n        Tras una línea de 120 espacios.\n`);

  it.each([['literal', literal], ['folded, with a blank line of 120 spaces', folded]])('a long %s block scalar validates clean', (_, text) => {
    expect(text.split('\n').some((l) => l.length > 120)).toBe(true);
    expect(check({ [M]: text })).toEqual([]);
  });

  it('fmt accepts a record with a long block scalar, keeping its text', () => {
    const parsed = parseRecordFile(M, encode(literal));
    expect(parsed.diagnostics).toEqual([]);
    const out = formatRecordText(literal, keyOrderFor(readSchemas(), 'meeting'));
    expect(out.ok).toBe(true);
    if (out.ok) expect(parseRecordFile(M, encode(out.text)).data).toEqual(parsed.data);
  });

  it('a comment or blank line indented past the limit is no nesting', () => {
    expect(codes(`a: 1\n${' '.repeat(300)}# note\n${' '.repeat(300)}\nb: 2\n`)).toEqual([]);
  });

  it('nesting by indentation is still counted, level by level', () => {
    const nested = (n: number): string => Array.from({ length: n }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' x\n';
    expect(codes(nested(LIMITS.depth - 5))).toEqual([]);
    expect(codes(nested(LIMITS.depth + 5))).toEqual(['yaml/too-deep']);
  });
});

describe('every mapping entry and list item counts, however it is written', () => {
  const many = (n: number, item: (i: number) => string, sep = '\n'): string => Array.from({ length: n }, (_, i) => item(i)).join(sep);
  it.each([
    ['keys without a colon, in braces', `x: {${many(LIMITS.keys + 1, (i) => `k${i}`, ', ')}}\n`, 'yaml/too-many-keys'],
    ['explicit keys without a value', `${many(LIMITS.keys + 1, (i) => `? k${i}`)}\n`, 'yaml/too-many-keys'],
    ['a block list', `x:\n${many(LIMITS.items + 1, () => '- a')}\n`, 'yaml/too-many-items'],
    ['a flow list', `x: [${many(LIMITS.items + 1, () => 'a', ',')}]\n`, 'yaml/too-many-items'],
    ['flow lists nested in a block list', `x:\n${many(Math.ceil(LIMITS.items / 3) + 1, () => '- [a, b]')}\n`, 'yaml/too-many-items'],
  ])('%s', (_, text, code) => {
    expect(codes(text)).toEqual([code]);
  });

  it('a file at the caps is read', () => {
    expect(codes(`x: {${many(LIMITS.keys - 1, (i) => `k${i}`, ', ')}}\n`)).toEqual([]);
    expect(codes(`x: [${many(LIMITS.items, () => 'a', ',')}]\n`)).toEqual([]);
  });

  it('duplicate keys are still found, in block and flow mappings, as the strings they are read as', () => {
    expect(codes('a: 1\nb: {x: 1, "x": 2}\n1: a\n"1": b\n')).toEqual(['yaml/duplicate-key', 'yaml/duplicate-key']);
  });

  it('a duplicate key points back at the first one', () => {
    const [d] = parseRecordFile(M, encode('a: 1\nb: 2\n"a": 3\n')).diagnostics;
    expect(d).toMatchObject({ code: 'yaml/duplicate-key', line: 3, column: 1, endColumn: 4, related: [{ line: 1, column: 1, endColumn: 2 }] });
  });
});

describe('a file with a problem every few bytes', () => {
  it.each([
    ['stray closing brackets', `a: 1\n${']'.repeat(50_000)}\n`],
    ['bad escapes in one quoted string', `a: "${'\\q'.repeat(30_000)}"\n`],
  ])('lists the first problems and one summary (%s)', (_, text) => {
    const ds = parseRecordFile(M, encode(text)).diagnostics;
    expect(ds).toHaveLength(MAX_PROBLEMS_PER_FILE + 1);
    expect(ds.at(-1)!.code).toBe('file/too-many-problems');
    expect(diagnosticText(ds.at(-1)!, 'en').message).toMatch(/^[\d,]+ more problems/);
  });

  it('past the token cap, is refused before it is composed', () => {
    expect(codes(`a: 1\n${']'.repeat(LIMITS.tokens)}\n`)).toEqual(['yaml/too-many-tokens']);
    expect(codes(`a: "${'\\q'.repeat(LIMITS.tokens)}"\n`)).toEqual(['yaml/too-many-tokens']);
  });

  it('a whole run over a file of 10,000 invalid list items returns, listing 100 per file', () => {
    const text = MEETING.replace('participants: [GT, HN, MX]', `participants: [${Array.from({ length: LIMITS.items - 10 }, () => '1').join(', ')}]`);
    const ds = check({ [M]: text });
    expect(ds.filter((d) => d.file === M)).toHaveLength(MAX_PROBLEMS_PER_FILE + 1);
  });
});

// The suite's 2XXW and J7PZ (!!set and !!omap read as {}), 4FJ6, 6PBE, M5DY, V9D5… (keys that are lists or
// mappings refused with the library's message), written small and our own.
describe('records are JSON data', () => {
  it.each(['!!set {a, b}', '!!omap [a: 1]', '!!binary aGk=', '!!timestamp 2017-07-21', '!foo x', '!!bool yes', '!!str 1', '! x', '!<tag:yaml.org,2002:str> x'])('a tag is refused: %s', (value) => {
    const ds = parseRecordFile(M, encode(`a: ${value}\n`)).diagnostics;
    expect(ds.map((d) => d.code)).toEqual(['yaml/tag']);
    expect(ds[0]!.column).toBe(4);
  });

  it.each(['? [a]: 1\n', '{a: 1}: x\n', '[a, b]: 1\n', '? - a\n: 1\n', '- [ [a]: b ]\n', '? { a: 1 }\n'])('a key that is a list or mapping has its own code, once: %j', (text) => {
    const ds = parseRecordFile(M, encode(text)).diagnostics;
    expect(ds.map((d) => d.code)).toEqual(['yaml/non-string-key']);
    expect(diagnosticText(ds[0]!, 'en').message).not.toMatch(/stringKeys/);
  });

  it('the directive message says what the directive would do', () => {
    const message = (text: string): string => diagnosticText(parseRecordFile(M, encode(text)).diagnostics[0]!, 'en').message;
    expect(message('%YAML 1.2\n---\na: 1\n')).toMatch(/not needed/);
    expect(message('%YAML 1.1\n---\na: 1\n')).toMatch(/1\.1/);
    expect(message('%TAG ! tag:x,2000:\n---\na: 1\n')).toMatch(/tag/);
  });
});

describe('nesting is counted exactly, however the YAML is laid out', () => {
  const limits = { ...LIMITS, depth: 10_000 };
  // The smallest depth limit the text passes: the depth the pre-scan sees.
  const counted = (text: string): number => {
    const tokens = Array.from(new Lexer().lex(text));
    let lo = 0;
    let hi = 1000;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (prescan(tokens, [], { ...limits, depth: mid })) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const real = (v: unknown): number => (v !== null && typeof v === 'object' ? 1 + Math.max(0, ...Object.values(v).map(real)) : 0);
  const value = fc.letrec((tie) => ({
    any: fc.oneof({ depthSize: 'large', maxDepth: 30 }, fc.constantFrom('x', 'a b', 1, 'line one\nline two\n', 'long '.repeat(40), ''), fc.array(tie('any'), { minLength: 1, maxLength: 3 }), fc.dictionary(fc.constantFrom('k', 'key', 'a-b'), tie('any'), { minKeys: 1, maxKeys: 3 })),
  })).any;

  it('in block layout, compact lists (`- - x`, `- k: v`) and lists at their key’s column included', () => {
    fc.assert(
      fc.property(value, fc.constantFrom(1, 2, 4), fc.boolean(), (v, indent, indentSeq) => {
        const text = stringify(v, { indent, indentSeq });
        expect(counted(text)).toBe(real(v));
      }),
      { numRuns: propertyRuns(300) },
    );
  });

  it('in flow layout', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(counted(stringify(v, { collectionStyle: 'flow' }))).toBe(real(v));
      }),
      { numRuns: 100 },
    );
  });
});

describe('invalid YAML the parser nests where no indentation says so', () => {
  it.each([`'x'k: "a\n b"`, `"a\n b":   ?   `, 'k: : k:\n', "'x'- k:\n'x'[, ]k: "])('is refused as too deep before it is composed: %j × 2,000', (unit) => {
    expect(codes(unit.repeat(2000))).toEqual(['yaml/too-deep']);
  });

  // Depth of a composed tree, with a stack of our own.
  const composedDepth = (root: unknown): number => {
    let max = 0;
    const stack: [unknown, number][] = [[root, 0]];
    while (stack.length > 0) {
      const [node, depth] = stack.pop()!;
      if (isMap(node) || isSeq(node)) {
        max = Math.max(max, depth + 1);
        for (const item of node.items) {
          if (isPair(item)) stack.push([item.key, depth + 1], [item.value, depth + 1]);
          else stack.push([item, depth + 1]);
        }
      }
    }
    return max;
  };
  const pieces = ['- ', '? ', ': ', 'k: ', 'k:\n', '\n', ' ', '  ', '[', ']', '{', '}', ', ', 'x', '|\n', '>\n', '#c\n', '- k:\n', '-\n', '"a\n b"', "'x'"];

  it('whatever a repeated fragment of YAML nests, what is composed stays within the limit', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 8 }), fc.integer({ min: 20, max: 400 }), (unit, times) => {
        const parsed = parseRecordFile(M, encode(unit.join('').repeat(times)));
        if (parsed.doc) expect(composedDepth(parsed.doc.contents)).toBeLessThanOrEqual(LIMITS.depth);
      }),
      { numRuns: propertyRuns(200) },
    );
  });
});
