// The home page (the dashboard: what is overdue, due next, waiting), the overdue and upcoming lists, and the search
// page (a form that works in the browser from the prebuilt index; without JavaScript it says where to browse instead).
import type { SiteModel } from '../../core/queries/site.js';
import { countLine, day, labels, reportTitle } from '../i18n.js';
import { reportLabels } from '../report-labels.js';
import type { LinkContext } from './components.js';
import { actorLink, commitmentTable } from './components.js';
import type { Html } from './html.js';
import { html } from './html.js';
import { relativeHref, sitePaths } from './paths.js';
import { siteLabels } from './site-labels.js';

export function homePage(site: SiteModel, title: string, lc: LinkContext): Html {
  const d = site.dashboard;
  const w = siteLabels(lc.lang);
  const r = reportLabels(lc.lang).dashboard;
  const l = labels(lc.lang);
  const to = (p: string): string => relativeHref(lc.path, p);
  return html`<h1>${title}</h1>
<p class="subtitle">${w.asOf} ${day(site.asOf, lc.lang)}</p>
<ul class="tiles">
<li><a href="${to(sitePaths.meetings(lc.lang))}"><strong>${d.meetings}</strong> ${r.meetings}</a>${d.latestMeeting ? html` — ${w.latest}: <a href="${to(sitePaths.meeting(lc.lang, d.latestMeeting.id))}">${d.latestMeeting.body.label}, ${day(d.latestMeeting.date, lc.lang)}</a>` : ''}</li>
<li><strong>${d.agreements}</strong> ${r.agreements}</li>
<li><a href="${to(sitePaths.plans(lc.lang))}"><strong>${d.plans}</strong> ${r.plans}</a> (${d.activities} ${r.activities})</li>
<li><a href="${to(sitePaths.overdue(lc.lang))}"><strong>${d.overdue}</strong> ${l.words.overdue.toLowerCase()}</a> · <a href="${to(sitePaths.upcoming(lc.lang))}"><strong>${d.commitments.upcoming}</strong> ${l.states.upcoming}</a> · <strong>${d.commitments.waiting}</strong> ${l.states.waiting} · <strong>${d.commitments.done}</strong> ${l.states.done}</li>
</ul>
<h2>${w.mostOverdue}</h2>
${commitmentTable(d.mostOverdue, lc, `${w.mostOverdue} (${d.mostOverdue.length} ${r.ofTotal} ${d.overdue})`)}
<p><a href="${to(sitePaths.overdue(lc.lang))}">${w.seeAll}: ${w.overdue}</a></p>
<h2>${w.dueNext}</h2>
${commitmentTable(d.nextDeadlines, lc, w.dueNext)}
<p><a href="${to(sitePaths.upcoming(lc.lang))}">${w.seeAll}: ${w.upcoming}</a></p>
<h2>${w.waiting}</h2>
${waitingTable(site.waiting(), lc)}`;
}

const waitingTable = (waiting: ReturnType<SiteModel['waiting']>, lc: LinkContext): Html => commitmentTable(waiting, lc, `${siteLabels(lc.lang).waiting} (${waiting.length})`);

/** The search form: words, and filters by kind, state, body, actor and year; every choice is kept in the address
 * (?q=…&state=…&p=2), so a search can be shared, bookmarked, and Back returns to it. */
export function searchPage(site: SiteModel, lc: LinkContext): Html {
  const w = siteLabels(lc.lang);
  const l = labels(lc.lang);
  const bodyIds = new Set([...site.meetings.map((m) => m.body), ...site.plans.map((p) => p.body)]);
  const bodies = site.actors.filter((a) => bodyIds.has(a.ref.id));
  const years = [...new Set(site.meetings.map((m) => m.dates.start.slice(0, 4)))].sort().reverse();
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
<p id="search-status" aria-live="polite" data-none="${w.searchNone}" data-count="${w.searchCount}" data-one="${w.searchOne}" data-showing="${w.searchShowing}" data-help="${w.searchHelp}"></p>
<ol id="search-results"></ol>
<nav id="search-pages" aria-label="${w.pages}" hidden><ul class="pager"><li><a id="search-prev" href="${relativeHref(lc.path, sitePaths.search(lc.lang))}" rel="prev">${w.previous}</a></li><li id="search-page"></li><li><a id="search-next" href="${relativeHref(lc.path, sitePaths.search(lc.lang))}" rel="next">${w.next}</a></li></ul></nav>`;
}
