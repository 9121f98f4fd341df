// The worker thread that writes the site's files (io/site-writer-thread.ts starts it and sends it the files in order):
// each page as the main thread built it, and each shard of the search index as its documents, indexed here with
// MiniSearch (render/site/search-index.ts SearchShard). It answers with what it wrote (names and sizes, in the order
// given) at the end, and on the way that it goes on, so the main thread, when it waits for room, wakes; or with why it
// failed.
//
// Two ports: what is written as it comes (a page's bytes, a file's pieces) on the worker's own port, and what is built
// here (the meetings' pages sent as jobs, the search shards, which hold those pages' documents) on the work port. This
// thread takes the next piece of work only when nothing waits to be written, one per turn of its event loop: the main
// thread goes on to the pages only it builds (the actors, the plans) while the meetings it sent are built here, and
// the work not yet taken stays in the port as it was sent (serialised, a few kilobytes a meeting).
import type { MessagePort } from 'node:worker_threads';
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import type { Said } from '../core/diagnostics.js';
import type { PageJob, PageSetting } from '../render/site/page-job.js';
import { renderJob } from '../render/site/page-job.js';
import type { SearchDocument } from '../render/site/search-index.js';
import { SearchShard } from '../render/site/search-index.js';
import { SaidError } from './files.js';
import type { Written } from './site-folder.js';
import { writeSiteFile } from './site-folder.js';
import type { SiteWriterData } from './site-writer-thread.js';
import { DOCUMENT_UNITS, SITE_WRITER_ROLE, WRITTEN_UNITS, BUILT_PAGES } from './site-writer-thread.js';

/** What the main thread sends on the worker's port: the new folder first, then each file written as it comes (its
 * bytes or its pieces, with its place among all the files sent, `at`), `work` after each piece of work it put on the
 * work port, then the end; and `waiting` whenever it stops to wait for room (nothing to do here: it says when, for the
 * tests' stand-in worker, test/fixtures/site-writer/worker.mjs). */
export type SiteWriterMessage =
  | { readonly temp: string }
  | { readonly waiting: true }
  | { readonly work: true }
  | { readonly file: string; readonly at: number; readonly bytes: Uint8Array }
  | { readonly file: string; readonly at: number; readonly text: readonly string[] }
  | { readonly end: true };

/** What it sends on the work port, in order: a language's setting before its first page, a meeting page as its job, a
 * search shard as its documents (a page built here stands as null: its documents are kept here until then). */
export type SiteWorkMessage =
  | { readonly setting: PageSetting; readonly id: number }
  | { readonly file: string; readonly at: number; readonly job: PageJob; readonly setting: number }
  | { readonly file: string; readonly at: number; readonly docs: readonly (SearchDocument | null)[]; readonly n: number };

/** What it answers: that it goes on (it counts what it wrote and built in the shared counts, site-writer-thread.ts),
 * then done with every file it wrote (names and sizes, in the order sent), or why it failed. */
export type SiteWriterReply =
  | { readonly kind: 'progress' }
  | { readonly kind: 'done'; readonly written: Written }
  | { readonly kind: 'failed'; readonly said?: Said; readonly code?: string; readonly message: string };

/** Answer after this many files or units (or when the work runs out), so the sender, when it waits for room, is woken
 * soon (it reads what is written from the shared counts, not from the answers). */
const REPLY_FILES = 256;
const REPLY_UNITS = 1 << 21;

// Only in the thread started as the site's writer: this module's code may be bundled into a chunk another thread loads.
if (parentPort && (workerData as Partial<SiteWriterData> | undefined)?.role === SITE_WRITER_ROLE) {
  const port = parentPort;
  const data = workerData as SiteWriterData;
  const counts = new BigInt64Array(data.counts);
  const work: MessagePort = data.work;
  let temp: string | undefined;
  let failed = false;
  const made = new Set<string>();
  const settings = new Map<number, PageSetting>();
  // The search documents of the pages rendered here and not yet in a shard, a page's in order: a shard's null entries
  // stand for them, one page each.
  const pageDocs: (readonly SearchDocument[])[] = [];
  let nextDocs = 0;
  // Every file written, at its place among those sent (the manifest's order).
  const written: (Written[number] | undefined)[] = [];
  let files = 0;
  let units = 0;
  let scheduled = false;

  const fail = (e: unknown): void => {
    failed = true;
    port.postMessage(failure(e));
  };
  const folder = (): string => {
    if (temp === undefined) throw new Error('site writer: no folder given');
    return temp;
  };
  const wrote = (at: number, file: string, size: number, u: number): void => {
    written[at] = [file, size];
    Atomics.add(counts, WRITTEN_UNITS, BigInt(u));
    files++;
    units += u;
  };
  const answer = (): void => {
    port.postMessage({ kind: 'progress' } satisfies SiteWriterReply);
    files = 0;
    units = 0;
  };
  const answerIfDue = (): void => {
    if (files >= REPLY_FILES || units >= REPLY_UNITS) answer();
  };

  // The next piece of work, if any: false when the work port is empty.
  const pull = (): boolean => {
    const got = receiveMessageOnPort(work);
    if (!got) return false;
    const m = got.message as SiteWorkMessage;
    if ('id' in m) settings.set(m.id, m.setting);
    else if ('job' in m) {
      const given = settings.get(m.setting);
      if (!given) throw new Error('site writer: a page before its setting');
      const page = renderJob(m.job, given);
      pageDocs.push(page.documents);
      wrote(m.at, m.file, writeSiteFile(folder(), m.file, page.html, made), 0);
      Atomics.add(counts, BUILT_PAGES, 1n);
    } else {
      const docs: SearchDocument[] = [];
      let sent = 0;
      for (const d of m.docs) {
        if (d !== null) {
          docs.push(d);
          sent++;
        } else {
          if (nextDocs >= pageDocs.length) throw new Error('site writer: a shard names a page not rendered');
          for (const x of pageDocs[nextDocs]!) docs.push(x);
          pageDocs[nextDocs++] = [];
        }
      }
      if (nextDocs === pageDocs.length) {
        pageDocs.length = 0;
        nextDocs = 0;
      }
      wrote(m.at, m.file, writeSiteFile(folder(), m.file, new SearchShard(docs, m.n), made), sent * DOCUMENT_UNITS);
    }
    return true;
  };
  // One piece of work a turn, while there is any: what comes to be written is written between them.
  const turn = (): void => {
    scheduled = false;
    if (failed) return;
    try {
      if (pull()) {
        answerIfDue();
        schedule();
      } else if (files > 0) answer();
    } catch (e) {
      fail(e);
    }
  };
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(turn);
  };

  port.on('message', (m: SiteWriterMessage) => {
    if (failed || 'waiting' in m) return;
    try {
      if ('temp' in m) temp = m.temp;
      else if ('work' in m) schedule();
      else if ('end' in m) {
        // Everything was sent before the end: the work left is done now.
        while (pull());
        for (let i = 0; i < written.length; i++) if (written[i] === undefined) throw new Error('site writer: a file sent was not written');
        port.postMessage({ kind: 'done', written: written as Written } satisfies SiteWriterReply);
      } else if ('bytes' in m) {
        wrote(m.at, m.file, writeSiteFile(folder(), m.file, m.bytes, made), m.bytes.length);
        answerIfDue();
      } else {
        wrote(m.at, m.file, writeSiteFile(folder(), m.file, m.text, made), m.text.reduce((n, s) => n + s.length, 0));
        answerIfDue();
      }
    } catch (e) {
      fail(e);
    }
  });
}

function failure(e: unknown): SiteWriterReply {
  if (e instanceof SaidError) return { kind: 'failed', said: e.said, message: e.message };
  const err = e as NodeJS.ErrnoException;
  return { kind: 'failed', message: err?.message ?? String(e), ...(typeof err?.code === 'string' ? { code: err.code } : {}) };
}
