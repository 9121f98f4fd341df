// render/site: the static site as files — one pure function per page kind (view model → HTML string), the search
// index, the calendar feeds. No fs here: src/commands/site.ts writes what buildSiteFiles returns.
import type { Lang } from '../../core/model.js';
import type { SiteModel } from '../../core/queries/site.js';
import { icsParts } from '../ics.js';
import { statementLabels } from '../statement-labels.js';
import { actorPage, actorPartPage, actorParts, actorPartTitle, actorsIndex } from './actor-pages.js';
import type { LinkContext } from './components.js';
import type { Html } from './html.js';
import type { PageFrame } from './layout.js';
import { renderPage, renderRootIndex } from './layout.js';
import type { PageLinks, PageSetting } from './page-job.js';
import { SitePage } from './page-job.js';
import { bookPages } from './list-book.js';
import { homePage, searchPage } from './list-pages.js';
import type { MeetingRow } from './meeting-pages.js';
import { meetingsIndex, meetingsPages, meetingTitle } from './meeting-pages.js';
import { MINISEARCH_SCRIPT, SEARCH_SCRIPT, SITE_SCRIPT, sitePaths, STYLESHEET } from './paths.js';
import type { PlanRow } from './plan-pages.js';
import { activityPage, planPage, planRow, plansIndex, planTitle } from './plan-pages.js';
import type { TemplateSet } from '../report-template.js';
import { SearchIndexBuilder } from './search-index.js';
import { sourcePage } from './source-pages.js';
import { day, labels } from '../i18n.js';
import { siteLabels } from './site-labels.js';
import { walkAgreements } from '../../core/walk.js';

export { SITE_MARKER } from './paths.js';

export interface SiteAssets {
  readonly css: string;
  /** On every page: the language switch keeps the anchor. */
  readonly siteScript: string;
  readonly searchScript: string;
  /** MiniSearch's browser build (UMD), copied as it is. */
  readonly minisearch: string;
  /** `acta workplan -f html`'s templates: the plan page draws its matrix with their partials grid and legend (the
   * stylesheet `css` already carries their rules, partial grid-style). */
  readonly workplan: TemplateSet;
}

export interface SiteSpec {
  /** The site in each language (es and en). */
  readonly models: Readonly<Record<Lang, SiteModel>>;
  /** The site's name per language (acta.yaml `name`), else "Records". */
  readonly titles: Readonly<Record<Lang, string>>;
  /** The language the root page sends to (acta.yaml `authentic`, else Spanish). */
  readonly authentic: Lang;
  readonly assets: SiteAssets;
  /** The address the site is published at (`acta site --url`): each actor's calendar then links back to its page. */
  readonly url?: string;
  /** Documents per shard of each language's search index (SHARD_DOCUMENTS unless given: tests make small shards). */
  readonly searchShardDocuments?: number;
  /** The source documents the records cite that were found (name → text): each becomes a page of numbered lines. */
  readonly sources?: ReadonlyMap<string, string>;
}

/** An activity gets a page of its own when it has follow-up; the others are rows of the plan's matrix. */
const hasPage = (a: { readonly followup: readonly unknown[] }): boolean => a.followup.length > 0;

/** A file's content: a string, or pieces to write one after the other (the search index, tens of megabytes). */
export type SiteContent = string | Iterable<string>;

/** Every file of the site, path (from the site's root, with '/') → content, in a stable order. */
export function buildSiteFiles(spec: SiteSpec): Map<string, string> {
  return new Map([...siteFiles(spec)].map(([file, content]) => [file, typeof content === 'string' ? content : [...content].join('')]));
}

/** The files one at a time, so a writer need not hold the whole site (hundreds of megabytes for 2,000 meetings). */
export function* siteFiles(spec: SiteSpec): Generator<[string, SiteContent]> {
  yield* sharedFiles(spec);
  for (const lang of ['es', 'en'] as const) yield* languageFiles(spec, lang);
}

/** The files outside the language folders: the root page that sends to a language, the stylesheet and the scripts. */
export function* sharedFiles(spec: SiteSpec): Generator<[string, SiteContent]> {
  yield ['index.html', renderRootIndex(spec.authentic, spec.titles[spec.authentic])];
  yield [STYLESHEET, spec.assets.css];
  yield [SITE_SCRIPT, spec.assets.siteScript];
  yield [SEARCH_SCRIPT, spec.assets.searchScript];
  yield [MINISEARCH_SCRIPT, spec.assets.minisearch];
}

/** One language's folder (`es/…` or `en/…`): its pages, search index and calendars. The two languages' files share
 * nothing, so each can be written by a thread of its own (commands/site.ts). The other language's model is read only
 * for its actors' names (the search finds an actor by either name). */
export function* languageFiles(spec: SiteSpec, lang: Lang): Generator<[string, SiteContent]> {

  const site = spec.models[lang];
  const other = spec.models[lang === 'es' ? 'en' : 'es'];
  const actors = new Set(site.actors.map((a) => a.ref.id));
  const activityPages = site.activityPages;
  const sources = new Set(spec.sources?.keys() ?? []);
  const w = siteLabels(lang);
  const links: PageLinks = { lang, actors, activityPages, sources };
  const setting: PageSetting = { links, view: site.ctx, asOf: site.asOf, other: other.actors };
  const frame = (path: string, title: string, scripts?: readonly string[]): PageFrame => ({ lang, path, title, siteTitle: spec.titles[lang], asOf: site.asOf, ...(scripts ? { scripts } : {}) });
  const put = (path: string, title: string, body: (lc: LinkContext) => Html, scripts?: readonly string[]): [string, string] => [path, renderPage(frame(path, title, scripts), body({ ...links, path }))];
  // The overdue and upcoming lists right after the home page, which counts from them: then they are dropped, not held
  // (every overdue commitment's view) while the rest of the language is written.
  {
    const books = { overdue: site.overdue(), upcoming: site.upcoming() };
    yield put(sitePaths.home(lang), `${w.asOf} ${day(site.asOf, lang)} — ${spec.titles[lang]}`, (lc) => homePage(site, books, lc));
    // The lists: an index per list, and each actor's part as pages of their own (see list-book.ts).
    // Rendered here, not sent as models to the writer thread: a part's rows (commitments' views) cost more to clone than
    // to render (docs/internals/performance.md, "`site`, fifth round").
    for (const book of [books.overdue, books.upcoming]) for (const p of bookPages(book, lang)) yield put(p.path, p.title, p.body);
  }
  // A meeting's page is its record and its own commitments until it is rendered, where it is written (a writer thread
  // builds its content there, renders it and makes its search documents: see page-job.ts); only its list row is kept.
  const search = new SearchIndexBuilder(lang, other.actors, spec.searchShardDocuments);
  const rows: MeetingRow[] = [];
  for (const held of site.meetings) {
    const record = held.record();
    const head = site.meetingHead(record);
    const path = sitePaths.meeting(lang, head.id);
    const agreements = walkAgreements(record).length;
    const page = new SitePage({ kind: 'meeting', frame: frame(path, meetingTitle(head, lang)), meeting: record, commitments: site.meetingCommitments(record) }, setting);
    yield [path, page];
    search.meetingPage(page, 1 + agreements);
    if (search.full) yield search.shard();
    rows.push({ meeting: head, agreements });
  }
  const listPages = meetingsPages(rows.length);
  for (let page = 1; page <= listPages; page++) yield put(sitePaths.meetings(lang, page), `${w.meetings}${listPages > 1 ? ` (${page}/${listPages})` : ''}`, (lc) => meetingsIndex(rows, lc, page));
  yield put(sitePaths.actors(lang), w.actors, (lc) => actorsIndex(site.actors, lc));
  for (const entry of site.actors) {
    const a = site.actorPage(entry.ref.id);
    yield put(sitePaths.actor(lang, a.ref.id), `${a.ref.label} — ${statementLabels(lang).title}`, (lc) => actorPage(a, lc));
    for (const [part, pages] of actorParts(a))
      for (let page = 1; page <= pages; page++) yield put(sitePaths.actorPart(lang, a.ref.id, part, page), `${a.ref.label} — ${actorPartTitle(part, lang)}${pages > 1 ? ` (${page}/${pages})` : ''}`, (lc) => actorPartPage(a, part, page, pages, lc));
    yield [sitePaths.calendar(lang, a.ref.id), icsParts(a.calendar, { actor: a.ref.label, ...(spec.url !== undefined ? { url: `${spec.url.replace(/\/+$/, '')}/${encodeURI(sitePaths.actor(lang, a.ref.id))}` } : {}) })];
  }
  const planRows: PlanRow[] = [];
  for (const record of site.plans) {
    const p = site.planPage(record);
    yield put(sitePaths.plan(lang, p.matrix.id), planTitle(p, lang), (lc) => planPage(p, lc, spec.assets.workplan));
    for (const a of p.activities.filter(hasPage)) yield put(sitePaths.activity(lang, p.matrix.id, a.ref.slice(a.ref.indexOf('#') + 1)), `${labels(lang).words.activity} ${a.ref.slice(a.ref.indexOf('#') + 1)} — ${planTitle(p, lang)}`, (lc) => activityPage(p, a, lc));
    search.plan(p, activityPages);
    if (search.full) yield search.shard();
    planRows.push(planRow(p));
  }
  yield put(sitePaths.plans(lang), w.workplan, (lc) => plansIndex(planRows, lc));
  for (const [name, text] of spec.sources ?? []) yield put(sitePaths.source(lang, name), name, (lc) => sourcePage(name, text, lc));
  yield put(sitePaths.search(lang), w.search, (lc) => searchPage(site, lc), [MINISEARCH_SCRIPT, sitePaths.searchIndex(lang), SEARCH_SCRIPT]);
  search.actors(site.actors);
  yield* search.rest();
  yield [sitePaths.searchIndex(lang), search.manifest()];
}
