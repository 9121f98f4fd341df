// Where records are read from: the files on disk, or the tree of a git commit (read through git, never checked out).
import { createHash } from 'node:crypto';
import { closeSync, lstatSync, openSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { LIMITS } from '../core/read/index.js';
import type { UnreadableFolder } from './files.js';
import { walkRecordFiles } from './files.js';
import { findWorkTree, folderInWorkTree, listTree, locateRevision, resolveCommit, sizedBlobs } from './git.js';
import type { TreeEntry } from './git.js';
import type { Snapshot } from './cache-stat.js';

export interface RecordSource {
  /** The records root on disk; file names are relative to it. */
  readonly root: string;
  /** What is read, for people: "working tree" or "main (1a2b3c4)". */
  readonly label: string;
  /** The commit read, when the source is a git revision. */
  readonly commit?: string;
  /** Record files (.yaml, .yml), sorted, POSIX paths relative to root. */
  list(): Promise<string[]>;
  read(file: string): Promise<Uint8Array>;
  /** Git sources: each record file's blob id, so two revisions compare without reading contents. */
  objectIds?(): Promise<ReadonlyMap<string, string>>;
  /** Git sources: each record file's tree entry (blob id and mode). */
  treeEntries?(): Promise<ReadonlyMap<string, TreeEntry>>;
  /** Git sources: the work tree, and the records root's folder in it. */
  readonly git?: { readonly workTree: string; readonly folder: string; readonly indexFile?: string };
  /** Git sources: read these files' contents in one batch now (later reads of them wait for no git). */
  prefetch?(files: readonly string[]): Promise<void>;
  /** Disk sources: the folders the last list() could not read. */
  unreadableFolders?(): readonly UnreadableFolder[];
  /** True for the files on disk (diskSource, snapshotSource). */
  readonly onDisk?: boolean;
}

/** A record file that is there but must not be read (a link out of the root, not a regular file, too large to read). */
export class UnreadableRecord extends Error {
  readonly code = 'EUNREADABLE';
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** How a disk source keeps what it reads: each file its own buffer (readFileSync), or `blocks`: files read one after
 * another into blocks of FILE_BLOCK bytes (FileBlocks), for a command that lets all of them go at once. */
export interface DiskReading {
  /** True: blocks of FILE_BLOCK bytes; a number: of that many (tests). */
  readonly blocks?: boolean | number;
}

/** The files on disk under root. Reads refuse paths and links that lead out of the root, and anything but a regular file. */
export function diskSource(root: string, reading: DiskReading = {}): RecordSource {
  const absolute = path.resolve(root);
  let realRoot: string | undefined;
  const realFolders = new Map<string, string | null>();
  let unreadable: readonly UnreadableFolder[] = [];
  const blocks = reading.blocks === undefined || reading.blocks === false ? undefined : fileBlocks(reading.blocks === true ? FILE_BLOCK : reading.blocks);
  return {
    root: absolute,
    label: 'working tree',
    onDisk: true,
    list: async () => {
      const listing = await walkRecordFiles(absolute);
      unreadable = listing.unreadable;
      return listing.files;
    },
    unreadableFolders: () => unreadable,
    // Synchronous calls inside: several async round trips per file cost more than the reading itself.
    read: async (file) => readInsideRoot(absolute, (realRoot ??= realpathSync.native(absolute)), file, realFolders, blocks),
  };
}

/** The disk as a snapshot of it saw it (io/cache-stat.ts): its files, the bytes it already read, and the others read
 * from disk and checked against the hash it took. `stable()` is false when a file was found changed since — a run
 * over such a mix answers for no snapshot, and its result must not be stored under the snapshot's key. */
export function snapshotSource(snapshot: Snapshot): RecordSource & { stable(): boolean } {
  const disk = diskSource(snapshot.root);
  let stable = snapshot.hashes !== undefined;
  return {
    ...disk,
    list: async () => [...snapshot.files],
    unreadableFolders: () => snapshot.unreadableFolders,
    read: async (file) => {
      const held = snapshot.bytes.get(file);
      if (held) {
        snapshot.bytes.delete(file); // read once a run: not kept beside the parse
        return held;
      }
      try {
        const bytes = await disk.read(file);
        const hash = snapshot.hashes?.get(file);
        const blob = snapshot.blobIds.get(file);
        // A file the snapshot took on git's word has only its blob id.
        if (hash !== undefined ? createHash('sha256').update(bytes).digest('hex') !== hash : blob === undefined || gitBlobId(bytes, 'sha1') !== blob) stable = false;
        return bytes;
      } catch (e) {
        stable = false;
        throw e;
      }
    },
    stable: () => stable,
  };
}

// Where a file really is, as realpath would say, asked once a folder: a file that is no link (lstat) lies in its folder's
// real path under its own name, so the whole path's realpath (a readlink per component: 16,214 system calls of a
// validate at 2,000 meetings, half of all it made; 41 now) is asked only of a link or of what is not a regular file —
// the same checks, answers and reasons (test/io/disk-read.test.ts holds it to the realpath of every path).
// `realFolders` holds each folder's real path for the source's life (null: not resolvable, or out of the root; such a
// file goes the long way and fails there as before).
function readInsideRoot(root: string, realRoot: string, file: string, realFolders: Map<string, string | null>, blocks?: FileBlocks): Uint8Array {
  const plain = plainRelative(file);
  const full = plain ? (root === path.sep ? root : root + path.sep) + file : path.resolve(root, file);
  if (!plain && !isInside(root, full)) throw new UnreadableRecord('the path is outside the records root');
  const folder = path.dirname(full);
  let realFolder = realFolders.get(folder);
  if (realFolder === undefined) {
    try {
      realFolder = realpathSync.native(folder);
      if (!isInside(realRoot, realFolder)) realFolder = null;
    } catch {
      realFolder = null;
    }
    realFolders.set(folder, realFolder);
  }
  if (realFolder !== null) {
    const real = path.join(realFolder, path.basename(full));
    const stat = lstatSync(real, { throwIfNoEntry: false });
    if (stat?.isFile()) return readRegularFile(real, stat.size, blocks);
  }
  const real = realpathSync.native(full);
  if (!isInside(realRoot, real)) throw new UnreadableRecord('it is a symbolic link that leads out of the records root');
  const stat = statSync(real);
  if (!stat.isFile()) throw new UnreadableRecord('it is not a regular file');
  return readRegularFile(real, stat.size, blocks);
}

// A relative name with no empty, `.` or `..` part (what a listing gives: `meetings/a.yaml`), on a system whose separator
// is `/`: the root joined to it is what path.resolve makes, and inside the root — so neither is asked (path.relative
// and path.resolve were ~3 % of the main thread of a cold validate at 2,000 meetings, profiled). Any other name takes
// path.resolve and isInside, as before.
const ODD_PART = /(?:^|\/)\.{0,2}(?:\/|$)/;
function plainRelative(file: string): boolean {
  return path.sep === '/' && !ODD_PART.test(file);
}

function readRegularFile(real: string, size: number, blocks?: FileBlocks): Uint8Array {
  if (size > LIMITS.bytes) throw new UnreadableRecord(`it has ${size} bytes; acta reads record files up to ${LIMITS.bytes} bytes`);
  return blocks?.read(real, size) ?? readFileSync(real);
}

/** Files' bytes read one after another into blocks: `read` gives a file's bytes as a view of a block, or undefined
 * for a file the caller reads on its own (longer than a block, or longer than it was when stat'ed). */
interface FileBlocks {
  read(real: string, size: number): Uint8Array | undefined;
}

/** A block of FileBlocks: 32 MiB, as large as glibc's largest threshold for mapping a request apart from its heap —
 * so each block is a mapping of its own, given back whole when the last file read into it is let go. Each file its
 * own buffer was an allocation in the C allocator's heap (at 8,000 meetings 44 MB of them, let go only at the
 * preparation's end), under what was allocated after them: the heap kept them as holes to the run's end
 * (docs/internals/performance.md, "`site`, thirteenth round"). */
const FILE_BLOCK = 32 * 1024 * 1024;

function fileBlocks(block: number): FileBlocks {
  let bytes = new Uint8Array(0);
  let used = 0;
  return {
    read(real, size) {
      // One byte more than stat said, to see a file that grew since: read on its own then, as readFileSync reads it.
      const room = size + 1;
      if (room > block) return undefined;
      if (bytes.length - used < room) {
        bytes = new Uint8Array(block);
        used = 0;
      }
      const fd = openSync(real, 'r');
      let read = 0;
      try {
        for (let n; read < room && (n = readSync(fd, bytes, used + read, room - read, null)) > 0; ) read += n;
      } finally {
        closeSync(fd);
      }
      if (read > size) return undefined;
      const file = bytes.subarray(used, used + read);
      used += read;
      return file;
    },
  };
}

export function isInside(root: string, full: string): boolean {
  const rel = path.relative(root, full);
  return rel === '' || (!rel.startsWith('..' + path.sep) && rel !== '..' && !path.isAbsolute(rel));
}

// Same rule as listRecordFiles: no dot-folders or dot-files, no node_modules, templates or dist folders.
const SKIP_DIRS = new Set(['node_modules', 'templates', 'dist']);
export function isRecordPath(file: string): boolean {
  const parts = file.split('/');
  const name = parts.pop() ?? '';
  if (parts.some((p) => p.startsWith('.') || SKIP_DIRS.has(p) || p === '')) return false;
  return !name.startsWith('.') && /\.ya?ml$/.test(name);
}

/** The records root as it was at a git revision. The revision is resolved once; reads use the commit's object ids.
 * One `ls-tree` and at most one `cat-file --batch-command` per source, however many files are read and however concurrently. */
export async function gitSource(root: string, rev: string): Promise<RecordSource> {
  const absolute = path.resolve(root);
  // One git process for the three answers when all are there; step by step (each says why) otherwise.
  const located = await locateRevision(absolute, rev);
  const workTree = located?.workTree ?? (await findWorkTree(absolute));
  const folder = await folderInWorkTree(workTree, absolute);
  const commit = located?.commit ?? (await resolveCommit(workTree, rev));
  let entries: Promise<Map<string, TreeEntry>> | undefined;
  const load = (): Promise<Map<string, TreeEntry>> =>
    (entries ??= listTree(workTree, commit, folder).then((list) => new Map(list.filter((e) => e.type === 'blob' && isRecordPath(e.path)).map((e) => [e.path, e]))));
  // Blobs by object id. Fetches are chained, so concurrent reads share one batch instead of each starting its own.
  // The listing has no sizes (io/git.ts listTree): a fetch asks for the sizes of its blobs first and reads only those
  // within LIMITS.bytes, both through one `cat-file --batch-command` (io/git.ts sizedBlobs).
  const blobs = new Map<string, Uint8Array>();
  const sizes = new Map<string, number>();
  const tried = new Set<string>();
  let fetching: Promise<void> = Promise.resolve();
  const fetch = (objects: readonly string[]): Promise<void> =>
    (fetching = fetching.then(async () => {
      const missing = [...new Set(objects)].filter((o) => !tried.has(o));
      if (missing.length === 0) return;
      for (const o of missing) tried.add(o);
      const answer = await sizedBlobs(workTree, missing, LIMITS.bytes);
      for (const [object, size] of answer.sizes) sizes.set(object, size);
      for (const [object, bytes] of answer.blobs) blobs.set(object, bytes);
    }));
  return {
    root: absolute,
    label: commit.startsWith(rev) ? commit.slice(0, Math.max(7, rev.length)) : `${rev} (${commit.slice(0, 7)})`,
    commit,
    git: { workTree, folder, ...(located ? { indexFile: located.indexFile } : {}) },
    treeEntries: load,
    list: async () => [...(await load()).keys()].sort(),
    objectIds: async () => new Map([...(await load())].map(([file, e]) => [file, e.object])),
    prefetch: async (files) => {
      const all = await load();
      await fetch(files.map((f) => all.get(f)).filter((e): e is TreeEntry => e !== undefined && isReadable(e)).map((e) => e.object));
    },
    read: async (file) => {
      const all = await load();
      const entry = all.get(file);
      if (!entry) throw new UnreadableRecord(`no such file at ${rev}`);
      if (entry.mode === '120000') throw new UnreadableRecord(`it is a symbolic link at ${rev}; acta does not follow links in git`);
      // The first read fetches every record file of the revision at once (a command that reads one reads them all) —
      // not a blob already asked for (prefetched: too large, or not there), which a fetch would not bring either.
      if (!blobs.has(entry.object) && !tried.has(entry.object)) await fetch([...all.values()].filter(isReadable).map((e) => e.object));
      const size = sizes.get(entry.object);
      if (size !== undefined && size > LIMITS.bytes) throw new UnreadableRecord(`it has ${size} bytes at ${rev}; acta reads record files up to ${LIMITS.bytes} bytes`);
      const bytes = blobs.get(entry.object);
      if (!bytes) throw new UnreadableRecord(`git could not read it at ${rev}`);
      return bytes;
    },
  };
}

function isReadable(e: TreeEntry): boolean {
  return e.mode !== '120000';
}

/** The same source, listing only those of `files` it holds: a command that needs a few records reads (and parses)
 * only those. A git source fetches just these blobs, in one batch, before the first read. */
export function subsetSource(source: RecordSource, files: Iterable<string>): RecordSource {
  const wanted = new Set(files);
  let listed: Promise<string[]> | undefined;
  const list = (): Promise<string[]> =>
    (listed ??= source.list().then(async (all) => {
      const some = all.filter((f) => wanted.has(f));
      await source.prefetch?.(some);
      return some;
    }));
  return {
    ...source,
    list,
    read: async (file) => {
      await list();
      return source.read(file);
    },
  };
}

export interface ChangedFilesOptions {
  /** Filled with the blob id of every head file that is also at the base (for callers that key on content). */
  readonly headIds?: Map<string, string>;
  /** Files the caller reads at the base next: fetched in the same batch as the changed ones. */
  readonly alsoAtBase?: readonly string[];
}

export interface FileVersions {
  readonly file: string;
  /** Undefined when the file is not in that source (or cannot be read there). */
  readonly before: Uint8Array | undefined;
  readonly after: Uint8Array | undefined;
}

/** The record files that differ between two sources (added, changed or removed), with both versions. Git sides are
 * compared by blob id (from ls-tree); a file on disk is hashed as git would store it; contents are then read only for
 * the files that differ — one batch per revision. */
export async function changedFiles(base: RecordSource, head: RecordSource, options: ChangedFilesOptions = {}): Promise<FileVersions[]> {
  const headIdsOut = options.headIds;
  const [before, after] = await Promise.all([base.list(), head.list()]);
  const inBase = new Set(before);
  const inHead = new Set(after);
  const [baseIds, headIds] = await Promise.all([base.objectIds?.(), head.objectIds?.()]);
  const read = (s: RecordSource, f: string): Promise<Uint8Array | undefined> => s.read(f).catch(() => undefined);
  const headBytes = new Map<string, Uint8Array | undefined>();
  const idOf = async (s: RecordSource, ids: ReadonlyMap<string, string> | undefined, f: string, like: string | undefined): Promise<string | undefined> => {
    if (ids) return ids.get(f);
    const bytes = await read(s, f);
    headBytes.set(f, bytes);
    return bytes && like ? gitBlobId(bytes, like.length === 64 ? 'sha256' : 'sha1') : undefined;
  };
  const changed: string[] = [];
  for (const file of [...new Set([...before, ...after])].sort()) {
    if (!inBase.has(file) || !inHead.has(file)) {
      changed.push(file);
      continue;
    }
    const b = baseIds?.get(file);
    // (With the head's ids known, no promise a file: 2,000 awaits cost ~40 ms of a --changed-since run.)
    const a = headIds ? headIds.get(file) : await idOf(head, headIds, file, b);
    if (a !== undefined) headIdsOut?.set(file, a);
    if (b === undefined || a === undefined || a !== b) changed.push(file);
  }
  // The base is read only for the files that changed; the head is usually read whole next (validate, diff), so its
  // first read fetches every file at once.
  await base.prefetch?.([...changed, ...(options.alsoAtBase ?? [])].filter((f) => inBase.has(f)));
  const out: FileVersions[] = [];
  for (const file of changed) {
    const b = inBase.has(file) ? await read(base, file) : undefined;
    const a = !inHead.has(file) ? undefined : headBytes.has(file) ? headBytes.get(file) : await read(head, file);
    // Without ids on both sides (two disk sources), or when a side cannot be read, the bytes decide.
    if (b !== undefined && a !== undefined && Buffer.from(b).equals(Buffer.from(a))) continue;
    out.push({ file, before: b, after: a });
  }
  return out;
}

/** The record files that differ between a git revision and a head whose every file has a blob id (the disk through
 * the stat index: io/changed-since.ts), told by id alone — no file read on either side. For each: its blob id at the
 * base when git can read it there (not a link, not too large), else undefined (added, or unreadable at the base).
 * Undefined when ids cannot tell (no tree at the base, a head file without an id, ids of another hash): then
 * changedFiles, which reads the bytes, decides. */
export async function changedByIds(base: RecordSource, head: RecordSource): Promise<{ readonly file: string; readonly baseId: string | undefined }[] | undefined> {
  if (!base.treeEntries || !head.objectIds) return undefined;
  const [entries, headIds, after] = await Promise.all([base.treeEntries(), head.objectIds(), head.list()]);
  const inHead = new Set(after);
  const out: { file: string; baseId: string | undefined }[] = [];
  for (const file of [...new Set([...entries.keys(), ...after])].sort()) {
    const entry = entries.get(file);
    const id = headIds.get(file);
    if (inHead.has(file) && (id === undefined || (entry !== undefined && entry.object.length !== id.length))) return undefined;
    if (entry !== undefined && inHead.has(file) && entry.object === id) continue;
    out.push({ file, baseId: entry !== undefined && isReadable(entry) ? entry.object : undefined });
  }
  return out;
}

/** The id git gives a blob with these bytes (so a file on disk compares with a tree entry without reading the blob). */
export function gitBlobId(bytes: Uint8Array, algorithm: 'sha1' | 'sha256'): string {
  return createHash(algorithm).update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}
