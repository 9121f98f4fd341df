// The summaries kept for --changed-since (io/refs-cache.ts), stored as a table of strings and indices: what is put is
// what is got back, and a signed store whose shape is off answers nothing for the entry it spoils (never a wrong
// summary, never a crash).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FileRefs } from '../../src/core/reference-index.js';
import { refsMention } from '../../src/core/reference-index.js';
import { parseSalt } from '../../src/io/cache.js';
import { trustedStore, writeStore } from '../../src/io/cache-store.js';
import { openRefsStore, storeFile } from '../../src/io/refs-cache.js';

let base: string;
const env = (): NodeJS.ProcessEnv => ({ ACTA_CACHE: '1', ACTA_CACHE_DIR: path.join(base, 'cache') });
const root = (): string => path.join(base, 'records');
beforeEach(() => {
  base = mkdtempSync(path.join(os.tmpdir(), 'acta-refs-'));
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

const meeting: FileRefs = { kind: 'meeting', id: '2017-04-10-red-nna', defines: ['2017-04-10-red-nna'], mentions: ['MX', 'iom', '2017-03-10-red-nna', '1', 'MX'], supersedes: ['2017-03-10-red-nna'], parts: ['2017-04-10-red-nna#1', '2017-04-10-red-nna#1.a'] };
const registry: FileRefs = { kind: 'registry', registryKind: 'countries', defines: ['MX', 'GT'], mentions: ['MX', 'GT', 'México'], supersedes: [], parts: [] };
const broken: FileRefs = { kind: 'none', defines: [], mentions: [], supersedes: [], parts: [] };

describe('the summaries store', () => {
  it('gives back what was put, for the ids kept, after a save', () => {
    const store = openRefsStore(root(), env());
    store.put('a', meeting);
    store.put('b', registry);
    store.put('c', broken);
    store.put('d', meeting);
    store.save(['a', 'b', 'c']);
    const again = openRefsStore(root(), env());
    expect(again.get('a')).toEqual(meeting);
    expect(again.get('b')).toEqual(registry);
    expect(again.get('c')).toEqual(broken);
    expect(again.get('d')).toBeUndefined();
    // Kept entries survive a later save that adds one.
    again.put('e', registry);
    again.save(['a', 'e']);
    const third = openRefsStore(root(), env());
    expect([third.get('a'), third.get('b'), third.get('e')]).toEqual([meeting, undefined, registry]);
  });

  it('a signed store of the wrong shape answers nothing for the entries it spoils, the others still', () => {
    const file = storeFile(env(), 'refs', root());
    const trust = trustedStore(env(), file)!;
    const strings = ['meeting', 'x', 'bogus'];
    const entry = (...ns: number[]): number[] => ns;
    const cases = [
      entry(0, 0, 2, 0, 1, 0, 0, 1), // good: a meeting with id x mentioning x
      entry(0, 0, 2, 0, 2, 0, 0, 1), // counts say 2 mentions, 1 is there
      entry(0, 0, 2, 0, 1, 0, 0, 7), // an index out of the table
      entry(2, 0, 0, 0, 0, 0, 0), // an unknown kind
      entry(0, 0, 9, 0, 0, 0, 0), // an id out of the table
    ];
    const offsets = [0];
    for (const c of cases) offsets.push(offsets.at(-1)! + c.length);
    writeStore(file, 4, parseSalt(), { keys: ['good', 'short', 'far', 'kind', 'id'], strings, data: Uint32Array.from(cases.flat()), offsets: Uint32Array.from(offsets) }, trust);
    const store = openRefsStore(root(), env());
    expect(store.get('good')).toEqual({ kind: 'meeting', id: 'x', defines: [], mentions: ['x'], supersedes: [], parts: [] });
    for (const id of ['short', 'far', 'kind', 'id']) expect(store.get(id)).toBeUndefined();
    // Offsets that do not cover the data: nothing is read.
    writeStore(file, 4, parseSalt(), { keys: ['good'], strings, data: Uint32Array.from(cases[0]!), offsets: Uint32Array.from([0, 5]) }, trust);
    expect(openRefsStore(root(), env()).get('good')).toBeUndefined();
  });

  // The scope asks every stored summary whether it mentions a changed id without making its list of mentions (read as
  // indices into the table): the answer must be refsMention's over the summary as put, for any ids — and again when
  // the set of ids has grown (the flags are made anew), and for summaries put in this run (not stored).
  it('answers whether a stored summary mentions one of a set of ids as its list does (fixed seed)', () => {
    const word = fc.constantFrom('MX', 'GT', 'a', 'b', 'c', '2017-04-10-red-nna', '2017-04-10-red-nna#1', '1', '');
    const list = fc.array(word, { maxLength: 8 });
    const refs = fc.record({ kind: fc.constantFrom('meeting', 'plan', 'registry', 'config', 'none'), defines: list, mentions: list, supersedes: list, parts: list }) as fc.Arbitrary<FileRefs>;
    let round = 0;
    fc.assert(
      fc.property(fc.array(refs, { minLength: 1, maxLength: 6 }), fc.array(word, { maxLength: 4 }), fc.array(word, { maxLength: 3 }), (summaries, asked, more) => {
        const at = path.join(base, `round-${round++}`);
        const put = openRefsStore(at, env());
        summaries.forEach((r, i) => put.put(`k${i}`, r));
        put.save(summaries.map((_, i) => `k${i}`));
        const store = openRefsStore(at, env());
        const fresh: FileRefs = { kind: 'none', defines: [], mentions: more, supersedes: [], parts: [] };
        store.put('new', fresh);
        const ids = new Set(asked);
        const check = (): void => {
          summaries.forEach((r, i) => expect(store.mentionsAny(store.get(`k${i}`)!, ids)).toBe(refsMention(r, ids)));
          expect(store.mentionsAny(store.get('new')!, ids)).toBe(refsMention(fresh, ids));
        };
        check();
        for (const id of more) ids.add(id);
        check();
        // And the lists, read after the answers, are those put.
        summaries.forEach((r, i) => expect(store.get(`k${i}`)).toEqual(r));
      }),
      { seed: 24, numRuns: 150 },
    );
  });
});
