// Reads record files on a worker thread, so the many async round trips of reading run on the second core while
// the main thread parses. The worker reads through diskSource like the main thread would (same checks, same
// reasons for an unreadable file) and hands the bytes over without copying. The worker side lives at the end of
// this file: the module starts serving when it is loaded as the pool's worker.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { RecordSource } from './source.js';
import { diskSource, UnreadableRecord } from './source.js';

/** What reading one file gave: its bytes, or why it could not be read (never a rejected promise). */
export type ReadOutcome = { readonly bytes: Uint8Array } | { readonly reason: string };

export interface Reads {
  /** The outcome for names[i]; ask in order. */
  next(i: number): Promise<ReadOutcome>;
  close(): void;
}

interface Job {
  readonly actaReadPool: true;
  readonly root: string;
  readonly names: readonly string[];
}

type Reply = { readonly i: number } & ReadOutcome;

// The worker reads at most this many files beyond the last one the main thread took (bounded memory).
const AHEAD = 256;
const LANES = 16;

/** Why a file could not be read, for the file/unreadable diagnostic. */
export function reasonFor(e: unknown): string {
  return e instanceof UnreadableRecord ? e.reason : ((e as NodeJS.ErrnoException).code ?? 'error');
}

async function readOutcome(read: Promise<Uint8Array>): Promise<ReadOutcome> {
  try {
    return { bytes: await read };
  } catch (e) {
    return { reason: reasonFor(e) };
  }
}

/** Read on this thread, starting names[i … i + window) as names[i] is asked for. */
export function readAhead(source: RecordSource, names: readonly string[], window: number): Reads {
  const pending = new Map<number, Promise<ReadOutcome>>();
  return {
    next(i) {
      for (let k = i; k < Math.min(i + window, names.length); k++) if (!pending.has(k)) pending.set(k, readOutcome(source.read(names[k]!)));
      const read = pending.get(i)!;
      pending.delete(i);
      return read;
    },
    close() {},
  };
}

/** Read names (relative to root, on disk) on a worker; if the worker fails, the rest is read on this thread. */
export function readOnWorker(root: string, names: readonly string[]): Reads {
  const arrived = new Map<number, ReadOutcome>();
  const waiting = new Map<number, (o: ReadOutcome) => void>();
  let failed = false;
  const settle = (i: number, o: ReadOutcome): void => {
    const resolve = waiting.get(i);
    if (resolve) {
      waiting.delete(i);
      resolve(o);
    } else arrived.set(i, o);
  };
  const fallback = (i: number): void => void readOutcome(diskSource(root).read(names[i]!)).then((o) => settle(i, o));
  const worker = new Worker(new URL(import.meta.url), { workerData: { actaReadPool: true, root, names } satisfies Job });
  worker.unref();
  worker.on('message', (replies: Reply[]) => {
    for (const r of replies) settle(r.i, 'bytes' in r ? { bytes: r.bytes } : { reason: r.reason });
  });
  const fail = (): void => {
    if (failed) return;
    failed = true;
    for (const i of waiting.keys()) fallback(i);
  };
  worker.on('error', fail);
  worker.on('exit', fail);
  return {
    next(i) {
      if (i % 64 === 0 && !failed) worker.postMessage(i + AHEAD);
      const o = arrived.get(i);
      if (o) {
        arrived.delete(i);
        return Promise.resolve(o);
      }
      const p = new Promise<ReadOutcome>((resolve) => waiting.set(i, resolve));
      if (failed) fallback(i);
      return p;
    },
    close() {
      failed = true;
      void worker.terminate();
    },
  };
}

async function serve(job: Job): Promise<void> {
  const source = diskSource(job.root);
  let limit = AHEAD;
  let asleep: (() => void)[] = [];
  parentPort!.on('message', (upTo: number) => {
    limit = Math.max(limit, upTo);
    for (const wake of asleep) wake();
    asleep = [];
  });
  let batch: Reply[] = [];
  const flush = (): void => {
    const transfer = batch.flatMap((r) => ('bytes' in r ? [r.bytes.buffer as ArrayBuffer] : []));
    parentPort!.postMessage(batch, transfer);
    batch = [];
  };
  const post = (i: number, o: ReadOutcome): void => {
    // Hand over a buffer only when the bytes own it whole (small reads may share a pooled one): copy otherwise.
    const r: Reply = 'bytes' in o ? { i, bytes: ownsBuffer(o.bytes) ? o.bytes : new Uint8Array(o.bytes) } : { i, reason: o.reason };
    if (batch.push(r) === 1) setImmediate(flush);
  };
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < job.names.length) {
      if (next >= limit) {
        await new Promise<void>((resolve) => asleep.push(resolve));
        continue;
      }
      const i = next++;
      post(i, await readOutcome(source.read(job.names[i]!)));
    }
  };
  await Promise.all(Array.from({ length: LANES }, lane));
}

function ownsBuffer(bytes: Uint8Array): boolean {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
}

if (!isMainThread && (workerData as Partial<Job> | null)?.actaReadPool === true) void serve(workerData as Job);
