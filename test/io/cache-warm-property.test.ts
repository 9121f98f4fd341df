// Nothing stale is ever served (issue 24): random edits of a small records root — a value changed, YAML broken, a file
// added or removed, an id renamed, a file touched without change, an edit that keeps the size and puts the mtime back,
// a registry changed — and after each one `acta validate` with the cache (the stat index, validate's cached results and
// the parse cache, and the results kept file by file) prints exactly what it prints without it. The clock of the stat
// index is a fake one per step: a minute after the newest time of any file as the step's edits left it, as if every run
// came long after its edits, so unchanged stats are believed (io/cache-stat.ts) and the property covers them.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordCheckCounts } from '../../src/core/pipeline.js';
import { fileResultCounts } from '../../src/io/cache-checks.js';
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
/** The stat index's clock for the next run: a minute after the newest mtime or ctime under `root` (see step()). */
let fakeNow = 0;
beforeAll(() => {
  statClock.now = () => fakeNow;
});

/** Set the clock of the coming run(s) a minute after every time the files under root now carry. */
function step(root: string): void {
  let newest = 0n;
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else {
        const st = statSync(full, { bigint: true });
        for (const t of [st.mtimeNs, st.ctimeNs]) if (t > newest) newest = t;
      }
    }
  };
  walk(root);
  fakeNow = Number(newest / 1_000_000n) + 60_000;
}
afterAll(() => {
  statClock.now = realNow;
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function recordFiles(root: string): string[] {
  return ['meetings', 'plans', 'registries'].flatMap((f) => (existsSync(path.join(root, f)) ? readdirSync(path.join(root, f)).map((n) => `${f}/${n}`) : [])).sort();
}

// Two roots: one of records with every kind of problem (none of them valid), one of valid records with warnings (whose
// per-record checks' results are kept and reused).
const ROOTS = ['test/fixtures/validate-errors', 'test/fixtures/report'] as const;

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
      // the same size, the mtime put back: only the change time (and the content hash) can tell — so the change time
      // must move: on a filesystem whose ctime is coarser than the time since the last write, write again until it
      // does (else the stat index rightly takes the file as unchanged, and the step would test nothing).
      const before = statSync(file);
      const ctime = statSync(file, { bigint: true }).ctimeNs;
      const at = text.search(/[a-z]/);
      const edited = at < 0 ? text : text.slice(0, at) + (text[at] === 'x' ? 'y' : 'x') + text.slice(at + 1);
      for (let i = 0; i < 1000; i++) {
        writeFileSync(file, edited);
        utimesSync(file, before.atime, before.mtime);
        if (edited === text || statSync(file, { bigint: true }).ctimeNs !== ctime) break;
      }
      break;
    }
    default: // a registry changed: a country's id (in the file that lists countries, or the file picked)
      writeFileSync(file, text.replace(/\b(HN|GT|MX)\b/, (c) => (other % 2 ? c.toLowerCase() : `${c}X`)));
  }
}

describe('validate with the cache says what validate without it says', () => {
  it('after every one of random edits (fixed seed in npm test)', async () => {
    let steps = 0;
    const [schemaReused, recordsReused] = [fileResultCounts.schemaReused, recordCheckCounts.reused];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(KINDS - 1), fc.nat(20), fc.nat(20)), { minLength: 1, maxLength: 5 }), fc.boolean(), fc.constantFrom(...ROOTS), async (edits, asOf, fixture) => {
        const root = temp('acta-warm-root-');
        cpSync(fixture, root, { recursive: true });
        const cache = temp('acta-warm-cache-');
        const args = ['validate', '--root', root, '--format', 'json', ...(asOf ? ['--as-of', '2017-07-01'] : [])];
        const warm = (): ReturnType<typeof runActa> => runActa(args, { env: { ACTA_CACHE: '1', ACTA_CACHE_DIR: cache } });
        const cold = (): ReturnType<typeof runActa> => runActa(args, { env: { ACTA_CACHE: '0' } });
        step(root);
        expect(await warm()).toEqual(await cold());
        for (const edit of edits) {
          apply(root, edit);
          step(root);
          expect(await warm(), JSON.stringify(edit)).toEqual(await cold());
          steps++;
        }
      }),
      {
        numRuns: 10,
        // Named cases, found by random runs against a key without the context's hash: an id renamed (the indexes
        // change, so every record's kept checks are stale), then a value; a registry's country changed.
        examples: [
          [[[4, 7, 0], [0, 0, 0]], false, 'test/fixtures/report'],
          [[[7, 9, 1], [5, 2, 0]], true, 'test/fixtures/report'],
        ],
      },
    );
    expect(steps).toBeGreaterThan(10);
    // The results kept file by file were used (runs after an edit that missed validate's whole result).
    expect(fileResultCounts.schemaReused).toBeGreaterThan(schemaReused);
    expect(recordCheckCounts.reused).toBeGreaterThan(recordsReused);
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
          step(repo.dir);
          await runActa(['validate', '--format', 'json'], { cwd: repo.dir, env: { ...gitEnv(repo.home), ACTA_CACHE: '1', ACTA_CACHE_DIR: cache } });
          expect(await run(true)).toEqual(await run(false));
          for (const [edit, commit, lose] of edits) {
            apply(repo.dir, edit);
            if (commit) repo.commit('edit');
            // A restored cache: the stat index of another checkout is no help; git's own index may vouch instead (the
            // test fails when it vouches for a file it should not).
            if (lose) rmSync(path.join(cache, 'stat'), { recursive: true, force: true });
            step(repo.dir);
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

  /** A copy of the report fixture (four meetings and a plan, all valid), its own cache, and the meeting the tests edit. */
  const reportCopy = (): { root: string; cache: string; env: Record<string, string>; args: string[]; edited: string; text: string } => {
    const root = temp('acta-warm-root-');
    cpSync('test/fixtures/report', root, { recursive: true });
    const cache = temp('acta-warm-cache-');
    const edited = path.join(root, 'meetings/2017-06-05-red-a.yaml');
    return { root, cache, env: { ACTA_CACHE: '1', ACTA_CACHE_DIR: cache }, args: ['validate', '--root', root, '--format', 'json'], edited, text: readFileSync(edited, 'utf8') };
  };

  it('after an edit of one meeting, checks again that meeting alone: its schema and its per-record checks (work counted)', async () => {
    const { root, env, args, edited, text } = reportCopy();
    step(root);
    await runActa(args, { env });
    const counts = (): number[] => [fileResultCounts.schemaRun, fileResultCounts.schemaReused, recordCheckCounts.run, recordCheckCounts.reused];
    const before = counts();
    writeFileSync(edited, text.replace(/^title: \{ es: /m, 'title: { es: Editado. '));
    expect(readFileSync(edited, 'utf8')).not.toBe(text);
    step(root);
    const warm = await runActa(args, { env });
    expect(warm).toEqual(await runActa(args, { env: { ACTA_CACHE: '0' } }));
    const [schemaRun, schemaReused, recordsRun, recordsReused] = counts().map((n, i) => n - before[i]!);
    const files = recordFiles(root).length + 1; // and acta.yaml
    // The edited file alone is validated against its schema again, and is the one record whose checks run again.
    expect({ schemaRun, schemaReused, recordsRun }).toEqual({ schemaRun: 1, schemaReused: files - 1, recordsRun: 1 });
    expect(recordsReused).toBe(4); // the other three meetings and the plan
  });

  it('a results-by-file store that is truncated, altered or emptied is a miss: every file is checked again', async () => {
    const { root, cache, env, args, edited, text: original } = reportCopy();
    for (const [n, spoil] of [(b: Buffer) => b.subarray(0, b.length >> 1), (b: Buffer) => Buffer.concat([b.subarray(0, 40), Buffer.from('x'), b.subarray(41)]), () => Buffer.alloc(0)].entries()) {
      step(root);
      await runActa(args, { env });
      const folder = path.join(cache, 'checks');
      for (const name of readdirSync(folder)) writeFileSync(path.join(folder, name), spoil(readFileSync(path.join(folder, name))));
      writeFileSync(edited, original.replace(/^title: \{ es: /m, `title: { es: Cambio ${n}. `));
      step(root);
      const before = recordCheckCounts.run;
      expect(await runActa(args, { env })).toEqual(await runActa(args, { env: { ACTA_CACHE: '0' } }));
      expect(recordCheckCounts.run - before).toBe(5); // four meetings and the plan, none from the spoilt store
    }
  });

  it('answers a run over unchanged files from the cache, reading and hashing none of them', async () => {
    const root = temp('acta-warm-root-');
    cpSync('test/fixtures/validate-errors', root, { recursive: true });
    const env = { ACTA_CACHE: '1', ACTA_CACHE_DIR: temp('acta-warm-cache-') };
    const args = ['validate', '--root', root, '--format', 'pretty'];
    step(root);
    const first = await runActa(args, { env });
    const [hits, hashed] = [resultCounts.hits, statCounts.hashed];
    expect(await runActa(args, { env })).toEqual(first);
    expect([resultCounts.hits - hits, statCounts.hashed - hashed]).toEqual([1, 0]);
    // One file touched: read and hashed again (1), and, its bytes the same, still answered from the cache.
    const touched = path.join(root, 'registries/bodies.yaml');
    writeFileSync(touched, readFileSync(touched));
    step(root);
    expect(await runActa(args, { env })).toEqual(first);
    expect([resultCounts.hits - hits, statCounts.hashed - hashed]).toEqual([2, 1]);
    expect(await runActa(args, { env: { ACTA_CACHE: '0' } })).toEqual(first);
  });
});
