// Summaries of record files (core/reference-index.ts), keyed by content: the git blob id of the file's bytes. One
// file per records root in <cache>/refs/, read whole at the start of a run and rewritten whole (atomically) when the
// run learnt something; like the parse cache, an entry file that is missing, stale or corrupt is simply not used.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { FileRefs } from '../core/reference-index.js';
import { cacheEnabled, cacheFolder, parseSalt } from './cache.js';
import { runtime } from './runtime.js';

export interface RefsStore {
  get(id: string): FileRefs | undefined;
  put(id: string, refs: FileRefs): void;
  /** Write the store back, keeping only the entries of these ids (the files of this run), if anything was added. */
  save(keep: Iterable<string>): void;
}

const FORMAT = 2;
const NONE: RefsStore = { get: () => undefined, put: () => undefined, save: () => undefined };

export function openRefsStore(root: string, env: NodeJS.ProcessEnv = runtime().env): RefsStore {
  if (!cacheEnabled(env)) return NONE;
  const salt = parseSalt();
  const file = path.join(cacheFolder(env), 'refs', createHash('sha256').update(path.resolve(root)).digest('hex').slice(0, 32));
  const entries = readEntries(file, salt);
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
      writeEntries(file, salt, kept);
    },
  };
}

function isRefs(refs: FileRefs): boolean {
  const lists = [refs.defines, refs.mentions, refs.supersedes, refs.parts];
  return typeof refs.kind === 'string' && lists.every((l) => Array.isArray(l) && l.every((x) => typeof x === 'string'));
}

// sha256 of the payload, then the payload: v8's serialisation of { format, salt, entries }.
function readEntries(file: string, salt: string): Map<string, FileRefs> {
  try {
    const raw = readFileSync(file);
    const payload = raw.subarray(32);
    if (!createHash('sha256').update(payload).digest().equals(raw.subarray(0, 32))) return new Map();
    const stored = deserialize(payload) as { format?: unknown; salt?: unknown; entries?: unknown };
    if (stored.format !== FORMAT || stored.salt !== salt || !(stored.entries instanceof Map)) return new Map();
    return stored.entries as Map<string, FileRefs>;
  } catch {
    return new Map();
  }
}

function writeEntries(file: string, salt: string, entries: Map<string, FileRefs>): void {
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const payload = serialize({ format: FORMAT, salt, entries });
    writeFileSync(temp, Buffer.concat([createHash('sha256').update(payload).digest(), payload]));
    renameSync(temp, file);
  } catch {
    rmSync(temp, { force: true }); // a folder that cannot be written: run without it
  }
}
