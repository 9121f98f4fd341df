// git's index read from its file (src/io/git.ts parseIndexFile) against git's own listing of it (`ls-files --stage
// --debug`, parseIndexListing), on real repositories: every version git writes (2, 3 with extended flags, 4 with
// compressed paths), flagged entries (assume-unchanged, skip-worktree, intent-to-add), conflict stages, a
// non-ASCII path, an executable and a link; and a split index, which the reader leaves to git.
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexReads, listIndex, parseIndexFile, parseIndexListing } from '../../src/io/git.js';
import { gitEnv, TempRepo } from './repo.js';

const repo = new TempRepo('acta-index-');
afterAll(() => repo.cleanup());

const indexFile = (): Buffer => readFileSync(path.join(repo.dir, '.git', 'index'));
const version = (): number => indexFile().readUInt32BE(4);
const listed = (folder: string): ReturnType<typeof parseIndexListing> => parseIndexListing(repo.git('ls-files', '--stage', '--debug', '-z', '--', folder === '' ? '.' : folder), folder);

function sameAsGit(): void {
  for (const folder of ['', 'records', 'records/sub']) {
    const own = parseIndexFile(indexFile(), folder);
    expect(own, `folder '${folder}', index version ${version()}`).toEqual(listed(folder));
  }
}

describe("git's index file, read as git lists it", () => {
  it('version 2: plain entries, an executable, a link, a non-ASCII path, assume-unchanged, conflict stages', () => {
    repo.write({ 'acta.yaml': 'lang: es\n', 'records/a.yaml': 'a: 1\n', 'records/sub/ñandú.yaml': 'b: 2\n', 'records/run.sh': 'echo\n', 'other/x.yaml': 'x: 1\n' });
    chmodSync(path.join(repo.dir, 'records/run.sh'), 0o755);
    symlinkSync('a.yaml', path.join(repo.dir, 'records/link.yaml'));
    repo.git('add', '-A');
    repo.git('commit', '-q', '-m', 'records');
    repo.git('update-index', '--assume-unchanged', 'records/a.yaml');
    const blob = repo.git('rev-parse', 'HEAD:records/a.yaml').trim();
    const stages = [1, 2, 3].map((stage) => `100644 ${blob} ${stage}\trecords/c.yaml\n`).join('');
    execFileSync('git', ['update-index', '--index-info'], { cwd: repo.dir, env: gitEnv(repo.home), input: stages });
    expect(version()).toBe(2);
    expect([...listed('records').keys()].sort()).toEqual(['a.yaml', 'link.yaml', 'run.sh', 'sub/ñandú.yaml']);
    expect(listed('records').get('a.yaml')?.flagged).toBe(true);
    sameAsGit();
  });

  it('version 3: skip-worktree and intent-to-add (extended flags)', () => {
    repo.git('update-index', '--skip-worktree', 'other/x.yaml');
    repo.write({ 'records/new.yaml': 'n: 1\n' });
    repo.git('add', '-N', 'records/new.yaml');
    expect(version()).toBe(3);
    expect(listed('records').get('new.yaml')?.flagged).toBe(true);
    sameAsGit();
  });

  it('version 4: paths compressed against the one before', () => {
    repo.git('update-index', '--index-version', '4');
    expect(version()).toBe(4);
    sameAsGit();
  });

  it('a split index is left to git (its entries are in another file), and listIndex still answers', async () => {
    repo.git('update-index', '--index-version', '2');
    repo.git('update-index', '--split-index');
    expect(parseIndexFile(indexFile(), 'records')).toBeUndefined();
    const before = { ...indexReads };
    const listing = await listIndex(repo.dir, 'records');
    expect(indexReads.git).toBe(before.git + 1);
    expect(listing?.entries).toEqual(listed('records'));
    repo.git('update-index', '--no-split-index');
    const own = await listIndex(repo.dir, 'records');
    expect(indexReads.own).toBe(before.own + 1);
    expect(own?.entries).toEqual(listed('records'));
  });

  it('a file cut short, or not an index, is left to git', () => {
    const whole = indexFile();
    expect(parseIndexFile(whole.subarray(0, whole.length - 30), '')).toBeUndefined();
    expect(parseIndexFile(whole.subarray(0, 40), '')).toBeUndefined();
    expect(parseIndexFile(Buffer.from('not an index at all, but long enough to have a header'), '')).toBeUndefined();
  });
});
