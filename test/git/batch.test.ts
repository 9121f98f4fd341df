// --rev, diff and --changed-since over 240 record files: one `git cat-file --batch-command` per revision, not one per file.
// In-process (runActa): git is found on the run's own PATH (io/git.ts passes the run's environment), so the logging
// shim sees every call a child process would make; a process per run only added its start-up.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runActa } from '../run-acta.js';
import { gitEnv, TempRepo } from './repo.js';

// 240 files (1,200 until the eleventh round of the suite's time): one git process per file would be 240 calls against
// the bound of at most 13 below, as plain as 1,200; the other 960 only made each of the five runs validate more
// (~1.5 s of CPU a run).
const N = 240;
const repo = new TempRepo('acta-batch-').withRegistries();
afterAll(() => repo.cleanup(), 120_000);

const meeting = (i: number, note: string): string => `record: meeting\nid: 2020-01-01-m${String(i).padStart(4, '0')}\nbody: st\nnote: ${note}\n`;
const files = (note: (i: number) => string, every = 1): Record<string, string> =>
  Object.fromEntries(Array.from({ length: N }, (_, i) => i).filter((i) => i % every === 0).map((i) => [`meetings/2020-01-01-m${String(i).padStart(4, '0')}.yaml`, meeting(i, note(i))]));
repo.write(files(() => 'one')).commit('v1', 'v1');
repo.write(files(() => 'two', 2)).commit('v2', 'v2');
repo.write(files(() => 'three', 100));

// A `git` first on PATH that logs each invocation, then runs the real one.
const shim = path.join(repo.home, 'shim');
const log = path.join(repo.home, 'git.log');
mkdirSync(shim);
const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
writeFileSync(path.join(shim, 'git'), `#!/bin/sh\necho "$*" >> "${log}"\nexec "${realGit}" "$@"\n`);
chmodSync(path.join(shim, 'git'), 0o755);

async function gitCalls(args: string[]): Promise<{ code: number; calls: string[] }> {
  writeFileSync(log, '');
  const r = await runActa(args, { cwd: repo.dir, env: { ...gitEnv(repo.home), PATH: `${shim}${path.delimiter}${process.env['PATH'] ?? ''}` } });
  if (r.code === 2) throw new Error(r.stderr);
  return { code: r.code, calls: readFileSync(log, 'utf8').split('\n').filter(Boolean) };
}
const count = (calls: string[], what: string): number => calls.filter((c) => c.includes(what)).length;

describe(`${N} record files in git`, () => {
  it.each([
    [['--rev', 'v1', 'validate', '-f', 'json'], 1],
    [['diff', 'v1', 'v2', '-f', 'json'], 2],
    [['validate', '-f', 'json', '--changed-since', 'v1'], 1],
    [['--rev', 'v2', 'validate', '-f', 'json', '--changed-since', 'v1'], 2],
  ] as const)('acta %j starts one cat-file --batch-command per revision read', async (args, revisions) => {
    const { calls } = await gitCalls([...args]);
    // One cat-file per revision: the sizes of the blobs to read (ls-tree lists none), then the bytes of those within
    // the cap, asked of the same --batch-command process (io/git.ts sizedBlobs). (--changed-since over the disk reads
    // the base's blobs only where a file changed: its base is read like any other revision.)
    expect(count(calls, 'cat-file --batch-command')).toBe(revisions);
    expect(count(calls, 'cat-file')).toBe(revisions);
    expect(count(calls, 'ls-tree')).toBe(revisions);
    expect(calls.length).toBeLessThan(4 * revisions + 4);
  });

  // Every git process is a fork of acta's (~10 ms of CPU): the work tree, the index file and the base commit come from
  // one rev-parse (io/git.ts locateRevision), not three.
  it('acta validate --changed-since asks rev-parse once', async () => {
    const { calls } = await gitCalls(['validate', '-f', 'json', '--changed-since', 'v1']);
    expect(calls.filter((c) => / rev-parse /.test(` ${c} `))).toHaveLength(1);
    expect(count(calls, 'ls-tree')).toBe(1);
  });
});
