// The cheap canonical-layout check of `acta fmt --check` (src/core/format/canonical.ts, issue 24 point 4): its "yes"
// must never be wrong — wherever it says a text is canonical, the formatter gives back that very text. Shown over
// generated records written in many layouts (the formatter's own, and that with one small change: keys swapped,
// other quotes, comments, flow or block style, CRLF, BOM, trailing spaces, blank lines, long lines, other indents…),
// on fixed seeds; and it must say yes often enough to matter (on the formatter's output of plain records).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { Document, Scalar } from 'yaml';
import { describe, expect, it } from 'vitest';
import { isCanonicalLayout, readsBackPlain } from '../../src/core/format/canonical.js';
import { formatRecordText } from '../../src/core/format/format.js';
import { keyOrderFor } from '../../src/core/format/key-order.js';
import { canBePlain } from '../../src/core/format/scalars.js';
import type { KeyOrder } from '../../src/core/format/key-order.js';
import { parseRecordFile } from '../../src/core/read/parse.js';
import { kindOf } from '../../src/core/records.js';
import { readSchemas } from '../../src/io/schemas.js';
import { propertyRuns } from '../fixed-seeds.js';
import { collect } from './yaml-nodes.js';

const schemas = readSchemas();
const MEETING = keyOrderFor(schemas, 'meeting')!;

/** The property itself: a "canonical" verdict is one the formatter agrees with, byte for byte. */
function expectNeverWrong(text: string, order: KeyOrder | undefined): boolean {
  const verdict = isCanonicalLayout(text, order);
  if (verdict) {
    const r = formatRecordText(text, order);
    expect(r.ok && r.text, `said canonical, but the formatter changes:\n${JSON.stringify(text)}`).toBe(text);
  }
  return verdict;
}

// Strings a layout could get wrong: YAML 1.1 words, numbers and dates, indicators, quotes, escapes, spaces at the
// ends, comment and mapping markers, document markers, flow indicators, non-ASCII, control and odd space characters.
const awkward = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('red-nna', 'Tegucigalpa', 'a b c', 'Q1', 'MX', 'st', 'Ciudad de México', 'Países Miembros', 'x_y', 'a-b', 'I', 'a#b', 'a:b', 'http://x.org/a?b=c') },
  fc.constantFrom('no', 'No', 'yes', 'on', 'OFF', 'y', 'n', 'true', 'False', 'null', 'Null', '~', '2017-03-16', '1', '01', '-1', '+1', '1.0', '1e3', 'e1', 'E-5', '0x1F', '0o7', '1_000', '190:20:30', '.inf', '.nan', '<<', '=', '', ' lead', 'trail ', 'a: b', 'a #b', '- x', '-', '?', '? x', ':x', '"q"', "it's", 'back\\slash', 'say "hi"', '@x', '%x', '`x', '#', '---', '--- x', '...', '... x', '[x]', 'a, b', 'a]', '{y}', '*a', '&b', '!t', '|', '>', 'línea\ncon salto', 'tab\there', 'nbsp\u00a0here', 'nel\u0085x', 'ls\u2028x', 'bell\u0007', 'é\u0301', '😀 emoji', 'x'.repeat(120), `${'palabra '.repeat(20)}fin`),
  fc.string({ maxLength: 12, unit: fc.constantFrom('a', 'b', ' ', ':', '#', '-', '"', "'", '\\', ',', '[', ']', '{', '}', '&', '*', '!', '%', '?', '.', '0', '1', 'é', '\t', '\n') }),
);
const number = fc.oneof(fc.integer({ min: -1000, max: 100_000 }), fc.constantFrom(0, 1.5, -0.25, 1e21, 2 ** 53 + 2));
const scalar = fc.oneof({ weight: 6, arbitrary: awkward }, { weight: 2, arbitrary: number }, fc.constantFrom(true, false, null));
const keys = fc.constantFrom('zeta', 'alpha', 'on', 'no', 'key_1', 'a-b', '2017', 'record', 'id');
const meetingOf = (s: fc.Arbitrary<string>, v: fc.Arbitrary<unknown>, nestedLists: boolean): fc.Arbitrary<Record<string, unknown>> => {
  const text = fc.record({ es: s, en: s }, { requiredKeys: ['es'] });
  const agreement = fc.record({ number: fc.constantFrom('1', '2', 'a', '10'), action: fc.constantFrom('thank', 'request'), text, actors: fc.array(s, { maxLength: 3 }), note: v, extra: v }, { requiredKeys: ['number', 'text'] });
  return fc.record(
    {
      record: fc.constant('meeting'),
      id: s,
      body: s,
      ordinal: v,
      title: text,
      dates: fc.record({ start: s, end: s }, { requiredKeys: ['start'] }),
      participants: fc.array(s, { maxLength: 4 }),
      agreements: fc.array(agreement, { maxLength: 3 }),
      extra: fc.dictionary(nestedLists ? fc.oneof(s, keys) : keys, v, { maxKeys: 3 }),
      nested: nestedLists ? fc.array(fc.array(v, { maxLength: 2 }), { maxLength: 2 }) : fc.constant([]),
      empty: fc.constantFrom([], {}, null, ''),
    },
    { requiredKeys: ['record'] },
  );
};
// Mostly records a person would write (so that the formatter's output is often canonical and the check is asked
// about it), and records of awkward text throughout.
const tame = fc.constantFrom('red-nna', 'Tegucigalpa', 'a b c', 'Q1', 'MX', 'st', 'Ciudad de México', 'Países Miembros', 'x_y', 'Revisado: texto.', 'say "hi"', '2017', 'no');
const meeting = fc.oneof(
  { weight: 3, arbitrary: meetingOf(tame, fc.oneof(tame, fc.integer({ min: -5, max: 5000 }), fc.constant(true)), false).map((record) => ({ record, tame: true })) },
  { weight: 2, arbitrary: meetingOf(awkward, scalar, true).map((record) => ({ record, tame: false })) },
);

// The record written by the yaml library in a random style (quotes, flow or block, indentation, folding), keys in a
// random order, comments on random nodes — the start of a layout, then formatted or changed.
const layout = fc.record({
  record: meeting,
  seed: fc.nat(1000),
  quote: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'),
  flow: fc.constantFrom(false, false, false, true),
  indent: fc.constantFrom(2, 4),
  indentSeq: fc.boolean(),
  lineWidth: fc.constantFrom(0, 40),
  header: fc.constantFrom('', '', '', '# yaml-language-server: $schema=../../schemas/meeting.schema.json\n', '# a\n# b\n', '#\n', '# a\n\n', '#a\n', '#  spaced\n', '# trailing \n'),
  comments: fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, fc.array(fc.tuple(fc.nat(60), fc.boolean()), { maxLength: 2 })),
});

function shuffleKeys(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((v, i) => shuffleKeys(v, seed + i));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  if (seed % 3 === 1) entries.reverse();
  if (seed % 3 === 2 && entries.length > 2) entries.push(entries.splice(1, 1)[0]!);
  return Object.fromEntries(entries.map(([k, v], i) => [k, shuffleKeys(v, seed + i + 1)]));
}

function written(l: { record: { record: unknown }; seed: number; quote: string; flow: boolean; indent: number; indentSeq: boolean; lineWidth: number; header: string; comments: readonly (readonly [number, boolean])[] }): string {
  const doc = new Document(shuffleKeys(l.record.record, l.seed));
  const nodes: { commentBefore?: string | null; comment?: string | null }[] = [];
  if (doc.contents) collect(doc.contents, nodes);
  l.comments.forEach(([at, before], n) => {
    const node = nodes[at % Math.max(1, nodes.length)];
    if (node) node[before ? 'commentBefore' : 'comment'] = ` note ${n}`;
  });
  return l.header + doc.toString({ defaultStringType: l.quote as Scalar.Type, collectionStyle: l.flow ? 'flow' : 'any', indent: l.indent, indentSeq: l.indentSeq, lineWidth: l.lineWidth });
}

// One small change to a text (most often the canonical one, where a wrong "yes" would hide): at line `at`.
const CHANGES: readonly ((lines: string[], at: number) => string[] | string)[] = [
  (l) => l.join('\r\n'),
  (l) => '\uFEFF' + l.join('\n'),
  (l, at) => l.map((s, i) => (i === at && s ? s + ' ' : s)).join('\n'),
  (l, at) => [...l.slice(0, at), '', ...l.slice(at)].join('\n'),
  (l) => l.join('\n').replace(/\n$/, ''),
  (l) => l.join('\n') + '\n',
  (l, at) => [...l.slice(0, at), '# a comment', ...l.slice(at)].join('\n'),
  (l, at) => [...l.slice(0, at), `${l[at]?.match(/^ */)?.[0] ?? ''}# indented comment`, ...l.slice(at)].join('\n'),
  (l, at) => l.map((s, i) => (i === at && s && !s.includes('#') ? `${s} # trailing` : s)).join('\n'),
  (l, at) => l.map((s, i) => (i === at ? s.replace(/^( *)/, '$1  ') : s)).join('\n'),
  (l, at) => l.map((s, i) => (i === at ? s.replace(/^ {2}/, '') : s)).join('\n'),
  (l, at) => l.map((s, i) => (i === at ? s.replace(/^( *)/, '$1\t') : s)).join('\n'),
  (l, at) => l.map((s, i) => (i === at ? s.replace(': ', ':  ') : s)).join('\n'),
  (l, at) => l.map((s, i) => (i === at ? s.replace('- ', '-  ') : s)).join('\n'),
  (l, at) => l.map((s, i) => (i === at ? s.replace(/: (.+)$/, (_m, v: string) => `: '${v.replace(/^"|"$/g, '')}'`) : s)).join('\n'),
  (l, at) => l.map((s, i) => (i === at ? s.replace(/: "([^"\\]*)"$/, ': $1') : s)).join('\n'),
  (l, at) => l.map((s, i) => (i === at ? s.replace(/: ([^"[{].*)$/, ': "$1"') : s)).join('\n'),
  (l, at) => l.map((s, i) => (i === at ? s.replace(/^( *(?:- )?)([a-z_]+):/, '$1"$2":') : s)).join('\n'),
  (l, at) => l.map((s, i) => (i === at ? s.replace(/\[(.*)\]/, '[ $1 ]') : s)).join('\n'),
  (l, at) => l.map((s, i) => (i === at ? s.replace(/, /g, ',') : s)).join('\n'),
  (l, at) => l.map((s, i) => (i === at ? s.replace(/: (\S.*)$/, ': |\n  $1') : s)).join('\n'),
  (l, at) => l.map((s, i) => (i === at ? s.replace(/: (\S.*)$/, ': &a $1') : s)).join('\n'),
  (l, at) => l.map((s, i) => (i === at ? s.replace(/"$/, ' "').replace(/: "/, ': " ') : s)).join('\n'),
  (l, at) => l.map((s, i) => (i === at ? s.replace(/é/g, '\\u00e9') : s)).join('\n'),
  (l, at) => l.map((s, i) => (i === at ? s + ' ' + 'x'.repeat(200) : s)).join('\n'),
  (l, at) => (at + 1 < l.length ? [...l.slice(0, at), l[at + 1]!, l[at]!, ...l.slice(at + 2)].join('\n') : l.join('\n')),
  (l) => '---\n' + l.join('\n'),
  (l) => l.join('\n') + '...\n',
  (l, at) => l.map((s, i) => (i === at ? s.replace(/: (\d+)$/, ': 0$1') : s)).join('\n'),
  (l, at) => l.map((s, i) => (i === at ? s.replace(/: (\S+)$/, ': !!str $1') : s)).join('\n'),
];

describe('the cheap canonical check (fmt --check)', () => {
  it('never calls canonical a text the formatter would change: records in many layouts, and one change to each', () => {
    let said = 0;
    let tameSeen = 0;
    fc.assert(
      fc.property(layout, fc.array(fc.tuple(fc.nat(CHANGES.length - 1), fc.nat(80)), { maxLength: 2 }), (l, changes) => {
        const source = written(l);
        expectNeverWrong(source, MEETING);
        const formatted = formatRecordText(source, MEETING);
        if (!formatted.ok) return;
        const yes = expectNeverWrong(formatted.text, MEETING);
        if (l.record.tame && l.comments.length === 0 && !l.flow && /^(# \S+(?: \S+)*\n)*[a-z]/.test(formatted.text)) {
          tameSeen++;
          if (yes) said++;
        }
        let changed = formatted.text;
        for (const [which, at] of changes) {
          const lines = changed.split('\n');
          const out = CHANGES[which]!(lines, at % Math.max(1, lines.length - 1));
          changed = Array.isArray(out) ? out.join('\n') : out;
          expectNeverWrong(changed, MEETING);
          expectNeverWrong(changed, undefined);
        }
      }),
      { numRuns: propertyRuns(450) },
    );
    // Not vacuous: the formatter's own output of plain records (no comment below the top, block style) is recognised.
    expect(tameSeen).toBeGreaterThan(20);
    expect(said).toBe(tameSeen);
  });

  it('reads words as canBePlain does, without asking the yaml library (its shortcut for names and ids)', () => {
    const words = ['y', 'Y', 'yes', 'Yes', 'YES', 'yEs', 'n', 'N', 'no', 'No', 'NO', 'nO', 'true', 'True', 'TRUE', 'tRue', 'false', 'False', 'FALSE', 'on', 'On', 'ON', 'oN', 'off', 'Off', 'OFF', 'null', 'Null', 'NULL', 'nuLL', 'nan', 'NaN', 'inf', 'Inf', 'e', 'E1', 'e1', 'x0', 'b1', 'o7', 'a.b', 'e.g.', 'Q1', 'I', 'México', 'Ñandú', 'a - b', 'a -b', 'a-', 'a.', 'a_', 'z 1', 'a  b', 'a b ', '2017-03-16-red-nna', '2017-03-16', '2017-03-16t10', '0xdead', '0xdeadg', '1e5', '1g', '0o7', '0b1', '1_000m', '12:30m', '1.5r'];
    for (const w of words) expect(readsBackPlain(w), w).toBe(canBePlain(w));
    const part = fc.string({ minLength: 1, maxLength: 6, unit: fc.constantFrom('a', 'c', 'd', 'g', 'm', 'e', 'E', 'n', 'o', 'N', 'O', 'y', 'Y', 's', 'S', 'f', 'F', 'l', 'L', 'u', 'U', 'r', 'R', 't', 'T', 'x', 'b', '0', '1', '9', '_', '-', '.', 'é', 'ñ', 'Ö') });
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 3 }), fc.constantFrom('', 'a', 'N', 'é', '1', '.', '-', '2017-03-16', '2017-03-16-', '2017-03-16t', '0x', '0b', '0o', '1e', '1_', '12:30', '0'), (parts, lead) => {
        const w = lead + parts.join(' ');
        expect(readsBackPlain(w), w).toBe(canBePlain(w));
      }),
      { numRuns: propertyRuns(600) },
    );
  });

  it('says canonical for the layout the bench corpus and the bundled records use', () => {
    const corpus = [
      '# yaml-language-server: $schema=../../schemas/meeting.schema.json',
      'record: meeting',
      'id: 2000-01-03-grcm',
      'body: grcm',
      'ordinal: 3',
      'session: virtual',
      'title:',
      '  es: "Revisado: Actuación."',
      '  en: "The at of."',
      'dates:',
      '  start: "2000-01-03"',
      'participants: [NI, CA, GT]',
      'agreements:',
      '  - number: "1"',
      '    action: thank',
      '    text:',
      '      es: "Elaborar y."',
      '    actors: [st, idb]',
      '  - number: "2"',
      '    action: welcome',
      '    text:',
      '      es: "Migrantes \\"intercambio\\"."',
      '',
    ].join('\n');
    expect(expectNeverWrong(corpus, MEETING)).toBe(true);
    // Keys out of schema order, a comment below the top, single quotes: the formatter decides.
    expect(isCanonicalLayout(corpus.replace('id: 2000-01-03-grcm\nbody: grcm', 'body: grcm\nid: 2000-01-03-grcm'), MEETING)).toBe(false);
    expect(isCanonicalLayout(corpus.replace('ordinal: 3', 'ordinal: 3 # third'), MEETING)).toBe(false);
    expect(isCanonicalLayout(corpus.replace('"The at of."', "'The at of.'"), MEETING)).toBe(false);
  });

  it('agrees with the formatter on every bundled and fixture record it calls canonical', () => {
    let said = 0;
    for (const dir of ['data', 'test/fixtures']) {
      for (const full of yamlFiles(path.resolve(dir))) {
        const bytes = readFileSync(full);
        const parsed = parseRecordFile(path.relative(path.resolve(dir), full).split(path.sep).join('/'), bytes);
        const kind = kindOf(parsed);
        if (expectNeverWrong(bytes.toString('utf8'), kind ? keyOrderFor(schemas, kind) : undefined)) said++;
      }
    }
    expect(said).toBeGreaterThan(10);
  });
});

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? yamlFiles(full) : /\.ya?ml$/.test(name) ? [full] : [];
  });
}
