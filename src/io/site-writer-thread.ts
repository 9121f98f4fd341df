// acta site writes its files from a second thread: this thread builds the pages (the records' models and the HTML) and
// hands each page to a worker (io/site-writer.ts), which encodes and writes it, and indexes the search shards (their
// documents are sent, MiniSearch runs there). The records are held once, here; only pages and search documents cross,
// at most IN_FLIGHT units of them at a time (this thread waits for the worker to catch up), so the site is never held
// whole. The worker writes the files in the order they are sent and says what it wrote: the same files, bytes and
// manifest as one thread writes (io/site-folder.ts writeFilesInto). A failure in the worker is this run's failure; a
// failure here stops the worker before the new folder is removed; a worker that stops without a word is said so.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { say } from '../core/diagnostics.js';
import type { PageSetting } from '../render/site/page-job.js';
import { SitePage } from '../render/site/page-job.js';
import type { SearchDocument } from '../render/site/search-index.js';
import { isDocumentSource, SearchShard } from '../render/site/search-index.js';
import { SaidError } from './files.js';
import { runtime } from './runtime.js';
import type { FileWriter, Written } from './site-folder.js';
import type { SiteWorkMessage, SiteWriterMessage, SiteWriterReply } from './site-writer.js';
import { guardHeap } from './heap.js';

/** How much may be sent and not yet written (bytes of pages; a search document as DOCUMENT_UNITS): what the two
 * threads may hold beyond one page and the meeting pages sent as jobs. */
export const IN_FLIGHT = 1 << 23;

const encoder = new TextEncoder();

/** A search document sent (in a shard) counted as this many units. */
export const DOCUMENT_UNITS = 400;

/** Past this many meeting pages sent as jobs and not yet built there, the writer is behind: this thread renders a page
 * itself (the same bytes) rather than send it. The writer builds them while this thread goes on to the pages only it
 * builds (the lists, the actors, the plans), and its work is held in its port as sent (a meeting's job is a few
 * kilobytes serialised on the bench corpus): this many is what it may be given ahead. */
export const STEAL_AT = 1024;

/** The writer's young generation, in MB: what it allocates lives for a page or a shard, and V8's default young
 * generation (tens of MB, grown to its limit by the shards' indexing) was most of what the thread added to the peak
 * (2,000 meetings: 350 → 299 MB with 4 MB, for a CPU within the noise; docs/internals/performance.md). */
export const WRITER_YOUNG_MB = 4;

/** What the writer thread is started with (its workerData.role). */
export const SITE_WRITER_ROLE = 'acta-site-writer';

/** What the writer thread is started with: its role, its work port (site-writer.ts), and where it counts what it has
 * done (`counts`, BigInt64s in shared memory: the units written at WRITTEN_UNITS, the pages built at BUILT_PAGES,
 * added to after every file). This thread reads the counts where it sends: its own event loop does not run while it
 * builds and sends files, so the writer's answers are read only when it waits for room — counted by them, what was in
 * flight stayed near IN_FLIGHT once it was first reached, and every meeting page was rendered here
 * (docs/internals/performance.md, "`site`, ninth round"). */
export interface SiteWriterData {
  readonly role: typeof SITE_WRITER_ROLE;
  readonly counts: SharedArrayBuffer;
  readonly work: MessagePort;
}

export const WRITTEN_UNITS = 0;
export const BUILT_PAGES = 1;

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

/** Whether this thread renders a page itself, given how many sent as jobs the writer has not yet built (tests give
 * another rule: every page, alternate pages). */
export type StealRule = (behind: number) => boolean;

export function startSiteWriter(worker: URL = WORKER, steal: StealRule = (n) => n > STEAL_AT): SiteWriter | undefined {
  const env = runtime().env;
  if (!siteWriterThread(env, worker)) return undefined;
  const shared = new SharedArrayBuffer(2 * BigInt64Array.BYTES_PER_ELEMENT);
  const counts = new BigInt64Array(shared);
  const channel = new MessageChannel();
  const workerData: SiteWriterData = { role: SITE_WRITER_ROLE, counts: shared, work: channel.port2 };
  const thread = new Worker(worker, { workerData, transferList: [channel.port2], env: { ...env }, resourceLimits: { maxYoungGenerationSizeMb: WRITER_YOUNG_MB } });
  const work = channel.port1;
  work.unref();
  let failure: Error | undefined;
  let ended = false;
  // Units sent and pages sent as jobs; what is in flight is what of them the writer has not yet counted as done.
  let sent = 0;
  let jobs = 0;
  const inFlight = (): number => sent - Number(Atomics.load(counts, WRITTEN_UNITS));
  const behind = (): number => jobs - Number(Atomics.load(counts, BUILT_PAGES));
  let wake: (() => void) | undefined;
  let finish: ((w: Written) => void) | undefined;
  const settle = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  thread.on('message', (reply: SiteWriterReply) => {
    if (reply.kind === 'failed') failure ??= reply.said ? new SaidError(reply.said) : Object.assign(new Error(reply.message), reply.code ? { code: reply.code } : {});
    else if (reply.kind === 'done') finish?.(reply.written);
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
    work.close();
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
      // Work for the writer to take when it has nothing to write; it is told there is some.
      const give = (m: SiteWorkMessage): void => {
        work.postMessage(m);
        post({ work: true });
      };
      post({ temp });
      const settingIds = new Map<PageSetting, number>();
      let at = 0;
      for (const [file, content] of files) {
        if (failure) throw failure;
        guardHeap(); // this thread's heap, per file (io/heap.ts); the writer's own ends as ERR_WORKER_OUT_OF_MEMORY
        if (typeof content === 'string') {
          // Encoded here into a buffer of its own that is handed over, not copied: a page sent as a string was
          // copied twice (serialised here, a new string there), a tenth of this thread's time.
          const bytes = encoder.encode(content);
          sent += bytes.length; // before it is handed over: then this thread's view of it is empty
          post({ file, at, bytes }, [bytes.buffer as ArrayBuffer]);
        } else if (content instanceof SitePage && steal(behind())) {
          // The writer is behind (building and rendering the meetings sent to it): this thread renders the page
          // itself rather than wait for room, and keeps its search documents for its shard (sent with the shard).
          const bytes = encoder.encode(content.render());
          sent += bytes.length;
          post({ file, at, bytes }, [bytes.buffer as ArrayBuffer]);
        } else if (content instanceof SitePage) {
          // A page crosses as what its content is built from and is built and rendered there; its language's setting
          // crosses once, before its first page.
          let id = settingIds.get(content.setting);
          if (id === undefined) {
            settingIds.set(content.setting, (id = settingIds.size));
            give({ setting: content.setting, id });
          }
          jobs++;
          give({ file, at, job: content.job, setting: id });
        } else if (content instanceof SearchShard) {
          // The documents made here (a page rendered here gives its own); a page rendered there stands as null, in its
          // place (the writer kept its documents). Counted by the documents that cross.
          const docs: (SearchDocument | null)[] = [];
          let crossing = 0;
          for (const e of content.entries) {
            if (!isDocumentSource(e)) {
              docs.push(e);
              crossing++;
            } else if (e instanceof SitePage && e.rendered) {
              for (const d of e.rendered) docs.push(d);
              crossing += e.rendered.length;
            } else docs.push(null);
          }
          sent += crossing * DOCUMENT_UNITS;
          give({ file, at, docs, n: content.n });
        } else {
          const text = [...content];
          post({ file, at, text });
          sent += text.reduce((n, s) => n + s.length, 0);
        }
        // Says when it waits for room (the worker has nothing to do with it; a test's stand-in knows then, not by a timer).
        if (inFlight() > IN_FLIGHT && !failure) post({ waiting: true });
        while (inFlight() > IN_FLIGHT && !failure) await waitForWorker();
        if (failure) throw failure;
        at++;
      }
      const done = new Promise<Written>((resolve) => (finish = resolve));
      post({ end: true });
      while (!failure) {
        const all = await Promise.race([done, waitForWorker().then(() => undefined)]);
        if (all) {
          await stop();
          return all;
        }
      }
      throw failure;
    },
    }),
  };
}
