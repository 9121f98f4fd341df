// The fast reader must agree with the full parser on every file it takes, and take the records people write.
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeRecordText, locate, parseRecordFile } from '../../src/core/parse.js';
import { readSimpleYaml } from '../../src/core/simple-yaml.js';

const MAX_KEYS = 10_000;

// Whatever the reader takes, the full parser reads without a problem and to the same data (-0, key order and all).
function agrees(text: string): boolean {
  const data = readSimpleYaml(text, MAX_KEYS);
  if (data === undefined) return true;
  const full = composeRecordText('x.yaml', text);
  expect(full.diagnostics).toEqual([]);
  expect(data).toStrictEqual(full.data);
  return true;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(name) ? [p] : [];
  });
}

describe('the fast reader', () => {
  it('takes the bundled meetings, and agrees on every bundled or fixture file', () => {
    const files = [...yamlFiles('data'), ...yamlFiles('test/fixtures')];
    for (const f of files) agrees(readFileSync(f, 'utf8'));
    for (const f of yamlFiles('data/meetings')) expect(readSimpleYaml(readFileSync(f, 'utf8'), MAX_KEYS), f).toBeDefined();
  });

  it.each([
    ['an anchor', 'a: &x 1\n'],
    ['an alias', 'a: 1\nb: *a\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a tab', 'a:\n\t- 1\n'],
    ['CRLF', 'a: 1\r\n'],
    ['a block scalar', 'a: |\n  x\n'],
    ['a multi-line plain scalar', 'a: x\n  y\n'],
    ['a multi-line quoted scalar', 'a: "x\n  y"\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a flow mapping', 'a: { b: 1 }\n'],
    ['a float', 'a: 1.5\n'],
    ['a hex number', 'a: 0x1F\n'],
    ['a signed number', 'a: -1\n'],
    ['a YAML-only escape', 'a: "\\x41"\n'],
    ['a second document', 'a: 1\n---\nb: 2\n'],
    ['a directive', '%YAML 1.1\n---\na: 1\n'],
    ['a nested mapping on one line', 'a: b: c\n'],
    ['a comment glued to a quote', 'a: "x"#c\n'],
    ['a top-level sequence', '- a\n'],
    ['a quoted key', '"a": 1\n'],
    ['a key the prototype has', 'toString: 1\n'],
    ['__proto__', '__proto__: 1\n'],
    ['a trailing comma', 'a: [x, y,]\n'],
  ])('declines %s', (_, text) => {
    expect(readSimpleYaml(text, MAX_KEYS)).toBeUndefined();
    agrees(text);
  });

  it.each([
    ['plain scalars by the core schema', 'a: ~\nb: null\nc: True\nd: 0\ne: 42\nf: 2017-03-16\ng: 2017-H2\nh: a#b\ni: x # c\nj: 1_000\n'],
    ['quotes and escapes', 'a: "é \\" \\\\ \\/ \\n \\u00e9"\nb: \'it\'\'s\'\nc: "x" # c\n'],
    ['flow sequences', 'a: [CA, "b", \'c\', 1, ~]\nb: []\nc: [ ]\n'],
    ['nesting and indentless sequences', 'a:\n  b:\n    - c: 1\n      d: [x]\n    - e\nf:\n- 1\n- g: 2\n'],
    ['a key with nothing', 'a:\nb: # c\nc: 1\n'],
    ['non-breaking spaces kept', 'a: \u00a0x\u00a0\n'],
  ])('takes %s', (_, text) => {
    expect(readSimpleYaml(text, MAX_KEYS)).toBeDefined();
    agrees(text);
  });

  it('declines a file past the key limit', () => {
    expect(readSimpleYaml('a: 1\nb: 2\nc: 3\n', 2)).toBeUndefined();
  });

  it('agrees with the full parser on generated records', () => {
    // Mostly what records hold, with a share of everything the reader must decline or read exactly as YAML does.
    const key = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('a', 'es', 'number', 'x-y', '$schema', '_k') }, { weight: 1, arbitrary: fc.constantFrom('null', 'True', 'ab c', '1', 'é', 'constructor', 'a'.repeat(101)) });
    const safe = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', 'é', '0', '1', '-', '.', '/', '(', ')', 'n', 'T', 'e', 'x'), minLength: 1, maxLength: 8 });
    const plainText = fc.oneof(
      { weight: 5, arbitrary: safe },
      { weight: 2, arbitrary: fc.constantFrom('null', 'Null', '~', 'true', 'FALSE', '0', '007', '-1', '+1', '1.5', '.5', '1e3', '0x1F', '0o17', '.inf', '-.Inf', '.nan', '1_000', '2017-03-16', 'yes', '-', '- a', 'a: b', 'a:b', 'a #b', 'a#b', '#a', 'http://x.y/z?a=1#f', '?a', ':a', '-a', '[a]', '{a}', '"a', "'a", '9007199254740993', 'a ', ' a') },
      { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ':', '#', '-', '?', ',', '[', ']', '{', '}', '"', "'", '\\', '&', '*', '!', '|', '>', '%', '@', '`', '~', '.', '0', '1', 'e', '+', '\u00a0', 'é', '\t', 'n', 'T'), minLength: 1, maxLength: 8 }) },
    );
    const quotedText = fc.oneof(
      { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom('a', ' ', "'", '#', ':', 'é', '\\n', '\\"', '\\\\', '\\u00e9'), maxLength: 6 }) },
      { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('a', '"', '\\t', '\\/', '\\x41', '\\N', '\\0', '\\ ', '\\e', '\\', '\\u12'), maxLength: 4 }) },
    );
    const scalar = fc.oneof(
      plainText,
      quotedText.map((s) => `"${s}"`),
      fc.string({ maxLength: 6 }).map((s) => `'${s.replace(/'/g, "''")}'`),
      fc.array(plainText.filter((s) => !/[\n]/.test(s)), { maxLength: 3 }).map((xs) => `[${xs.join(', ')}]`),
    );
    const comment = fc.oneof({ weight: 4, arbitrary: fc.constant('') }, { weight: 2, arbitrary: fc.constant(' # note') }, { weight: 1, arbitrary: fc.constant('#glued') });
    type Tree = { map: [string, Tree | string][] } | { seq: (Tree | string)[] };
    const tree: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree; node: Tree | string }>((tie) => ({
      node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('tree')),
      tree: fc.oneof(
        fc.array(fc.tuple(key, tie('node')), { minLength: 1, maxLength: 4 }).map((map) => ({ map })),
        fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((seq) => ({ seq })),
      ),
    })).tree;
    const render = (t: Tree, indent: number, step: number, tail: string, lines: string[]): void => {
      const pad = ' '.repeat(indent);
      if ('map' in t) {
        for (const [k, v] of t.map) {
          if (typeof v === 'string') lines.push(`${pad}${k}: ${v}${tail}`);
          else {
            lines.push(`${pad}${k}:${tail}`);
            render(v, 'seq' in v && step === 1 ? indent : indent + step, step, tail, lines);
          }
        }
      } else {
        for (const v of t.seq) {
          if (typeof v === 'string') lines.push(`${pad}- ${v}${tail}`);
          else if ('map' in v) {
            const inner: string[] = [];
            render(v, indent + 2, step, tail, inner);
            lines.push(`${pad}- ${inner[0]!.slice(indent + 2)}`, ...inner.slice(1));
          } else {
            lines.push(`${pad}-${tail}`);
            render(v, indent + step, step, tail, lines);
          }
        }
      }
    };
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.oneof(scalar, tree)), { minLength: 1, maxLength: 4 }), fc.constantFrom(1, 2, 3), comment, (top, step, tail) => {
        const lines: string[] = [];
        render({ map: top }, 0, step, tail, lines);
        return agrees(lines.join('\n') + '\n');
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with the full parser on text spliced into a real meeting', () => {
    const meeting = readFileSync('data/meetings/2017-03-16-red-nna.yaml', 'utf8');
    const junk = fc.string({ unit: fc.constantFrom(' ', '\n', '-', ':', '#', '"', "'", '[', ']', '{', '}', ',', 'a', '1', '  - ', '\n  ', ': ', '\\', '&', '*', '!', '|'), maxLength: 6 });
    fc.assert(
      fc.property(fc.nat({ max: meeting.length }), junk, fc.nat({ max: 20 }), (at, insert, cut) => agrees(meeting.slice(0, at) + insert + meeting.slice(at + cut))),
      { numRuns: 1500 },
    );
  });
});

describe('a file the fast reader took', () => {
  const text = readFileSync('data/meetings/2017-03-16-red-nna.yaml', 'utf8');
  const fast = parseRecordFile('meetings/2017-03-16-red-nna.yaml', new TextEncoder().encode(text));
  const full = composeRecordText('meetings/2017-03-16-red-nna.yaml', text);

  it('gives the same file, data and diagnostics as the full parser', () => {
    expect(readSimpleYaml(text, MAX_KEYS)).toBeDefined();
    expect(fast.data).toStrictEqual(full.data);
    expect(fast.diagnostics).toEqual(full.diagnostics);
    expect(fast.text).toBe(full.text);
  });

  it('builds its node tree on demand, so diagnostics are located as before', () => {
    for (const pointer of ['', '/agreements/5/commitment/schedule/2/deadline/due', '/participants/3', '/notes/0/at', '/nowhere']) {
      expect(locate(fast, pointer)).toEqual(locate(full, pointer));
      expect(locate(fast, pointer, 'key')).toEqual(locate(full, pointer, 'key'));
    }
    expect(fast.doc?.toJS()).toStrictEqual(full.data);
  });
});
