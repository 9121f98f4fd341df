// acta site's writer thread (io/site-writer-thread.ts, io/site-writer.ts; the default, ACTA_SITE_WRITER=0 turns it off):
// this thread builds the pages and a worker writes them, renders the pages sent as models and indexes the search shards. The same bytes and manifest as one thread writes — the binary on
// data/ and on a generated set, and the compiled worker in process with shards of a few documents — and a worker that
// fails (stops without a word, fails to write, throws, never answers while this thread fails) ends the run with a clear
// error and leaves no site and no temporary folder behind; a worker that falls behind makes this thread wait.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SaidError } from '../../src/io/files.js';
import { withRuntime } from '../../src/io/runtime.js';
import { writeFilesInto, writeFolderAtomic } from '../../src/io/site-folder.js';
import { IN_FLIGHT, siteWriterThread, startSiteWriter } from '../../src/io/site-writer-thread.js';
import type { StealRule } from '../../src/io/site-writer-thread.js';
import type { SiteSpec } from '../../src/render/site/index.js';
import { siteFiles } from '../../src/render/site/index.js';
import { SitePage } from '../../src/render/site/page-job.js';
import { loadTemplateSet } from '../../src/io/templates.js';
import { buildActorDirectory } from '../../src/core/actors.js';
import { deriveCommitments } from '../../src/core/followup/index.js';
import { buildSite } from '../../src/core/queries/site.js';
import { loadRepository } from '../../src/io/load.js';
import { actaProcess, runActa } from '../run-acta.js';
import { AS_OF, dataSite, readTree, tempFolder } from './site-files.js';
// @ts-expect-error: a plain ES module without types (the benchmark's corpus generator)
import { generateCorpus } from '../../bench/generate-corpus.mjs';

const FAKE = pathToFileURL(path.resolve('test/fixtures/site-writer/worker.mjs'));
const DIST_WRITER = pathToFileURL(path.resolve('dist/bundle/site-writer.js'));
const silent = { write: (): void => {}, isTTY: false };
const run = <T>(env: Record<string, string>, f: () => Promise<T>): Promise<T> => withRuntime({ cwd: process.cwd(), env: { ...process.env, ACTA_SITE_WRITER: '1', ...env }, stdout: silent, stderr: silent }, f);

/** writeFolderAtomic into a new folder, the files written by the stand-in worker behaving as `behaviour` says. */
function writeWith(behaviour: string, files: () => Iterable<[string, string]>, env: Record<string, string> = {}): { out: string; result: Promise<unknown> } {
  const out = path.join(tempFolder('acta-writer-'), 'site');
  const result = run({ SITE_TEST_WRITER: behaviour, ...env }, async () => {
    const writer = startSiteWriter(FAKE);
    expect(writer).toBeDefined();
    try {
      return await writeFolderAtomic(out, 'site', '.acta-site', files(), { root: path.resolve('data') }, [], writer!.writer);
    } finally {
      await writer!.stop();
    }
  });
  return { out, result };
}

const noSite = (out: string): void => {
  expect(existsSync(out)).toBe(false);
  expect(readdirSync(path.dirname(out))).toEqual([]);
};

describe("acta site's writer thread", () => {
  it('is used by default when the compiled worker is there; not under ACTA_SITE_WRITER=0', () => {
    expect(siteWriterThread({}, DIST_WRITER)).toBe(true);
    expect(siteWriterThread({ ACTA_SITE_WRITER: '1' }, DIST_WRITER)).toBe(true);
    expect(siteWriterThread({ ACTA_SITE_WRITER: '0' }, DIST_WRITER)).toBe(false);
    expect(siteWriterThread({}, new URL('./site-writer.js', pathToFileURL(path.resolve('src/io/site-writer-thread.ts'))))).toBe(false);
  });

  it('the binary writes the same bytes and manifest with the writer thread as in one thread: data/ and a generated set', async () => {
    const out = path.join(tempFolder('acta-writer-'), 'site');
    const a = actaProcess(['site', '--root', path.resolve('data'), '--as-of', AS_OF, '--out', out]);
    expect(a.code, a.stderr).toBe(0);
    expect(readTree(out)).toEqual(readTree(await dataSite()));
    const root = path.join(tempFolder('acta-writer-corpus-'), 'records');
    generateCorpus(root, { meetings: 12, plans: 2, registries: path.resolve('data/registries') });
    const [one, two] = [path.join(tempFolder('acta-writer-'), 'site'), path.join(tempFolder('acta-writer-'), 'site')];
    // In one thread: in-process (the sources run without the writer thread, as for data/ above, and a child process
    // would add only its start); with the writer thread: the binary.
    const b = await runActa(['site', '--root', root, '--as-of', '2000-06-01', '--out', one], { env: { ACTA_SITE_WRITER: '0' } });
    const c = actaProcess(['site', '--root', root, '--as-of', '2000-06-01', '--out', two]);
    expect([b.code, c.code], b.stderr + c.stderr).toEqual([0, 0]);
    expect(c.stderr).toBe(b.stderr.replace(one, two).replace(path.relative(process.cwd(), one), path.relative(process.cwd(), two)));
    const [t1, t2] = [readTree(one), readTree(two)];
    expect(t1.size).toBeGreaterThan(60);
    expect(t2).toEqual(t1);
  }, 120_000);

  it('the compiled worker builds and renders the meeting pages sent as records, and indexes search shards of a few documents, into the same bytes as this thread — whichever thread renders each page', async () => {
    const repo = await run({}, () => loadRepository(path.resolve('data')));
    const records = repo.records;
    const commitments = deriveCommitments(records, AS_OF);
    const dir = buildActorDirectory(records.registries);
    const model = (lang: 'es' | 'en') => buildSite({ records, diagnostics: repo.diagnostics, commitments, ctx: { dir, lang }, asOf: AS_OF });
    const workplan = await loadTemplateSet('workplan', 'html', {});
    const spec: SiteSpec = { models: { es: model('es'), en: model('en') }, titles: { es: 'Actas', en: 'Records' }, authentic: 'es', assets: { css: 'b{}', siteScript: '', searchScript: '', minisearch: '', workplan }, searchShardDocuments: 7 };
    const here = path.join(tempFolder('acta-writer-'), 'new');
    const mine = writeFilesInto((await import('node:fs')).mkdirSync(here, { recursive: true }) ?? here, siteFiles(spec));
    // The meetings' pages are SitePages (a record and its commitments): sent to the writer, or rendered here when the
    // writer is behind. Every page there, every page here, and every other page here (a shard then holds documents
    // of both kinds) give the same files and manifest.
    const models = [...siteFiles(spec)].filter(([, content]) => content instanceof SitePage).map(([f]) => f);
    expect(models.length).toBeGreaterThan(4);
    expect(models.every((f) => /^(es|en)\/meetings\/[^/]+\.html$/.test(f))).toBe(true);
    const shards = mine.filter(([f]) => /search-index\/\d+\.js$/.test(f));
    expect(shards.length).toBeGreaterThan(10);
    let turn = 0;
    const rules: [string, StealRule][] = [['there', () => false], ['here', () => true], ['alternate', () => turn++ % 2 === 1]];
    for (const [name, rule] of rules) {
      const there = path.join(tempFolder('acta-writer-'), 'site');
      const count = await run({}, async () => {
        const writer = startSiteWriter(DIST_WRITER, rule)!;
        try {
          return await writeFolderAtomic(there, 'site', '.acta-site', siteFiles(spec), { root: path.resolve('data') }, [], writer.writer);
        } finally {
          await writer.stop();
        }
      });
      expect(count, name).toEqual({ files: mine.length + 1, pages: mine.filter(([f]) => f.endsWith('.html')).length });
      const manifest = JSON.parse(readFileSync(path.join(there, '.acta-site'), 'utf8')) as { files: [string, number][] };
      expect(manifest.files, name).toEqual(mine);
      const theirs = readTree(there);
      theirs.delete('.acta-site');
      expect(theirs, name).toEqual(readTree(here));
    }
    expect(turn).toBe(models.length); // the alternate rule was asked of every meeting page
  }, 60_000);

  it('a worker that stops without a word: a clear error in the catalog, no site, no temporary folder', async () => {
    const { out, result } = writeWith('exit', () => [['es/index.html', 'hola']]);
    const e = await result.catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SaidError);
    expect((e as SaidError).said).toEqual({ say: 'safety.site.writerStopped', params: { code: 3 } });
    noSite(out);
  });

  it("a worker's write failure is said of the site's folder, as this thread's would be", async () => {
    const { out, result } = writeWith('enospc', () => [['es/index.html', 'hola']]);
    const e = await result.catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SaidError);
    expect((e as SaidError).said.say).toBe('safety.write.failed');
    noSite(out);
  });

  it("a worker's exception is the run's error (a bug, said with its message)", async () => {
    const { out, result } = writeWith('throw', () => [['es/index.html', 'hola']]);
    await expect(result).rejects.toThrow('a bug in the writer');
    noSite(out);
  });

  it('a failure in this thread stops a worker that never answers: no hang, no site', async () => {
    const { out, result } = writeWith('hang', function* () {
      yield ['es/index.html', 'hola'];
      throw new Error('this thread failed');
    });
    await expect(result).rejects.toThrow('this thread failed');
    noSite(out);
  });

  it('this thread waits for room: no more than IN_FLIGHT bytes sent and not yet written (and a page beyond)', async () => {
    const count = path.join(tempFolder('acta-writer-count-'), 'sent.txt');
    const page = 'x'.repeat(100_000);
    let made = 0;
    const { out, result } = writeWith(
      'silent',
      function* () {
        for (let i = 0; i < 200; i++) {
          made++;
          yield [`es/${i}.html`, page];
        }
      },
      { SITE_TEST_COUNT: count },
    );
    const e = await result.catch((x: unknown) => x);
    expect((e as SaidError).said?.say).toBe('safety.site.writerStopped');
    const sent = readFileSync(count, 'utf8').trim().split('\n');
    // 200 pages of 100 KB is ten times the bound: the stand-in never answers, so this thread stopped asking for pages.
    expect(sent.length).toBe(Math.floor(IN_FLIGHT / page.length) + 1);
    expect(made).toBe(sent.length);
    noSite(out);
    rmSync(count);
  });
});
