// acta site in two threads (ACTA_SITE_THREADS=2; io/site-threads.ts, io/site-worker.ts): the binary writes the same bytes in two threads as
// in one, and a worker that fails — stops without a word, fails to write, throws, or never answers while this thread
// fails — ends the run with a clear error and leaves no site and no temporary folder behind.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SaidError } from '../../src/io/files.js';
import { withRuntime } from '../../src/io/runtime.js';
import { writeFolderAtomic } from '../../src/io/site-folder.js';
import { siteThreads, startLanguageThread } from '../../src/io/site-threads.js';
import { actaProcess } from '../run-acta.js';
import { AS_OF, dataSite, readTree, tempFolder } from './site-files.js';

const FAKE = pathToFileURL(path.resolve('test/fixtures/site-threads/worker.mjs'));
const DIST_WORKER = pathToFileURL(path.resolve('dist/io/site-worker.js'));
const silent = { write: (): void => {}, isTTY: false };

/** writeFolderAtomic into a new folder with this thread writing es/ (or throwing) and the fake worker writing en/. */
async function writeWith(behaviour: string, mine: () => Iterable<[string, string]> = () => [['es/index.html', 'hola']]): Promise<{ out: string; result: Promise<unknown> }> {
  const out = path.join(tempFolder('acta-threads-'), 'site');
  const rt = { cwd: process.cwd(), env: { ...process.env, ACTA_SITE_THREADS: '2', SITE_TEST_WORKER: behaviour }, stdout: silent, stderr: silent };
  const result = withRuntime(rt, async () => {
    const thread = startLanguageThread({}, 'en', FAKE);
    expect(thread).toBeDefined();
    try {
      return await writeFolderAtomic(out, 'site', '.acta-site', mine(), { root: path.resolve('data') }, [thread!.part]);
    } finally {
      await thread!.stop();
    }
  });
  return { out, result };
}

describe('acta site in two threads', () => {
  it('under ACTA_SITE_THREADS=2 the binary writes the same bytes with a worker for English as in one thread (the in-process run: no worker there)', async () => {
    expect(siteThreads({ ACTA_SITE_THREADS: '2' }, DIST_WORKER)).toBe(2); // the binary's worker is there: its run below uses it
    expect(siteThreads({}, DIST_WORKER)).toBe(1); // not asked for
    expect(siteThreads({ ACTA_SITE_THREADS: '1' }, DIST_WORKER)).toBe(1);
    expect(siteThreads({ ACTA_SITE_THREADS: '2' }, new URL('./site-worker.js', pathToFileURL(path.resolve('src/io/site-threads.ts'))))).toBe(1);
    const two = path.join(tempFolder('acta-threads-'), 'site');
    const a = actaProcess(['site', '--root', path.resolve('data'), '--as-of', AS_OF, '--out', two], { env: { ACTA_SITE_THREADS: '2' } });
    expect(a.code, a.stderr).toBe(0);
    expect(a.stderr).toMatch(/^acta: se escribió .* \(139 páginas, 222 archivos\)/);
    expect(readTree(two)).toEqual(readTree(await dataSite()));
  }, 60_000);

  it("lists the worker's files after this thread's in the manifest, and counts them", async () => {
    const { out, result } = await writeWith('ok');
    expect(await result).toEqual({ files: 3, pages: 2 });
    const manifest = JSON.parse(readTree(out).get('.acta-site')!) as { files: [string, number][] };
    expect(manifest.files).toEqual([['es/index.html', 4], ['en/index.html', 5]]);
  });

  it('a worker that stops without a word: a clear error in the catalog, no site, no temporary folder', async () => {
    const { out, result } = await writeWith('exit');
    const e = await result.catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SaidError);
    expect((e as SaidError).said).toEqual({ say: 'safety.site.threadStopped', params: { lang: 'en', code: 3 } });
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(path.dirname(out))).toEqual([]);
  });

  it("a worker's write failure is said of the site's folder, as this thread's would be", async () => {
    const { out, result } = await writeWith('enospc');
    const e = await result.catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SaidError);
    expect((e as SaidError).said.say).toBe('safety.write.failed');
    expect(existsSync(out)).toBe(false);
  });

  it("a worker's exception is the run's error (a bug, said with its message)", async () => {
    const { out, result } = await writeWith('throw');
    await expect(result).rejects.toThrow('a bug in the worker');
    expect(existsSync(out)).toBe(false);
  });

  it('a failure in this thread stops a worker that never answers: no hang, no site', async () => {
    const { out, result } = await writeWith('hang', function* () {
      yield ['es/index.html', 'hola'];
      throw new Error('this thread failed');
    });
    await expect(result).rejects.toThrow('this thread failed');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(path.dirname(out))).toEqual([]);
  });
});
