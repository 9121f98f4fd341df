// Parsing spread over worker threads, on request (ACTA_WORKERS). The YAML node tree, needed only to locate a
// later diagnostic, does not cross threads: it is rebuilt on this thread for the files that need it.
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../core/diagnostics.js';
import type { ParsedFile } from '../core/read/index.js';
import { readRecordFile, withTreeOnDemand } from '../core/read/index.js';
import type { ParseReply } from './parse-worker.js';
import { runtime } from './runtime.js';

export interface ParsePool {
  parse(file: string, bytes: Uint8Array): Promise<ParsedFile>;
  close(): Promise<void>;
}

/** How many parse workers to start: ACTA_WORKERS=N (up to 16), else none. With the fast parse path (core/read/parse-fast.ts)
 * a worker costs more than it saves on 2 cores: sending the data back is most of what parsing now costs (README). */
export function poolSize(_files: number, env: NodeJS.ProcessEnv = runtime().env): number {
  const asked = env['ACTA_WORKERS'];
  if (asked !== undefined && /^\d+$/.test(asked)) return Math.min(16, Number(asked));
  return 0;
}

/** Starts the workers (`start` is for tests: a worker that dies). A worker that fails or exits leaves its files, and
 * every later one, to the live workers or to this thread: the answer is the same, only slower — never a hang. */
export function startParsePool(size: number, start: () => Worker = () => new Worker(new URL('./parse-worker.js', import.meta.url))): ParsePool {
  const workers = Array.from({ length: size }, start);
  const live = new Set(workers);
  const pending = new Map<number, { file: string; bytes: Uint8Array; worker: Worker; resolve: (p: ParsedFile) => void }>();
  let next = 0;
  let closing = false;
  const lose = (worker: Worker): void => {
    live.delete(worker);
    for (const [id, job] of pending) {
      if (job.worker !== worker) continue;
      pending.delete(id);
      job.resolve(readRecordFile(job.file, job.bytes));
    }
  };
  for (const worker of workers) {
    worker.on('message', (reply: ParseReply) => {
      const job = pending.get(reply.id);
      if (!job) return;
      pending.delete(reply.id);
      job.resolve(withTreeOnDemand(job.file, job.bytes, reply.text, reply.data, reply.diagnostics as Diagnostic[]));
    });
    worker.on('error', () => lose(worker));
    worker.on('exit', () => {
      if (!closing) lose(worker);
    });
  }
  return {
    parse(file, bytes) {
      const alive = [...live];
      if (alive.length === 0) return Promise.resolve(readRecordFile(file, bytes));
      const id = next++;
      const worker = alive[id % alive.length]!;
      return new Promise((resolve) => {
        pending.set(id, { file, bytes, worker, resolve });
        worker.postMessage({ id, file, bytes });
      });
    },
    async close() {
      closing = true;
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
