// Parsing spread over worker threads, on request (ACTA_WORKERS). The YAML node tree, needed only to locate a
// later diagnostic, does not cross threads: it is rebuilt on this thread for the files that need it.
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../core/diagnostics.js';
import type { ParsedFile } from '../core/read/index.js';
import { readRecordFile, withTreeOnDemand } from '../core/read/index.js';
import os from 'node:os';
import type { Alone, FactsOptions, ReadAlone } from '../core/facts.js';
import type { CheckReply, CheckRequest, ContextRequest, ParseReply, ReadRequest } from './parse-worker.js';
import { runtime } from './runtime.js';

export interface ParsePool {
  parse(file: string, bytes: Uint8Array): Promise<ParsedFile>;
  close(): Promise<void>;
}

/** How many parse workers to start: ACTA_WORKERS=N (up to 16), else none. With the fast parse path (core/read/parse-fast.ts)
 * a worker costs more than it saves on 2 cores: sending the data back is most of what parsing now costs (README). */
export function poolSize(env: NodeJS.ProcessEnv = runtime().env): number {
  return askedWorkers(env) ?? 0;
}

// ACTA_WORKERS=N (a whole number, up to 16), or undefined when it says none.
function askedWorkers(env: NodeJS.ProcessEnv): number | undefined {
  const asked = env['ACTA_WORKERS'];
  return asked !== undefined && /^\d+$/.test(asked) ? Math.min(16, Number(asked)) : undefined;
}

/** Jobs in flight on a set of workers, answered in whatever order the workers reply. A worker that fails or exits (but
 * for close) leaves the pool, and each of its jobs is given to `lost`, so every job is answered — never a hang. */
function jobsOn<J extends { readonly worker: Worker }, R extends { readonly id: number }>(workers: readonly Worker[], answer: (job: J, reply: R) => void, lost: (job: J) => void) {
  const live = new Set(workers);
  const pending = new Map<number, J>();
  let closing = false;
  const lose = (worker: Worker): void => {
    live.delete(worker);
    for (const [id, job] of pending) {
      if (job.worker !== worker) continue;
      pending.delete(id);
      lost(job);
    }
  };
  for (const worker of workers) {
    worker.on('message', (reply: R) => {
      const job = pending.get(reply.id);
      if (!job) return;
      pending.delete(reply.id);
      answer(job, reply);
    });
    worker.on('error', () => lose(worker));
    worker.on('exit', () => {
      if (!closing) lose(worker);
    });
  }
  return {
    live,
    pending,
    async close(): Promise<void> {
      closing = true;
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/** Starts the workers (`start` is for tests: a worker that dies). A worker that fails or exits leaves its files, and
 * every later one, to the live workers or to this thread: the answer is the same, only slower — never a hang. */
export function startParsePool(size: number, start: () => Worker = () => new Worker(new URL('./parse-worker.js', import.meta.url))): ParsePool {
  type Job = { readonly file: string; readonly bytes: Uint8Array; readonly worker: Worker; readonly resolve: (p: ParsedFile) => void };
  const { live, pending, close } = jobsOn<Job, ParseReply>(
    Array.from({ length: size }, start),
    (job, reply) => job.resolve(withTreeOnDemand(job.file, job.bytes, reply.text, reply.data, reply.diagnostics as Diagnostic[])),
    (job) => job.resolve(readRecordFile(job.file, job.bytes)),
  );
  let next = 0;
  return {
    parse(file, bytes) {
      const alive = [...live];
      if (alive.length === 0) return Promise.resolve(readRecordFile(file, bytes));
      const id = next++;
      const worker = alive[id % alive.length]!;
      return new Promise((resolve) => {
        pending.set(id, { file, bytes, worker, resolve });
        worker.postMessage({ id, file, bytes: alone(bytes) });
      });
    },
    close,
  };
}

/** A file's bytes as a message sends them: a message copies a view's whole buffer, and a file read into a block
 * (io/source.ts, reading.blocks) is a view of 32 MiB — so such a file is copied out of it first. */
function alone(bytes: Uint8Array): Uint8Array {
  return bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}

/** validate's check workers (core/facts.ts `alone`): each record file parsed and checked on a worker, only its facts and
 * results sent back. */
export interface CheckPool {
  /** The worker's answer, or undefined for a file this thread must read itself (not a fast-path valid record, or no
   * live worker: a worker that fails or exits leaves its files, and every later one, to this thread — never a hang). */
  check(file: string, bytes: Uint8Array): Promise<Alone | undefined>;
  /** A read command's file (core/facts.ts `read`): its data as JSON text, and its per-record results when `checks`;
   * undefined as for `check`. */
  read(file: string, bytes: Uint8Array, checks: boolean): Promise<ReadAlone | undefined>;
  /** Every live worker has enough in hand (or none is live): this thread had better check the next file itself than
   * wait — it is idle otherwise, and on 2 cores it is one of the two. Enough: HAND_BYTES more than `next` (the next
   * file's size in bytes) in hand, so that the worker still has work when this thread is done with that file — its
   * parse, schema and checks, and a collection of its heap on the way. */
  busy(next: number): boolean;
  close(): Promise<void>;
}

/** Check workers for `records` record files: ACTA_WORKERS=N (up to 16; 0 turns them off), else, with more than one
 * core, one per core but this thread's (which checks files too: busy) from CHECK_WORKERS_FROM files on (under that, starting them costs more than they save:
 * docs/internals/performance.md, "Check workers"). */
export function checkPoolSize(records: number, env: NodeJS.ProcessEnv = runtime().env, cores: number = os.availableParallelism()): number {
  const asked = askedWorkers(env);
  if (asked !== undefined) return asked;
  if (cores < 2 || records < CHECK_WORKERS_FROM) return 0;
  return Math.min(cores - 1, 3);
}

export const CHECK_WORKERS_FROM = 600;

/** Bytes in a worker's hand, beyond the next file's own, before this thread checks that file itself (busy with a size):
 * about 12 ms of a worker's work on this corpus's meetings (~11 KB a millisecond), enough to cover this thread's own
 * file and a scavenge of its heap. Counted in bytes, not files: a work plan is 15 meetings' bytes, and with 8 files in
 * hand the worker sat idle while this thread checked one (docs/internals/performance.md, "Cold validate, eighth round"). */
export const HAND_BYTES = 128 * 1024;

/** Starts the workers and gives each the context (acta.yaml, the registries: their bytes, read as this thread read
 * them) once it is known; `start` is for tests (a worker that dies). */
export function startCheckPool(size: number, start: () => Worker = () => new Worker(new URL('./parse-worker.js', import.meta.url))): CheckPool & { context(files: ContextRequest['files'], options: FactsOptions): void } {
  const workers = Array.from({ length: size }, start);
  type Job = { readonly worker: Worker; readonly resolve: (a: Alone | ReadAlone | undefined) => void };
  const { live, pending, close } = jobsOn<Job, CheckReply>(workers, (job, reply) => job.resolve(reply.alone), (job) => job.resolve(undefined));
  let next = 0;
  // Files and bytes sent to each worker, and (shared with it) how many files and bytes it has checked: what it has in
  // hand, known at once.
  const sent = new Map<Worker, number>(workers.map((w) => [w, 0]));
  const sentBytes = new Map<Worker, number>(workers.map((w) => [w, 0]));
  const done = new Map<Worker, Int32Array>(workers.map((w) => [w, new Int32Array(new SharedArrayBuffer(8))]));
  const inHand = (w: Worker): number => sent.get(w)! - Atomics.load(done.get(w)!, 0);
  const bytesInHand = (w: Worker): number => sentBytes.get(w)! - Atomics.load(done.get(w)!, 1);
  // To the live worker with the fewest files in hand; undefined at once when none is live.
  const send = <A>(bytes: number, request: (id: number) => CheckRequest | ReadRequest): Promise<A | undefined> => {
    if (live.size === 0) return Promise.resolve(undefined);
    let worker: Worker | undefined;
    for (const w of live) if (!worker || inHand(w) < inHand(worker)) worker = w;
    const id = next++;
    sent.set(worker!, sent.get(worker!)! + 1);
    sentBytes.set(worker!, sentBytes.get(worker!)! + bytes);
    return new Promise<A | undefined>((resolve) => {
      pending.set(id, { worker: worker!, resolve: resolve as (a: Alone | ReadAlone | undefined) => void });
      worker!.postMessage(request(id));
    });
  };
  return {
    context(files, options) {
      const own = files.map((f) => ({ file: f.file, bytes: alone(f.bytes) }));
      for (const worker of live) worker.postMessage({ type: 'context', files: own, options, done: done.get(worker)! } satisfies ContextRequest);
    },
    busy(size) {
      for (const w of live) if (bytesInHand(w) < HAND_BYTES + size) return false;
      return true;
    },
    check: (file, bytes) => send<Alone>(bytes.length, (id) => ({ type: 'check', id, file, bytes: alone(bytes) })),
    read: (file, bytes, checks) => send<ReadAlone>(bytes.length, (id) => ({ type: 'read', id, file, bytes: alone(bytes), checks })),
    close,
  };
}
