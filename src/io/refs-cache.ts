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
import { refsMention } from '../core/reference-index.js';
import { parseSalt } from './cache.js';
import { runsFromBundle } from './cache-results.js';
import { cacheEnabled, readStore, storeFile, trustedStore, writeStore } from './cache-store.js';
import type { CacheTrust } from './cache-trust.js';
import { runtime } from './runtime.js';

export { storeFile } from './cache-store.js';

export interface RefsStore {
  get(id: string): FileRefs | undefined;
  /** Whether a summary mentions one of `ids` (refsMention), answered for a summary this store made without making its
   * list of mentions. `ids` must not change between calls (a flag per string of the table is kept for it). */
  mentionsAny(refs: FileRefs, ids: ReadonlySet<string>): boolean;
  put(id: string, refs: FileRefs): void;
  /** Write the store back, keeping only the entries of these ids (the files of this run), if anything was added. */
  save(keep: Iterable<string>): void;
}

/** The summaries' store (format 4: a table of strings and one array of indices, see packRefs); the fmt store's. */
const FORMAT = 4;
const FMT_FORMAT = 3;
const NONE: RefsStore = { get: () => undefined, mentionsAny: refsMention, put: () => undefined, save: () => undefined };

export function openRefsStore(root: string, env: NodeJS.ProcessEnv = runtime().env): RefsStore {
  if (!cacheEnabled(env)) return NONE;
  const salt = parseSalt();
  const file = storeFile(env, 'refs', root);
  const trust = trustedStore(env, file);
  if (!trust) return NONE;
  const stored = unpackRefs(readStore(file, FORMAT, salt, trust));
  const added = new Map<string, FileRefs>();
  return {
    get: (id) => added.get(id) ?? stored.get(id),
    mentionsAny: stored.mentionsAny,
    put(id, refs) {
      added.set(id, refs);
    },
    save(keep) {
      if (added.size === 0) return;
      const kept = new Map<string, FileRefs>();
      for (const id of keep) {
        const refs = added.get(id) ?? stored.get(id);
        if (refs) kept.set(id, refs);
      }
      writeStore(file, FORMAT, salt, packRefs(kept), trust);
    },
  };
}

// On disk the summaries are not 2,000 objects of ~100 strings each (a v8 deserialisation of ~190,000 strings, ~35 ms,
// and garbage that outlives the young generation: a --changed-since run in CI reads the store whole): every distinct
// string once (`strings`, ~49,000 at 2,000 meetings), and for each entry (`keys`, its place in `data` from
// `offsets`) the indices of its kind, registry kind + 1 (0: none), id + 1 (0: none), the lengths of its four lists, and
// the lists' strings. A summary is made only when asked for (get), from the indices, checked then: a store whose
// shape is off (a count that does not add up, an index out of the table, an unknown kind) answers nothing for that
// entry, and the file is summarised again.
function packRefs(entries: ReadonlyMap<string, FileRefs>): Record<string, unknown> {
  const table = new Map<string, number>();
  const at = (value: string): number => {
    let i = table.get(value);
    if (i === undefined) table.set(value, (i = table.size));
    return i;
  };
  const data: number[] = [];
  const offsets = [0];
  for (const refs of entries.values()) {
    const lists = [refs.defines, refs.mentions, refs.supersedes, refs.parts];
    data.push(at(refs.kind), refs.registryKind === undefined ? 0 : at(refs.registryKind) + 1, refs.id === undefined ? 0 : at(refs.id) + 1, ...lists.map((l) => l.length));
    for (const list of lists) for (const value of list) data.push(at(value));
    offsets.push(data.length);
  }
  return { keys: [...entries.keys()], strings: [...table.keys()], data: Uint32Array.from(data), offsets: Uint32Array.from(offsets) };
}

const KINDS: ReadonlySet<string> = new Set<FileRefs['kind']>(['meeting', 'plan', 'registry', 'config', 'none']);
const HEAD = 7;

function unpackRefs(stored: Record<string, unknown> | undefined): Pick<RefsStore, 'get' | 'mentionsAny'> {
  const none = { get: () => undefined, mentionsAny: refsMention };
  if (!stored) return none;
  const { keys, strings, data, offsets } = stored;
  const allStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
  if (!allStrings(keys) || !allStrings(strings) || !(data instanceof Uint32Array) || !(offsets instanceof Uint32Array)) return none;
  if (offsets.length !== keys.length + 1 || offsets[0] !== 0 || offsets[keys.length] !== data.length) return none;
  const place = new Map<string, number>();
  keys.forEach((key, i) => place.set(key, i));
  const made = new Map<number, FileRefs | undefined>();
  // Where the mentions of each summary made here are in `data` (start, end): read from there by mentionsAny.
  const mentionsOf = new Map<FileRefs, readonly [number, number]>();
  // (Plain loops: Array.from with a mapper over subarrays cost ~30 ms for 2,000 entries, these ~3.)
  const n = strings.length;
  const decode = (i: number): FileRefs | undefined => {
    const start = offsets[i]!;
    const end = offsets[i + 1]!;
    if (end < start + HEAD || end > data.length) return undefined;
    const kind = data[start]!;
    const registryKind = data[start + 1]!;
    const id = data[start + 2]!;
    if (start + HEAD + data[start + 3]! + data[start + 4]! + data[start + 5]! + data[start + 6]! !== end) return undefined;
    if (kind >= n || !KINDS.has(strings[kind]!) || registryKind > n || id > n) return undefined;
    let at = start + HEAD;
    const list = (length: number): string[] | undefined => {
      const out: string[] = [];
      for (const last = at + length; at < last; at++) {
        const index = data[at]!;
        if (index >= n) return undefined;
        out.push(strings[index]!);
      }
      return out;
    };
    const defines = list(data[start + 3]!);
    if (!defines) return undefined;
    // The mentions (~90 strings a meeting, most of a summary) are checked here but made into a list only when read:
    // the scope asks every file whether it mentions a changed id (mentionsAny), and reads the lists of a few dozen.
    const from = at;
    for (const last = at + data[start + 4]!; at < last; at++) if (data[at]! >= n) return undefined;
    const to = at;
    const supersedes = list(data[start + 5]!);
    const parts = supersedes && list(data[start + 6]!);
    if (!parts) return undefined;
    let mentions: string[] | undefined;
    const refs: { -readonly [K in keyof FileRefs]: FileRefs[K] } = {
      kind: strings[kind] as FileRefs['kind'],
      defines,
      get mentions(): string[] {
        if (mentions === undefined) {
          mentions = [];
          for (let k = from; k < to; k++) mentions.push(strings[data[k]!]!);
        }
        return mentions;
      },
      supersedes,
      parts,
    };
    if (registryKind > 0) refs.registryKind = strings[registryKind - 1]!;
    if (id > 0) refs.id = strings[id - 1]!;
    mentionsOf.set(refs, [from, to]);
    return refs;
  };
  // Which strings of the table are among the ids last asked about: one look-up a string of the table (~49,000 at 2,000
  // meetings), then a summary's mentions are read as indices, no string made.
  let flagged: { ids: ReadonlySet<string>; size: number; flags: Uint8Array } | undefined;
  const flagsFor = (ids: ReadonlySet<string>): Uint8Array => {
    if (flagged?.ids !== ids || flagged.size !== ids.size) {
      const flags = new Uint8Array(n);
      for (let k = 0; k < n; k++) if (ids.has(strings[k]!)) flags[k] = 1;
      flagged = { ids, size: ids.size, flags };
    }
    return flagged.flags;
  };
  return {
    get(id) {
      const i = place.get(id);
      if (i === undefined) return undefined;
      if (!made.has(i)) made.set(i, decode(i));
      return made.get(i);
    },
    mentionsAny(refs, ids) {
      const range = mentionsOf.get(refs);
      if (!range) return refsMention(refs, ids);
      const flags = flagsFor(ids);
      for (let k = range[0]; k < range[1]; k++) if (flags[data[k]!] === 1) return true;
      return false;
    },
  };
}

// The fmt store: one signed file per records root (io/cache-store.ts): { format, salt, entries }.
function readEntries(file: string, salt: string, trust: CacheTrust): Map<string, unknown> {
  const entries = readStore(file, FMT_FORMAT, salt, trust)?.['entries'];
  return entries instanceof Map ? (entries as Map<string, unknown>) : new Map();
}

function writeEntries(file: string, salt: string, entries: Map<string, unknown>, trust: CacheTrust): void {
  writeStore(file, FMT_FORMAT, salt, { entries }, trust);
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
  // Run from the bundle, the formatting code is in the parse salt's code hash already (io/cache.ts).
  if (runsFromBundle()) return (fmtSalt = hash.digest('hex'));
  const folder = fileURLToPath(new URL('../core/format/', import.meta.url));
  for (const name of readdirSync(folder).sort()) if (/\.(js|ts)$/.test(name)) hash.update(`${name}\0`).update(readFileSync(path.join(folder, name))).update('\0');
  return (fmtSalt = hash.digest('hex'));
}
