// Reads a records repository from disk and runs the pipeline.
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../core/diagnostics.js';
import type { ParsedFile } from '../core/read/index.js';
import { parseRecordFile, readRecordFile, withTreeOnDemand } from '../core/read/index.js';
import type { Checked, CheckOptions } from '../core/pipeline.js';
import { checkRecords } from '../core/pipeline.js';
import { buildRecordSet } from '../core/records.js';
import { createSchemaValidator } from '../core/schema.js';
import type { SchemaValidator } from '../core/schema.js';
import type { RecordSource } from './source.js';
import { diskSource, UnreadableRecord } from './source.js';
import { precompiledValidators, readSchemas } from './schemas.js';
import { startProgress } from './terminal.js';
import type { CheckPool, ParsePool } from './parse-pool.js';
import { checkPoolSize, poolSize, startCheckPool, startParsePool } from './parse-pool.js';
import type { Alone, ReadAlone } from '../core/facts.js';
import { cacheEnabled } from './cache-store.js';
import type { ParseCache } from './cache.js';
import type { FileResults } from './cache-checks.js';
import { openParseCache } from './cache.js';
import { guardHeap } from './heap.js';

let validator: SchemaValidator | undefined;
export function schemaValidator(): SchemaValidator {
  validator ??= createSchemaValidator(readSchemas(), precompiledValidators());
  return validator;
}

export interface Repository extends Checked {
  readonly root: string;
  /** Every file read, relative to root. */
  readonly fileNames: readonly string[];
}

export interface LoadOptions extends Pick<CheckOptions, 'asOf' | 'known'> {
  /** The records as data, for `diff`: no schema (but acta.yaml's, which sets the language) and no checks, no
   * diagnostics — so every record counts as valid, and compiling the record schemas is not paid for. */
  readonly dataOnly?: boolean;
  /** Schema and per-record check results kept by content (io/cache-checks.ts): reused for the files that did not
   * change, and given the results of those that did (the caller saves them if the run was stable). */
  readonly fileResults?: FileResults;
  /** The caller prints no diagnostics (overdue, upcoming, list, show, export, statement): the cross-record checks are
   * not run and `diagnostics` is empty. The schema still decides which records are valid and which are left out. */
  readonly unchecked?: boolean;
  /** For tests: this many check workers, each started by `start` (a worker that dies), whatever the run's size. */
  readonly workers?: { readonly size: number; readonly start?: () => Worker };
}

function configValidator(): SchemaValidator {
  return { validate: (kind, parsed) => (kind === 'config' ? schemaValidator().validate(kind, parsed) : []) };
}

/** Read, parse and check every record under root (plus any extra files named) — from disk, or from a RecordSource (a git revision). */
export async function loadRepository(from: string | RecordSource, extra: readonly string[] = [], options: LoadOptions = {}): Promise<Repository> {
  const source = typeof from === 'string' ? diskSource(from) : from;
  const names = [...new Set([...(await source.list()), ...extra])].sort();
  const { dataOnly, fileResults, unchecked, workers, ...checks } = options;
  // A cold run (the parse cache off) of enough files: check workers parse and check the record files, and send back
  // each one's data as JSON text (docs/internals/performance.md, "Read commands on the check workers").
  const size = workers?.size ?? (dataOnly || fileResults || cacheEnabled() ? 0 : checkPoolSize(names.length));
  if (size > 0) return loadWithWorkers(source, names, size, checks, !unchecked, workers?.start);
  const parsed = [...(await readAll(source, names)), ...(source.unreadableFolders?.() ?? []).map((f) => unreadable(source.root, f.folder, f.reason, 'folder'))];
  if (unchecked && !dataOnly) return { records: buildRecordSet(parsed, schemaValidator()).records, diagnostics: [], root: source.root, fileNames: names };
  const validator = fileResults ? fileResults.validator(schemaValidator) : schemaValidator();
  const kept = fileResults ? { recordResults: (context: string) => fileResults.recordResults(context) } : {};
  guardHeap(); // (and before the cross-record checks, which hold the set and build its indexes)
  const checked = dataOnly ? { records: buildRecordSet(parsed, configValidator()).records, diagnostics: [] } : checkRecords(parsed, validator, { rootFile: 'acta.yaml', ...checks, ...kept });
  return { ...checked, root: source.root, fileNames: names };
}

/** Counts of this process, for tests (work counted, not timed): files loadWithWorkers parsed here and answered as a
 * worker answers (`here`: their schema, and per-record checks when asked, run during the load). */
export const loadCounts = { here: 0 };

/** loadRepository with check workers: acta.yaml and the registries read here first (and given to the workers when the
 * records are checked); then each other file read here and sent to a worker, which parses it, checks its schema and
 * (when `checked`) its per-record checks, and sends back its data as JSON text (core/facts.ts `read`): JSON.parse of
 * it here is the same data, for far less than parsing the YAML. The file is then what readRecordFile makes of it (the
 * same bytes: its positions, text and node tree made from them when asked). This thread parses a file itself when
 * every worker has enough bytes in hand (`busy` with the file's size, as validate's path: counted in files, the
 * worker sat idle while this thread parsed one of its own), when a worker leaves it here (a problem, the located
 * path, data JSON would change), or when no worker is live. The answers go to checkRecords (`fromAnswers`): their
 * schema and per-record checks are not run again — the same records and diagnostics either way
 * (test/io/read-workers.test.ts). */
async function loadWithWorkers(source: RecordSource, names: readonly string[], size: number, checks: Pick<LoadOptions, 'asOf' | 'known'>, checked: boolean, start?: () => Worker): Promise<Repository> {
  const { fromAnswers, looksLikeContext, startFacts } = await import('../core/facts.js');
  // Started first: they load their modules while this thread reads the context.
  const pool = start ? startCheckPool(size, start) : startCheckPool(size);
  const answers = new Map<string, Omit<ReadAlone, 'json'>>();
  const parsed: ParsedFile[] = [];
  const progress = startProgress(names.length);
  try {
    const first = names.filter((n) => looksLikeContext(n));
    const context: { file: string; bytes: Uint8Array }[] = [];
    const kept: ParsedFile[] = [];
    await readEach(source, first, parseJob(source.root, false), ({ parsed: p, bytes }) => {
      if (bytes) context.push({ file: p.file, bytes });
      kept.push(p);
    }, 0, progress);
    // Without checks the workers need no context (the schema is the same everywhere).
    pool.context(checked ? context : [], { rootFile: 'acta.yaml', ...checks });
    // A file this thread parses itself (every worker has enough in hand) is answered here as a worker answers it — its
    // schema and per-record checks run now, while the workers are busy too, not in checkRecords after the load, when
    // they would be idle (report at 2,000 meetings: ~0.75 s of schema and per-record checks on this thread alone). The
    // same context as the workers' (the same files, parsed here).
    const here = startFacts(schemaValidator(), { rootFile: 'acta.yaml', ...checks });
    if (checked) first.forEach((_, i) => here.context(kept[i]!, i));
    const rest = names.filter((n) => !looksLikeContext(n));
    const job: Job<ParsedFile> = {
      async run(name, read) {
        let bytes: Uint8Array;
        try {
          bytes = await read;
        } catch (e) {
          return unreadableOf(source.root, name, e);
        }
        if (pool.busy(bytes.length)) {
          const parsed = readRecordFile(name, bytes);
          const mine = here.readHere(parsed, checked);
          if (mine) {
            answers.set(name, mine);
            loadCounts.here++;
          }
          return parsed;
        }
        const answer = await pool.read(name, bytes, checked);
        if (!answer) return readRecordFile(name, bytes);
        // Kept without its text (what checkRecords asks of an answer: its kind and results): the text of every record
        // kept to the end of the load was the corpus again, ~40 MB at 8,000 meetings.
        answers.set(name, answer.results ? { kind: answer.kind, results: answer.results } : { kind: answer.kind });
        return withTreeOnDemand(name, bytes, undefined, JSON.parse(answer.json), []);
      },
      ahead: true,
      close: async () => undefined,
    };
    const others: ParsedFile[] = [];
    await readEach(source, rest, job, (p) => void others.push(p), CHECK_WINDOW, progress);
    // Back in the order of names (the context files were read first).
    const byName = new Map<string, ParsedFile>();
    first.forEach((n, i) => byName.set(n, kept[i]!));
    rest.forEach((n, i) => byName.set(n, others[i]!));
    for (const name of names) parsed.push(byName.get(name)!);
  } finally {
    progress.stop();
    await pool.close();
  }
  for (const f of source.unreadableFolders?.() ?? []) parsed.push(unreadable(source.root, f.folder, f.reason, 'folder'));
  const { validator, workerResults } = fromAnswers(answers, new Map(parsed.map((p) => [p.file, p])), schemaValidator());
  guardHeap(); // (and before the cross-record checks, which hold the set and build its indexes)
  const repository = checked ? checkRecords(parsed, validator, { rootFile: 'acta.yaml', ...checks, workerResults }) : { records: buildRecordSet(parsed, validator).records, diagnostics: [] };
  return { ...repository, root: source.root, fileNames: names };
}

/** validate's path (core/facts.ts): the same answer as loadRepository, each record checked while fresh and only its
 * facts kept — acta.yaml and the registries read first (the files named like them), then every other file in order.
 * A registry or acta.yaml found among the others sends the run to loadRepository (the same answer, slower).
 * With check workers (a cold run of enough files: parse-pool.ts checkPoolSize), each record file is parsed and checked
 * on a worker, which sends back only its facts and results (`alone`); this thread reads the files and keeps the run. */
export async function checkRepository(from: string | RecordSource, extra: readonly string[] = [], options: Pick<LoadOptions, 'asOf' | 'known'> & CheckScope = {}): Promise<Repository> {
  const { reported, ...checks } = options;
  // Whether the file at this place is checked as its own (CheckScope): every file, unless the caller names some.
  const own = (ordinal: number): boolean => reported?.has(names[ordinal]!) ?? true;
  const source = typeof from === 'string' ? diskSource(from) : from;
  const names = [...new Set([...(await source.list()), ...extra])].sort();
  const { looksLikeContext, startFacts } = await import('../core/facts.js');
  const first: number[] = [];
  const rest: number[] = [];
  names.forEach((name, i) => (looksLikeContext(name) ? first : rest).push(i));
  // Workers only when every file is parsed here anyway (the parse cache off): a warm run's cached files need none.
  const size = cacheEnabled() ? 0 : checkPoolSize(rest.length);
  // Started first, before this thread loads the validators: they load their modules while this thread does that and
  // reads the context.
  const pool = size > 0 ? startCheckPool(size) : undefined;
  const factsOptions = { rootFile: 'acta.yaml', ...checks };
  let run: ReturnType<typeof startFacts>;
  try {
    run = startFacts(schemaValidator(), factsOptions);
  } catch (e) {
    await pool?.close(); // (a worker left running would keep the process from ending)
    throw e;
  }
  // One progress display for both passes (a terminal shows "read n/N files" for the whole run).
  const progress = startProgress(names.length);
  let whole: boolean;
  try {
    const context: { file: string; bytes: Uint8Array }[] = [];
    await readEach(source, first.map((i) => names[i]!), parseJob(source.root, false), ({ parsed, bytes }, k) => {
      if (bytes) context.push({ file: parsed.file, bytes });
      run.context(parsed, first[k]!);
    }, 0, progress);
    if (pool) {
      pool.context(context, factsOptions);
      whole = await readEach(source, rest.map((i) => names[i]!), checkJob(source.root, pool), (done, k) => {
        if ('alone' in done) return run.checked(done.file, done.bytes, done.alone, rest[k]!);
        return run.record(done.parsed, rest[k]!, own(rest[k]!));
      }, CHECK_WINDOW, progress);
    } else {
      whole = await readEach(source, rest.map((i) => names[i]!), parseJob(source.root), ({ parsed }, k) => run.record(parsed, rest[k]!, own(rest[k]!)), 4, progress);
    }
  } finally {
    progress.stop();
    await pool?.close();
  }
  if (!whole) return loadRepository(source, extra, checks);
  (source.unreadableFolders?.() ?? []).forEach((f, i) => run.record(unreadable(source.root, f.folder, f.reason, 'folder'), names.length + i));
  return { ...run.finish(), root: source.root, fileNames: names };
}

export interface CheckScope {
  /** The files whose own diagnostics the caller reports (validate --changed-since: the scope's selected files): any
   * other meeting or plan this thread checks is read for what their checks consult — its schema and facts — and its
   * own per-record checks, whose diagnostics would be about it alone, are not run (core/facts.ts `record`'s `own`).
   * A check worker's answer comes with its checks made: it is taken as it is. */
  readonly reported?: ReadonlySet<string>;
}

// How many files a check worker's answers may run ahead of the one this thread keeps (small answers: facts and results).
const CHECK_WINDOW = 256;

// Reads run ahead of parsing, so the disk and the parser work at the same time; files are still parsed, and
// reported, in order. One read at a time until one succeeds: a source may fill a cache on its first read (a git
// source reads every blob in one batch).
export async function readParsedFiles(source: RecordSource, names: readonly string[]): Promise<ParsedFile[]> {
  return readAll(source, names);
}

async function readAll(source: RecordSource, names: readonly string[]): Promise<ParsedFile[]> {
  const parsed: ParsedFile[] = [];
  await readEach(source, names, parseJob(source.root), ({ parsed: p }) => void parsed.push(p), Infinity);
  return parsed;
}

/** What is done with each file read, off the order of reading (`run`), and what is left when the run ends (`close`). */
interface Job<T> {
  run(name: string, read: Promise<Uint8Array>): Promise<T>;
  /** True when `run` answers on another thread: files are then run ahead of the one given, up to the window. */
  readonly ahead: boolean;
  close(): Promise<void>;
}

// Each file read and parsed (or checked), given to `each` in order (false from it stops the run). With workers, up to
// `window` files are run ahead of the one given (readAll keeps them all; validate's facts path keeps a few).
async function readEach<T>(source: RecordSource, names: readonly string[], job: Job<T>, each: (done: T, i: number) => boolean | void, window: number, shared?: Progress): Promise<boolean> {
  const progress = shared ?? startProgress(names.length);
  const reads = new Map<number, Promise<Uint8Array>>();
  let ahead = 1;
  const start = (i: number): void => {
    if (i >= names.length || reads.has(i)) return;
    const read = source.read(names[i]!);
    read.then(() => (ahead = READ_AHEAD), () => undefined);
    reads.set(i, read);
  };
  const done: Promise<T>[] = [];
  let given = 0;
  let stopped = false;
  const give = async (upTo: number): Promise<void> => {
    while (given < upTo && !stopped) {
      const one = await done[given]!;
      delete done[given];
      if (each(one, given++) === false) stopped = true;
    }
  };
  try {
    for (let i = 0; i < names.length && !stopped; i++) {
      // The heap looked at per file (io/heap.ts): loading is where most of a read command's heap is taken.
      guardHeap();
      for (let k = i; k < i + ahead; k++) start(k);
      const read = reads.get(i)!;
      reads.delete(i);
      const one = job.run(names[i]!, read);
      one.then(() => progress.tick(), () => undefined);
      done.push(one);
      if (!job.ahead) await give(i + 1);
      else if (i + 1 - given > window) await give(i + 1 - window);
      // Let timers run now and then (the progress display), even if a source answers without waiting.
      if (i % 256 === 255) await new Promise((resolve) => setImmediate(resolve));
    }
    await give(done.length);
    // Reads started ahead of a stop are left to settle (their errors are answered by readAndParse's callers: none).
    for (const read of reads.values()) read.catch(() => undefined);
    return !stopped;
  } finally {
    if (!shared) progress.stop();
    await job.close();
  }
}

/** A file parsed on this thread, or by parse workers when asked (ACTA_WORKERS=N, poolSize), through the parse cache;
 * `bytes` undefined for a file that could not be read. */
function parseJob(root: string, workers = true): Job<{ parsed: ParsedFile; bytes: Uint8Array | undefined }> {
  const size = workers ? poolSize() : 0;
  // Workers start on the first file the cache does not hold: a warm run starts none.
  let pool: ParsePool | undefined;
  const parser = (): ParsePool | undefined => (size > 0 ? (pool ??= startParsePool(size)) : undefined);
  const cache = openParseCache();
  return {
    run: (name, read) => readAndParse(root, name, read, parser, cache),
    ahead: size > 0,
    close: async () => void (await Promise.all([pool?.close(), cache?.flush()])),
  };
}

type Checked1 = { readonly parsed: ParsedFile } | { readonly file: string; readonly bytes: Uint8Array; readonly alone: Alone };

/** A record file checked by a check worker (its facts and results), or, when the worker leaves it to this thread (not a
 * fast-path valid record, no live worker), parsed here. */
function checkJob(root: string, pool: CheckPool): Job<Checked1> {
  return {
    async run(name, read) {
      let bytes: Uint8Array;
      try {
        bytes = await read;
      } catch (e) {
        return { parsed: unreadableOf(root, name, e) };
      }
      // Every worker has enough in hand: this thread checks this one (in `each`, in order) rather than wait idle.
      if (pool.busy(bytes.length)) return { parsed: readRecordFile(name, bytes) };
      const alone = await pool.check(name, bytes);
      return alone ? { file: name, bytes, alone } : { parsed: readRecordFile(name, bytes) };
    },
    ahead: true,
    close: async () => undefined,
  };
}

type Progress = ReturnType<typeof startProgress>;

const READ_AHEAD = 32;

async function readAndParse(root: string, name: string, read: Promise<Uint8Array>, parser: () => ParsePool | undefined, cache: ParseCache | undefined): Promise<{ parsed: ParsedFile; bytes: Uint8Array | undefined }> {
  try {
    const bytes = await read;
    const cached = cache?.get(name, bytes);
    if (cached) return { parsed: cached, bytes };
    const pool = parser();
    const parsed = pool ? await pool.parse(name, bytes) : readRecordFile(name, bytes);
    cache?.put(name, bytes, parsed);
    return { parsed, bytes };
  } catch (e) {
    return { parsed: unreadableOf(root, name, e), bytes: undefined };
  }
}

function unreadableOf(root: string, name: string, e: unknown): ParsedFile {
  const reason = e instanceof UnreadableRecord ? e.reason : (e as NodeJS.ErrnoException).code ?? 'error';
  return unreadable(root, name, reason);
}

// A file (or a folder, named with a trailing /) that could not be read: no data, one file/unreadable diagnostic.
function unreadable(root: string, name: string, reason: string, variant?: 'folder'): ParsedFile {
  const d: Diagnostic = { file: name, line: 1, column: 1, endLine: 1, endColumn: 1, pointer: '', code: 'file/unreadable', severity: 'error', ...(variant ? { variant } : {}), params: { reason, path: path.join(root, name) } };
  return { ...parseRecordFile(name, new Uint8Array()), data: undefined, diagnostics: [d] };
}
