// acta site at scale: the pages come one at a time (a meeting's content is built for its page and dropped), and the
// work of building every file grows in step with the records — counted, not timed (see test/work-count.ts).
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import MiniSearch from 'minisearch';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module without types (the benchmark's corpus generator)
import { generateCorpus } from '../../bench/generate-corpus.mjs';
import { buildActorDirectory } from '../../src/core/actors.js';
import { deriveCommitments } from '../../src/core/followup/index.js';
import type { Commitment } from '../../src/core/followup/index.js';
import type { Lang } from '../../src/core/model.js';
import { parseRecordFile } from '../../src/core/read/parse.js';
import { checkRecords } from '../../src/core/pipeline.js';
import type { SiteActor, SiteModel } from '../../src/core/queries/site.js';
import { buildSite } from '../../src/core/queries/site.js';
import { schemaValidator } from '../../src/io/load.js';
import { loadTemplateSet } from '../../src/io/templates.js';
import type { TemplateSet } from '../../src/render/report-template.js';
import type { SiteSpec } from '../../src/render/site/index.js';
import { siteFiles } from '../../src/render/site/index.js';
import { ACTOR_MEETINGS, actorPage, actorPartPage, actorParts, PART_MEETINGS } from '../../src/render/site/actor-pages.js';
import type { MeetingRow } from '../../src/render/site/meeting-pages.js';
import { MEETINGS_PAGE, meetingsIndex, meetingsPages } from '../../src/render/site/meeting-pages.js';
import type { LinkContext } from '../../src/render/site/components.js';
import { html } from '../../src/render/site/html.js';
import { renderPage, renderPagePieces } from '../../src/render/site/layout.js';
import { SitePage } from '../../src/render/site/page-job.js';
import { sitePaths } from '../../src/render/site/paths.js';
import { foldTerm, miniSearchJson, SearchIndexBuilder } from '../../src/render/site/search-index.js';
import { countWork } from '../work-count.js';

const ROOT = path.resolve(__dirname, '../..');
const TMP = path.join(ROOT, 'test/.tmp/site-scale');
const AS_OF = '2026-11-30';
const N = 30;

interface Built {
  readonly spec: SiteSpec;
  readonly commitments: number;
  /** The Spanish model on another day, and the commitments it was built from. */
  readonly on: (asOf: string) => { model: SiteModel; commitments: readonly Commitment[] };
}

function site(meetings: number, workplan: TemplateSet): Built {
  const dir = path.join(TMP, String(meetings));
  generateCorpus(dir, { meetings, plans: Math.max(1, meetings / 10), registries: path.join(ROOT, 'data/registries') });
  const names = ['acta.yaml', ...['registries', 'meetings', 'plans'].flatMap((sub) => readdirSync(path.join(dir, sub)).map((f) => `${sub}/${f}`))].sort();
  const checked = checkRecords(
    names.map((name) => parseRecordFile(name, readFileSync(path.join(dir, name)))),
    schemaValidator(),
    { rootFile: 'acta.yaml' },
  );
  const records = checked.records;
  const dirs = buildActorDirectory(records.registries);
  const commitments = deriveCommitments(records, AS_OF);
  const model = (lang: Lang): SiteModel => buildSite({ records, diagnostics: checked.diagnostics, commitments, ctx: { dir: dirs, lang }, asOf: AS_OF });
  const spec: SiteSpec = { models: { es: model('es'), en: model('en') }, titles: { es: 'Actas', en: 'Records' }, authentic: 'es', assets: { css: '', siteScript: '', searchScript: '', minisearch: '', workplan } };
  const on = (asOf: string): { model: SiteModel; commitments: readonly Commitment[] } => {
    const derived = deriveCommitments(records, asOf);
    return { model: buildSite({ records, diagnostics: checked.diagnostics, commitments: derived, ctx: { dir: dirs, lang: 'es' }, asOf }), commitments: derived };
  };
  return { spec, commitments: commitments.length, on };
}

/** Every file of a site written, its work counted, and the names of the files written. */
interface Written {
  readonly work: number;
  readonly files: readonly string[];
}

function written(spec: SiteSpec): Written {
  const files: string[] = [];
  const work = countWork(() => {
    for (const [file, content] of siteFiles(spec)) {
      files.push(file); // push is not counted work (test/work-count.ts)
      if (typeof content !== 'string') for (const piece of content) void piece.length;
    }
  });
  return { work, files };
}

describe('acta site at scale', () => {
  let small: Built;
  let large: Built;
  beforeAll(async () => {
    const workplan = await loadTemplateSet('workplan', 'html', {});
    small = site(N, workplan);
    large = site(4 * N, workplan);
  }, 120_000);
  afterAll(() => rmSync(TMP, { recursive: true, force: true }));

  it("a meeting's page is its record and own commitments until it is rendered; its content is built then, once per language", () => {
    let plans = 0;
    const counted = (m: SiteModel): SiteModel => ({ ...m, planPage: (plan) => (plans++, m.planPage(plan)) });
    const spec: SiteSpec = { ...small.spec, models: { es: counted(small.spec.models.es), en: counted(small.spec.models.en) } };
    let pages = 0;
    for (const [file, content] of siteFiles(spec)) {
      if (!/^(es|en)\/meetings\/(?!index\.html$)/.test(file)) continue;
      pages++;
      // Nothing of the meeting's content is built here: the page is sent as it is (to the writer thread) or rendered
      // as it is written — its search documents then too, not made again for its shard.
      expect(content, file).toBeInstanceOf(SitePage);
      const page = content as SitePage;
      expect(page.job.commitments.every((c) => c.origin.record === page.job.meeting.id)).toBe(true);
      const none = countWork(() => undefined); // what counting itself adds
      expect(countWork(() => page.render()), file).toBeGreaterThan(none);
      expect(countWork(() => page.documents())).toBe(none);
    }
    expect(pages).toBe(2 * small.spec.models.es.meetings.length);
    expect(plans).toBe(2 * small.spec.models.es.plans.length); // a work plan too: once per language
  });

  it('every file of 4× the records takes at most 4.5× the work', () => {
    const growth = large.commitments / small.commitments;
    const big = written(large.spec);
    const ratio = big.work / written(small.spec).work;
    expect(ratio / growth, `work grew ${ratio.toFixed(2)}× for ${growth.toFixed(2)}× the commitments`).toBeLessThanOrEqual(4.5 / 4);
    expect(big.files).toContain(sitePaths.searchIndex('en')); // the same run, written to its end
  }, 120_000); // counts work, not time: a loaded machine only makes it slower

  it('the search index is built a shard at a time, never whole, and its shards together find what one index finds', () => {
    const LIMIT = 300;
    const spec: SiteSpec = { ...large.spec, searchShardDocuments: LIMIT };
    const shards: string[] = [];
    let meetingPagesBefore = -1;
    let meetingPages = 0;
    for (const [file, content] of siteFiles(spec)) {
      if (file.startsWith('en/')) break; // every Spanish file is written before the first English one
      if (/^es\/meetings\/(?!index\.html$)/.test(file)) meetingPages++;
      if (!file.startsWith('es/search-index/')) continue;
      if (meetingPagesBefore < 0) meetingPagesBefore = meetingPages; // the first shard comes out among the meeting pages
      shards.push([...content].join(''));
    }
    expect(shards.length).toBeGreaterThan(3);
    expect(meetingPagesBefore).toBeLessThan(large.spec.models.es.meetings.length);
    const window: { ACTA_SEARCH_SHARDS?: string[] } = {};
    for (const script of shards) new Function('window', script)(window);
    const texts = window.ACTA_SEARCH_SHARDS!;
    expect(texts.length).toBe(shards.length);
    const counts = texts.map((text) => (JSON.parse(text) as { documentCount: number }).documentCount);
    // The same documents as one index, and the same matches for a query (the site written up to its Spanish index:
    // the English half after it is not needed).
    const whole: string[] = [];
    for (const [file, content] of siteFiles({ ...large.spec, searchShardDocuments: Number.MAX_SAFE_INTEGER })) {
      if (file.startsWith('es/search-index/')) whole.push([...content].join(''));
      else if (whole.length) break;
      else if (typeof content !== 'string') for (const piece of content) void piece;
    }
    expect(whole.length).toBe(1);
    const one: { ACTA_SEARCH_SHARDS?: string[] } = {};
    new Function('window', whole[0]!)(one);
    const options = { fields: ['title', 'text', 'actors'], storeFields: ['kind'], processTerm: foldTerm, searchOptions: { prefix: true, fuzzy: 0.1, combineWith: 'AND' as const } };
    const all = MiniSearch.loadJSON(one.ACTA_SEARCH_SHARDS![0]!, options);
    // A shard is written once it holds LIMIT documents, after the record that filled it (a meeting's agreements, a
    // plan's activities): about LIMIT each, never the whole index.
    expect(Math.max(...counts)).toBeLessThan(2 * LIMIT);
    expect(Math.max(...counts)).toBeLessThan(all.documentCount / 3);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(all.documentCount);
    const parts = texts.map((text) => MiniSearch.loadJSON(text, options));
    for (const query of ['acuerdo', 'mex', 'informe anual', 'oim']) {
      const expected = all.search(query).map((h) => h.id).sort();
      expect(parts.flatMap((p) => p.search(query).map((h) => h.id)).sort(), query).toEqual(expected);
    }
  }, 120_000);

  it("an actor's calendar holds the deadlines from a year before the day on; its page lists its latest meetings", () => {
    // A day amid the corpus (a meeting every 3 days from 3 Jan 2000): deadlines behind it and ahead.
    const asOf = '2000-09-01';
    const { model: m, commitments } = large.on(asOf);
    const from = '1999-09-01'; // CALENDAR_DAYS (366) before, in a leap year
    const mx = m.actorPage('MX');
    const views = [...mx.calendar.commitments];
    expect(views.length).toBe(mx.calendar.count);
    const dated = commitments.filter((c) => c.owed.includes('MX') && (c.due.kind === 'dated' || c.due.kind === 'recurring') && c.due.day >= from);
    expect(views.length).toBeGreaterThan(0);
    expect(views.map((c) => c.id).sort()).toEqual(dated.map((c) => c.id).sort());
    const on = large.on('2001-06-01'); // the first deadlines now more than a year behind: left out
    const later = on.model.actorPage('MX');
    expect(on.commitments.filter((c) => c.owed.includes('MX') && c.due.kind === 'dated' && c.due.day < '2000-05-31').length).toBeGreaterThan(0);
    expect([...later.calendar.commitments].filter((c) => c.due.kind === 'dated' && c.due.day! < '2000-05-31')).toEqual([]);
    expect(later.calendar.count).toBeGreaterThan(0);
    // Its meetings: the latest ACTOR_MEETINGS on its page, all of them on its part pages.
    expect(mx.meetings.length).toBeGreaterThan(ACTOR_MEETINGS);
    expect(actorParts(mx)).toContainEqual(['meetings', Math.ceil(mx.meetings.length / PART_MEETINGS)]);
    const lc: LinkContext = { lang: 'es', path: sitePaths.actor('es', 'MX'), actors: new Set(['MX']), activityPages: new Set(), sources: new Set() };
    const page = actorPage(mx, lc).value;
    const links = (text: string): number => (text.match(/href="(\.\.\/)+meetings\/[^"#]+\.html"/g) ?? []).length; // a meeting, not an agreement in it
    expect(links(page)).toBe(ACTOR_MEETINGS);
    expect(page).toContain('href="MX~/meetings.html"');
    const part = actorPartPage(mx, 'meetings', 1, 1, { ...lc, path: sitePaths.actorPart('es', 'MX', 'meetings') }).value;
    expect(links(part)).toBe(mx.meetings.length);
  });

  it('the list of meetings comes in pages of MEETINGS_PAGE, newest first, each linking to every page', () => {
    const rows = Array.from({ length: 2 * MEETINGS_PAGE + 7 }, (_, i) => ({ meeting: { id: `m-${i}`, body: { id: 'grcm', label: 'CRM' }, start: '2020-01-01', participants: [] }, agreements: i }) as unknown as MeetingRow);
    expect(meetingsPages(rows.length)).toBe(3);
    const page = (n: number): string => meetingsIndex(rows, { lang: 'en', path: sitePaths.meetings('en', n), actors: new Set(), activityPages: new Set(), sources: new Set() }, n).value;
    const ids = (text: string): string[] => [...text.matchAll(/href="(m-\d+)\.html"/g)].map((x) => x[1]!);
    expect(ids(page(1))).toEqual(rows.slice(0, MEETINGS_PAGE).map((r) => r.meeting.id));
    expect(ids(page(3))).toEqual(rows.slice(2 * MEETINGS_PAGE).map((r) => r.meeting.id));
    expect(page(2)).toContain('href="index~3.html"');
    expect(page(2)).toContain('<a href="index~2.html" aria-current="page">');
    expect(page(3)).toContain('Meetings 401–407 of 407.');
    expect(meetingsIndex(rows.slice(0, 5), { lang: 'en', path: sitePaths.meetings('en'), actors: new Set(), activityPages: new Set(), sources: new Set() }).value).not.toContain('pager');
  });

  it("an actor's part page takes work for its own rows, not for everything the actor owes", () => {
    // The country owing most: a few part pages in the small corpus, about 4× as many rows in the large. A page made
    // from the actor's whole statement (as when each part page made the statement's view) grows with all its rows.
    const rowsOf = (a: SiteActor): number => a.statement?.sections.reduce((n, x) => n + x.groups.reduce((k, g) => k + g.rows.length, 0), 0) ?? 0;
    const busiest = (b: Built): SiteActor => {
      const m = b.spec.models.es;
      return m.actors.filter((a) => a.kind === 'country').map((a) => m.actorPage(a.ref.id)).reduce((x, y) => (rowsOf(y) > rowsOf(x) ? y : x));
    };
    const [one, four] = [busiest(small), busiest(large)];
    const lastPage = (a: SiteActor) => {
      const lc: LinkContext = { lang: 'es', path: sitePaths.actor('es', a.ref.id), actors: new Set(), activityPages: new Set(), sources: new Set() };
      const [part, pages] = actorParts(a).reduce((x, y) => (y[1] > x[1] ? y : x));
      void actorPartPage(a, part, 1, pages, lc); // its first page as the site writes it, before the one counted
      return { pages, run: (): void => void actorPartPage(a, part, pages, pages, lc) };
    };
    const [p1, p4] = [lastPage(one), lastPage(four)];
    expect(p4.pages).toBeGreaterThan(p1.pages);
    expect(rowsOf(four) / rowsOf(one)).toBeGreaterThan(3.5);
    const ratio = countWork(p4.run) / countWork(p1.run);
    expect(ratio, `a part page's work grew ${ratio.toFixed(2)}× for ${(rowsOf(four) / rowsOf(one)).toFixed(2)}× the actor's rows`).toBeLessThan(1.2); // 1.04 now; 1.39 when each page made the whole view
  }, 120_000);
});

describe('pieces join to the whole', () => {
  it("a shard of the search index in pieces is the JSON.stringify text of its index, and a script that sets it", () => {
    const builder = new SearchIndexBuilder('en', []);
    const hostile = 'Ünïcode \u2028line\u2029 😀 "quotes" \\ back';
    builder.actors(Array.from({ length: 3000 }, (_, i) => ({ ref: { id: `a${i}`, label: `${hostile} ${i}` }, kind: 'country' as const, name: `${hostile} name ${i}` })));
    const [file, content] = [...builder.rest()][0]!;
    expect(file).toBe(sitePaths.searchShard('en', 1));
    const pieces = [...content!];
    expect(pieces.length).toBeGreaterThan(2); // really in pieces
    const script = pieces.join('');
    const window: { ACTA_SEARCH_SHARDS?: string[]; ACTA_SEARCH?: { shards: string[] } } = {};
    new Function('window', script)(window);
    const text = window.ACTA_SEARCH_SHARDS![0]!;
    const whole = `// A shard of the search index of acta's site (MiniSearch, serialised); generated, do not edit.\n(window.ACTA_SEARCH_SHARDS = window.ACTA_SEARCH_SHARDS || [])[0] = ${JSON.stringify(text).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`)};\n`;
    expect(script).toBe(whole);
    expect(JSON.parse(text).documentCount).toBe(3000);
    new Function('window', builder.manifest())(window);
    expect(window.ACTA_SEARCH!.shards).toEqual(['search-index/1.js']); // from the search page
  });

  it("the index is written from MiniSearch's own state: the same text as JSON.stringify(toJSON()), without its copy", () => {
    const search = new MiniSearch<{ id: string; title: string; text: string; n?: number }>({ fields: ['title', 'text'], storeFields: ['title', 'n'], processTerm: foldTerm });
    const hostile = ['Ünïcode \u2028línea\u2029', '😀 "comillas" \\ barra', 'informe anual', 'acuerdo 12', ''];
    search.addAll(Array.from({ length: 700 }, (_, i) => ({ id: `doc-${i}`, title: `${hostile[i % 5]} ${i}`, text: `${hostile[(i * 3) % 5]} texto ${i % 37} común`, ...(i % 4 ? { n: i } : {}) })));
    const pieces = [...miniSearchJson(search)];
    expect(pieces.length).toBeGreaterThan(700); // a piece per term and per document, not one string
    expect(pieces[0]).toMatch(/^\{"documentCount":700,/); // read in place (toJSON's copy starts a piece "{")
    expect(pieces.join('')).toBe(JSON.stringify(search.toJSON()));
    const empty = new MiniSearch({ fields: ['title'] });
    expect([...miniSearchJson(empty)].join('')).toBe(JSON.stringify(empty.toJSON()));
  });

  it('a page written in pieces is the page rendered whole', () => {
    const frame = { lang: 'es' as const, path: sitePaths.overdue('es'), title: 'Vencidos', siteTitle: 'Actas', asOf: AS_OF };
    const parts = [html`<h1>Vencidos</h1>`, html`<p>${'a < b'}</p>`, html`<table></table>`];
    expect([...renderPagePieces(frame, parts)].join('')).toBe(renderPage(frame, parts));
  });
});
