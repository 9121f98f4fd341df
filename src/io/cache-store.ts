// What every store in the cache folder shares, kept light (node built-ins, the trust, the table of codes): where the
// folder is, whether the cache is on, one signed file per records root and kind, and the checks an entry passes before
// it is believed. A warm `acta validate` answers through these alone (io/cache-stat.ts, io/cache-results.ts), without
// loading the YAML reader, ajv or the checks; the parse cache (io/cache.ts) and io/refs-cache.ts use them too.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { CODES } from '../core/diagnostics.js';
import type { CacheTrust } from './cache-trust.js';
import { openCacheTrust, trustedFolder } from './cache-trust.js';
import { runtime } from './runtime.js';

const isSet = (v: string | undefined): v is string => v !== undefined && v.trim() !== '';
const isTrue = (v: string): boolean => !['0', 'false', 'no', 'off'].includes(v.trim().toLowerCase());

/** The package.json of a dependency as `require.resolve('NAME/package.json')` from `from` (a module's URL) finds it — the
 * nearest node_modules/NAME/ up from that module, its real path — looked up directly: resolving through node's
 * loader costs ~20 ms on first use (its package-exports machinery), and every salt and code hash of the cache needs
 * these files. Node's own resolution only where the walk finds nothing (NODE_PATH, global folders). Undefined when
 * node cannot find it either. */
export function dependencyPackageJson(name: string, from: string): string | undefined {
  let dir = path.dirname(fileURLToPath(from));
  for (;;) {
    const candidate = path.join(dir, 'node_modules', name, 'package.json');
    if (existsSync(candidate)) {
      try {
        return realpathSync(candidate);
      } catch {
        break;
      }
    }
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  try {
    return createRequire(from).resolve(`${name}/package.json`);
  } catch {
    return undefined;
  }
}

/** ACTA_CACHE=0 (or --no-cache) turns it off, ACTA_CACHE=1 on. Unset, it is on, except under CI=true — where setting
 * ACTA_CACHE_DIR turns it on (a CI job that restores and saves that folder, e.g. with actions/cache). */
export function cacheEnabled(env: NodeJS.ProcessEnv = runtime().env): boolean {
  const asked = env['ACTA_CACHE'];
  if (isSet(asked)) return isTrue(asked);
  const ci = env['CI'];
  return !(isSet(ci) && isTrue(ci)) || isSet(env['ACTA_CACHE_DIR']);
}

/** ACTA_CACHE_DIR, else $XDG_CACHE_HOME/acta, else ~/.cache/acta. */
export function cacheFolder(env: NodeJS.ProcessEnv = runtime().env): string {
  if (env['ACTA_CACHE_DIR']) return path.resolve(runtime().cwd, env['ACTA_CACHE_DIR']);
  const base = env['XDG_CACHE_HOME'] && path.isAbsolute(env['XDG_CACHE_HOME']) ? env['XDG_CACHE_HOME'] : path.join(env['HOME'] || homedir(), '.cache');
  return path.join(base, 'acta');
}

/** The file of a store of this kind for this records root (one per root: `<cache>/<kind>/<hash of the root's path>`). */
export function storeFile(env: NodeJS.ProcessEnv, kind: string, root: string): string {
  return path.join(cacheFolder(env), kind, createHash('sha256').update(path.resolve(root)).digest('hex').slice(0, 32));
}

/** The key that signs a store's file, when the cache folder and the store's folder are safe (io/cache-trust.ts). */
export function trustedStore(env: NodeJS.ProcessEnv, file: string): CacheTrust | undefined {
  const top = cacheFolder(env);
  const trust = openCacheTrust(top);
  return trust && trustedFolder(path.dirname(file), top) ? trust : undefined;
}

// A store file is an HMAC of (file name, payload) with the user's secret (io/cache-trust.ts), then the payload: v8's
// serialisation of { format, salt, ...fields }. A file that is missing, does not verify, or was written by another
// format or salt is nothing (undefined): never trusted, never a crash.
export function readStore(file: string, format: number, salt: string, trust: CacheTrust): Record<string, unknown> | undefined {
  try {
    const raw = readFileSync(file);
    if (raw.length < 32) return undefined;
    const payload = raw.subarray(32);
    if (!timingSafeEqual(trust.sign(path.basename(file), payload), raw.subarray(0, 32))) return undefined;
    const stored = deserialize(payload) as unknown;
    if (!isPlainObject(stored) || stored['format'] !== format || stored['salt'] !== salt) return undefined;
    return stored;
  } catch {
    return undefined;
  }
}

/** Write a store file whole, atomically (a temporary file renamed into place); a folder that cannot be written is
 * left as it is. */
export function writeStore(file: string, format: number, salt: string, fields: Record<string, unknown>, trust: CacheTrust): void {
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const payload = serialize({ ...fields, format, salt });
    writeFileSync(temp, Buffer.concat([trust.sign(path.basename(file), payload), payload]), { mode: 0o600 });
    renameSync(temp, file);
  } catch {
    rmSync(temp, { force: true });
  }
}

export const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/** Data a YAML file of `size` bytes can give: JSON-like values only, at most ~one node per byte, dense arrays. */
export function boundedPlainData(data: unknown, size: number): boolean {
  let nodes = size + 16;
  let chars = 2 * size + 64;
  const stack: unknown[] = [data];
  while (stack.length) {
    const v = stack.pop();
    if (--nodes < 0) return false;
    if (v === null || typeof v === 'boolean') continue;
    if (typeof v === 'number') continue;
    if (typeof v === 'string') {
      if ((chars -= v.length) < 0) return false;
      continue;
    }
    if (Array.isArray(v)) {
      if (Object.getPrototypeOf(v) !== Array.prototype || v.length > nodes) return false;
      for (let i = 0; i < v.length; i++) {
        if (!(i in v)) return false; // a hole: no parse gives one
        stack.push(v[i]);
      }
      continue;
    }
    if (!isPlainObject(v)) return false;
    const keys = Object.keys(v);
    if (keys.length > nodes) return false;
    for (const k of keys) {
      if ((chars -= k.length) < 0) return false;
      stack.push(v[k]);
    }
  }
  return true;
}

const SEVERITIES = new Set(['error', 'warning', 'info']);
const position = (n: unknown, size: number): boolean => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 && n <= size + 2;
const shortText = (t: unknown, size: number): boolean => typeof t === 'string' && t.length <= size + 4096;

function isLocation(d: Record<string, unknown>, size: number): boolean {
  return typeof d['file'] === 'string' && position(d['line'], size) && position(d['column'], size) && position(d['endLine'], size) && position(d['endColumn'], size);
}

/** A Diagnostic as a run makes one about a file of `size` bytes: a known code and severity, sane positions, and
 * parameters (and related places' notes) that are plain data of bounded size — diagnostics are data, the words come
 * from the catalogs when they are printed. */
export function isDiagnostic(d: unknown, size: number): boolean {
  if (!isPlainObject(d) || !isLocation(d, size)) return false;
  if (typeof d['code'] !== 'string' || !Object.hasOwn(CODES, d['code']) || !SEVERITIES.has(d['severity'] as string)) return false;
  if (typeof d['pointer'] !== 'string' || (d['pointer'] as string).length > size + 64) return false;
  if (!isPlainObject(d['params']) || !boundedPlainData(d['params'], size + 4096)) return false;
  if (d['variant'] !== undefined && !shortText(d['variant'], 0)) return false;
  if (d['explained'] !== undefined && !shortText(d['explained'], size)) return false;
  if (d['related'] !== undefined) {
    const related = d['related'];
    if (!Array.isArray(related) || related.length > 64 || !related.every((r) => isPlainObject(r) && isLocation(r, size) && isPlainObject(r['note']) && boundedPlainData(r['note'], size + 4096))) return false;
  }
  return true;
}
