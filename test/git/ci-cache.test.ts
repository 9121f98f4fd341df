// The CI flow of `validate --changed-since` with a restored cache, in real git repositories: the main branch's job
// clones and primes the cache right after the checkout (every file inside the racily-clean window, as in a real job),
// a pull request changes 10 meetings, and its job — a new clone at the same path — restores that cache. The pull
// request's run must then ask git for nothing of the base: no blob's bytes, no blob's size (work counted, not timed).
import { cpSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultCounts } from '../../src/io/cache-results.js';
import { statCounts } from '../../src/io/cache-stat.js';
import { blobCounts } from '../../src/io/git.js';
import type { ActaRun } from '../run-acta.js';
import { runActa } from '../run-acta.js';
import { gitEnv, TempRepo } from './repo.js';

interface Json { summary: { files: number }; diagnostics: { file: string; code: string }[] }

const meeting = (n: number, title: string): string => {
  const id = `2017-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + Math.floor(n / 12)).padStart(2, '0')}-red-nna`;
  return `record: meeting
id: ${id}
body: red-nna
title:
  es: "${title} ${n}"
dates:
  start: "${id.slice(0, 10)}"
source:
  document: informe.txt
agreements:
  - number: "1"
    action: take-note
    text:
      es: "Tomar nota del punto ${n}."
`;
};
const name = (n: number): string => `meetings/${meeting(n, '').match(/^id: (.*)$/m)![1]}.yaml`;
const MEETINGS = 14;
const CHANGED = 10;

describe('validate --changed-since in CI, with the cache the main branch primed right after its checkout', () => {
  const origin = new TempRepo('acta-ci-cache-');
  const work = path.join(origin.home, 'work');
  const cache = path.join(origin.home, 'cache');
  const ci = (c: string): Record<string, string | undefined> => ({ ...gitEnv(origin.home), CI: 'true', ACTA_CACHE: undefined, ACTA_CACHE_DIR: c });
  const clone = (branch: string): void => {
    rmSync(work, { recursive: true, force: true });
    origin.git('clone', '-q', '-b', branch, origin.dir, work);
  };
  const acta = (args: string[], env: Record<string, string | undefined>): Promise<ActaRun> => runActa(['--root', '.', ...args], { cwd: work, env });

  beforeAll(() => {
    const files: Record<string, string> = {};
    for (let n = 0; n < MEETINGS; n++) files[name(n)] = meeting(n, 'Reunión');
    origin.withRegistries().write(files).commit('records');
    origin.git('checkout', '-q', '-b', 'pr');
    const changed: Record<string, string> = {};
    for (let n = 0; n < CHANGED; n++) changed[name(n)] = meeting(n, 'Reunión revisada');
    origin.write(changed).commit('10 titles edited');
    origin.git('checkout', '-q', 'main');
  });
  afterAll(() => origin.cleanup());

  it('the pull request\'s run reads no blob of the base and asks git no blob\'s size; same answer as without the cache', async () => {
    // The main branch's job: a new clone, then at once the CI case's command lines (as bench/bench.mjs primes).
    clone('main');
    expect((await acta(['validate', '--format', 'json'], ci(path.join(cache, 'primed')))).code).toBe(0);
    expect((await acta(['validate', '--format', 'json', '--changed-since', 'HEAD'], ci(path.join(cache, 'primed')))).code).toBe(0);
    // The pull request's job: a new clone at the same path, the cache restored.
    clone('pr');
    cpSync(path.join(cache, 'primed'), path.join(cache, 'restored'), { recursive: true });
    const before = { ...blobCounts };
    const since = await acta(['validate', '--format', 'json', '--changed-since', 'origin/main'], ci(path.join(cache, 'restored')));
    const asked = { sized: blobCounts.sized - before.sized, read: blobCounts.read - before.read };
    const plain = await acta(['validate', '--format', 'json', '--changed-since', 'origin/main'], { ACTA_CACHE: '0' });
    expect(since.stdout).toBe(plain.stdout);
    expect((JSON.parse(since.stdout) as Json).summary.files).toBe(CHANGED);
    // Without the cache the base's changed blobs are read; with it, nothing of the base.
    expect(asked).toEqual({ sized: 0, read: 0 });
  });

  it('with a cache that holds no summary of the base (a first run), only the changed files are read at the base', async () => {
    clone('pr');
    const before = { ...blobCounts };
    const since = await acta(['validate', '--format', 'json', '--changed-since', 'origin/main'], ci(path.join(cache, 'empty')));
    const read = blobCounts.read - before.read;
    expect((JSON.parse(since.stdout) as Json).summary.files).toBe(CHANGED);
    expect(read).toBe(CHANGED);
    // And that run kept the base summaries it made: a second push's job, restoring the first one's cache, reads none.
    const again = { ...blobCounts };
    await acta(['validate', '--format', 'json', '--changed-since', 'origin/main'], ci(path.join(cache, 'empty')));
    expect(blobCounts.read - again.read).toBe(0);
  });

  // git's index vouches for the pull request's files as it does for validate's (io/git-voucher.ts): by their stat. A
  // file the pull request did not change, edited in the job after the checkout (same size, git's index not refreshed,
  // its times then put back before the index's, so git's racy rule does not catch it) differs from the base: in scope,
  // its problem said. A voucher that skipped the times would take it for the base's blob and leave it out.
  it('a file edited after the checkout, its size kept and its times put back, is in scope: its new problem is said', async () => {
    clone('pr');
    const back = Date.now() / 1000 - 4;
    for (const f of origin.git('-C', work, 'ls-files').split('\n').filter(Boolean)) utimesSync(path.join(work, f), back, back);
    origin.git('-C', work, 'update-index', '-q', '--refresh');
    const file = path.join(work, name(MEETINGS - 1));
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('body: red-nna', 'body: red-xyz'));
    utimesSync(file, back - 2, back - 2);
    expect(readFileSync(file).length).toBe(Buffer.byteLength(text));
    rmSync(path.join(cache, 'edited'), { recursive: true, force: true });
    cpSync(path.join(cache, 'primed'), path.join(cache, 'edited'), { recursive: true });
    const since = await acta(['validate', '--format', 'json', '--changed-since', 'origin/main'], ci(path.join(cache, 'edited')));
    const plain = await acta(['validate', '--format', 'json', '--changed-since', 'origin/main'], { ACTA_CACHE: '0' });
    expect((JSON.parse(plain.stdout) as Json).diagnostics.some((d) => d.file === name(MEETINGS - 1))).toBe(true);
    expect(since.stdout).toBe(plain.stdout);
  });

  // An unchanged file's summary comes from the store (kept by the full validate that primed the cache), and the scope
  // asks it whether the file names a changed id (core/change-scope.ts): a meeting that names a point the change took
  // away is in scope, its problem said. (A scope that skipped kept summaries here passed both --changed-since property tests.)
  it('an unchanged file that names a changed one, its summary kept, is in scope: its new problem is said', async () => {
    const repo = new TempRepo('acta-ci-mention-', origin);
    try {
      repo.git('checkout', '-q', 'main');
      const named = meeting(12, 'Reunión').match(/^id: (.*)$/m)![1]!;
      repo.write({ [name(13)]: meeting(13, 'Reunión').replace('  - number: "1"\n', `  - number: "1"\n    supersedes: "${named}#1"\n`) }).commit('13 names 12');
      const env = { ...gitEnv(repo.home), CI: 'true', ACTA_CACHE: undefined, ACTA_CACHE_DIR: path.join(repo.home, 'cache') };
      const run = (args: string[], e: Record<string, string | undefined>): Promise<ActaRun> => runActa(['--root', '.', ...args], { cwd: repo.dir, env: e });
      expect((await run(['validate', '--format', 'json'], env)).code).toBe(0);
      // Meeting 12's point 1 becomes point 2: meeting 13, unchanged, now names a point that is not there.
      repo.write({ [name(12)]: meeting(12, 'Reunión').replace('  - number: "1"\n', '  - number: "2"\n') });
      const since = await run(['validate', '--format', 'json', '--changed-since', 'HEAD'], env);
      const plain = await run(['validate', '--format', 'json', '--changed-since', 'HEAD'], { ...env, ACTA_CACHE: '0' });
      expect((JSON.parse(plain.stdout) as Json).diagnostics.some((d) => d.file === name(13))).toBe(true);
      expect(since.stdout).toBe(plain.stdout);
    } finally {
      repo.cleanup();
    }
  });

  it('a changed file too large to read at the base: no other blob of the base is read for it', async () => {
    const big = new TempRepo('acta-ci-big-', origin);
    try {
      big.git('checkout', '-q', 'main');
      // Over the reader's limit (4 MiB) at the base, a plain meeting at head.
      big.write({ [name(0)]: `${meeting(0, 'Reunión')}# ${'x'.repeat(4 * 1024 * 1024)}\n` }).commit('a large meeting', 'large');
      big.write({ [name(0)]: meeting(0, 'Reunión') });
      const before = { ...blobCounts };
      const since = await runActa(['--root', '.', 'validate', '--format', 'json', '--changed-since', 'large'], { cwd: big.dir, env: { ...gitEnv(big.home), CI: 'true', ACTA_CACHE: undefined, ACTA_CACHE_DIR: path.join(big.home, 'cache') } });
      expect(since.code).toBe(0);
      expect(blobCounts.read - before.read).toBe(0);
    } finally {
      big.cleanup();
    }
  });
});

// The main branch's job again (no --changed-since): a new clone restores the cache a job on the same records saved. Every
// file has a new stat, so the stat index knows none; git's index vouches for them (io/git-voucher.ts), and the stat
// index's entry for each blob tells its sha256: validate's results answer without a record file read or hashed.
describe('validate in CI, with the cache a job on the same records saved', () => {
  const origin = new TempRepo('acta-ci-validate-');
  const work = path.join(origin.home, 'work');
  const cache = path.join(origin.home, 'cache');
  const ci = (c: string): Record<string, string | undefined> => ({ ...gitEnv(origin.home), CI: 'true', ACTA_CACHE: undefined, ACTA_CACHE_DIR: c });
  // A new clone whose index postdates its files: the files git writes in the same clock tick as its index are racily
  // clean (git's rule, which the voucher keeps: they are read), so the times are put a second back and the index
  // refreshed, as bench/bench.mjs does — then every file is one git's index vouches for.
  const clone = (): void => {
    rmSync(work, { recursive: true, force: true });
    origin.git('clone', '-q', origin.dir, work);
    const back = new Date(Date.now() - 2000);
    for (const f of origin.git('-C', work, 'ls-files').split('\n').filter(Boolean)) utimesSync(path.join(work, f), back, back);
    origin.git('-C', work, 'update-index', '-q', '--refresh');
  };
  const restored = (): string => {
    rmSync(path.join(cache, 'restored'), { recursive: true, force: true });
    cpSync(path.join(cache, 'primed'), path.join(cache, 'restored'), { recursive: true });
    return path.join(cache, 'restored');
  };
  const acta = (args: string[], env: Record<string, string | undefined>): Promise<ActaRun> => runActa(['--root', '.', ...args], { cwd: work, env });

  beforeAll(async () => {
    const files: Record<string, string> = {};
    for (let n = 0; n < MEETINGS; n++) files[name(n)] = meeting(n, 'Reunión');
    origin.withRegistries().write(files).commit('records');
    clone();
    expect((await acta(['validate', '--format', 'json'], ci(path.join(cache, 'primed')))).code).toBe(0);
  });
  afterAll(() => origin.cleanup());

  it('a fresh clone reads and hashes no record file, and answers from the results: the same as without the cache', async () => {
    clone();
    const before = { ...statCounts, hits: resultCounts.hits };
    const run = await acta(['validate', '--format', 'json'], ci(restored()));
    expect({ hashed: statCounts.hashed - before.hashed, hit: resultCounts.hits - before.hits }).toEqual({ hashed: 0, hit: 1 });
    expect(statCounts.vouched - before.vouched).toBeGreaterThanOrEqual(MEETINGS);
    expect(run.stdout).toBe((await acta(['validate', '--format', 'json'], { ACTA_CACHE: '0' })).stdout);
  });

  // The trust is git's index's stat: a file edited after the checkout (same size, git's index not refreshed) has
  // another stat than its entry, so it is read — a voucher that skipped the stat would answer with the saved result.
  it('a file edited after the checkout, its size kept, is read: its new problem is said', async () => {
    clone();
    const file = path.join(work, name(3));
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('body: red-nna', 'body: red-xyz'));
    expect(readFileSync(file).length).toBe(Buffer.byteLength(text));
    const before = { ...statCounts };
    const run = await acta(['validate', '--format', 'json'], ci(restored()));
    const plain = await acta(['validate', '--format', 'json'], { ACTA_CACHE: '0' });
    expect((JSON.parse(plain.stdout) as Json).diagnostics.some((d) => d.file === name(3))).toBe(true);
    expect(run.stdout).toBe(plain.stdout);
    expect(statCounts.hashed - before.hashed).toBe(1);
  });
});
