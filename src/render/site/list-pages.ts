// The home page (the dashboard: what is overdue, due next, waiting), the overdue and upcoming lists, and the search
// page (a form that works in the browser from the prebuilt index; without JavaScript it says where to browse instead).
import type { SiteModel } from '../../core/queries/site.js';
import type { FollowupReport } from '../../core/queries/followup-report.js';
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

export function searchPage(lc: LinkContext): Html {
  const w = siteLabels(lc.lang);
  return html`<h1>${w.search}</h1>
<form class="search" action="${relativeHref(lc.path, sitePaths.search(lc.lang))}" method="get" role="search">
<label for="q">${w.searchLabel}</label>
<input type="search" id="q" name="q" autocomplete="off">
<button type="submit">${w.searchButton}</button>
</form>
<p id="no-script" class="note">${w.searchNoScript}</p>
<p id="search-status" aria-live="polite" data-none="${w.searchNone}" data-count="${w.searchCount}"></p>
<ol id="search-results"></ol>`;
}
