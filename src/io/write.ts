// Atomic writes inside the records root: a temp file in the same folder, fsync, rename — the original mode kept,
// and never through a link (or a folder link) that leads out of the root.
import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { UsageError } from './files.js';
import { fromCwd } from './runtime.js';
import { isInside } from './source.js';

export interface WriteOptions {
  /** Refuse when the file exists (acta new, acta init): the link-then-unlink below never replaces a file. */
  readonly exclusive?: boolean;
  /** Mode for a new file (default 0o666 less the umask). */
  readonly mode?: number;
}

/** A file acta will not replace: read-only, not writable by this user, or with other hard links. */
export class RefusedWrite extends UsageError {
  constructor(readonly file: string, readonly reason: string) {
    super(`${file}: ${reason}`);
  }
}

// The rename that makes a write atomic would give the file a new owner, drop a read-only mark and split hard links:
// so a file that is read-only, not writable by us, or linked elsewhere is left as it is.
async function checkReplaceable(shown: string, target: string, stat: Stats): Promise<void> {
  const mode = (stat.mode & 0o777).toString(8).padStart(3, '0');
  if ((stat.mode & 0o200) === 0) throw new RefusedWrite(shown, `it is read-only (mode ${mode}); acta leaves it untouched (make it writable first if you mean to change it)`);
  const writable = await fs.access(target, constants.W_OK).then(() => true, () => false);
  if (!writable) throw new RefusedWrite(shown, `you may not write to it (mode ${mode}, owner ${stat.uid}); acta leaves it untouched`);
  if (stat.nlink > 1) throw new RefusedWrite(shown, `it has ${stat.nlink} hard links, which replacing it would break; acta leaves it untouched`);
}

/** Write `data` to `file` (relative to root or absolute inside it), atomically. */
export async function writeFileAtomic(root: string, file: string, data: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  const target = await resolveTarget(root, file);
  const existing = await fs.stat(target).catch(() => undefined);
  if (existing && options.exclusive) throw new UsageError(`${path.relative(root, target) || target} already exists: acta does not overwrite it`);
  if (existing && !existing.isFile()) throw new UsageError(`${target} is not a regular file`);
  if (existing) await checkReplaceable(path.relative(root, target) || target, target, existing);
  const mode = existing ? existing.mode & 0o7777 : undefined;
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.acta-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), options.mode ?? 0o666);
  try {
    try {
      await handle.writeFile(data);
      if (mode !== undefined) await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.exclusive) {
      await fs.link(temp, target).catch((e: NodeJS.ErrnoException) => {
        throw e.code === 'EEXIST' ? new UsageError(`${path.relative(root, target)} already exists: acta does not overwrite it`) : e;
      });
      await fs.unlink(temp);
    } else await fs.rename(temp, target);
  } catch (e) {
    await fs.unlink(temp).catch(() => {});
    throw e;
  }
  await syncFolder(path.dirname(target));
}

/** The real path to write: inside the real root, following a link only when it stays inside. */
async function resolveTarget(root: string, file: string): Promise<string> {
  const realRoot = await fs.realpath(root);
  const full = path.resolve(root, file);
  if (!isInside(path.resolve(root), full) && !isInside(realRoot, full)) throw new UsageError(`${file}: outside the records root ${root}`);
  const folder = await fs.realpath(path.dirname(full)).catch(() => {
    throw new UsageError(`${path.dirname(full)}: no such folder`);
  });
  if (!isInside(realRoot, folder)) throw new UsageError(`${file}: its folder leads out of the records root through a link; acta does not write there`);
  let target = path.join(folder, path.basename(full));
  const link = await fs.lstat(target).catch(() => undefined);
  if (link?.isSymbolicLink()) {
    target = await fs.realpath(target).catch(() => {
      throw new UsageError(`${file}: a symbolic link to nothing; acta does not write through it`);
    });
    if (!isInside(realRoot, target)) throw new UsageError(`${file}: a symbolic link that leads out of the records root; acta does not write through it`);
  }
  return target;
}

async function syncFolder(dir: string): Promise<void> {
  const handle = await fs.open(dir, constants.O_RDONLY).catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => {});
  await handle.close();
}

/** Create a folder (and its parents) inside the root, refusing one that a link leads out of the root. */
export async function makeFolder(root: string, folder: string): Promise<void> {
  const full = path.resolve(root, folder);
  if (!isInside(path.resolve(root), full)) throw new UsageError(`${folder}: outside ${root}`);
  await fs.mkdir(full, { recursive: true });
  const [realRoot, real] = await Promise.all([fs.realpath(root), fs.realpath(full)]);
  if (!isInside(realRoot, real)) throw new UsageError(`${folder}: a link leads out of ${root}; acta does not write there`);
}

/** Write a file the user named (-o FILE, relative to the working folder), atomically; its folder must exist. */
export async function writeOutputFile(file: string, data: string | Uint8Array): Promise<void> {
  const out = fromCwd(file);
  const folder = path.dirname(out);
  const stat = await fs.stat(folder).catch(() => undefined);
  if (!stat?.isDirectory()) throw new UsageError(`${file}: no such folder ${path.dirname(file) || '.'} (acta creates the file, not its folder)`);
  await writeFileAtomic(folder, path.basename(out), data);
}

/** Make a folder the user named (--out DIR, relative to the working folder) and its parents; refuse a file there. */
export async function makeOutputFolder(folder: string, why: string): Promise<string> {
  const dir = fromCwd(folder);
  const stat = await fs.stat(dir).catch(() => undefined);
  if (stat && !stat.isDirectory()) throw new UsageError(`--out ${folder}: a file, not a folder (${why})`);
  await makeFolder(path.dirname(dir), path.basename(dir));
  return dir;
}
