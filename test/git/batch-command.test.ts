// The blobs of a revision from one git process (io/git.ts sizedBlobs): `cat-file --batch-command` answers the sizes
// first, then the bytes of the blobs within the cap, on the same standard input. A git that refuses the option (before
// 2.36) is asked the old way (--batch-check, then --batch), with the same answers, and is not asked again.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/core/read/parse.js';
import { sizedBlobs } from '../../src/io/git.js';
import { runActa } from '../run-acta.js';
import { gitEnv, TempRepo } from './repo.js';

const repo = new TempRepo('acta-batch-command-').withRegistries();
afterAll(() => repo.cleanup(), 120_000);

const SMALL = 'record: meeting\nid: 2020-01-01-small\nbody: st\n';
// Over the cap by a few bytes: its size is told, its bytes never asked for.
const LARGE = `record: meeting\nid: 2020-01-01-large\nbody: st\n# ${'x'.repeat(LIMITS.bytes)}\n`;
repo.write({ 'meetings/2020-01-01-small.yaml': SMALL, 'meetings/2020-01-01-large.yaml': LARGE, 'meetings/2020-01-01-empty.yaml': '' }).commit('v1', 'v1');
const object = (file: string): string => repo.git('rev-parse', `v1:${file}`).trim();

// Two `git`s first on PATH: one that logs each invocation and runs the real git, one that also refuses
// --batch-command as a git before 2.36 does (its usage, exit 129).
const log = path.join(repo.home, 'git.log');
const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
function shim(name: string, refuse: boolean): string {
  const folder = path.join(repo.home, name);
  mkdirSync(folder);
  const refusal = refuse ? `case "$*" in *--batch-command*) echo "error: unknown option \\\`batch-command'" >&2; exit 129;; esac\n` : '';
  writeFileSync(path.join(folder, 'git'), `#!/bin/sh\necho "$*" >> "${log}"\n${refusal}exec "${realGit}" "$@"\n`);
  chmodSync(path.join(folder, 'git'), 0o755);
  return folder;
}
const newGit = shim('new-git', false);
const oldGit = shim('old-git', true);

async function run(gitFolder: string): Promise<{ stdout: string; calls: string[] }> {
  writeFileSync(log, '');
  const r = await runActa(['--rev', 'v1', '--as-of', '2020-02-01', 'validate', '-f', 'json'], { cwd: repo.dir, env: { ...gitEnv(repo.home), PATH: `${gitFolder}${path.delimiter}${process.env['PATH'] ?? ''}` } });
  if (r.code === 2) throw new Error(r.stderr);
  return { stdout: r.stdout, calls: readFileSync(log, 'utf8').split('\n').filter(Boolean) };
}
const count = (calls: string[], what: string): number => calls.filter((c) => c.includes(what)).length;

describe('the blobs of a revision', () => {
  it('come with their sizes from one cat-file --batch-command; a blob over the cap is sized, not read', async () => {
    const small = object('meetings/2020-01-01-small.yaml');
    const large = object('meetings/2020-01-01-large.yaml');
    const empty = object('meetings/2020-01-01-empty.yaml');
    const tree = repo.git('rev-parse', 'v1:meetings').trim();
    const absent = '0'.repeat(40);
    const { sizes, blobs } = await sizedBlobs(repo.dir, [small, large, empty, tree, absent, small], LIMITS.bytes);
    expect(Object.fromEntries(sizes)).toEqual({ [small]: SMALL.length, [large]: LARGE.length, [empty]: 0 });
    expect([...blobs.keys()].sort()).toEqual([small, empty].sort());
    expect(Buffer.from(blobs.get(small)!).toString('utf8')).toBe(SMALL);
    expect(blobs.get(empty)!.length).toBe(0);
  });

  it('a blob near the cap, which arrives in many chunks, is read whole and byte for byte', async () => {
    // Bytes that are not all one value, so that a chunk joined twice or dropped would show.
    const near = Buffer.alloc(LIMITS.bytes - 7);
    for (let i = 0; i < near.length; i++) near[i] = 0x21 + ((i * 7919) % 90);
    near[near.length - 1] = 0x0a;
    const file = path.join(repo.home, 'near.bin');
    writeFileSync(file, near);
    const id = execFileSync('git', ['hash-object', '-w', file], { cwd: repo.dir, env: gitEnv(repo.home), encoding: 'utf8' }).trim();
    const small = object('meetings/2020-01-01-small.yaml');
    const { sizes, blobs } = await sizedBlobs(repo.dir, [small, id, small], LIMITS.bytes);
    expect(sizes.get(id)).toBe(near.length);
    expect(Buffer.from(blobs.get(id)!).equals(near)).toBe(true);
    expect(Buffer.from(blobs.get(small)!).toString('utf8')).toBe(SMALL);
  });

  it('through acta: one cat-file process, and the file over the cap said unreadable with its size', async () => {
    const { stdout, calls } = await run(newGit);
    expect(count(calls, 'cat-file')).toBe(1);
    expect(count(calls, 'cat-file --batch-command')).toBe(1);
    expect(stdout).toContain(`it has ${LARGE.length} bytes at v1; acta reads record files up to ${LIMITS.bytes} bytes`);
  });

  it('a git that refuses --batch-command is asked the old way, with the same answers, and not asked again', async () => {
    const now = await run(newGit);
    const old = await run(oldGit);
    expect(old.stdout).toBe(now.stdout);
    expect(old.calls.filter((c) => c.includes('cat-file')).map((c) => c.replace(/^.* cat-file /, ''))).toEqual([
      '--batch-command=%(objectname) %(objecttype) %(objectsize)',
      '--batch-check=%(objectname) %(objecttype) %(objectsize)',
      '--batch',
    ]);
    const again = await run(oldGit);
    expect(again.stdout).toBe(now.stdout);
    expect(count(again.calls, '--batch-command')).toBe(0);
    expect(count(again.calls, 'cat-file')).toBe(2);
  });
});
