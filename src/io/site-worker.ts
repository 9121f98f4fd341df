// The worker thread that writes one language of the site (io/site-threads.ts starts it): it reads the records and
// builds the site's spec as the main thread does (commands/site.ts prepareSite), waits for the new folder's path, writes
// the language's files into it and answers with the list of what it wrote (names and sizes), or with why it failed.
import { parentPort, workerData } from 'node:worker_threads';
import type { Said } from '../core/diagnostics.js';
import type { Lang } from '../core/model.js';
import type { SiteOptions } from '../commands/site.js';
import { prepareSite } from '../commands/site.js';
import { languageFiles } from '../render/site/index.js';
import { SaidError } from './files.js';
import type { Output } from './runtime.js';
import { withRuntime } from './runtime.js';
import type { Written } from './site-folder.js';
import { writeFilesInto } from './site-folder.js';

export interface SiteWorkerData {
  /** The run's options with the root and --as-of settled by the main thread (the same day in both threads). */
  readonly options: SiteOptions;
  readonly lang: Lang;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
}

export type SiteWorkerReply = { readonly kind: 'done'; readonly written: Written } | { readonly kind: 'failed'; readonly said?: Said; readonly code?: string; readonly message: string };

if (parentPort) {
  const port = parentPort;
  const data = workerData as SiteWorkerData;
  const silent: Output = { write: () => {}, isTTY: false };
  const rt = { cwd: data.cwd, env: data.env, stdout: silent, stderr: silent };
  const prepared = withRuntime(rt, () => prepareSite(data.options));
  prepared.catch(() => {}); // said when the folder is asked for
  port.once('message', (temp: string) => {
    void withRuntime(rt, async () => {
      const { spec } = await prepared;
      return writeFilesInto(temp, languageFiles(spec, data.lang));
    }).then(
      (written) => port.postMessage({ kind: 'done', written } satisfies SiteWorkerReply),
      (e: unknown) => port.postMessage(failure(e)),
    );
  });
}

function failure(e: unknown): SiteWorkerReply {
  if (e instanceof SaidError) return { kind: 'failed', said: e.said, message: e.message };
  const err = e as NodeJS.ErrnoException;
  return { kind: 'failed', message: err?.message ?? String(e), ...(typeof err?.code === 'string' ? { code: err.code } : {}) };
}
