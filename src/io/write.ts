// Atomic writes inside the records root: a temp file in the same folder, fsync, rename — the original mode kept,
// and never through a link (or a folder link) that leads out of the root.
import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import type { Said } from '../core/diagnostics.js';
import { say } from '../core/diagnostics.js';
import { SaidError, UsageError } from './files.js';
import { fromCwd } from './runtime.js';
import { isInside } from './source.js';
import { guardHeap } from './heap.js';

export interface WriteOptions {
  /** Refuse when the file exists (acta new, acta init): the link-then-unlink below never replaces a file. */
  readonly exclusive?: boolean;
  /** Mode for a new file (default 0o666 less the umask). */
  readonly mode?: number;
}

/** A file acta will not replace: read-only, not writable by this user, or with other hard links. */
export class RefusedWrite extends SaidError {
  constructor(readonly file: string, readonly reason: Said) {
    super(say('safety.write.refused', { file, reason }));
  }
}

// The rename that makes a write atomic would give the file a new owner, drop a read-only mark and split hard links:
// so a file that is read-only, not writable by us, or linked elsewhere is left as it is.
async function checkReplaceable(shown: string, target: string, stat: Stats): Promise<void> {
  const mode = (stat.mode & 0o777).toString(8).padStart(3, '0');
  if ((stat.mode & 0o200) === 0) throw new RefusedWrite(shown, say('safety.write.readOnly', { mode }));
  const writable = await fs.access(target, constants.W_OK).then(() => true, () => false);
  if (!writable) throw new RefusedWrite(shown, say('safety.write.notWritable', { mode, uid: String(stat.uid) }));
  if (stat.nlink > 1) throw new RefusedWrite(shown, say('safety.write.hardLinks', { links: String(stat.nlink) }));
}

/** One file of a write: its new content and, when it replaces a file read before, the bytes that were read. */
export interface PlannedWrite {
  readonly file: string;
  /** Its content, or the content's parts in order (made as they are written into the temporary file: a failure while
   * making one leaves the target as it was). */
  readonly data: string | Uint8Array | Iterable<string>;
  /** The bytes the change was made from: the write is refused when the file on disk no longer holds them. */
  readonly expected?: Uint8Array;
}

/** Write `data` to `file` (relative to root or absolute inside it), atomically. */
export async function writeFileAtomic(root: string, file: string, data: string | Uint8Array | Iterable<string>, options: WriteOptions & { readonly expected?: Uint8Array } = {}): Promise<void> {
  await writeFilesAtomic(root, [{ file, data, ...(options.expected ? { expected: options.expected } : {}) }], options);
}

interface Staged { readonly shown: string; readonly target: string; readonly temp: string; readonly original?: Buffer; readonly mode?: number }

/**
 * Write several files all-or-nothing: every target is checked before anything is written (replaceable, still the
 * bytes read), every temporary file is written and synced, and only then are they renamed into place, one by one;
 * a rename that fails puts back the files already replaced. Errors name the record and say what to do.
 */
export async function writeFilesAtomic(root: string, writes: readonly PlannedWrite[], options: WriteOptions = {}): Promise<void> {
  const staged: Staged[] = [];
  const shownOf = (target: string): string => path.relative(root, target) || target;
  try {
    const checked: { w: PlannedWrite; target: string; existing: Stats | undefined }[] = [];
    for (const w of writes) {
      const target = await resolveTarget(root, w.file);
      const existing = await fs.stat(target).catch(() => undefined);
      if (existing && options.exclusive) throw new SaidError(say('safety.write.exists', { file: shownOf(target) }));
      if (existing && !existing.isFile()) throw new SaidError(say('safety.write.notRegular', { file: target }));
      if (existing) await checkReplaceable(shownOf(target), target, existing);
      checked.push({ w, target, existing });
    }
    for (const { w, target, existing } of checked) {
      const mode = existing ? existing.mode & 0o7777 : undefined;
      const temp = path.join(path.dirname(target), `.${path.basename(target)}.acta-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
      const handle = await fs.open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), options.mode ?? 0o666).catch((e: unknown) => {
        throw writeFailure(shownOf(target), e, writes.length);
      });
      staged.push({ shown: shownOf(target), target, temp, ...(mode !== undefined ? { mode } : {}) });
      try {
        if (typeof w.data === 'string' || w.data instanceof Uint8Array) await handle.writeFile(w.data);
        else {
          // Each part from where the last ended; the heap looked at between parts (io/heap.ts: a clear stop, not V8's abort).
          for (const part of w.data) {
            guardHeap();
            if (part) await handle.writeFile(part);
          }
        }
        if (mode !== undefined) await handle.chmod(mode);
        await handle.sync();
      } catch (e) {
        throw writeFailure(shownOf(target), e, writes.length);
      } finally {
        await handle.close().catch(() => {});
      }
    }
    // Last look before the swap: a file someone changed since it was read (an editor saving) is not overwritten.
    for (let i = 0; i < checked.length; i++) {
      const { w, target, existing } = checked[i]!;
      const now = existing ? await fs.readFile(target).catch(() => undefined) : undefined;
      if (w.expected && (!now || !now.equals(Buffer.from(w.expected)))) throw new SaidError(say('safety.write.changed', { file: shownOf(target) }));
      if (now) staged[i] = { ...staged[i]!, original: now };
    }
  } catch (e) {
    await Promise.all(staged.map((s) => fs.unlink(s.temp).catch(() => {})));
    throw e;
  }
  const done: Staged[] = [];
  for (const s of staged) {
    try {
      if (options.exclusive) {
        await fs.link(s.temp, s.target).catch((e: NodeJS.ErrnoException) => {
          throw e.code === 'EEXIST' ? new SaidError(say('safety.write.exists', { file: s.shown })) : e;
        });
        await fs.unlink(s.temp);
      } else await fs.rename(s.temp, s.target);
      done.push(s);
    } catch (e) {
      await Promise.all(staged.filter((x) => !done.includes(x)).map((x) => fs.unlink(x.temp).catch(() => {})));
      const undone = await undo(done, Boolean(options.exclusive));
      throw undone ? writeFailure(s.shown, e, writes.length) : new SaidError(say('safety.write.notPutBack', { file: s.shown, code: codeOf(e), others: done.map((d) => d.shown).join(', ') }));
    }
  }
  for (const folder of new Set(staged.map((s) => path.dirname(s.target)))) await syncFolder(folder);
}

// Put back the files a failed multi-file write had already replaced (or remove the ones it created).
async function undo(done: readonly Staged[], created: boolean): Promise<boolean> {
  let ok = true;
  for (const s of done.slice().reverse()) {
    try {
      if (created || !s.original) await fs.unlink(s.target);
      else {
        const back = `${s.temp}.undo`;
        await fs.writeFile(back, s.original, { flag: 'wx', ...(s.mode !== undefined ? { mode: s.mode } : {}) });
        if (s.mode !== undefined) await fs.chmod(back, s.mode);
        await fs.rename(back, s.target);
      }
    } catch {
      ok = false;
    }
  }
  return ok;
}

const codeOf = (e: unknown): string => (e as NodeJS.ErrnoException | undefined)?.code ?? 'error';

/** The errors a write is known to fail with, each with its own message (safety.write.<code>) saying what to do. */
const WRITE_ERRORS = new Set(['ENOSPC', 'EDQUOT', 'EFBIG', 'EACCES', 'EPERM', 'EROFS', 'EIO']);

/** A write that failed, said of the record (not of acta's temporary file), with what to do about it. */
export function writeFailure(shown: string, e: unknown, files = 1): Error {
  if (e instanceof UsageError) return e;
  const code = codeOf(e);
  if (!WRITE_ERRORS.has(code) && !/^E[A-Z]+$/.test(code)) return e instanceof Error ? e : new Error(String(e));
  const nothing = say('safety.write.nothing', { several: files > 1 ? 'yes' : 'no' });
  const why = WRITE_ERRORS.has(code) ? say(`safety.write.${code}`, { nothing }) : say('safety.write.other', { code, nothing });
  return new SaidError(say('safety.write.failed', { file: shown, why }));
}

/** The real path to write: inside the real root, following a link only when it stays inside. */
async function resolveTarget(root: string, file: string): Promise<string> {
  const realRoot = await fs.realpath(root);
  const full = path.resolve(root, file);
  if (!isInside(path.resolve(root), full) && !isInside(realRoot, full)) throw new SaidError(say('safety.write.outsideRoot', { file, root }));
  const folder = await fs.realpath(path.dirname(full)).catch(() => {
    throw new SaidError(say('safety.write.noFolder', { folder: path.dirname(full) }));
  });
  if (!isInside(realRoot, folder)) throw new SaidError(say('safety.write.folderLeadsOut', { file }));
  let target = path.join(folder, path.basename(full));
  const link = await fs.lstat(target).catch(() => undefined);
  if (link?.isSymbolicLink()) {
    target = await fs.realpath(target).catch(() => {
      throw new SaidError(say('safety.write.danglingLink', { file }));
    });
    if (!isInside(realRoot, target)) throw new SaidError(say('safety.write.linkLeadsOut', { file }));
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
  if (!isInside(path.resolve(root), full)) throw new SaidError(say('safety.write.outside', { folder, root }));
  await fs.mkdir(full, { recursive: true });
  const [realRoot, real] = await Promise.all([fs.realpath(root), fs.realpath(full)]);
  if (!isInside(realRoot, real)) throw new SaidError(say('safety.write.folderLinkOut', { folder, root }));
}

/** Write a file the user named (-o FILE, relative to the working folder), atomically; its folder must exist. Parts
 * are written into the temporary file as they are made; the file appears only once the last is written. */
export async function writeOutputFile(file: string, data: string | Uint8Array | Iterable<string>): Promise<void> {
  const out = fromCwd(file);
  const folder = path.dirname(out);
  const stat = await fs.stat(folder).catch(() => undefined);
  if (!stat?.isDirectory()) throw new SaidError(say('safety.write.noOutputFolder', { file, folder: path.dirname(file) || '.' }));
  await writeFileAtomic(folder, path.basename(out), data);
}

/** Make a folder the user named (--out DIR, relative to the working folder) and its parents; refuse a file there. */
export async function makeOutputFolder(folder: string, why: Said): Promise<string> {
  const dir = fromCwd(folder);
  const stat = await fs.stat(dir).catch(() => undefined);
  if (stat && !stat.isDirectory()) throw new SaidError(say('safety.write.outIsFile', { folder, why }));
  await makeFolder(path.dirname(dir), path.basename(dir));
  return dir;
}
