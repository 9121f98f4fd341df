// Writes a generated folder (acta site) so that it never deletes what acta did not write. A folder acta wrote holds a
// manifest (the marker file, JSON): every file it wrote, with its size. The folder is replaced only when everything in
// it is in that manifest, with that size; a marker file alone (anyone can create one) proves nothing. Never the records
// root, a folder above it, a git work tree, or anything inside .git — whatever the manifest says. The new site is built
// in a hidden folder inside the output folder and swapped in entry by entry, so the output folder itself is never
// renamed: an empty mount point is written into.
import { randomBytes } from 'node:crypto';
import type { Dirent } from 'node:fs';
import { closeSync, mkdirSync, openSync, promises as fs, writeFileSync } from 'node:fs';
import path from 'node:path';
import { say } from '../core/diagnostics.js';
import { SaidError } from './files.js';
import { isInside } from './source.js';
import { SitePage } from '../render/site/page-job.js';
import { writeFailure } from './write.js';
import { guardHeap } from './heap.js';

/** The manifest format; an older marker (plain text) is not a manifest. */
const MANIFEST_FORMAT = 1;
/** Only files of these kinds can be listed in a manifest (what acta site writes): a forged manifest cannot claim records. */
const SITE_FILE = /\.(html|css|js|ics)$/;
/** Leftovers of an interrupted run of acta itself. */
const OWN_TEMP = /^\.acta-(new|old)-\d+-[0-9a-f]{12}$/;

export interface FolderGuard {
  /** The records root: never replaced, nor any folder above it. */
  readonly root: string;
}

interface Manifest {
  readonly files: ReadonlyMap<string, number>;
}

/** Refuse an output folder acta may not replace (checked before any work, and again just before the swap). */
export async function checkOutputFolder(out: string, shown: string, marker: string, guard: FolderGuard): Promise<boolean> {
  const existing = await fs.lstat(out).catch(() => undefined);
  if (existing?.isSymbolicLink()) throw new SaidError(say('safety.site.symlink', { folder: shown }));
  if (existing && !existing.isDirectory()) throw new SaidError(say('safety.site.notFolder', { folder: shown }));
  const real = existing ? await fs.realpath(out) : path.join(await realOrSelf(path.dirname(out)), path.basename(out));
  const root = await realOrSelf(guard.root);
  if (isInside(real, root)) throw new SaidError(say('safety.site.recordsRoot', { folder: shown, holds: real === root ? 'no' : 'yes' }));
  if (real.split(path.sep).includes('.git')) throw new SaidError(say('safety.site.insideGit', { folder: shown }));
  if (!existing) return false;
  const entries = await fs.readdir(out, { withFileTypes: true });
  if (entries.some((e) => e.name === '.git')) throw new SaidError(say('safety.site.gitTree', { folder: shown }));
  const visible = entries.filter((e) => !OWN_TEMP.test(e.name));
  if (visible.length === 0) return true;
  const manifest = await readManifest(path.join(out, marker));
  if (!manifest) throw new SaidError(say('safety.site.notActas', { folder: shown, marker }));
  const foreign = await firstForeign(out, '', manifest, marker);
  if (foreign) throw new SaidError(say('safety.site.foreign', { folder: shown, file: foreign, marker }));
  return true;
}

async function realOrSelf(p: string): Promise<string> {
  return fs.realpath(p).catch(async () => {
    const parent = path.dirname(p);
    return parent === p ? p : path.join(await realOrSelf(parent), path.basename(p));
  });
}

async function readManifest(file: string): Promise<Manifest | undefined> {
  const stat = await fs.lstat(file).catch(() => undefined);
  if (!stat?.isFile() || stat.size > 64 * 1024 * 1024) return undefined;
  try {
    const json = JSON.parse(await fs.readFile(file, 'utf8')) as { format?: unknown; files?: unknown };
    if (json.format !== MANIFEST_FORMAT || !Array.isArray(json.files)) return undefined;
    const files = new Map<string, number>();
    for (const item of json.files as unknown[]) {
      if (!Array.isArray(item) || item.length !== 2) return undefined;
      const [name, size] = item as [unknown, unknown];
      if (typeof name !== 'string' || !SITE_FILE.test(name) || name.split('/').some((p) => p === '' || p === '.' || p === '..') || typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) return undefined;
      files.set(name, size);
    }
    return { files };
  } catch {
    return undefined;
  }
}

// The first entry under `out` that the manifest does not account for (a file not listed, of another size, a link, a
// special file); folders are fine when everything in them is.
async function firstForeign(out: string, sub: string, manifest: Manifest, marker: string): Promise<string | undefined> {
  let entries: Dirent[];
  try {
    entries = await fs.readdir(path.join(out, sub), { withFileTypes: true });
  } catch {
    return sub || '.';
  }
  for (const e of entries) {
    const rel = sub ? `${sub}/${e.name}` : e.name;
    if (!sub && (e.name === marker || OWN_TEMP.test(e.name))) continue;
    if (e.isDirectory()) {
      const inner = await firstForeign(out, rel, manifest, marker);
      if (inner) return inner;
      continue;
    }
    const size = manifest.files.get(rel);
    if (!e.isFile() || size === undefined) return rel;
    const stat = await fs.lstat(path.join(out, rel));
    if (stat.size !== size) return rel;
  }
  return undefined;
}

/** What a writer wrote into the new folder: each file with its size, in the order written. */
export type Written = (readonly [string, number])[];

/** A part of the site written by another thread into the same new folder (commands/site.ts: one language each):
 * started with the folder's path, `done` gives what it wrote; `stop` ends it (on a failure elsewhere, before the new
 * folder is removed, so nothing writes into a folder being deleted). */
export interface ParallelPart {
  readonly done: Promise<Written>;
  stop(): Promise<void>;
}

/** Writes the files handed to it into the new folder from another thread (io/site-writer-thread.ts): what it wrote, in
 * the order given; `stop` ends it (on a failure, before the new folder is removed). */
export interface FileWriter {
  write(files: Iterable<readonly [string, string | Iterable<string>]>): Promise<Written>;
  stop(): Promise<void>;
}

/** Write `files` (relative paths with '/') as the whole content of `out`, replacing a folder acta wrote before. The
 * `parts` write the rest of the site at the same time, each from a thread of its own (their files follow this
 * thread's in the manifest); the folder is swapped in only when every part has written everything. A `writer` writes
 * `files` from another thread (the same bytes, the same manifest), else this thread writes them. */
export async function writeFolderAtomic(out: string, shown: string, marker: string, files: Iterable<readonly [string, string | Iterable<string>]>, guard: FolderGuard, parts: readonly ((temp: string) => ParallelPart)[] = [], writer?: (temp: string) => FileWriter): Promise<{ files: number; pages: number }> {
  const created = !(await checkOutputFolder(out, shown, marker, guard));
  if (created) {
    await fs.mkdir(out, { recursive: true });
    await checkOutputFolder(out, shown, marker, guard);
  }
  const tag = `${process.pid}-${randomBytes(6).toString('hex')}`;
  const temp = path.join(out, `.acta-new-${tag}`);
  const old = path.join(out, `.acta-old-${tag}`);
  await fs.mkdir(temp);
  const started: ParallelPart[] = [];
  let count: { files: number; pages: number };
  try {
    for (const part of parts) {
      const p = part(temp);
      p.done.catch(() => {}); // awaited below; a failure while this thread still writes is not an unhandled rejection
      started.push(p);
    }
    const sink = writer?.(temp);
    if (sink) started.push({ done: Promise.resolve([]), stop: () => sink.stop() });
    const written = sink ? await sink.write(files) : writeFilesInto(temp, files);
    for (const p of started) written.push(...(await p.done));
    // The manifest last: a folder without it (a run that stopped half-way) is never taken for acta's.
    await fs.writeFile(path.join(temp, marker), JSON.stringify({ written_by: 'acta site', note: 'acta site replaces this folder only while it holds exactly the files listed here', format: MANIFEST_FORMAT, files: written }) + '\n', { flag: 'wx' });
    // Checked again just before the swap: the folder may have changed while the site was built.
    await checkOutputFolder(out, shown, marker, guard);
    await swapIn(out, temp, old);
    count = { files: written.length + 1, pages: written.filter(([file]) => file.endsWith('.html')).length };
  } catch (e) {
    await Promise.all(started.map((p) => p.stop()));
    await fs.rm(temp, { recursive: true, force: true });
    if (created) await fs.rmdir(out).catch(() => {});
    // A full disk or a file size limit says so of the site's folder, not of a temporary file inside it.
    throw writeFailure(`${shown}${shown.endsWith('/') ? '' : '/'}`, e, 2);
  }
  await fs.rm(old, { recursive: true, force: true });
  for (const e of await fs.readdir(out)) if (OWN_TEMP.test(e) && e !== path.basename(temp)) await fs.rm(path.join(out, e), { recursive: true, force: true });
  await fs.rm(temp, { recursive: true, force: true });
  return count;
}

/** Write `files` into the new folder `temp` (which exists), each new (never over a file): what was written, with sizes.
 * Exported for the thread that writes a language of the site (io/site-worker.ts). */
export function writeFilesInto(temp: string, files: Iterable<readonly [string, string | Iterable<string>]>): Written {
  const written: Written = [];
  const made = new Set<string>();
  for (const [file, text] of files) {
    guardHeap(); // per file (io/heap.ts: a clear stop, not V8's abort)
    written.push([file, writeSiteFile(temp, file, text, made)]);
  }
  return written;
}

/** Write one file of the site into the new folder `temp`, new (never over a file), its folder made unless `made` says it
 * was: its size. Also run by the thread that writes the site's files (io/site-writer.ts). */
export function writeSiteFile(temp: string, file: string, content: string | Uint8Array | Iterable<string>, made: Set<string>): number {
  let text = content;
  if (file.split('/').some((part) => part === '..' || part === '' || part === '.') || !SITE_FILE.test(file)) throw new Error(`site file name ${file} leaves its folder or is not a site file`);
  const folder = path.posix.dirname(file);
  if (!made.has(folder)) mkdirSync(path.join(temp, folder), { recursive: true });
  made.add(folder);
  // Written synchronously: tens of thousands of small files, each an open, a write and a close — through the
  // thread pool and a promise each, the run waited on them (a third of its wall time at 2,000 meetings).
  if (text instanceof SitePage) text = text.render(); // a page rendered where it is written: one string, as before
  if (text instanceof Uint8Array) {
    writeFileSync(path.join(temp, file), text, { flag: 'wx' });
    return text.length;
  }
  if (typeof text === 'string') {
    // Encoded once: its length is the size the manifest records (Buffer.byteLength was a second pass over it).
    const bytes = Buffer.from(text);
    writeFileSync(path.join(temp, file), bytes, { flag: 'wx' });
    return bytes.length;
  }
  // Content in pieces is written piece by piece: no one string of the whole file.
  let size = 0;
  const fd = openSync(path.join(temp, file), 'wx');
  try {
    for (const piece of text) {
      const bytes = Buffer.from(piece);
      writeFileSync(fd, bytes); // the whole piece (writeSync may write part of it)
      size += bytes.length;
    }
  } finally {
    closeSync(fd);
  }
  return size;
}

// Move every current entry (all acta's, as checked) into `old`, then every new entry from `temp` into place; on a
// failure, put the old entries back.
async function swapIn(out: string, temp: string, old: string): Promise<void> {
  await fs.mkdir(old);
  const current = (await fs.readdir(out)).filter((n) => !OWN_TEMP.test(n));
  const moved: string[] = [];
  const placed: string[] = [];
  try {
    for (const name of current) {
      await fs.rename(path.join(out, name), path.join(old, name));
      moved.push(name);
    }
    for (const name of await fs.readdir(temp)) {
      await fs.rename(path.join(temp, name), path.join(out, name));
      placed.push(name);
    }
  } catch (e) {
    for (const name of placed) await fs.rm(path.join(out, name), { recursive: true, force: true }).catch(() => {});
    for (const name of moved) await fs.rename(path.join(old, name), path.join(out, name)).catch(() => {});
    await fs.rm(old, { recursive: true, force: true }).catch(() => {});
    throw e;
  }
}
