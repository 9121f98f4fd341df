// Incremental review: `diff` reads only the blobs that differ, `validate --changed-since` only what a change touches —
// and both say exactly what a run over everything says (differential tests over random edits in a real git repo).
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActaRun } from '../run-acta.js';
import { runActa } from '../run-acta.js';
import { gitEnv, TempRepo } from './repo.js';

interface Json { summary: { files: number }; diagnostics: { file: string; code: string; line: number }[] }
const countFiles = (dir: string): number => (existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length : 0);

/** A run with the parse cache on, in its own folder. */
function withCache(repo: TempRepo, cache: string, args: string[]): Promise<ActaRun> {
  return runActa(args, { cwd: repo.dir, env: { ...gitEnv(repo.home), ACTA_CACHE: '1', ACTA_CACHE_DIR: cache } });
}

function edit(repo: TempRepo, file: string, change: (text: string) => string): void {
  const full = path.join(repo.dir, file);
  const before = readFileSync(full, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`the edit of ${file} changed nothing`);
  writeFileSync(full, after);
}

describe('acta diff reads only the blobs that differ', () => {
  const repo = new TempRepo('acta-incr-diff-');
  beforeAll(() => {
    cpSync(path.resolve('data'), repo.dir, { recursive: true });
    repo.commit('records', 'v1');
    edit(repo, 'registries/organisations.yaml', (t) => t.replace('en: International Committee of the Red Cross', 'en: The International Committee of the Red Cross'));
    repo.commit('a registry entry renamed', 'v2');
  });
  afterAll(() => repo.cleanup());

  it('only a registry changed: one entry change; only that registry (at both revisions) and acta.yaml are parsed', async () => {
    const cache = path.join(repo.home, 'cache-diff');
    const plain = await repo.acta(['diff', 'v1', 'v2', '--format', 'json']);
    const cached = await withCache(repo, cache, ['diff', 'v1', 'v2', '--format', 'json']);
    expect(plain.code).toBe(0);
    expect(cached.stdout).toBe(plain.stdout);
    const result = JSON.parse(plain.stdout) as { changes: { kind: string; file: string; part: string; field: string }[] };
    expect(result.changes.map((c) => `${c.kind} ${c.file} ${c.part} ${c.field}`)).toEqual(['entry-changed registries/organisations.yaml icrc name.en']);
    // A parse cache entry per content parsed: organisations.yaml at v1 and at v2, and acta.yaml (the same at both).
    expect(countFiles(path.join(cache, 'parse'))).toBe(3);
  });
});

const meeting = (id: string, points: string): string => `record: meeting
id: ${id}
body: red-nna
dates:
  start: "${id.slice(0, 10)}"
source:
  document: informe.txt
agreements:
${points}`;
const point = (n: string, extra = ''): string => `  - number: "${n}"
    action: take-note
    text:
      es: "Tomar nota del punto ${n}."
${extra}`;

describe('acta validate --changed-since reads what the change touches', () => {
  const repo = new TempRepo('acta-incr-since-');
  const files: Record<string, string> = {
    'meetings/2017-01-10-red-nna.yaml': meeting('2017-01-10-red-nna', point('1')),
    // 2017-02-10 refers to 2017-01-10, which the change removes; 2017-03-10 refers to nothing that changes.
    'meetings/2017-02-10-red-nna.yaml': meeting('2017-02-10-red-nna', point('1', '    supersedes: "2017-01-10-red-nna#1"\n')),
    'meetings/2017-03-10-red-nna.yaml': meeting('2017-03-10-red-nna', point('1')),
    'meetings/2017-04-10-red-nna.yaml': meeting('2017-04-10-red-nna', point('1')),
  };
  beforeAll(() => {
    repo.withRegistries().write(files).commit('records', 'v1');
  });
  afterAll(() => repo.cleanup());

  it('a removed id breaks an unchanged file: that file is checked, with the diagnostics of a full run', async () => {
    repo.remove('meetings/2017-01-10-red-nna.yaml');
    repo.write({ 'meetings/2017-04-10-red-nna.yaml': files['meetings/2017-04-10-red-nna.yaml']!.replace('punto 1', 'punto uno') });
    try {
      const since = await repo.acta(['validate', '--format', 'json', '--changed-since', 'v1']);
      const full = await repo.acta(['validate', '--format', 'json']);
      const s = JSON.parse(since.stdout) as Json;
      expect(since.code).toBe(1);
      // 2017-04-10 (changed), 2017-02-10 (refers to the removed meeting), acta.yaml (a record file went: it says when
      // there are no records, or a registry is missing).
      expect(s.summary.files).toBe(3);
      expect(s.diagnostics.map((d) => `${d.file} ${d.code}`)).toEqual(['meetings/2017-02-10-red-nna.yaml ref/unknown-meeting']);
      expect(s.diagnostics).toEqual((JSON.parse(full.stdout) as Json).diagnostics.filter((d) => d.file.startsWith('meetings/2017-0')));
    } finally {
      repo.git('checkout', '-q', '--', '.');
    }
  });

  it('a second run parses only the files in scope: unchanged files are known from their summaries, by blob id', async () => {
    const cache = path.join(repo.home, 'cache-since');
    repo.write({ 'meetings/2017-04-10-red-nna.yaml': files['meetings/2017-04-10-red-nna.yaml']!.replace('punto 1', 'punto uno') });
    try {
      const first = await withCache(repo, cache, ['validate', '--format', 'json', '--changed-since', 'v1']);
      rmSync(path.join(cache, 'parse'), { recursive: true, force: true });
      const second = await withCache(repo, cache, ['validate', '--format', 'json', '--changed-since', 'v1']);
      expect(second.stdout).toBe(first.stdout);
      expect((JSON.parse(second.stdout) as Json).summary.files).toBe(1);
      // 2017-04-10 at head, acta.yaml and the 4 registries: not the 3 other meetings, nor 2017-04-10 at v1 (the first
      // run kept its summary at the base, by blob id).
      expect(countFiles(path.join(cache, 'parse'))).toBe(6);
      // A summary store that is cut short or altered is not used: the files are summarised again, same answer.
      const store = path.join(cache, 'refs', readdirSync(path.join(cache, 'refs'))[0]!);
      for (const damage of [(b: Buffer): Buffer => b.subarray(0, b.length >> 1), (b: Buffer): Buffer => Buffer.from(b.map((x, i) => (i === b.length - 5 ? x ^ 1 : x)))]) {
        writeFileSync(store, damage(readFileSync(store)));
        const again = await withCache(repo, cache, ['validate', '--format', 'json', '--changed-since', 'v1']);
        expect(again.stdout).toBe(first.stdout);
      }
    } finally {
      repo.git('checkout', '-q', '--', '.');
    }
  });

  it('after a full validate of the base (the cache a CI job restores), a changed file\'s summary at the base is the kept one: the base is not parsed', async () => {
    const cache = path.join(repo.home, 'cache-base');
    const base = await withCache(repo, cache, ['validate', '--format', 'json']);
    expect(base.code).toBe(0);
    repo.write({ 'meetings/2017-04-10-red-nna.yaml': files['meetings/2017-04-10-red-nna.yaml']!.replace('punto 1', 'punto uno') });
    try {
      rmSync(path.join(cache, 'parse'), { recursive: true, force: true });
      const since = await withCache(repo, cache, ['validate', '--format', 'json', '--changed-since', 'v1']);
      expect(since.stdout).toBe((await repo.acta(['validate', '--format', 'json', '--changed-since', 'v1'])).stdout);
      expect((JSON.parse(since.stdout) as Json).summary.files).toBe(1);
      // 2017-04-10 at head, acta.yaml and the 4 registries: not 2017-04-10 at v1 (its summary was kept by blob id).
      expect(countFiles(path.join(cache, 'parse'))).toBe(6);
    } finally {
      repo.git('checkout', '-q', '--', '.');
    }
  });

  it('a revision git refuses is said as without the cache (the disk is stat\'ed while git answers): exit 2, nothing read or kept', async () => {
    const cache = path.join(repo.home, 'cache-refused');
    const r = await withCache(repo, cache, ['validate', '--format', 'json', '--changed-since', 'no-such-rev']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe((await repo.acta(['validate', '--format', 'json', '--changed-since', 'no-such-rev'])).stderr);
    expect(countFiles(path.join(cache, 'stat')) + countFiles(path.join(cache, 'parse'))).toBe(0);
  });

  it('a ring of supersession is reported on the same point as a full run, wherever the search enters it', async () => {
    // The ring 02-10#1 → 03-10#1 → 02-10#1, with 01-10#1 → 03-10#1 leading into it: a full run's search enters the
    // ring from 01-10 (at 03-10), a run that reads 02-10 and 03-10 only enters it at 02-10.
    repo.write({
      'meetings/2017-01-10-red-nna.yaml': meeting('2017-01-10-red-nna', point('1', '    supersedes: "2017-03-10-red-nna#1"\n')),
      'meetings/2017-02-10-red-nna.yaml': meeting('2017-02-10-red-nna', point('1')),
      'meetings/2017-03-10-red-nna.yaml': meeting('2017-03-10-red-nna', point('1', '    supersedes: "2017-02-10-red-nna#1"\n')),
    });
    repo.commit('a ring', 'ring');
    repo.write({ 'meetings/2017-02-10-red-nna.yaml': meeting('2017-02-10-red-nna', point('1', '    supersedes: "2017-03-10-red-nna#1"\n')) });
    try {
      const since = JSON.parse((await repo.acta(['validate', '--format', 'json', '--changed-since', 'ring'])).stdout) as Json;
      const full = JSON.parse((await repo.acta(['validate', '--format', 'json'])).stdout) as Json;
      expect(full.diagnostics.filter((d) => d.code === 'ref/supersession-cycle')).toHaveLength(1);
      expect(since.summary.files).toBe(2);
      expect(since.diagnostics).toEqual(full.diagnostics.filter((d) => /2017-0[23]-10/.test(d.file)));
    } finally {
      repo.git('checkout', '-q', '--', '.');
    }
  });
});

describe('acta validate --changed-since: a file git converts on checkout is read, not taken on git\'s index\'s word', () => {
  const repo = new TempRepo('acta-incr-convert-');
  const file = 'meetings/2017-01-10-red-nna.yaml';
  beforeAll(() => {
    repo.withRegistries().write({ [file]: meeting('2017-01-10-red-nna', point('1')) }).commit('records', 'v1');
  });
  afterAll(() => repo.cleanup());

  // git's index vouches for the checked-out file (its stat is the entry's, its blob the base's), but the bytes on disk
  // are UTF-16 (working-tree-encoding, set outside the tree): only the base blob's size tells them apart — from the
  // stat index when a run there read the blob (a restored cache), from git (cat-file --batch-check) when none did.
  it('with a stat index that knows the blob, and with none: the file is checked, as a full run checks it', async () => {
    const primed = path.join(repo.home, 'cache-primed');
    expect((await withCache(repo, primed, ['validate', '--format', 'json'])).code).toBe(0);
    writeFileSync(path.join(repo.dir, '.git/info/attributes'), 'meetings/*.yaml text working-tree-encoding=UTF-16LE-BOM\n');
    rmSync(path.join(repo.dir, file));
    repo.git('checkout', '-q', '--', file);
    expect(readFileSync(path.join(repo.dir, file)).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xfe]));
    expect(repo.git('status', '--porcelain', '--', file)).toBe('');
    const full = JSON.parse((await repo.acta(['validate', '--format', 'json'])).stdout) as Json;
    const wanted = full.diagnostics.filter((d) => d.file === file);
    expect(wanted.length).toBeGreaterThan(0);
    for (const cache of [primed, path.join(repo.home, 'cache-none')]) {
      const since = JSON.parse((await withCache(repo, cache, ['validate', '--format', 'json', '--changed-since', 'v1'])).stdout) as Json;
      expect(since.diagnostics.filter((d) => d.file === file)).toEqual(wanted);
    }
  });
});
