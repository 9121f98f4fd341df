// The edge for files: find the records root, list and read record files, write atomically.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Said } from '../core/diagnostics.js';
import { say } from '../core/diagnostics.js';
import { CONFIG_FILE } from '../core/config-file.js';
import { fromCwd } from './runtime.js';

export class UsageError extends Error {}

/** A usage error in the catalog's words (a key and its parameters), said in the run's language at the edge. */
export class SaidError extends UsageError {
  constructor(readonly said: Said) {
    super(said.say);
  }
}

/** The nearest folder upwards from `start` holding acta.yaml, or undefined: acta never guesses a root. */
export async function findRoot(start: string): Promise<string | undefined> {
  let dir = path.resolve(start);
  for (;;) {
    if (await exists(path.join(dir, CONFIG_FILE))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** --root DIR names a folder without acta.yaml (at --rev REV when given). */
export function noRootHere(root: string, dir: string, rev?: string): Said {
  return say('usage.noRootHere', { root, dir, rev: rev ?? 'none' });
}

/** No acta.yaml in the folder acta starts from, nor above it. */
export function noRootMessage(start: string): Said {
  return say('usage.noRoot', { start });
}

/** Keys a pointing acta.yaml (`records: DIR`) may hold; everything else belongs in the records folder's own acta.yaml. */
const POINTER_KEYS = new Set(['records', '$schema']);

/** The records root a folder stands for: the folder itself, or the folder its acta.yaml names with `records: DIR`.
 * One hop only, and never out of the folder: the records folder's own acta.yaml is the configuration. */
export async function followRecordsPointer(dir: string): Promise<string> {
  const target = await recordsPointer(dir);
  if (target === undefined) return dir;
  const again = await recordsPointer(target);
  if (again !== undefined && path.resolve(again) !== path.resolve(target)) {
    throw new SaidError(say('usage.rootPointsOnAgain', { file: path.join(target, CONFIG_FILE) }));
  }
  return target;
}

async function recordsPointer(dir: string): Promise<string | undefined> {
  const file = path.join(dir, CONFIG_FILE);
  const bytes = await fs.readFile(file).catch(() => undefined);
  if (!bytes || !mayPoint(bytes)) return undefined;
  // The YAML reader only for a file that may name a folder: finding the root loads no parser for most roots.
  const { readRecordFile } = await import('../core/read/index.js');
  const data = readRecordFile(CONFIG_FILE, bytes).data;
  // A broken acta.yaml is not a pointer: the pipeline reports its problems where it is.
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const records = (data as Record<string, unknown>)['records'];
  if (typeof records !== 'string' || records === '.' || records === './') return undefined;
  const target = path.resolve(dir, records);
  const rel = path.relative(dir, target);
  if (path.isAbsolute(records) || rel === '' || rel === '..' || rel.startsWith('..' + path.sep)) {
    throw new SaidError(say('usage.rootPointerOutside', { file, records, dir }));
  }
  const stat = await fs.stat(target).catch(() => undefined);
  if (!stat?.isDirectory()) throw new SaidError(say('usage.rootPointerMissing', { file, records }));
  const others = Object.keys(data).filter((k) => !POINTER_KEYS.has(k));
  if (others.length) {
    throw new SaidError(say('usage.rootPointerOnly', { file, records, keys: others.join(', '), target: path.join(records, CONFIG_FILE) }));
  }
  return target;
}

// A key `records` is spelt out in any YAML that has it (plain, quoted, flow, anchored), except through escapes in a
// double-quoted key; text that is not UTF-8 (a UTF-16 or UTF-32 byte order mark, NUL bytes) is left to the parser.
function mayPoint(bytes: Uint8Array): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return buffer.includes('records') || buffer.includes('\\') || buffer.includes(0) || bytes[0] === 0xfe || bytes[0] === 0xff;
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.access(p);
    return true;
  } catch {
    return false;
  }
}

const SKIP_DIRS = new Set(['node_modules', 'templates', 'dist']);

/** A folder under the records root that could not be listed, and why (its error code). */
export interface UnreadableFolder {
  /** Relative to the root, POSIX, ending in "/". */
  readonly folder: string;
  readonly reason: string;
}

export interface RecordFileListing {
  readonly files: string[];
  readonly unreadable: UnreadableFolder[];
}

/** Every .yaml/.yml file under root (sorted, POSIX paths relative to root), skipping dot-dirs, node_modules and
 * templates. A folder that cannot be listed (no permission, a path past PATH_MAX) is reported, not fatal; only an
 * unreadable root is. */
export async function walkRecordFiles(root: string): Promise<RecordFileListing> {
  const files: string[] = [];
  const unreadable: UnreadableFolder[] = [];
  // Each path relative to root is built as the walk goes down (`rel` ends with / below the root): path.relative
  // resolves both of its arguments on every call, a tenth of a warm run's snapshot at 2,000 files.
  const walk = async (dir: string, rel: string): Promise<void> => {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'error';
      if (dir === root) throw new SaidError(say('usage.rootUnreadable', { root, code }));
      unreadable.push({ folder: rel, reason: code });
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) await walk(path.join(dir, e.name), `${rel}${e.name}/`);
      } else if ((e.isFile() || e.isSymbolicLink()) && /\.ya?ml$/.test(e.name)) {
        files.push(rel + e.name);
      }
    }
  };
  await walk(root, '');
  return { files: files.sort(), unreadable: unreadable.sort((a, b) => (a.folder < b.folder ? -1 : 1)) };
}

/** The record files under root (see walkRecordFiles; folders that cannot be listed are left out). */
export async function listRecordFiles(root: string): Promise<string[]> {
  return (await walkRecordFiles(root)).files;
}

/** Expand user-given paths (files or directories) to record files relative to root. */
/** Whether `inner` is `outer` or under it (by name, as the paths are written). */
function within(outer: string, inner: string): boolean {
  const rel = path.relative(outer, inner);
  return rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

export async function expandPaths(root: string, paths: readonly string[]): Promise<string[]> {
  const out = new Set<string>();
  for (const p of paths) {
    const full = fromCwd(p);
    let stat;
    try {
      stat = await fs.stat(full);
    } catch {
      throw new SaidError(say('usage.noSuchPath', { path: p }));
    }
    if (stat.isDirectory()) {
      // A folder wholly outside the root is refused before it is walked (walking /tmp to find its record files
      // outside the root took seconds); a folder that holds the root is walked, and refused if it has any elsewhere.
      if (!within(root, full) && !within(full, root)) throw new SaidError(say('usage.pathsOutsideRoot', { root }));
      for (const f of await listRecordFiles(full)) out.add(path.relative(root, path.join(full, f)).split(path.sep).join('/'));
    } else out.add(path.relative(root, full).split(path.sep).join('/'));
  }
  return [...out].sort();
}

export async function readBytes(root: string, file: string): Promise<Uint8Array> {
  return fs.readFile(path.join(root, file));
}
