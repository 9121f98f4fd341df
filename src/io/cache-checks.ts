// Validate's results file by file (issue 24 point 1: warm means incremental *with changes*). When some files changed
// since the last run, validate's whole result (io/cache-results.ts) misses; this store still holds, for each file
// that did not change, what the checks said about it:
// - its **schema** diagnostics, keyed by the record kind, the file's name and the sha256 of its bytes;
// - for a valid meeting or plan, the **per-record checks'** diagnostics (core/pipeline.ts PER_RECORD), keyed by the
//   file's name, its sha256 and the hash of the context every record's checks read (core/pipeline.ts recordContext:
//   the indexes of ids, points, activities and start dates, the registries, acta.yaml, --as-of).
// The cross-record checks that read every record at once (unique ids, file names, supersession and group cycles,
// actor names) run every time: they are cheap next to a stale answer. The whole store is salted with the code hash
// (io/cache-results.ts codeHash), so another build never reads it; it is signed and rewritten atomically like every
// store (io/cache-store.ts), holds the entries of the last run only, and is written only when the run's files were
// the bytes their hashes name (the caller's stable()).
import { createHash } from 'node:crypto';
import type { Diagnostic } from '../core/diagnostics.js';
import type { RecordChecks, RecordResults } from '../core/pipeline.js';
import type { SchemaValidator } from '../core/schema.js';
import { codeHash } from './cache-results.js';
import { isDiagnostic, readStore, storeFile, trustedStore, writeStore } from './cache-store.js';
import { runtime } from './runtime.js';

const FORMAT = 1;
/** Positions in a stored diagnostic are bounded by the largest file a run reads (io/source.ts: 4 MiB). */
const MAX_FILE = 4 * 1024 * 1024;

/** Schema and per-record results reused and computed, in this process (for tests: work counted, not timed). */
export const fileResultCounts = { schemaReused: 0, schemaRun: 0 };

export interface FileResults {
  /** The schema validator, answering from the store for files whose bytes it has seen (the inner one is made only
   * when a file needs it: compiling or loading the validators is not paid for when every file is kept). */
  validator(inner: () => SchemaValidator): SchemaValidator;
  /** The per-record checks' results for this context (core/pipeline.ts CheckOptions.recordResults). */
  recordResults(context: string): RecordResults;
  /** Write the entries this run used or made, if it made any or left some out. */
  save(): void;
}

/** The store of this records root, for files whose content ids are known (a snapshot's hashes); undefined when the
 * cache folder cannot be trusted. */
export function openFileResults(root: string, ids: ReadonlyMap<string, string>, env: NodeJS.ProcessEnv = runtime().env): FileResults | undefined {
  const file = storeFile(env, 'checks', root);
  const trust = trustedStore(env, file);
  if (!trust) return undefined;
  const stored = readStore(file, FORMAT, codeHash(), trust)?.['entries'];
  const before = stored instanceof Map ? (stored as Map<unknown, unknown>) : new Map<unknown, unknown>();
  const after = new Map<string, unknown>();
  let changed = false;
  const take = (key: string, valid: (v: unknown) => boolean): unknown => {
    if (after.has(key)) return after.get(key);
    const v = before.get(key);
    if (v === undefined || !valid(v)) return undefined;
    after.set(key, v);
    return v;
  };
  const give = (key: string, v: unknown): void => {
    after.set(key, v);
    changed = true;
  };
  const diagnostics = (v: unknown): v is Diagnostic[] => Array.isArray(v) && v.every((d) => isDiagnostic(d, MAX_FILE));
  return {
    validator(inner) {
      return {
        validate(kind, parsed) {
          const id = ids.get(parsed.file);
          if (id === undefined) return inner().validate(kind, parsed);
          const key = `schema\0${kind}\0${parsed.file}\0${id}`;
          const kept = take(key, diagnostics) as Diagnostic[] | undefined;
          if (kept) {
            fileResultCounts.schemaReused++;
            return [...kept];
          }
          fileResultCounts.schemaRun++;
          const found = inner().validate(kind, parsed);
          give(key, found);
          return found;
        },
      };
    },
    recordResults(context) {
      const hash = createHash('sha256').update(context).digest('hex');
      const keyOf = (name: string): string | undefined => {
        const id = ids.get(name);
        return id === undefined ? undefined : `checks\0${name}\0${id}\0${hash}`;
      };
      return {
        get(name) {
          const key = keyOf(name);
          return key === undefined ? undefined : (take(key, (v) => Array.isArray(v) && v.every(diagnostics)) as RecordChecks | undefined);
        },
        put(name, results) {
          const key = keyOf(name);
          if (key !== undefined) give(key, results);
        },
      };
    },
    save() {
      if (!changed && after.size === before.size) return;
      writeStore(file, FORMAT, codeHash(), { entries: after }, trust);
    },
  };
}
