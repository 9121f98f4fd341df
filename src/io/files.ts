// The edge for files: find the records root, list and read record files, write atomically.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE } from '../core/records.js';
import { fromCwd } from './runtime.js';

export class UsageError extends Error {}

/** The nearest directory upwards from `start` holding acta.yaml; `start` itself when none does. */
export async function findRoot(start: string): Promise<string> {
  let dir = path.resolve(start);
  for (;;) {
    if (await exists(path.join(dir, CONFIG_FILE))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(start);
    dir = parent;
  }
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

/** Every .yaml/.yml file under root (sorted, POSIX paths relative to root), skipping dot-dirs, node_modules and templates. */
export async function listRecordFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) await walk(full);
      } else if ((e.isFile() || e.isSymbolicLink()) && /\.ya?ml$/.test(e.name)) {
        out.push(path.relative(root, full).split(path.sep).join('/'));
      }
    }
  };
  await walk(root);
  return out.sort();
}

/** Expand user-given paths (files or directories) to record files relative to root. */
export async function expandPaths(root: string, paths: readonly string[]): Promise<string[]> {
  const out = new Set<string>();
  for (const p of paths) {
    const full = fromCwd(p);
    let stat;
    try {
      stat = await fs.stat(full);
    } catch {
      throw new UsageError(`no such file or directory: ${p}`);
    }
    if (stat.isDirectory()) {
      for (const f of await listRecordFiles(full)) out.add(path.relative(root, path.join(full, f)).split(path.sep).join('/'));
    } else out.add(path.relative(root, full).split(path.sep).join('/'));
  }
  return [...out].sort();
}

export async function readBytes(root: string, file: string): Promise<Uint8Array> {
  return fs.readFile(path.join(root, file));
}
