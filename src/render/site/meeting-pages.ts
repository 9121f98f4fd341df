// The meetings: their list, and a page per meeting with its header, participants and every agreement — adopted text,
// action, actors, deadline as worded and normalised, state, follow-up — each at an anchor named by its number.
import { t } from '../catalog.js';
import type { Lang } from '../../core/model.js';
import type { MeetingHead } from '../../core/queries/site.js';
import type { AgreementPart } from '../../core/queries/show.js';
import { day, dayRange, labels, othersNotRecorded, participantsText } from '../i18n.js';
import type { LinkContext } from './components.js';
import { actorLink, actorLinks, commitmentDue, followupTable, inferredTag, lateDays, pagerNav, recordText, refHref, stateBadge } from './components.js';
import type { Html } from './html.js';
import { sourceLink } from './source-pages.js';
import { html } from './html.js';
import { agreementAnchor, relativeHref, sitePaths } from './paths.js';
import { meetingsShownOf, siteLabels } from './site-labels.js';
import { num } from '../numbers.js';

export function meetingTitle(m: MeetingHead, lang: Lang): string {
  return `${m.body.label} — ${dayRange(m.start, m.end, lang)}`;
}

/** A row of the meetings list: the header and how many agreements. */
export interface MeetingRow {
  readonly meeting: MeetingHead;
  readonly agreements: number;
}

/** Meetings per page of the list: newest first, the rest on pages index~2.html, index~3.html… (at 8,000 meetings the
 * whole list was one 2.3 MB page). */
export const MEETINGS_PAGE = 200;

export const meetingsPages = (meetings: number): number => Math.max(1, Math.ceil(meetings / MEETINGS_PAGE));

export function meetingsIndex(meetings: readonly MeetingRow[], lc: LinkContext, page = 1): Html {
  const l = labels(lc.lang);
  const w = siteLabels(lc.lang);
  const pages = meetingsPages(meetings.length);
  const from = (page - 1) * MEETINGS_PAGE;
  const rows = meetings.slice(from, from + MEETINGS_PAGE);
  const nav = pagerNav(pages, page, (n) => sitePaths.meetings(lc.lang, n), lc);
  return html`<h1>${w.meetings}</h1>
${pages > 1 ? html`<p>${meetingsShownOf(num(meetings.length, lc.lang), num(from + 1, lc.lang), num(from + rows.length, lc.lang), lc.lang)}</p>` : ''}
${nav}
<table class="stack">
<caption>${w.meetings}: ${meetings.length}</caption>
<thead><tr><th scope="col">${l.words.dates}</th><th scope="col">${l.words.body}</th><th scope="col">${l.words.place}</th><th scope="col">${l.words.agreements}</th></tr></thead>
<tbody>
${rows.map(({ meeting: m, agreements }) => html`<tr><td data-label="${l.words.dates}"><a href="${relativeHref(lc.path, sitePaths.meeting(lc.lang, m.id))}">${dayRange(m.start, m.end, lc.lang)}</a></td><td data-label="${l.words.body}">${actorLink(m.body, lc)}${m.title ? html`<br>${recordText(m.title, lc.lang)}` : ''}</td><td data-label="${l.words.place}">${m.place?.city ?? ''}${m.place?.country ? html` (${m.place.country.label})` : ''}</td><td data-label="${l.words.agreements}" class="num">${agreements}</td></tr>
`)}</tbody>
</table>
${nav}`;
}

/** What a meeting's page reads: the meeting's header (not its points) and its agreements (a SiteMeeting is one: the
 * page is rendered from the content built for it, where it is written — render/site/page-job.ts). */
export interface MeetingPageModel {
  readonly meeting: MeetingHead;
  readonly agreements: readonly AgreementPart[];
}

export function meetingPage(site: MeetingPageModel, lc: LinkContext): Html {
  const m = site.meeting;
  const l = labels(lc.lang);
  const w = siteLabels(lc.lang);
  // A meeting on record that starts after the site's date has adopted nothing yet (core/followup/derive.ts): its points
  // are not said to be "not a commitment".
  const ahead = m.start > m.asOf;
  return html`<h1>${meetingTitle(m, lc.lang)}</h1>
${m.title ? html`<p class="subtitle">${recordText(m.title, lc.lang)}</p>` : ''}
<dl class="facts">
<dt>${l.words.body}</dt><dd>${actorLink(m.body, lc)}</dd>
<dt>${l.words.dates}</dt><dd>${dayRange(m.start, m.end, lc.lang)}</dd>
${m.place ? html`<dt>${l.words.place}</dt><dd>${m.place.city ?? ''}${m.place.country ? html` (${actorLink(m.place.country, lc)})` : ''}${m.place.virtual ? ' (virtual)' : ''}</dd>` : ''}
${m.session ? html`<dt>${l.words.session}</dt><dd>${l.sessions[m.session]}${m.ordinal !== undefined ? ` (${m.ordinal})` : ''}</dd>` : ''}
<dt>${l.words.source}</dt><dd>${sourceLink(m.source, lc)}</dd>
<dt>${l.words.participants}</dt><dd>${m.attendance !== 'listed' && m.participants.length === 0 ? participantsText('', m.attendance, lc.lang) : html`${actorLinks(m.participants, lc)}${m.attendance === 'listed' ? '' : ` (${othersNotRecorded(lc.lang)})`}`}</dd>
${m.observers.length ? html`<dt>${l.words.observers}</dt><dd>${actorLinks(m.observers, lc)}</dd>` : ''}
${m.guests.length ? html`<dt>${l.words.guests}</dt><dd>${m.guests.map((g, i) => html`${i ? ', ' : ''}${g.actor ? actorLink(g.actor, lc) : g.name ?? ''}${g.role ? html` (${recordText(g.role, lc.lang)})` : ''}`)}</dd>` : ''}
</dl>
${ahead ? html`<p class="note">${t(lc.lang, 'site.notHeldYet', { date: day(m.asOf, lc.lang) })}</p>
` : ''}<h2>${l.words.agreements} (${site.agreements.length})</h2>
${site.agreements.map((a) => agreementSection(a, lc, ahead))}
<p class="print-hide"><a href="${relativeHref(lc.path, sitePaths.meetings(lc.lang))}">${w.meetings}</a></p>`;
}

function agreementSection(a: AgreementPart, lc: LinkContext, ahead: boolean): Html {
  const l = labels(lc.lang);
  const w = siteLabels(lc.lang);
  const anchor = agreementAnchor(a.number);
  return html`<article class="agreement" id="${anchor}">
<h3>${l.words.point} ${a.number}${a.printed !== undefined ? html` <small class="note">${t(lc.lang, 'marks.restoredNumber', { printed: a.printed })}</small>` : ''} <a class="permalink" href="#${encodeURIComponent(anchor)}" title="${w.permalink}: ${a.ref}">¶<span class="visually-hidden"> ${w.permalink} ${a.ref}</span></a></h3>
<blockquote><p>${recordText(a.text, lc.lang)}</p></blockquote>
<dl class="facts">
${a.action ? html`<dt>${l.words.action}</dt><dd>${l.actions[a.action]}</dd>` : ''}
<dt>${l.words.actors}</dt><dd>${actorLinks(a.actors, lc)}</dd>
${a.supersedes ? html`<dt>${l.words.supersedes}</dt><dd><a href="${refHref(a.supersedes, 'meeting', lc)}">${a.supersedes}</a></dd>` : ''}
</dl>
${a.commitments.length ? a.commitments.map((c) => html`<div class="commitment">
<p><strong>${c.step !== undefined ? `${l.words.step} ${c.step}: ` : ''}${recordText(c.task, lc.lang)}</strong></p>
<dl class="facts">
<dt>${l.words.owners}</dt><dd>${actorLinks(c.owners, lc)}${inferredTag(c, lc.lang)}</dd>
<dt>${l.words.owedBy}</dt><dd>${actorLinks(c.owing, lc)}</dd>
<dt>${l.words.deadline}</dt><dd>${commitmentDue(c, lc.lang)}</dd>
<dt>${l.words.state}</dt><dd>${stateBadge(c, lc.lang)}${c.daysLate !== undefined ? html` (${lateDays(c.daysLate, lc.lang)})` : ''}</dd>
</dl>
</div>`) : ahead ? '' : html`<p class="note">${w.noCommitment}</p>`}
${a.followup.length ? followupTable(a.followup, lc, `${l.words.followup} — ${l.words.point} ${a.number}`) : ''}
</article>
`;
}
