// Where records are read from: the files on disk, or the tree of a git commit (read through git, never checked out).
import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { LIMITS } from '../core/parse.js';
import { listRecordFiles } from './files.js';
import { findWorkTree, folderInWorkTree, listTree, readBlobs, resolveCommit } from './git.js';
import type { TreeEntry } from './git.js';

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
}

/** A record file that is there but must not be read (a link out of the root, not a regular file, too large to read). */
export class UnreadableRecord extends Error {
  readonly code = 'EUNREADABLE';
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** The files on disk under root. Reads refuse paths and links that lead out of the root, and anything but a regular file. */
export function diskSource(root: string): RecordSource {
  const absolute = path.resolve(root);
  let realRoot: string | undefined;
  return {
    root: absolute,
    label: 'working tree',
    list: () => listRecordFiles(absolute),
    // Synchronous calls inside: several async round trips per file cost more than the reading itself.
    read: async (file) => readInsideRoot(absolute, (realRoot ??= realpathSync.native(absolute)), file),
  };
}

function readInsideRoot(root: string, realRoot: string, file: string): Uint8Array {
  const full = path.resolve(root, file);
  if (!isInside(root, full)) throw new UnreadableRecord('the path is outside the records root');
  const real = realpathSync.native(full);
  if (!isInside(realRoot, real)) throw new UnreadableRecord('it is a symbolic link that leads out of the records root');
  const stat = statSync(real);
  if (!stat.isFile()) throw new UnreadableRecord('it is not a regular file');
  if (stat.size > LIMITS.bytes) throw new UnreadableRecord(`it has ${stat.size} bytes; acta reads record files up to ${LIMITS.bytes} bytes`);
  return readFileSync(real);
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

/** The records root as it was at a git revision. The revision is resolved once; reads use the commit's object ids. */
export async function gitSource(root: string, rev: string): Promise<RecordSource> {
  const absolute = path.resolve(root);
  const workTree = await findWorkTree(absolute);
  const folder = await folderInWorkTree(workTree, absolute);
  const commit = await resolveCommit(workTree, rev);
  let entries: Map<string, TreeEntry> | undefined;
  let blobs: Map<string, Uint8Array> | undefined;
  const load = async (): Promise<Map<string, TreeEntry>> => {
    entries ??= new Map((await listTree(workTree, commit, folder)).filter((e) => e.type === 'blob' && isRecordPath(e.path)).map((e) => [e.path, e]));
    return entries;
  };
  return {
    root: absolute,
    label: commit.startsWith(rev) ? commit.slice(0, Math.max(7, rev.length)) : `${rev} (${commit.slice(0, 7)})`,
    commit,
    list: async () => [...(await load()).keys()].sort(),
    read: async (file) => {
      const entry = (await load()).get(file);
      if (!entry) throw new UnreadableRecord(`no such file at ${rev}`);
      if (entry.mode === '120000') throw new UnreadableRecord(`it is a symbolic link at ${rev}; acta does not follow links in git`);
      if (entry.size > LIMITS.bytes) throw new UnreadableRecord(`it has ${entry.size} bytes at ${rev}; acta reads record files up to ${LIMITS.bytes} bytes`);
      blobs ??= await readBlobs(workTree, [...(await load()).values()].filter(isReadable).map((e) => e.object), LIMITS.bytes);
      const bytes = blobs.get(entry.object);
      if (!bytes) throw new UnreadableRecord(`git could not read it at ${rev}`);
      return bytes;
    },
  };
}

function isReadable(e: TreeEntry): boolean {
  return e.mode !== '120000' && e.size <= LIMITS.bytes;
}

export interface FileVersions {
  readonly file: string;
  /** Undefined when the file is not in that source. */
  readonly before: Uint8Array | undefined;
  readonly after: Uint8Array | undefined;
}

/** The record files whose bytes differ between two sources (added, changed or removed), with both versions. */
export async function changedFiles(base: RecordSource, head: RecordSource): Promise<FileVersions[]> {
  const [before, after] = await Promise.all([base.list(), head.list()]);
  const read = (s: RecordSource, f: string): Promise<Uint8Array | undefined> => s.read(f).catch(() => undefined);
  const out: FileVersions[] = [];
  for (const file of [...new Set([...before, ...after])].sort()) {
    const b = before.includes(file) ? await read(base, file) : undefined;
    const a = after.includes(file) ? await read(head, file) : undefined;
    if (b === undefined || a === undefined || !Buffer.from(b).equals(Buffer.from(a))) out.push({ file, before: b, after: a });
  }
  return out;
}
