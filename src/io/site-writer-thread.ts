// acta site writes its files from a second thread: this thread builds the pages (the records' models and the HTML) and
// hands each page to a worker (io/site-writer.ts), which encodes and writes it, and indexes the search shards (their
// documents are sent, MiniSearch runs there). The records are held once, here; only pages and search documents cross,
// at most IN_FLIGHT units of them at a time (this thread waits for the worker to catch up), so the site is never held
// whole. The worker writes the files in the order they are sent and says what it wrote: the same files, bytes and
// manifest as one thread writes (io/site-folder.ts writeFilesInto). A failure in the worker is this run's failure; a
// failure here stops the worker before the new folder is removed; a worker that stops without a word is said so.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { say } from '../core/diagnostics.js';
import type { PageSetting } from '../render/site/page-job.js';
import { SitePage } from '../render/site/page-job.js';
import type { SearchDocument } from '../render/site/search-index.js';
import { isDocumentSource, SearchShard } from '../render/site/search-index.js';
import { SaidError } from './files.js';
import { runtime } from './runtime.js';
import type { FileWriter, Written } from './site-folder.js';
import type { SiteWriterMessage, SiteWriterReply } from './site-writer.js';
import { guardHeap } from './heap.js';

/** How much may be sent and not yet written (bytes of pages; a search document as DOCUMENT_UNITS): what the two
 * threads may hold beyond one page. */
export const IN_FLIGHT = 1 << 23;

const encoder = new TextEncoder();

/** A file's weight in units: its bytes (characters when sent in pieces), a search document counted as this many. */
export const DOCUMENT_UNITS = 400;

/** A page sent as what its content is built from (SitePage) counted as this many units: about a meeting page's bytes. */
export const PAGE_UNITS = 1 << 15;

/** Past this much in flight the writer is behind: this thread renders a page sent as a job itself (the same bytes)
 * instead of sending it and waiting for room — the two threads share the meetings' work by how fast each goes. */
export const STEAL_AT = IN_FLIGHT / 2;

/** The writer's young generation, in MB: what it allocates lives for a page or a shard, and V8's default young
 * generation (tens of MB, grown to its limit by the shards' indexing) was most of what the thread added to the peak
 * (2,000 meetings: 350 → 299 MB with 4 MB, for a CPU within the noise; docs/internals/performance.md). */
export const WRITER_YOUNG_MB = 4;

/** What the writer thread is started with (its workerData.role). */
export const SITE_WRITER_ROLE = 'acta-site-writer';

const WORKER = new URL('./site-writer.js', import.meta.url);

/** Whether the site's files are written by a worker: by default, when the worker's module is there (not in the sources
 * the tests run: src/io/site-writer.ts is compiled to dist/ only); not under ACTA_SITE_WRITER=0 (one thread does it
 * all, the same bytes). See docs/internals/performance.md, "`site`, fifth round". */
export function siteWriterThread(env: NodeJS.ProcessEnv = runtime().env, worker: URL = WORKER): boolean {
  if (env['ACTA_SITE_WRITER'] === '0') return false;
  return existsSync(fileURLToPath(worker));
}

/** Starts the writer (its modules load while the records are read), or undefined when this thread writes. */
export interface SiteWriter {
  /** Given to writeFolderAtomic: writes the files into the new folder. */
  readonly writer: (temp: string) => FileWriter;
  /** Ends the worker (done or not): once the site is written, or after a failure before it was. */
  stop(): Promise<void>;
}

/** Whether this thread renders a page itself, given what is in flight (tests give another rule: every page, alternate pages). */
export type StealRule = (inFlight: number) => boolean;

export function startSiteWriter(worker: URL = WORKER, steal: StealRule = (n) => n > STEAL_AT): SiteWriter | undefined {
  const env = runtime().env;
  if (!siteWriterThread(env, worker)) return undefined;
  const thread = new Worker(worker, { workerData: { role: SITE_WRITER_ROLE }, env: { ...env }, resourceLimits: { maxYoungGenerationSizeMb: WRITER_YOUNG_MB } });
  let failure: Error | undefined;
  let ended = false;
  let inFlight = 0;
  const written: Written = [];
  let wake: (() => void) | undefined;
  let finish: ((w: Written) => void) | undefined;
  const settle = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  thread.on('message', (reply: SiteWriterReply) => {
    if (reply.kind === 'failed') failure ??= reply.said ? new SaidError(reply.said) : Object.assign(new Error(reply.message), reply.code ? { code: reply.code } : {});
    else {
      for (const entry of reply.written) written.push(entry);
      inFlight -= reply.units;
      if (reply.kind === 'done') finish?.(written);
    }
    settle();
  });
  // An exception the worker did not catch (a bug): said as one, with its message.
  thread.on('error', (e) => {
    failure ??= e;
    settle();
  });
  // Stopped without a word (killed, out of memory): never a hang, never a half-written site.
  thread.on('exit', (code) => {
    if (!ended) failure ??= new SaidError(say('safety.site.writerStopped', { code }));
    settle();
  });
  thread.unref();
  const stop = async (): Promise<void> => {
    ended = true;
    await thread.terminate();
  };
  const waitForWorker = (): Promise<void> => new Promise((resolve) => (wake = resolve));
  return {
    stop,
    writer: (temp) => ({
    stop,
    write: async (files) => {
      thread.ref();
      const post = (m: SiteWriterMessage, transfer?: ArrayBuffer[]): void => thread.postMessage(m, transfer);
      post({ temp });
      const settingIds = new Map<PageSetting, number>();
      for (const [file, content] of files) {
        if (failure) throw failure;
        guardHeap(); // this thread's heap, per file (io/heap.ts); the writer's own ends as ERR_WORKER_OUT_OF_MEMORY
        if (typeof content === 'string') {
          // Encoded here into a buffer of its own that is handed over, not copied: a page sent as a string was
          // copied twice (serialised here, a new string there), a tenth of this thread's time.
          const bytes = encoder.encode(content);
          inFlight += bytes.length; // before it is handed over: then this thread's view of it is empty
          post({ file, bytes }, [bytes.buffer as ArrayBuffer]);
        } else if (content instanceof SitePage && steal(inFlight)) {
          // The writer is behind (building and rendering the meetings sent to it): this thread renders the page
          // itself rather than wait for room, and keeps its search documents for its shard (sent with the shard).
          const bytes = encoder.encode(content.render());
          inFlight += bytes.length;
          post({ file, bytes }, [bytes.buffer as ArrayBuffer]);
        } else if (content instanceof SitePage) {
          // A page crosses as what its content is built from and is built and rendered there; its language's setting
          // crosses once, before its first page.
          let id = settingIds.get(content.setting);
          if (id === undefined) {
            settingIds.set(content.setting, (id = settingIds.size));
            post({ setting: content.setting, id });
          }
          post({ file, job: content.job, setting: id });
          inFlight += PAGE_UNITS;
        } else if (content instanceof SearchShard) {
          // The documents made here (a page rendered here gives its own); a page rendered there stands as null, in its
          // place (the writer kept its documents).
          const docs: (SearchDocument | null)[] = [];
          for (const e of content.entries) {
            if (!isDocumentSource(e)) docs.push(e);
            else if (e instanceof SitePage && e.rendered) for (const d of e.rendered) docs.push(d);
            else docs.push(null);
          }
          post({ file, docs, n: content.n });
          inFlight += docs.length * DOCUMENT_UNITS;
        } else {
          const text = [...content];
          post({ file, text });
          inFlight += text.reduce((n, s) => n + s.length, 0);
        }
        // Says when it waits for room (the worker has nothing to do with it; a test's stand-in knows then, not by a timer).
        if (inFlight > IN_FLIGHT && !failure) post({ waiting: true });
        while (inFlight > IN_FLIGHT && !failure) await waitForWorker();
        if (failure) throw failure;
      }
      const done = new Promise<Written>((resolve) => (finish = resolve));
      post({ end: true });
      while (!failure) {
        const all = await Promise.race([done, waitForWorker().then(() => undefined)]);
        if (all) {
          ended = true;
          await thread.terminate();
          return all;
        }
      }
      throw failure;
    },
    }),
  };
}
