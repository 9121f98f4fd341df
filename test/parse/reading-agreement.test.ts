// One reading of every file (issue 26 point 9): wherever the fast path (js-yaml) answers, the located path (the yaml
// library) reads the same data with no problem. Texts come from a grammar of our own (yaml-grammar.ts); each is a
// function of its seed. `npm test` runs a fixed range of seeds; the long run is behind an environment variable:
//   ACTA_READING_DOCS=100000 npx vitest run test/parse/reading-agreement.test.ts    (ACTA_READING_FROM=N: start there)
// A disagreement a long run finds becomes a fixture below, with its class routed to the located path in parse-fast.ts.
import { describe, expect, it } from 'vitest';
import { LIMITS, parseRecordFile, readRecordFile } from '../../src/core/read/index.js';
import { readPlainRecord } from '../../src/core/read/parse-fast.js';
import { generateYaml } from './yaml-grammar.js';

import { sameData } from './same-data.js';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

type Outcome = 'fast' | 'located' | 'disagree';

/** 'fast': both paths read it alike; 'located': the fast path left it to the located path; 'disagree' otherwise. */
function reading(text: string): Outcome {
  return readBoth(text).outcome;
}

function readBoth(text: string): { outcome: Outcome; valid: boolean } {
  const located = parseRecordFile('r.yaml', encode(text));
  const valid = located.diagnostics.length === 0;
  const fast = readPlainRecord(located.text, LIMITS);
  if (fast === undefined) return { outcome: 'located', valid };
  return { outcome: valid && sameData(fast, located.data) ? 'fast' : 'disagree', valid };
}

interface Tally {
  readonly docs: number;
  readonly valid: number;
  readonly fast: number;
  readonly disagreements: { seed: number; text: string }[];
}

function run(from: number, docs: number): Tally {
  let valid = 0;
  let fast = 0;
  const disagreements: { seed: number; text: string }[] = [];
  for (let seed = from; seed < from + docs; seed++) {
    const text = generateYaml(seed);
    const { outcome, valid: ok } = readBoth(text);
    if (outcome === 'fast') fast++;
    if (outcome === 'disagree') disagreements.push({ seed, text });
    if (ok) valid++;
  }
  return { docs, valid, fast, disagreements };
}

describe('disagreements of the two paths, found by the differential runs: each class goes to the located path', () => {
  it.each([
    // A keep-chomped block scalar at the end of a file ending in spaces: js-yaml keeps a last line with no line break.
    ['keep chomping, file ending in spaces', 'a: |+\n  x\n '],
    ['keep chomping, folded, with an indicator', "'en': >+2   # h\n      "],
    ['keep chomping, trailing lines', "'es': |+7\n       a:b\n       en\n   \n    "],
    ['keep chomping in a nested mapping', 'a:\n  b: |+\n    x\n\n   '],
    // An indentation indicator then a longer spaces-only line: js-yaml keeps it as content, the yaml library drops it.
    ['an indicator then a longer spaces-only line', 'a: |2\n   x\n   \n'],
    ['an indicator and only spaces (the seed 1126370005 case)', 'a: >1\n  '],
    ['an indicator after the chomping', 'id: |-5\n        '],
    // An empty compact nested item: js-yaml puts the next item inside it.
    ['an empty compact nested item', 'a:\n- -\n- y\n'],
    ['an empty nested item with a comment', "'es':\n  - x\n  - - # c\n  - y\n"],
    // An empty item followed by a shallower one: invalid, js-yaml accepts it.
    ['an empty item then a shallower item', 'a:\n  -\n- y\n'],
    ['an empty item then a deeper list', "a:\n  -\n       \n   -\n  - 1.5 \n"],
    // An implicit key longer than 1024 characters: invalid, js-yaml accepts it.
    ['a key of 1025 characters', `${'k'.repeat(1025)}: v\n`],
  ])('%s', (_, text) => {
    expect(readPlainRecord(parseRecordFile('r.yaml', encode(text)).text, LIMITS)).toBeUndefined();
    expect(reading(text)).toBe('located');
    const read = readRecordFile('r.yaml', encode(text));
    const located = parseRecordFile('r.yaml', encode(text));
    expect(sameData(read.data, located.data)).toBe(true);
    expect(read.diagnostics).toEqual(located.diagnostics);
  });

  it('what the routing still leaves to the fast path: ordinary block scalars, items and keys', () => {
    for (const text of ['a: |\n  x\n  y\n', 'a: >-\n  x\n\n  y\n', 'a: |\n  x\n   \n', 'a:\n- x\n- - y\n  - z\n', 'a:\n- b: 1\n  c: 2\n', `${'k'.repeat(1024)}: v\n`, `a: ${'x: '.repeat(400)}`.replace(/: $/, '')]) {
      expect(reading(text), JSON.stringify(text.slice(0, 60))).not.toBe('disagree');
    }
    expect(reading('a: |\n  x\n  y\n')).toBe('fast');
    expect(reading('a:\n- b: 1\n  c: 2\n')).toBe('fast');
    expect(reading(`${'k'.repeat(1024)}: v\n`)).toBe('fast');
  });
});

describe('the grammar', () => {
  const texts = Array.from({ length: 2000 }, (_, seed) => generateYaml(seed));
  it('is deterministic: a text is a function of its seed', () => {
    expect(generateYaml(1234)).toBe(generateYaml(1234));
    expect(generateYaml(1234)).not.toBe(generateYaml(1235));
  });

  it.each([
    ['a literal block scalar', /: \|/], ['a folded block scalar', /: >/], ['strip chomping', /[|>]-/], ['keep chomping', /[|>]\+/],
    ['an indicator before chomping', /[|>][1-9][-+]/], ['an indicator after chomping', /[|>][-+][1-9]/], ['a header comment', /[|>][-+0-9]* *# h/],
    ['a flow list over lines', /\[[^\]\n]*\n/], ['a flow mapping over lines', /\{[^}\n]*\n/], ['a plain scalar over lines', /: [a-zé][^\n'"]*\n +[a-z]/],
    ['a quoted scalar over lines', /: "[^"\n]*\n/], ['a comment line', /\n *# /], ['trailing spaces', / \n/], ['a blank line of spaces', /\n +\n/],
    ['an empty item', /- *\n/], ['a compact nested list', /- - /], ['a compact mapping in a list', /- [a-z"']+: /], ['no final line break', /[^\n]$/],
    ['a final line break', /\n$/], ['several final line breaks', /\n\n$/], ['a document marker', /^---/m],
  ])('covers %s', (_, pattern) => {
    expect(texts.some((t) => pattern.test(t))).toBe(true);
  });
});

const LONG = Number(process.env['ACTA_READING_DOCS'] ?? 0);
const FROM = Number(process.env['ACTA_READING_FROM'] ?? 0);

describe('the two paths agree on generated texts', () => {
  it('a fixed range of seeds: no disagreement, and the fast path reads many of them', () => {
    const tally = run(0, 1000);
    expect(tally.disagreements.slice(0, 3)).toEqual([]);
    expect(tally.valid).toBeGreaterThan(350);
    expect(tally.fast).toBeGreaterThan(100);
  });

  it.runIf(LONG > 0)(`the long run: ${LONG} texts from seed ${FROM}`, () => {
    const started = Date.now();
    const tally = run(FROM, LONG);
    console.log(`reading agreement: ${tally.docs} texts from seed ${FROM}, ${tally.valid} valid, ${tally.fast} read by the fast path, ${tally.disagreements.length} disagreements, ${Math.round((Date.now() - started) / 1000)} s`);
    expect(tally.disagreements.slice(0, 5)).toEqual([]);
  }, 3_600_000);
});
