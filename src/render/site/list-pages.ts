// The home page (the dashboard: what is overdue, due next, waiting), the overdue and upcoming lists, and the search
// page (a form that works in the browser from the prebuilt index; without JavaScript it says where to browse instead).
import type { SiteModel } from '../../core/queries/site.js';
import type { FollowupBook } from '../../core/queries/followup-book.js';
import { day, labels } from '../i18n.js';
import { num } from '../numbers.js';
import { reportLabels } from '../report-labels.js';
import type { LinkContext } from './components.js';
import { commitmentTable } from './components.js';
import type { Html } from './html.js';
import { html } from './html.js';
import { relativeHref, sitePaths } from './paths.js';
import { siteLabels } from './site-labels.js';
import { t } from '../catalog.js';

/** Home: one headline per number (held meetings, agreements, overdue, deadlines ahead, waiting, done, plans), the
 * five most overdue, the next five deadlines, the five longest waiting, and a line per country. */
export function homePage(site: SiteModel, books: { readonly overdue: FollowupBook; readonly upcoming: FollowupBook }, lc: LinkContext): Html {
  const d = site.dashboard;
  const w = siteLabels(lc.lang);
  const lang = lc.lang;
  const n = (x: number): string => num(x, lang);
  const to = (p: string): string => relativeHref(lc.path, p);
  const tile = (count: number, noun: { readonly one: string; readonly other: string }, href?: string, detail?: Html): Html =>
    html`<li>${href ? html`<a href="${to(href)}"><strong>${n(count)}</strong> ${count === 1 ? noun.one : noun.other}</a>` : html`<strong>${n(count)}</strong> ${count === 1 ? noun.one : noun.other}`}${detail ? html`<br><span class="note">${detail}</span>` : ''}</li>
`;
  const waiting = site.waiting();
  const countries = countryRows(books);
  return html`<h1>${w.asOf} ${day(site.asOf, lang)}</h1>
<ul class="tiles">
${tile(d.meetings, w.tiles.meeting, sitePaths.meetings(lang), d.latestMeeting ? html`${w.latest}: <a href="${to(sitePaths.meeting(lang, d.latestMeeting.id))}">${d.latestMeeting.body.label}, ${day(d.latestMeeting.date, lang)}</a>${d.scheduled ? html` · ${t(lang, 'site.scheduled', { count: d.scheduled })}` : ''}` : undefined)}${tile(d.agreements, w.tiles.agreement)}${tile(d.overdue, w.tiles.overdue, sitePaths.overdue(lang))}${tile(d.ahead, w.tiles.ahead, sitePaths.upcoming(lang))}${tile(d.commitments.waiting, w.tiles.waiting)}${tile(d.commitments.done, w.tiles.done)}${tile(d.plans, w.tiles.plan, sitePaths.plans(lang), html`${n(d.activities)} ${d.activities === 1 ? w.tiles.activity.one : w.tiles.activity.other}`)}</ul>
<h2>${w.mostOverdue}</h2>
${commitmentTable(d.mostOverdue, lc, `${w.mostOverdue} (${n(d.mostOverdue.length)} ${reportLabels(lang).dashboard.ofTotal} ${n(d.overdue)})`)}
<p><a href="${to(sitePaths.overdue(lang))}">${w.seeAll}: ${w.overdue} (${n(d.overdue)})</a></p>
<h2>${w.dueNext}</h2>
${commitmentTable(d.nextDeadlines, lc, `${w.dueNext} (${n(d.nextDeadlines.length)} ${reportLabels(lang).dashboard.ofTotal} ${n(d.ahead)})`)}
<p><a href="${to(sitePaths.upcoming(lang))}">${w.seeAll}: ${w.upcoming}</a></p>
<h2>${w.waiting}</h2>
${commitmentTable(waiting.slice(0, 5), lc, `${w.waiting} (${n(Math.min(5, waiting.length))} ${reportLabels(lang).dashboard.ofTotal} ${n(waiting.length)})`)}
${waiting.length > 5 ? html`<p><a href="${to(sitePaths.search(lang))}?state=waiting">${w.seeAll}: ${w.waiting} (${n(waiting.length)})</a></p>` : ''}
${countries.length ? html`<h2>${w.byCountry}</h2>
<table class="counts stack">
<caption>${w.byCountry}</caption>
<thead><tr><th scope="col">${w.bookSections.country}</th><th scope="col" class="num">${w.overdue}</th><th scope="col" class="num">${w.upcoming}</th></tr></thead>
<tbody>
${countries.map((c) => html`<tr><td><a href="${to(sitePaths.actor(lang, c.key))}">${c.label}</a></td><td class="num" data-label="${w.overdue}">${c.overdue ? html`<a href="${to(sitePaths.listPart(lang, 'overdue', c.key))}">${n(c.overdue)}</a>` : '0'}</td><td class="num" data-label="${w.upcoming}">${c.upcoming ? html`<a href="${to(sitePaths.listPart(lang, 'upcoming', c.key))}">${n(c.upcoming)}</a>` : '0'}</td></tr>
`)}</tbody>
</table>` : ''}
`;
}

/** Each country that owes something overdue or upcoming: its counts (own and through its groups). */
function countryRows(books: { readonly overdue: FollowupBook; readonly upcoming: FollowupBook }): { key: string; label: string; overdue: number; upcoming: number }[] {
  const rows = new Map<string, { key: string; label: string; overdue: number; upcoming: number }>();
  for (const kind of ['overdue', 'upcoming'] as const)
    for (const e of books[kind].sections.find((s) => s.kind === 'country')?.entries ?? []) {
      const row = rows.get(e.key) ?? rows.set(e.key, { key: e.key, label: e.label, overdue: 0, upcoming: 0 }).get(e.key)!;
      row[kind] = e.count;
    }
  return [...rows.values()].sort((a, b) => a.label.localeCompare(b.label, books.overdue.lang));
}

/** The search form: words, and filters by kind, state, body, actor and year; every choice is kept in the address
 * (?q=…&state=…&p=2), so a search can be shared, bookmarked, and Back returns to it. */
export function searchPage(site: SiteModel, lc: LinkContext): Html {
  const w = siteLabels(lc.lang);
  const l = labels(lc.lang);
  const bodyIds = new Set([...site.meetings.map((m) => m.body), ...site.plans.map((p) => p.body)]);
  const bodies = site.actors.filter((a) => bodyIds.has(a.ref.id));
  const years = [...new Set(site.meetings.map((m) => m.start.slice(0, 4)))].sort().reverse();
  const states = ['overdue', 'upcoming', 'open', 'waiting', 'no-date', 'done'] as const;
  const select = (name: string, label: string, options: readonly (readonly [string, string])[]): Html => html`<label>${label}
<select name="${name}" id="f-${name}"><option value="">${w.any}</option>
${options.map(([value, text]) => html`<option value="${value}">${text}</option>
`)}</select></label>
`;
  return html`<h1>${w.search}</h1>
<form class="search" action="${relativeHref(lc.path, sitePaths.search(lc.lang))}" method="get" role="search">
<label for="q">${w.searchLabel}</label>
<input type="search" id="q" name="q" autocomplete="off">
<button type="submit">${w.searchButton}</button>
<div class="search-filters">
${select('kind', w.filterKind, Object.entries(w.resultKinds))}${select('state', l.words.state, states.map((st) => [st, l.states[st]] as const))}${select('body', l.words.body, bodies.map((a) => [a.ref.id, a.ref.label] as const))}${select('actor', w.actor, site.actors.map((a) => [a.ref.id, a.ref.label] as const))}${select('year', w.filterYear, years.map((y) => [y, y] as const))}</div>
</form>
<p id="no-script" class="note">${w.searchNoScript}</p>
<p id="search-status" aria-live="polite" data-loading="${w.searchLoading}" data-none="${w.searchNone}" data-count="${w.searchCount}" data-one="${w.searchOne}" data-showing="${w.searchShowing}" data-help="${w.searchHelp}"></p>
<ol id="search-results"></ol>
<nav id="search-pages" aria-label="${w.pages}" hidden><ul class="pager"><li><a id="search-prev" href="${relativeHref(lc.path, sitePaths.search(lc.lang))}" rel="prev">${w.previous}</a></li><li id="search-page"></li><li><a id="search-next" href="${relativeHref(lc.path, sitePaths.search(lc.lang))}" rel="next">${w.next}</a></li></ul></nav>`;
}
