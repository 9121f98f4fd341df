// The parse cache, content-addressed: a file's bytes (plus what parsing depends on) → its parsed data and parse
// diagnostics, the same plain values a parse worker sends back. The only writer of the cache folder. An entry that is
// missing, truncated or corrupt is a miss: the file is parsed again, never trusted, never a crash.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rename, rm, writeFile } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { Diagnostic } from '../core/diagnostics.js';
import type { CacheTrust } from './cache-trust.js';
import { openCacheTrust, trustedFolder } from './cache-trust.js';
import type { ParsedFile } from '../core/read/index.js';
import { plainText, withTreeOnDemand } from '../core/read/index.js';
import { cacheCap, pruneIfDue } from './cache-prune.js';
import { codeHash, runsFromBundle } from './cache-results.js';
import { runtime } from './runtime.js';
import { boundedPlainData, cacheEnabled, cacheFolder, dependencyPackageJson, isDiagnostic, isPlainObject } from './cache-store.js';
import { SCHEMA_DIR } from './schemas.js';
import { packageVersion } from './scaffold.js';

export { boundedPlainData, cacheEnabled, cacheFolder } from './cache-store.js';

/** Bump when what an entry holds changes shape (the parse code itself is hashed into every key anyway). */
const ENTRY_FORMAT = 2;

export interface ParseCache {
  /** The parsed file, if an intact entry for these bytes exists. */
  get(file: string, bytes: Uint8Array): ParsedFile | undefined;
  /** Store a parse (written in the background, atomically). */
  put(file: string, bytes: Uint8Array, parsed: ParsedFile): void;
  /** Wait for the writes started so far. */
  flush(): Promise<void>;
}

/** The cache for this run, or undefined when it is turned off. */
export function openParseCache(env: NodeJS.ProcessEnv = runtime().env): ParseCache | undefined {
  if (!cacheEnabled(env)) return undefined;
  // A folder that is not this user's alone, or a key that is not private, means no cache (io/cache-trust.ts).
  const top = cacheFolder(env);
  const trust = openCacheTrust(top);
  const dir = path.join(top, 'parse');
  if (!trust || !trustedFolder(dir, top)) return undefined;
  const salt = parseSalt();
  const made = new Set<string>();
  const writes: Promise<void>[] = [];
  let writable = true;
  const keyOf = (bytes: Uint8Array): string => createHash('sha256').update(salt).update(bytes).digest('hex');
  const entryPath = (key: string): string => path.join(dir, key.slice(0, 2), key);
  return {
    get(file, bytes) {
      const key = keyOf(bytes);
      let raw: Buffer;
      try {
        raw = readFileSync(entryPath(key));
      } catch {
        return undefined;
      }
      const entry = decodeEntry(trust, key, raw, bytes.length);
      if (!entry) return undefined;
      return withTreeOnDemand(file, bytes, entry.text, entry.data, entry.diagnostics.map((d) => ofFile(d, file)));
    },
    put(file, bytes, parsed) {
      if (!writable || !parsed.diagnostics.every((d) => d.file === file && (d.related ?? []).every((r) => r.file === file))) return;
      const key = keyOf(bytes);
      const plain = plainText(bytes);
      let payload: Buffer;
      try {
        payload = serialize({ format: ENTRY_FORMAT, ...(parsed.text === plain ? {} : { text: parsed.text }), data: parsed.data, diagnostics: parsed.diagnostics });
      } catch {
        return; // not plain data: such a file is simply not cached
      }
      const target = entryPath(key);
      const folder = path.dirname(target);
      try {
        if (!made.has(folder)) mkdirSync(folder, { recursive: true });
        made.add(folder);
      } catch {
        writable = false; // a read-only or missing home: run without writing
        return;
      }
      const temp = `${target}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
      // Not io/write.ts's writeFileAtomic: that one guards the user's records (links out of the root, read-only and
      // hard-linked files, fsync, the original mode); an entry is ours, signed, and a lost one is only re-parsed.
      // Callback fs calls: the promise API's file handles cost several times more on this thread, per entry.
      writes.push(
        new Promise((resolve) => {
          writeFile(temp, Buffer.concat([trust.sign(key, payload), payload]), { mode: 0o600 }, (error) => {
            if (error) rm(temp, { force: true }, () => resolve());
            else rename(temp, target, (failed) => (failed ? rm(temp, { force: true }, () => resolve()) : resolve()));
          });
        }),
      );
    },
    async flush() {
      const wrote = writes.length > 0;
      await Promise.all(writes.splice(0));
      // Entries added may take the folder past its cap: io/cache-prune.ts trims it, at most once an hour.
      if (wrote) pruneIfDue(dir, `${dir}.pruned`, cacheCap(env));
    },
  };
}

interface Entry { readonly text?: string; readonly data: unknown; readonly diagnostics: readonly Diagnostic[] }

// An entry is an HMAC of (key, payload) with the user's secret (io/cache-trust.ts), followed by the payload (v8's
// structured-clone serialisation, the format that carries a worker's reply). A signature that does not verify is a
// miss, read no further. A signed entry is still checked as parsed input would be: plain data (no class instances, no
// holes), no more nodes and characters than a file of these bytes can give, diagnostics of known codes and sane
// positions — so even an entry of this user's own making can give no answer that a parse of the bytes could not.
function decodeEntry(trust: CacheTrust, key: string, raw: Buffer, size: number): Entry | undefined {
  if (raw.length < 32) return undefined;
  const payload = raw.subarray(32);
  if (!timingSafeEqual(trust.sign(key, payload), raw.subarray(0, 32))) return undefined;
  try {
    const entry = deserialize(payload) as Partial<Entry> & { format?: unknown };
    if (!isPlainObject(entry) || entry.format !== ENTRY_FORMAT || !Array.isArray(entry.diagnostics)) return undefined;
    if (entry.text !== undefined && (typeof entry.text !== 'string' || entry.text.length > size)) return undefined;
    if (!boundedPlainData(entry.data, size)) return undefined;
    if (entry.diagnostics.length > size + 16 || !entry.diagnostics.every((d) => isDiagnostic(d, size))) return undefined;
    return entry as Entry;
  } catch {
    return undefined;
  }
}

// Entries are shared by files with the same bytes: diagnostics carry the name of the file now read.
function ofFile(d: Diagnostic, file: string): Diagnostic {
  if (d.file === file) return d;
  return { ...d, file, ...(d.related ? { related: d.related.map((r) => ({ ...r, file })) } : {}) };
}

let salt: string | undefined;
// What a parse depends on besides the bytes: acta's version, the parse code (every module at the top of core/ and in core/read/,
// hashed as built), the versions of the two YAML libraries, the schemas, and the serialisation format of this Node.
// Run from the bundle, the code is the bundle's (codeHash: the installed package ships no modules, and a module rebuilt
// alone is not what runs).
export function parseSalt(): string {
  if (salt !== undefined) return salt;
  const hash = createHash('sha256').update(`acta-parse-cache ${ENTRY_FORMAT} ${packageVersion()} v8 ${process.versions.v8}\0`);
  if (runsFromBundle()) return (salt = hash.update(codeHash()).digest('hex'));
  const folders = [fileURLToPath(new URL('../core/', import.meta.url)), fileURLToPath(new URL('../core/read/', import.meta.url)), SCHEMA_DIR];
  for (const folder of folders) {
    for (const name of readdirSync(folder).sort()) {
      if (!/\.(js|ts|json)$/.test(name)) continue;
      hash.update(`${name}\0`).update(readFileSync(path.join(folder, name))).update('\0');
    }
  }
  for (const parser of ['yaml', 'js-yaml']) {
    const found = dependencyPackageJson(parser, import.meta.url);
    try {
      hash.update(found !== undefined ? readFileSync(found) : `${parser} ?`);
    } catch {
      hash.update(`${parser} ?`);
    }
  }
  return (salt = hash.digest('hex'));
}
