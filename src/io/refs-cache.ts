// What acta keeps per file content besides the parse (io/cache.ts): summaries of record files
// (core/reference-index.ts) for validate --changed-since, keyed by git blob id, and the contents `fmt` found canonical.
// One file per records root and kind in the cache folder, read whole at the start of a run and rewritten whole
// (atomically) when the run learnt something; like the parse cache, a file that is missing, stale or corrupt is
// simply not used.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileRefs } from '../core/reference-index.js';
import { parseSalt } from './cache.js';
import { cacheEnabled, readStore, storeFile, trustedStore, writeStore } from './cache-store.js';
import type { CacheTrust } from './cache-trust.js';
import { runtime } from './runtime.js';

export { storeFile } from './cache-store.js';

export interface RefsStore {
  get(id: string): FileRefs | undefined;
  put(id: string, refs: FileRefs): void;
  /** Write the store back, keeping only the entries of these ids (the files of this run), if anything was added. */
  save(keep: Iterable<string>): void;
}

const FORMAT = 3;
const NONE: RefsStore = { get: () => undefined, put: () => undefined, save: () => undefined };

export function openRefsStore(root: string, env: NodeJS.ProcessEnv = runtime().env): RefsStore {
  if (!cacheEnabled(env)) return NONE;
  const salt = parseSalt();
  const file = storeFile(env, 'refs', root);
  const trust = trustedStore(env, file);
  if (!trust) return NONE;
  const entries = readEntries(file, salt, trust) as Map<string, FileRefs>;
  let added = false;
  return {
    get: (id) => {
      const refs = entries.get(id);
      return refs && isRefs(refs) ? refs : undefined;
    },
    put(id, refs) {
      entries.set(id, refs);
      added = true;
    },
    save(keep) {
      if (!added) return;
      const kept = new Map<string, FileRefs>();
      for (const id of keep) {
        const refs = entries.get(id);
        if (refs) kept.set(id, refs);
      }
      writeEntries(file, salt, kept, trust);
    },
  };
}

function isRefs(refs: FileRefs): boolean {
  const lists = [refs.defines, refs.mentions, refs.supersedes, refs.parts];
  return typeof refs.kind === 'string' && (refs.registryKind === undefined || typeof refs.registryKind === 'string') && lists.every((l) => Array.isArray(l) && l.every((x) => typeof x === 'string'));
}

// One signed file per records root and kind (io/cache-store.ts): { format, salt, entries }.
function readEntries(file: string, salt: string, trust: CacheTrust): Map<string, unknown> {
  const entries = readStore(file, FORMAT, salt, trust)?.['entries'];
  return entries instanceof Map ? (entries as Map<string, unknown>) : new Map();
}

function writeEntries(file: string, salt: string, entries: Map<string, unknown>, trust: CacheTrust): void {
  writeStore(file, FORMAT, salt, { entries }, trust);
}

export interface CanonicalSet {
  /** True when these bytes were found canonical (no parse error, and fmt leaves them as they are) by an earlier run. */
  has(bytes: Uint8Array): boolean;
  add(bytes: Uint8Array): void;
  /** Write the set back, keeping the contents seen in this run, if anything was added. */
  save(): void;
}

/** The contents `acta fmt` found canonical, so `fmt --check` over unchanged files formats nothing. */
export function openCanonicalSet(root: string, env: NodeJS.ProcessEnv = runtime().env): CanonicalSet {
  if (!cacheEnabled(env)) return { has: () => false, add: () => undefined, save: () => undefined };
  const salt = formatSalt();
  const file = storeFile(env, 'fmt', root);
  const trust = trustedStore(env, file);
  if (!trust) return { has: () => false, add: () => undefined, save: () => undefined };
  const known = readEntries(file, salt, trust);
  const seen = new Map<string, true>();
  let added = false;
  const keyOf = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
  return {
    has(bytes) {
      const key = keyOf(bytes);
      if (known.get(key) !== true) return false;
      seen.set(key, true);
      return true;
    },
    add(bytes) {
      seen.set(keyOf(bytes), true);
      added = true;
    },
    save() {
      if (added) writeEntries(file, salt, seen, trust);
    },
  };
}

let fmtSalt: string | undefined;
// The parse salt (acta, the parse code, yaml, the schemas) and the formatting code as built.
export function formatSalt(): string {
  if (fmtSalt !== undefined) return fmtSalt;
  const hash = createHash('sha256').update(parseSalt());
  const folder = fileURLToPath(new URL('../core/format/', import.meta.url));
  for (const name of readdirSync(folder).sort()) if (/\.(js|ts)$/.test(name)) hash.update(`${name}\0`).update(readFileSync(path.join(folder, name))).update('\0');
  return (fmtSalt = hash.digest('hex'));
}
