// acta site writes its two languages at the same time: this thread the shared files and Spanish, a worker thread
// English. The languages share no file (es/… and en/…) and each is built from its own model, so the worker reads the
// records itself (while this thread reads them too) rather than receiving them: nothing large crosses threads, only
// the list of files it wrote. Both write into the same new folder; io/site-folder.ts writes the manifest and swaps the
// folder in only when both have finished, so an error in either (or a kill) leaves no half-written site.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { say } from '../core/diagnostics.js';
import type { Lang } from '../core/model.js';
import type { SiteOptions } from '../commands/site.js';
import { SaidError } from './files.js';
import { runtime } from './runtime.js';
import type { ParallelPart, Written } from './site-folder.js';
import type { SiteWorkerData, SiteWorkerReply } from './site-worker.js';

export interface LanguageThread {
  /** Started by writeFolderAtomic with the new folder: the worker writes its language there. */
  readonly part: (temp: string) => ParallelPart;
  /** Ends the worker (done or not): after a failure here, or once the site is written. */
  stop(): Promise<void>;
}

/** Whether the site is written by two threads: only when asked (ACTA_SITE_THREADS=2), and only when the worker's
 * module is there (not in the sources the tests run: src/io/site-worker.ts is compiled to dist/ only). Not by default:
 * each thread holds the records, so the peak memory doubles (1.25 GB against 626 MB at 8,000 meetings) and the CPU
 * grows by 10–35 % (the records read twice), for a wall time that falls only on a machine with a core to spare
 * (docs/internals/performance.md, "`site`, third round"). */
export function siteThreads(env: NodeJS.ProcessEnv = runtime().env, worker: URL = WORKER): number {
  if (env['ACTA_SITE_THREADS'] !== '2') return 1;
  return existsSync(fileURLToPath(worker)) ? 2 : 1;
}

const WORKER = new URL('./site-worker.js', import.meta.url);

/** Starts the worker that writes `lang`'s files (it begins reading the records at once), or undefined when the site is
 * written by this thread alone. */
export function startLanguageThread(options: SiteOptions, lang: Lang, worker: URL = WORKER): LanguageThread | undefined {
  const rt = runtime();
  if (siteThreads(rt.env, worker) < 2) return undefined;
  const data: SiteWorkerData = { options, lang, cwd: rt.cwd, env: { ...rt.env } };
  const thread = new Worker(worker, { workerData: data });
  let finished = false;
  const done = new Promise<Written>((resolve, reject) => {
    thread.once('message', (reply: SiteWorkerReply) => {
      finished = true;
      if (reply.kind === 'done') resolve(reply.written);
      else reject(reply.said ? new SaidError(reply.said) : Object.assign(new Error(reply.message), reply.code ? { code: reply.code } : {}));
    });
    // An exception the worker did not catch (a bug): said as one, with its message.
    thread.once('error', (e) => reject(e));
    // Stopped without a word (killed, out of memory): never a hang, never a half-written site.
    thread.once('exit', (code) => {
      if (!finished) reject(new SaidError(say('safety.site.threadStopped', { lang, code })));
    });
  });
  done.catch(() => {}); // read by writeFolderAtomic; a failure before it asks is not an unhandled rejection
  const stop = async (): Promise<void> => {
    finished = true;
    await thread.terminate();
  };
  return {
    part: (temp) => {
      thread.postMessage(temp);
      return { done, stop };
    },
    stop,
  };
}
