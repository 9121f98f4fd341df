// Nothing stale is ever served (issue 24): random edits of a small records root — a value changed, YAML broken, a file
// added or removed, an id renamed, a file touched without change, an edit that keeps the size and puts the mtime back,
// a registry changed — and after each one `acta validate` with the cache (the stat index, validate's cached results and
// the parse cache) prints exactly what it prints without it. The clock of the stat index is moved on a minute, as if
// every run came long after the edits, so unchanged stats are believed (io/cache-stat.ts) and the property covers them.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultCounts } from '../../src/io/cache-results.js';
import { statClock, statCounts } from '../../src/io/cache-stat.js';
import { runActa } from '../run-acta.js';
import { gitEnv, TempRepo } from '../git/repo.js';

const temps: string[] = [];
const temp = (prefix: string): string => {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  temps.push(dir);
  return dir;
};
const realNow = statClock.now;
beforeAll(() => {
  statClock.now = () => Date.now() + 60_000;
});
afterAll(() => {
  statClock.now = realNow;
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function recordFiles(root: string): string[] {
  return ['meetings', 'registries'].flatMap((f) => readdirSync(path.join(root, f)).map((n) => `${f}/${n}`)).sort();
}

type Edit = readonly [kind: number, pick: number, other: number];
const KINDS = 8;

function apply(root: string, [kind, pick, other]: Edit): void {
  const files = recordFiles(root);
  const name = files[pick % files.length]!;
  const file = path.join(root, name);
  const text = readFileSync(file, 'utf8');
  switch (kind) {
    case 0: // a value changed: a digit moved on
      writeFileSync(file, text.replace(/\d/, (d) => String((Number(d) + 1 + (other % 8)) % 10)));
      break;
    case 1: // YAML broken
      writeFileSync(file, `${text}\n  bad: [unclosed ${other}\n`);
      break;
    case 2: // a file added (a copy: the same ids twice)
      writeFileSync(path.join(root, 'meetings', `copy-${other % 3}.yaml`), text);
      break;
    case 3: // a file removed (never the last meeting, so the root keeps records)
      if (files.filter((f) => f.startsWith('meetings/')).length > 1 || !name.startsWith('meetings/')) rmSync(file);
      break;
    case 4: // an id renamed
      writeFileSync(file, text.replace(/^(id|  - id): (\S+)/m, (_, key: string, id: string) => `${key}: ${id}-${other % 4}`));
      break;
    case 5: // touched, not changed
      writeFileSync(file, text);
      break;
    case 6: {
      // the same size, the mtime put back: only the change time (and the content hash) can tell
      const before = statSync(file);
      const at = text.search(/[a-z]/);
      writeFileSync(file, at < 0 ? text : text.slice(0, at) + (text[at] === 'x' ? 'y' : 'x') + text.slice(at + 1));
      utimesSync(file, before.atime, before.mtime);
      break;
    }
    default: // a registry changed: a country's id (in the file that lists countries, or the file picked)
      writeFileSync(file, text.replace(/\b(HN|GT|MX)\b/, (c) => (other % 2 ? c.toLowerCase() : `${c}X`)));
  }
}

describe('validate with the cache says what validate without it says', () => {
  it('after every one of random edits (fixed seed in npm test)', async () => {
    let steps = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(KINDS - 1), fc.nat(20), fc.nat(20)), { minLength: 1, maxLength: 5 }), fc.boolean(), async (edits, asOf) => {
        const root = temp('acta-warm-root-');
        cpSync('test/fixtures/validate-errors', root, { recursive: true });
        const cache = temp('acta-warm-cache-');
        const args = ['validate', '--root', root, '--format', 'json', ...(asOf ? ['--as-of', '2017-07-01'] : [])];
        const warm = (): ReturnType<typeof runActa> => runActa(args, { env: { ACTA_CACHE: '1', ACTA_CACHE_DIR: cache } });
        const cold = (): ReturnType<typeof runActa> => runActa(args, { env: { ACTA_CACHE: '0' } });
        expect(await warm()).toEqual(await cold());
        for (const edit of edits) {
          apply(root, edit);
          expect(await warm(), JSON.stringify(edit)).toEqual(await cold());
          steps++;
        }
      }),
      { numRuns: 8 },
    );
    expect(steps).toBeGreaterThan(8);
  }, 60_000);

  it('validate --changed-since: after random edits, some committed, with the stat index kept or lost (a restored cache)', async () => {
    const base = new TempRepo('acta-warm-git-');
    cpSync('test/fixtures/validate-errors', base.dir, { recursive: true });
    base.commit('base', 'base');
    let steps = 0;
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(fc.tuple(fc.nat(KINDS - 1), fc.nat(20), fc.nat(20)), fc.boolean(), fc.boolean()), { minLength: 1, maxLength: 4 }), async (edits) => {
          const repo = new TempRepo('acta-warm-git-', base);
          temps.push(repo.home);
          const cache = temp('acta-warm-cache-');
          const args = ['validate', '--changed-since', 'base', '--format', 'json'];
          const run = (on: boolean): ReturnType<typeof runActa> => runActa(args, { cwd: repo.dir, env: { ...gitEnv(repo.home), ...(on ? { ACTA_CACHE: '1', ACTA_CACHE_DIR: cache } : { ACTA_CACHE: '0' }) } });
          // A full validate first: it keeps every file's summary, which --changed-since then takes from the cache.
          await runActa(['validate', '--format', 'json'], { cwd: repo.dir, env: { ...gitEnv(repo.home), ACTA_CACHE: '1', ACTA_CACHE_DIR: cache } });
          expect(await run(true)).toEqual(await run(false));
          for (const [edit, commit, lose] of edits) {
            apply(repo.dir, edit);
            if (commit) repo.commit('edit');
            // A restored cache: the stat index of another checkout is no help; git's own index may vouch instead (the
            // test fails when it vouches for a file it should not).
            if (lose) rmSync(path.join(cache, 'stat'), { recursive: true, force: true });
            expect(await run(true), JSON.stringify([edit, commit, lose])).toEqual(await run(false));
            steps++;
          }
        }),
        { numRuns: 6 },
      );
    } finally {
      base.cleanup();
    }
    expect(steps).toBeGreaterThan(6);
  }, 60_000);

  it('answers a run over unchanged files from the cache, reading and hashing none of them', async () => {
    const root = temp('acta-warm-root-');
    cpSync('test/fixtures/validate-errors', root, { recursive: true });
    const env = { ACTA_CACHE: '1', ACTA_CACHE_DIR: temp('acta-warm-cache-') };
    const args = ['validate', '--root', root, '--format', 'pretty'];
    const first = await runActa(args, { env });
    const [hits, hashed] = [resultCounts.hits, statCounts.hashed];
    expect(await runActa(args, { env })).toEqual(first);
    expect([resultCounts.hits - hits, statCounts.hashed - hashed]).toEqual([1, 0]);
    // One file touched: read and hashed again (1), and, its bytes the same, still answered from the cache.
    const touched = path.join(root, 'registries/bodies.yaml');
    writeFileSync(touched, readFileSync(touched));
    expect(await runActa(args, { env })).toEqual(first);
    expect([resultCounts.hits - hits, statCounts.hashed - hashed]).toEqual([2, 1]);
    expect(await runActa(args, { env: { ACTA_CACHE: '0' } })).toEqual(first);
  });
});
