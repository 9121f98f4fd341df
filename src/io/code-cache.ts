// V8's code cache for the bundle: the bytecode of acta's own CommonJS files (dist/bundle/*.js, dist/validators.cjs,
// dist/date-spelling.cjs), made once by the build (scripts/code-cache.mjs) and read at every start, so a run compiles
// none of the functions the build's runs compiled. Node 22 has this built in (module.enableCompileCache); on Node 20
// the way is the one v8-compile-cache takes: compile each file through vm.Script with `cachedData`.
//
// Nothing stale is run: V8 takes a cache only for its own version and flags and a source of the same length, and
// every cache file starts with the SHA-256 of the source it was made from, checked here first: a file that changed
// since the build compiles as if there were no cache. A cache V8 refuses, a missing or short file, an unreadable one:
// the same. The cache is data the build wrote beside the code; nothing here writes a file unless `record` is asked
// (the build). Code compiled here has no import() (Node 20 loses its callback when the code comes from a cache):
// the bundle imports files named at run time through io/import-module.ts, a file node compiles itself.
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

/** The cache of `file` (its name and `.v8`): the source's SHA-256, then V8's data. */
export const cacheFileOf = (file: string): string => `${file}.v8`;
const HASH_BYTES = 32;

/** What happened to each file compiled here (for the build's check and the tests). */
export type CacheUse = 'used' | 'none' | 'stale' | 'rejected';
const uses = new Map<string, CacheUse>();
const recorded = new Map<string, { script: vm.Script; hash: Buffer }>();
let recording = false;
let hooked: string | undefined;

interface NodeModule {
  exports: unknown;
  filename: string;
  paths: string[];
  loaded: boolean;
  _compile(content: string, filename: string): unknown;
}
type ModuleClass = { new (id: string, parent?: unknown): NodeModule; prototype: NodeModule; wrap(source: string): string; _nodeModulePaths(dir: string): string[]; _cache: Record<string, NodeModule> };
const NodeModules = Module as unknown as ModuleClass;

function hashOf(source: Buffer | string): Buffer {
  return createHash('sha256').update(source).digest();
}

/** V8's data for this source from `cacheFile`, when the file was made from exactly this source. */
function cachedDataFor(file: string, hash: Buffer): { data?: Buffer; use: CacheUse } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(cacheFileOf(file));
  } catch {
    return { use: 'none' };
  }
  if (bytes.length <= HASH_BYTES || !bytes.subarray(0, HASH_BYTES).equals(hash)) return { use: 'stale' };
  return { data: bytes.subarray(HASH_BYTES), use: 'used' };
}

/** Compiles and runs `content` as the CommonJS module `module` (node's own wrapper), through the code cache. */
function compileCached(module: NodeModule, content: string, hash: Buffer): unknown {
  const file = module.filename;
  const { data, use } = cachedDataFor(file, hash);
  const script = new vm.Script(NodeModules.wrap(content), { filename: file, ...(data ? { cachedData: data } : {}) });
  uses.set(file, data && script.cachedDataRejected === true ? 'rejected' : use);
  if (recording) recorded.set(file, { script, hash });
  const wrapper = script.runInThisContext({ displayErrors: true }) as (exports: unknown, require: NodeRequire, module: NodeModule, filename: string, dirname: string) => unknown;
  return wrapper.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
}

/** Requires the CommonJS file `file` (an absolute path) through the code cache, and from then on every .cjs file under
 * `folder` that node loads (the validators, the date spelling). `record`: keep what is compiled, for
 * writeCodeCaches (the build). */
export function requireCached(file: string, folder: string, record = false): unknown {
  recording ||= record;
  hook(folder);
  const cached = NodeModules._cache[file];
  if (cached) return cached.exports;
  const bytes = readFileSync(file);
  const module = new NodeModules(file);
  module.filename = file;
  module.paths = NodeModules._nodeModulePaths(path.dirname(file));
  NodeModules._cache[file] = module;
  try {
    // (An ASCII file decodes as latin1 at a sixth of the cost, and V8 keeps it one byte a character.)
    compileCached(module, bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8'), hashOf(bytes));
  } catch (e) {
    delete NodeModules._cache[file];
    throw e;
  }
  module.loaded = true;
  return module.exports;
}

// Node's compile step, for the .cjs files under `folder` only (the validators, the date spelling); node_modules, and
// io/import-module.js, compile as node compiles them.
function hook(folder: string): void {
  if (hooked !== undefined) return;
  // (node loads a module from its real path: the folder's, a link to it followed, is what those paths start with.)
  let real = folder;
  try {
    real = realpathSync(folder);
  } catch {
    // A folder that is not there holds nothing to load.
  }
  hooked = real.endsWith(path.sep) ? real : real + path.sep;
  const prefix = hooked;
  const compile = NodeModules.prototype._compile;
  NodeModules.prototype._compile = function (this: NodeModule, content: string, filename: string): unknown {
    if (!filename.endsWith('.cjs') || !filename.startsWith(prefix) || filename.includes(`${path.sep}node_modules${path.sep}`)) return compile.call(this, content, filename);
    return compileCached(this, content, hashOf(content));
  };
}

/** How each file compiled through here met its cache. */
export function codeCacheUses(): ReadonlyMap<string, CacheUse> {
  return uses;
}

/** Writes the cache of every file compiled since requireCached(…, record = true) (those `only` keeps): V8's data now
 * holds every function compiled so far, so a later start compiles none of them. Returns the files written. */
export function writeCodeCaches(only: (file: string) => boolean = () => true): string[] {
  const written: string[] = [];
  for (const [file, { script, hash }] of recorded) {
    if (!only(file)) continue;
    writeFileSync(cacheFileOf(file), Buffer.concat([hash, script.createCachedData()]));
    written.push(file);
  }
  return written;
}
