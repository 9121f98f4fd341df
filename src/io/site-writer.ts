// The worker thread that writes the site's files (io/site-writer-thread.ts starts it and sends it the files in order):
// each page as the main thread built it, and each shard of the search index as its documents, indexed here with
// MiniSearch (render/site/search-index.ts SearchShard). It answers with what it wrote (names and sizes, in the order
// given) as it goes, so the main thread knows how much is still in flight, or with why it failed.
import { parentPort, workerData } from 'node:worker_threads';
import type { Said } from '../core/diagnostics.js';
import type { PageJob, PageSetting } from '../render/site/page-job.js';
import { renderJob } from '../render/site/page-job.js';
import type { SearchDocument } from '../render/site/search-index.js';
import { SearchShard } from '../render/site/search-index.js';
import { SaidError } from './files.js';
import type { Written } from './site-folder.js';
import { writeSiteFile } from './site-folder.js';
import { DOCUMENT_UNITS, PAGE_UNITS, SITE_WRITER_ROLE } from './site-writer-thread.js';

/** What the main thread sends: the new folder first, then each file (its text, its pieces, or a search shard's
 * documents), then the end; and `waiting` whenever it stops to wait for room (nothing to do here: it says when, for the
 * tests' stand-in worker, test/fixtures/site-writer/worker.mjs). */
export type SiteWriterMessage =
  | { readonly temp: string }
  | { readonly waiting: true }
  | { readonly file: string; readonly bytes: Uint8Array }
  | { readonly file: string; readonly text: readonly string[] }
  | { readonly file: string; readonly docs: readonly (SearchDocument | null)[]; readonly n: number }
  | { readonly setting: PageSetting; readonly id: number }
  | { readonly file: string; readonly job: PageJob; readonly setting: number }
  | { readonly end: true };

/** What it answers: what it wrote since its last answer and how much of what was sent that was (`units`, as the
 * sender counted them: see site-writer-thread.ts), then done, or why it failed. */
export type SiteWriterReply =
  | { readonly kind: 'progress'; readonly written: Written; readonly units: number }
  | { readonly kind: 'done'; readonly written: Written; readonly units: number }
  | { readonly kind: 'failed'; readonly said?: Said; readonly code?: string; readonly message: string };

/** Answer after this many files or units, so the sender, when it waits for room, is not kept waiting long. */
const REPLY_FILES = 256;
const REPLY_UNITS = 1 << 21;

// Only in the thread started as the site's writer: this module's code may be bundled into a chunk another thread loads.
if (parentPort && (workerData as { role?: unknown } | undefined)?.role === SITE_WRITER_ROLE) {
  const port = parentPort;
  let temp: string | undefined;
  let failed = false;
  const made = new Set<string>();
  const settings = new Map<number, PageSetting>();
  // The search documents of the pages rendered here and not yet in a shard, a page's in order: a shard's null entries
  // stand for them, one page each.
  const pageDocs: (readonly SearchDocument[])[] = [];
  let nextDocs = 0;
  let written: Written = [];
  let units = 0;
  port.on('message', (m: SiteWriterMessage) => {
    if (failed || 'waiting' in m) return;
    try {
      if ('temp' in m) temp = m.temp;
      else if ('id' in m) settings.set(m.id, m.setting);
      else if ('end' in m) {
        port.postMessage({ kind: 'done', written, units } satisfies SiteWriterReply);
        written = [];
        units = 0;
      } else {
        if (temp === undefined) throw new Error('site writer: no folder given');
        if ('job' in m) {
          const given = settings.get(m.setting);
          if (!given) throw new Error('site writer: a page before its setting');
          const page = renderJob(m.job, given);
          written.push([m.file, writeSiteFile(temp, m.file, page.html, made)]);
          pageDocs.push(page.documents);
          units += PAGE_UNITS;
        } else if ('docs' in m) {
          const docs: SearchDocument[] = [];
          for (const d of m.docs) {
            if (d !== null) docs.push(d);
            else {
              if (nextDocs >= pageDocs.length) throw new Error('site writer: a shard names a page not rendered');
              for (const x of pageDocs[nextDocs]!) docs.push(x);
              pageDocs[nextDocs++] = [];
            }
          }
          if (nextDocs === pageDocs.length) {
            pageDocs.length = 0;
            nextDocs = 0;
          }
          written.push([m.file, writeSiteFile(temp, m.file, new SearchShard(docs, m.n), made)]);
          units += m.docs.length * DOCUMENT_UNITS;
        } else if ('bytes' in m) {
          written.push([m.file, writeSiteFile(temp, m.file, m.bytes, made)]);
          units += m.bytes.length;
        } else {
          written.push([m.file, writeSiteFile(temp, m.file, m.text, made)]);
          units += m.text.reduce((n, s) => n + s.length, 0);
        }
        if (written.length >= REPLY_FILES || units >= REPLY_UNITS) {
          port.postMessage({ kind: 'progress', written, units } satisfies SiteWriterReply);
          written = [];
          units = 0;
        }
      }
    } catch (e) {
      failed = true;
      port.postMessage(failure(e));
    }
  });
}

function failure(e: unknown): SiteWriterReply {
  if (e instanceof SaidError) return { kind: 'failed', said: e.said, message: e.message };
  const err = e as NodeJS.ErrnoException;
  return { kind: 'failed', message: err?.message ?? String(e), ...(typeof err?.code === 'string' ? { code: err.code } : {}) };
}
