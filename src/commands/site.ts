// acta site: the records as a static website (both languages, search, calendars), written atomically into --out.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import v8 from 'node:v8';
import { say } from '../core/diagnostics.js';
import { buildActorDirectory } from '../core/actors.js';
import { deriveCommitments } from '../core/followup/index.js';
import type { Lang } from '../core/model.js';
import { pickText } from '../core/local-text.js';
import { buildSite, holdMeetings } from '../core/queries/site.js';
import { heldInBlocks } from '../core/read/index.js';
import type { RecordSet } from '../core/records.js';
import { citedSources } from '../core/queries/sources.js';
import { SaidError } from '../io/files.js';
import { collectIfLarge } from '../io/heap.js';
import { configuredLang } from '../io/locales.js';
import { readSources } from '../io/sources.js';
import { fromCwd, shownFromCwd } from '../io/runtime.js';
import { checkOutputFolder, writeFolderAtomic } from '../io/site-folder.js';
import { startSiteWriter } from '../io/site-writer-thread.js';
import { loadTemplateSet, PACKAGE_TEMPLATES } from '../io/templates.js';
import { t } from '../render/catalog.js';
import { formatLeftOutNote } from '../render/left-out.js';
import type { SiteAssets, SiteSpec } from '../render/site/index.js';
import { SITE_MARKER, siteFiles } from '../render/site/index.js';
import { siteLabels } from '../render/site/site-labels.js';
import { loadFromOptions, resolveAsOf, resolveLang, resolveRoot } from './context.js';
import { siteUrl } from './site-url.js';
import type { GlobalOptions, Outcome } from './outcome.js';

export interface SiteOptions extends GlobalOptions {
  readonly out?: string;
  readonly url?: string;
}

/** How much V8's heap may grow between major collections while the site is built, in percent (see runSite). */
export const SITE_HEAP_GROWTH = 30;

/** The default output folder, inside the records root. */
export const DEFAULT_SITE_FOLDER = 'site';

// What the site holds at once is small (the records, their commitments, one page, one shard of the search index:
// ~90 MB at 2,000 meetings after a full collection) but it makes garbage at a great rate, and V8 let its heap grow to
// several times the live set before collecting (2.5 GB at 8,000 meetings). While the site is built its heap grows by at
// most SITE_HEAP_GROWTH between collections: a bounded peak for a little more collection work. The flag is V8's, for
// the whole process: set back to V8's own rule (0) when the site is written, so a process that goes on (a test
// worker, a caller of main) is not left collecting more often.
export async function runSite(options: SiteOptions): Promise<Outcome> {
  v8.setFlagsFromString(`--heap-growing-percent=${SITE_HEAP_GROWTH}`);
  try {
    return await buildAndWrite(options);
  } finally {
    v8.setFlagsFromString('--heap-growing-percent=0');
  }
}

async function buildAndWrite(options: SiteOptions): Promise<Outcome> {
  const asOf = resolveAsOf(options);
  const root = await resolveRoot(options);
  if (options.out !== undefined && options.out.trim() === '') throw new SaidError(say('safety.site.emptyOut'));
  const out = options.out === undefined ? path.join(root, DEFAULT_SITE_FOLDER) : fromCwd(options.out);
  const shown = shownFolder(out);
  const lang = resolveLang(options, configuredLang(root)); // chosen before the folder is checked: a refusal of it is said in it
  const guard = { root };
  await checkOutputFolder(out, shown, SITE_MARKER, guard);
  siteUrl(options.url, lang); // refused before any work
  const settled = { ...options, root, asOf };
  // This thread builds the pages and a worker writes them, renders the pages sent as models (meetings, the lists'
  // parts) and indexes the search shards (io/site-writer-thread.ts): the records held once, the same bytes. Under
  // ACTA_SITE_WRITER=0, or where the worker's module is not there, this thread does it all.
  const writer = startSiteWriter();
  try {
    const { spec, leftOut } = await prepareSite(settled);
    // The records are garbage from here (the spec holds the meetings as bytes, the commitments and the views' context):
    // one collection now frees them before the first page, and sets V8's next limit from what the pages are built
    // from. Without it the pages' garbage filled the heap up to the limit the load had set (records, commitments and
    // the derivation live at once) before a collection found the records gone: V8's pages 250 → 304 MB at 8,000
    // meetings in the first seconds of writing, the run's peak (docs/internals/performance.md, "`site`, thirteenth
    // round"). Skipped where the heap is small (COLLECT_ABOVE).
    collectIfLarge();
    const count = await writeFolderAtomic(out, shown, SITE_MARKER, siteFiles(spec), guard, [], writer?.writer);
    const warning = formatLeftOutNote(leftOut, lang) ?? '';
    const slash = shown.endsWith('/') ? shown : `${shown}/`;
    return { stdout: '', stderr: `${warning}${t(lang, 'written.site', { folder: slash, pages: count.pages, files: count.files })}\n`, exitCode: 0 };
  } finally {
    await writer?.stop();
  }
}

/** What a thread renders from: the records read, and the site's spec (both languages' models; each built lazily, a
 * page's content when it is asked for). */
export async function prepareSite(options: SiteOptions): Promise<{ readonly spec: SiteSpec; readonly leftOut: RecordSet['leftOut'] }> {
  const asOf = resolveAsOf(options);
  const url = siteUrl(options.url, options.lang ?? 'es');
  // The files' bytes read into blocks (io/source.ts): kept to the load's end, and let go together with the records.
  const repo = await loadFromOptions(options, { reading: { blocks: true } });
  const records = repo.records;
  const dir = buildActorDirectory(records.registries);
  const commitments = deriveCommitments(records, asOf, records.config.warn_days !== undefined ? { warnDays: records.config.warn_days } : {});
  const authentic: Lang = records.config.authentic ?? 'es';
  // The meetings held as JSON text (heldInBlocks), once for both languages: each page
  // makes its record again.
  const meetings = holdMeetings(records, heldInBlocks());
  const model = (lang: Lang): ReturnType<typeof buildSite> => buildSite({ records, meetings, diagnostics: repo.diagnostics, commitments, ctx: { dir, lang, ...(records.config.authentic ? { authentic: records.config.authentic } : {}) }, asOf });
  const title = (lang: Lang): string => pickText(records.config.name, lang)?.text ?? siteLabels(lang).site;
  const sources = await readSources(repo.root, citedSources(records));
  const spec: SiteSpec = { models: { es: model('es'), en: model('en') }, titles: { es: title('es'), en: title('en') }, authentic, assets: await readAssets(), sources, ...(url !== undefined ? { url } : {}) };
  return { spec, leftOut: records.leftOut };
}

// The folder as people read it: relative to the working folder when it is there or below (`.` for the working folder
// itself), else its absolute path (not `../../../..` for `/`).
function shownFolder(out: string): string {
  const rel = shownFromCwd(out);
  if (rel === '') return '.';
  return /^\.\.(\/\.\.)*$/.test(rel) ? out.split(path.sep).join('/') : rel;
}

// The stylesheet and search script are the package's own (templates/site), and so are the work-plan grid's partials
// (templates/workplan/partials: the plan page's matrix is `acta workplan -f html`'s); MiniSearch's browser build comes from its
// package, copied as it is: the site never loads anything from elsewhere.
async function readAssets(): Promise<SiteAssets> {
  const own = (name: string): Promise<string> => readFile(path.join(PACKAGE_TEMPLATES, 'site', name), 'utf8');
  const main = createRequire(import.meta.url).resolve('minisearch');
  const umd = path.join(path.dirname(main), '..', 'umd', 'index.js');
  const workplan = await loadTemplateSet('workplan', 'html', {});
  const gridCss = workplan.partials['grid-style']?.text ?? '';
  return { css: `${await own('site.css')}\n${gridCss}`, workplan, siteScript: await own('site.js'), searchScript: await own('search.js'), minisearch: await readFile(umd, 'utf8') };
}
