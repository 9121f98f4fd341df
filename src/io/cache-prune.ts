// Keeps the parse cache folder (io/cache.ts) bounded: past a size cap, the entries written longest ago go first.
// Called by the cache at the end of a run that wrote entries, at most once an hour, so a run rarely pays for the walk.
// Deletes only what is shaped like the cache's own files (parse/xx/<64 hex>, and its temporary files), so a cache
// folder pointed at the wrong place by ACTA_CACHE_DIR loses nothing else.
import { readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { nowMs } from './clock.js';

/** The default cap on the parse cache folder, in MB (ACTA_CACHE_MAX_MB sets another). */
export const DEFAULT_CACHE_MAX_MB = 256;
/** A prune removes entries until the folder holds at most this share of the cap (not one entry per run). */
const PRUNE_TO = 0.8;
const HOUR = 3_600_000;

export interface PruneResult { readonly kept: number; readonly removed: number; readonly bytes: number }

/** The cap in bytes: ACTA_CACHE_MAX_MB if it is a positive number, else the default. */
export function cacheCap(env: NodeJS.ProcessEnv): number {
  const asked = Number(env['ACTA_CACHE_MAX_MB']);
  return (Number.isFinite(asked) && asked > 0 ? asked : DEFAULT_CACHE_MAX_MB) * 1024 * 1024;
}

/** Prune unless the stamp file says a prune ran in the last hour (the stamp is touched first: one of two concurrent
 * runs prunes). Never throws: a cache that cannot be pruned is only larger. */
export function pruneIfDue(dir: string, stamp: string, maxBytes: number, now: number = nowMs()): PruneResult | undefined {
  const last = statSync(stamp, { throwIfNoEntry: false });
  if (last && now - last.mtimeMs < HOUR && last.mtimeMs <= now) return undefined;
  try {
    writeFileSync(stamp, '');
  } catch {
    return undefined;
  }
  return pruneCache(dir, maxBytes, now);
}

const KEY = /^[0-9a-f]{64}$/;
const TEMP = /^([0-9a-f]{64})\.\d+\.[0-9a-f]+\.tmp$/;

/** Over maxBytes, remove the oldest-written entries until the folder holds 80 % of it; remove temporary files over an
 * hour old (left by a run that was killed). Concurrent readers of a removed entry see a miss and parse again. */
export function pruneCache(dir: string, maxBytes: number, now: number = nowMs()): PruneResult {
  const entries: { file: string; size: number; mtime: number }[] = [];
  let total = 0;
  for (const sub of list(dir)) {
    if (!/^[0-9a-f]{2}$/.test(sub)) continue;
    for (const name of list(path.join(dir, sub))) {
      const key = KEY.test(name) ? name : TEMP.exec(name)?.[1];
      if (key === undefined || !key.startsWith(sub)) continue;
      const file = path.join(dir, sub, name);
      const stat = statSync(file, { throwIfNoEntry: false });
      if (!stat?.isFile()) continue;
      if (key !== name) {
        if (now - stat.mtimeMs > HOUR) remove(file);
        continue;
      }
      entries.push({ file, size: stat.size, mtime: stat.mtimeMs });
      total += stat.size;
    }
  }
  if (total <= maxBytes) return { kept: entries.length, removed: 0, bytes: total };
  entries.sort((a, b) => a.mtime - b.mtime || (a.file < b.file ? -1 : 1));
  let removed = 0;
  for (const entry of entries) {
    if (total <= maxBytes * PRUNE_TO) break;
    remove(entry.file);
    total -= entry.size;
    removed++;
  }
  return { kept: entries.length - removed, removed, bytes: total };
}

function list(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function remove(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // another run removed or holds it: it stays a miss or an entry, either is safe
  }
}
