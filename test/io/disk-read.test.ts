// diskSource's reads ask the whole path's realpath only of a link (or what is not a plain regular file); every other
// file is placed by its folder's real path, asked once a folder. The answers must be the ones the realpath of every
// path gave: held here to that rule, written out as it was, over a root with every kind of entry.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, realpathSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/core/read/index.js';
import { diskSource, isInside, UnreadableRecord } from '../../src/io/source.js';
import { tempFolders } from './temp-folders.js';

const folders = tempFolders();
afterAll(() => folders.cleanup());

// The rule before this change, whole: the path resolved, then the realpath of the whole path, stat, size, read.
function byWholeRealpath(root: string, file: string): Uint8Array {
  const full = path.resolve(root, file);
  if (!isInside(root, full)) throw new UnreadableRecord('the path is outside the records root');
  const real = realpathSync.native(full);
  if (!isInside(realpathSync.native(root), real)) throw new UnreadableRecord('it is a symbolic link that leads out of the records root');
  const stat = statSync(real);
  if (!stat.isFile()) throw new UnreadableRecord('it is not a regular file');
  if (stat.size > LIMITS.bytes) throw new UnreadableRecord(`it has ${stat.size} bytes; acta reads record files up to ${LIMITS.bytes} bytes`);
  return readFileSync(real);
}

type Answer = { bytes: string } | { refused: string } | { code: string };
function answerOf(read: () => Uint8Array | Promise<Uint8Array>): Promise<Answer> {
  return Promise.resolve()
    .then(read)
    .then(
      (bytes) => ({ bytes: Buffer.from(bytes).toString('utf8') }),
      (e: unknown) => (e instanceof UnreadableRecord ? { refused: e.reason } : { code: String((e as NodeJS.ErrnoException).code) }),
    );
}

describe('diskSource reads, a realpath a folder', () => {
  const home = folders.temp('acta-disk-read-');
  const root = path.join(home, 'records');
  const outside = path.join(home, 'outside');
  mkdirSync(path.join(root, 'meetings'), { recursive: true });
  mkdirSync(path.join(root, 'plans'), { recursive: true });
  mkdirSync(path.join(outside, 'deep'), { recursive: true });
  writeFileSync(path.join(outside, 'deep', 'out.yaml'), 'record: meeting\n');
  writeFileSync(path.join(outside, 'out.yaml'), 'outside\n');
  writeFileSync(path.join(root, 'meetings', 'plain.yaml'), 'record: meeting\nid: plain\n');
  writeFileSync(path.join(root, 'plans', 'plan.yaml'), 'record: plan\n');
  writeFileSync(path.join(root, 'acta.yaml'), 'language: es\n');
  // Links to files: inside (read), out of the root (refused), dangling (ENOENT), a link to a link inside.
  symlinkSync(path.join(root, 'meetings', 'plain.yaml'), path.join(root, 'meetings', 'link-in.yaml'));
  symlinkSync('plain.yaml', path.join(root, 'meetings', 'link-relative.yaml'));
  symlinkSync(path.join(outside, 'out.yaml'), path.join(root, 'meetings', 'link-out.yaml'));
  symlinkSync(path.join(root, 'nowhere.yaml'), path.join(root, 'meetings', 'dangling.yaml'));
  symlinkSync(path.join(root, 'meetings', 'link-in.yaml'), path.join(root, 'plans', 'link-twice.yaml'));
  // Links to folders: one out of the root (every file under it refused), one inside (read), one through .. out.
  symlinkSync(path.join(outside, 'deep'), path.join(root, 'linked-out'));
  symlinkSync(path.join(root, 'plans'), path.join(root, 'meetings', 'linked-in'));
  symlinkSync(outside, path.join(root, 'plans', 'up'));
  // Not regular files: a folder named like a record, a named pipe (reading one would wait for a writer), too large.
  mkdirSync(path.join(root, 'meetings', 'folder.yaml'));
  execFileSync('mkfifo', [path.join(root, 'meetings', 'pipe.yaml')]);
  writeFileSync(path.join(root, 'meetings', 'large.yaml'), Buffer.alloc(LIMITS.bytes + 1, 0x61));
  writeFileSync(path.join(root, 'meetings', 'at-limit.yaml'), Buffer.alloc(LIMITS.bytes, 0x62));

  const names = [
    'acta.yaml',
    'meetings/plain.yaml',
    'plans/plan.yaml',
    'meetings/link-in.yaml',
    'meetings/link-relative.yaml',
    'meetings/link-out.yaml',
    'meetings/dangling.yaml',
    'plans/link-twice.yaml',
    'linked-out/out.yaml',
    'linked-out/missing.yaml',
    'meetings/linked-in/plan.yaml',
    'meetings/linked-in/link-twice.yaml',
    'plans/up/out.yaml',
    'plans/up/deep/out.yaml',
    'meetings/folder.yaml',
    'meetings/pipe.yaml',
    'meetings/large.yaml',
    'meetings/at-limit.yaml',
    'meetings/missing.yaml',
    'missing/x.yaml',
    '../outside/out.yaml',
    'meetings/../plans/plan.yaml',
    // Names that are not a plain relative path (the root joined to them is not what path.resolve makes): resolved.
    './meetings/plain.yaml',
    'meetings/./plain.yaml',
    'meetings//plain.yaml',
    'meetings/plain.yaml/',
    'meetings/..',
    '..',
    '.',
    '',
    'plans/up/../../outside/out.yaml',
    path.join(root, 'meetings', 'plain.yaml'),
    path.join(outside, 'out.yaml'),
    // Plain, with dots that are no `.` or `..` part: joined.
    'meetings/...',
    'meetings/..plain.yaml',
    '.hidden/x.yaml',
  ];

  it('answers every entry as the realpath of the whole path did, read after read (the folders then known)', async () => {
    const source = diskSource(root);
    const expected = await Promise.all(names.map((n) => answerOf(() => byWholeRealpath(root, n))));
    // Twice through the same source: the first read of a folder asks its realpath, the later ones remember it.
    for (let round = 0; round < 2; round++) {
      const got: Answer[] = [];
      for (const n of names) got.push(await answerOf(() => source.read(n)));
      expect(got).toEqual(expected);
    }
  });

  it('answers the same when the files are read into blocks: each read its own bytes, kept as they were by the later reads', async () => {
    const expected = await Promise.all(names.map((n) => answerOf(() => byWholeRealpath(root, n))));
    // Blocks of 64 bytes: several files to a block, a new block when the rest is too short, a longer file on its own.
    for (const blocks of [64, true] as const) {
      const source = diskSource(root, { blocks });
      const read: (Uint8Array | undefined)[] = [];
      const got: Answer[] = [];
      for (const n of names) got.push(await answerOf(() => source.read(n).then((b) => (read.push(b), b), (e: unknown) => (read.push(undefined), Promise.reject(e)))));
      expect(got).toEqual(expected);
      expect(read.map((b) => (b ? { bytes: Buffer.from(b).toString('utf8') } : undefined)).filter((b) => b)).toEqual(expected.filter((a) => 'bytes' in a));
    }
  });

  it('refuses what the hardening rules refuse, with its reason', async () => {
    const source = diskSource(root);
    const reason = async (n: string): Promise<Answer> => answerOf(() => source.read(n));
    expect(await reason('meetings/plain.yaml')).toEqual({ bytes: 'record: meeting\nid: plain\n' });
    expect(await reason('meetings/link-in.yaml')).toEqual({ bytes: 'record: meeting\nid: plain\n' });
    expect(await reason('meetings/link-out.yaml')).toEqual({ refused: 'it is a symbolic link that leads out of the records root' });
    expect(await reason('linked-out/out.yaml')).toEqual({ refused: 'it is a symbolic link that leads out of the records root' });
    expect(await reason('plans/up/deep/out.yaml')).toEqual({ refused: 'it is a symbolic link that leads out of the records root' });
    expect(await reason('../outside/out.yaml')).toEqual({ refused: 'the path is outside the records root' });
    expect(await reason('meetings/folder.yaml')).toEqual({ refused: 'it is not a regular file' });
    expect(await reason('meetings/pipe.yaml')).toEqual({ refused: 'it is not a regular file' });
    expect(await reason('meetings/large.yaml')).toEqual({ refused: `it has ${LIMITS.bytes + 1} bytes; acta reads record files up to ${LIMITS.bytes} bytes` });
    expect(await reason('meetings/dangling.yaml')).toEqual({ code: 'ENOENT' });
    expect(await reason('missing/x.yaml')).toEqual({ code: 'ENOENT' });
  });

  it('a file replaced by a link after its folder was resolved is still refused', async () => {
    const source = diskSource(root);
    writeFileSync(path.join(root, 'plans', 'swapped.yaml'), 'record: plan\n');
    expect(await answerOf(() => source.read('plans/swapped.yaml'))).toEqual({ bytes: 'record: plan\n' });
    execFileSync('rm', [path.join(root, 'plans', 'swapped.yaml')]);
    symlinkSync(path.join(outside, 'out.yaml'), path.join(root, 'plans', 'swapped.yaml'));
    expect(await answerOf(() => source.read('plans/swapped.yaml'))).toEqual({ refused: 'it is a symbolic link that leads out of the records root' });
  });
});
