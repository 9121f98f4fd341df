// The actors: their list by kind, and a page per country, organisation, organ or group — its statement (what it owes:
// overdue, due next, delivered on time or late, waiting, no date), its meetings and its calendar feed.
import type { ActorKind } from '../../core/actors.js';
import type { SiteActor, SiteActorEntry } from '../../core/queries/site.js';
import { dayRange, labels } from '../i18n.js';
import { statementLabels } from '../statement-labels.js';
import { statementView } from '../statement-view.js';
import type { LinkContext } from './components.js';
import { actorLink, actorLinks, commitmentLink, commitmentTable, evidenceLinks, recordText } from './components.js';
import type { Html } from './html.js';
import { html } from './html.js';
import { relativeHref, sitePaths } from './paths.js';
import { siteLabels } from './site-labels.js';

const KINDS: readonly ActorKind[] = ['country', 'organisation', 'body', 'group'];

export function actorsIndex(actors: readonly SiteActorEntry[], lc: LinkContext): Html {
  const w = siteLabels(lc.lang);
  return html`<h1>${w.actors}</h1>
${KINDS.map((kind) => {
  const list = actors.filter((a) => a.kind === kind);
  return list.length
    ? html`<h2>${w.kinds[kind]}</h2>
<ul class="columns">
${list.map((a) => html`<li>${actorLink(a.ref, lc)}${a.name !== a.ref.label ? html` — ${a.name}` : ''}</li>
`)}</ul>
`
    : '';
})}`;
}

export function actorPage(a: SiteActor, lc: LinkContext): Html {
  const w = siteLabels(lc.lang);
  return html`<h1>${a.ref.label}${a.name !== a.ref.label ? html` — ${a.name}` : ''}</h1>
<p class="subtitle">${w.kind[a.kind]} · ${a.ref.id}</p>
<dl class="facts">
${a.groups.length ? html`<dt>${w.memberOf}</dt><dd>${actorLinks(a.groups, lc)}</dd>` : ''}
${a.kind === 'group' ? html`<dt>${w.members}</dt><dd>${actorLinks(a.members, lc)}</dd>` : ''}
<dt>${w.calendar}</dt><dd><a href="${relativeHref(lc.path, sitePaths.calendar(lc.lang, a.ref.id))}" type="text/calendar">${a.ref.id}.ics</a> — ${w.calendarHint}</dd>
</dl>
${a.statement ? statementSection(a, lc) : html`<h2>${w.groupOwes}</h2>
${commitmentTable(a.owes, lc, w.groupOwes)}`}
<h2>${w.meetings} (${a.meetings.length})</h2>
${a.meetings.length ? html`<ul>
${a.meetings.map((m) => html`<li><a href="${relativeHref(lc.path, sitePaths.meeting(lc.lang, m.id))}">${m.id}</a> — ${dayRange(m.date, undefined, lc.lang)} (${w.roles[m.role]})</li>
`)}</ul>` : html`<p>${w.nothing}</p>`}
<p class="print-hide"><a href="${relativeHref(lc.path, sitePaths.actors(lc.lang))}">${w.actors}</a> · <a href="${relativeHref(lc.path, sitePaths.home(lc.lang))}">${w.home}</a></p>`;
}

function statementSection(a: SiteActor, lc: LinkContext): Html {
  const st = a.statement!;
  const view = statementView(st);
  const s = statementLabels(lc.lang);
  const l = labels(lc.lang);
  const shown = st.sections.filter((x) => x.groups.length);
  return html`<h2>${s.title}</h2>
<p>${view.summary}</p>
${view.via ? html`<p>${view.via}</p>` : ''}
${view.empty ? html`<p>${view.empty}</p>` : ''}
${view.sections.map((section, i) => html`<h3>${section.title}</h3>
${section.groups.map((g, j) => html`<table class="statement stack">
<caption>${g.title}</caption>
<thead><tr><th scope="col">${l.words.commitment}</th><th scope="col">${l.words.task}</th><th scope="col">${section.columns[0]}</th>${section.columns[1] ? html`<th scope="col">${section.columns[1]}</th>` : ''}</tr></thead>
<tbody>
${g.rows.map((r, k) => {
  const row = shown[i]!.groups[j]!.rows[k]!;
  const c = row.commitment;
  return html`<tr${r.late ? html` class="late"` : ''}><td data-label="${l.words.commitment}">${commitmentLink(c, lc)}</td><td data-label="${l.words.task}">${recordText(c.task, lc.lang)}${c.deadlineText ? html`<br><span class="worded">«${recordText(c.deadlineText, lc.lang)}»</span>` : ''}${r.notes.map((n) => html`<br><span class="note">${n}</span>`)}${row.evidence.map((e) => html`<br><span class="note">${s.evidence}: ${evidenceLinks(e, lc)}</span>`)}</td><td data-label="${section.columns[0]}">${r.when}</td>${section.columns[1] ? html`<td data-label="${section.columns[1]}" class="num">${r.days}</td>` : ''}</tr>
`;
})}</tbody>
</table>
`)}`)}`;
}
