// The actors: their list by kind, and a page per country, organisation, organ or group — its statement (what it owes:
// overdue, due next, delivered on time or late, waiting, no date), its meetings and its calendar feed.
import type { ActorKind } from '../../core/actors.js';
import type { SiteActor, SiteActorEntry } from '../../core/queries/site.js';
import type { ActorRef } from '../../core/queries/view.js';
import { dayRange, labels } from '../i18n.js';
import { num } from '../numbers.js';
import type { StatementRow, StatementSection } from '../../core/queries/statement.js';
import { groupTitle, summaryLine } from '../statement.js';
import { statementLabels, viaLine } from '../statement-labels.js';
import type { StatementRowView } from '../statement-view.js';
import { sectionHead, statementRowView } from '../statement-view.js';
import type { LinkContext } from './components.js';
import { actorLink, actorLinks, commitmentLink, commitmentTable, evidenceLinks, pagerNav, recordText, refHref } from './components.js';
import { commitmentName } from '../commitment-name.js';
import type { Html } from './html.js';
import { html } from './html.js';
import { relativeHref, sitePaths } from './paths.js';
import { siteLabels } from './site-labels.js';
import { meetingsShownOf, shownOf } from './site-labels.js';

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

/** Rows of each statement section on an actor's page; the rest on the section's own pages, PART_ROWS at a time. */
export const ACTOR_ROWS = 15;
export const PART_ROWS = 50;
/** The meetings an actor's page lists (its latest); the rest on pages of their own, PART_MEETINGS at a time. A country
 * took part in most of 8,000 meetings: listed whole, that list was most of its page and grew with the whole history. */
export const ACTOR_MEETINGS = 20;
export const PART_MEETINGS = 200;

export type ActorPart = StatementSection | 'owes' | 'meetings';

/** The parts of an actor's page too long to show whole there: [part, pages]. */
export function actorParts(a: SiteActor): [ActorPart, number][] {
  const sizes: [ActorPart, number][] = a.statement ? a.statement.sections.map((x) => [x.section, x.groups.reduce((n, g) => n + g.rows.length, 0)]) : [['owes', a.owes.length]];
  const parts = sizes.filter(([, n]) => n > ACTOR_ROWS).map(([part, n]): [ActorPart, number] => [part, Math.ceil(n / PART_ROWS)]);
  if (a.meetings.length > ACTOR_MEETINGS) parts.push(['meetings', Math.ceil(a.meetings.length / PART_MEETINGS)]);
  return parts;
}

export function actorPage(a: SiteActor, lc: LinkContext): Html {
  const w = siteLabels(lc.lang);
  return html`<h1>${a.ref.label}${a.name !== a.ref.label ? html` — ${a.name}` : ''}</h1>
<p class="subtitle">${w.kind[a.kind]} · <code class="id">${a.ref.id}</code></p>
<dl class="facts">
${a.groups.length ? html`<dt>${w.memberOf}</dt><dd>${actorLinks(a.groups, lc)}</dd>` : ''}
${a.kind === 'group' ? html`<dt>${w.members}</dt><dd>${actorLinks(a.members, lc)}</dd>` : ''}
<dt>${w.calendar}</dt><dd><a href="${relativeHref(lc.path, sitePaths.calendar(lc.lang, a.ref.id))}" type="text/calendar">${a.ref.id}.ics</a> — ${w.calendarHint}</dd>
</dl>
${a.statement ? statementSection(a, lc) : owesSection(a, lc)}
${meetingsSection(a, lc)}
<p class="print-hide"><a href="${relativeHref(lc.path, sitePaths.actors(lc.lang))}">${w.actors}</a> · <a href="${relativeHref(lc.path, sitePaths.home(lc.lang))}">${w.home}</a></p>`;
}

/** The meetings it convened, took part in or observed, newest first: the latest on its page, all on its part pages. */
function meetingsSection(a: SiteActor, lc: LinkContext, page?: number): Html {
  const w = siteLabels(lc.lang);
  const from = page ? (page - 1) * PART_MEETINGS : 0;
  const rows = a.meetings.slice(from, from + (page ? PART_MEETINGS : ACTOR_MEETINGS));
  const total = num(a.meetings.length, lc.lang);
  return html`<h2>${w.meetings} (${total})</h2>
${a.meetings.length > rows.length ? html`<p>${meetingsShownOf(total, num(from + 1, lc.lang), num(from + rows.length, lc.lang), lc.lang)}${page ? '' : html` <a href="${relativeHref(lc.path, sitePaths.actorPart(lc.lang, a.ref.id, 'meetings'))}">${w.seeAll}</a>`}</p>` : ''}
${rows.length ? html`<ul class="columns">
${rows.map((m) => html`<li><a href="${relativeHref(lc.path, sitePaths.meeting(lc.lang, m.id))}">${dayRange(m.date, undefined, lc.lang)}</a> (${w.roles[m.role]})</li>
`)}</ul>` : html`<p>${w.nothing}</p>`}`;
}

function owesSection(a: SiteActor, lc: LinkContext, page?: number): Html {
  const w = siteLabels(lc.lang);
  const from = page ? (page - 1) * PART_ROWS : 0;
  const rows = a.owes.slice(from, from + (page ? PART_ROWS : ACTOR_ROWS));
  return html`<h2>${w.groupOwes} (${num(a.owes.length, lc.lang)})</h2>
${a.owes.length > rows.length ? html`<p>${shownOf(num(a.owes.length, lc.lang), num(from + 1, lc.lang), num(from + rows.length, lc.lang), lc.lang)}${page ? '' : html` <a href="${relativeHref(lc.path, sitePaths.actorPart(lc.lang, a.ref.id, 'owes'))}">${w.seeAll}</a>`}</p>` : ''}
${commitmentTable(rows, lc, w.groupOwes, { delivered: w.deliveredCol })}`;
}

/** A part's name: a statement section's, what a group owes, or its meetings. */
export function actorPartTitle(part: ActorPart, lang: LinkContext['lang']): string {
  return part === 'owes' ? siteLabels(lang).groupOwes : part === 'meetings' ? siteLabels(lang).meetings : statementLabels(lang).sections[part];
}

/** One part of an actor's page, whole, a page at a time. */
export function actorPartPage(a: SiteActor, part: ActorPart, page: number, pages: number, lc: LinkContext): Html {
  const nav = pagerNav(pages, page, (n) => sitePaths.actorPart(lc.lang, a.ref.id, part, n), lc);
  return html`<p class="print-hide"><a href="${relativeHref(lc.path, sitePaths.actor(lc.lang, a.ref.id))}">${a.ref.label}</a></p>
<h1>${a.ref.label}: ${actorPartTitle(part, lc.lang)}</h1>
${nav}
${part === 'owes' ? owesSection(a, lc, page) : part === 'meetings' ? meetingsSection(a, lc, page) : statementSection(a, lc, { section: part, page })}
${nav}`;
}

/** Where each group's rows start in its section, and (last) how many rows it has: made once per section. */
const STARTS = new WeakMap<readonly { readonly rows: readonly unknown[] }[], number[]>();

function startsOf(groups: readonly { readonly rows: readonly unknown[] }[]): number[] {
  let starts = STARTS.get(groups);
  if (!starts) {
    starts = [0];
    for (const g of groups) starts.push(starts[starts.length - 1]! + g.rows.length);
    STARTS.set(groups, starts);
  }
  return starts;
}

/** The first group holding row `from` (or any later row): the last j with starts[j] <= from. */
function firstGroup(starts: readonly number[], from: number): number {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= from) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}

function statementSection(a: SiteActor, lc: LinkContext, only?: { readonly section: StatementSection; readonly page: number }): Html {
  const st = a.statement!;
  const s = statementLabels(lc.lang);
  const w = siteLabels(lc.lang);
  const l = labels(lc.lang);
  const shown = st.sections.filter((x) => x.groups.length);
  const from = only ? (only.page - 1) * PART_ROWS : 0;
  const limit = only ? PART_ROWS : ACTOR_ROWS;
  return html`${only ? '' : html`<h2>${s.title}</h2>
<p>${summaryLine(st)}</p>
${st.via.length ? html`<p>${viaLine(st)}</p>` : ''}
${st.counts.total === 0 ? html`<p>${s.empty}</p>` : ''}`}
${shown.map((x) => {
  if (only && x.section !== only.section) return '';
  const section = { section: x.section, ...sectionHead(st, x.section) };
  const starts = startsOf(x.groups);
  const total = starts[starts.length - 1]!;
  // Only this page's groups and rows are looked at: those before `from` are skipped by a binary search, not walked;
  // their texts are made here, for this page (statementRowView), not for the whole statement at once.
  const groups: { g: { readonly title: string }; pick: StatementRow[] }[] = [];
  for (let j = firstGroup(starts, from); j < x.groups.length && starts[j]! < from + limit; j++) {
    const g = x.groups[j]!;
    const first = Math.max(0, from - starts[j]!);
    groups.push({ g: { title: groupTitle(g, lc.lang) }, pick: g.rows.slice(first, Math.max(first, from + limit - starts[j]!)) });
  }
  const count = groups.reduce((n, y) => n + y.pick.length, 0);
  // A row it owes only as a member of a group is a one-line reference, under that group's name, after the tables of
  // what it owes in its own name: the task stands once, in full, on the group's page (with who delivered).
  type Picked = { r: StatementRowView; row: StatementRow };
  const tables: { g: { readonly title: string }; rows: Picked[] }[] = [];
  const refs = new Map<string, { through: readonly ActorRef[]; rows: Picked[] }>();
  for (const { g, pick } of groups) {
    const rows: Picked[] = [];
    for (const row of pick) {
      const r = statementRowView(row, x.section, lc.lang);
      const through = throughOf(row.commitment, a);
      if (!through) rows.push({ r, row });
      else {
        const key = through.map((x) => x.id).join(' ');
        (refs.get(key) ?? refs.set(key, { through, rows: [] }).get(key)!).rows.push({ r, row });
      }
    }
    if (rows.length) tables.push({ g, rows });
  }
  return html`<h3>${section.title}</h3>
${total > count ? html`<p>${shownOf(num(total, lc.lang), num(from + 1, lc.lang), num(from + count, lc.lang), lc.lang)}${only ? '' : html` <a href="${relativeHref(lc.path, sitePaths.actorPart(lc.lang, a.ref.id, section.section))}">${w.seeAll}</a>`}</p>` : ''}
${tables.map(({ g, rows }) => html`<table class="statement stack">
<caption>${g.title}</caption>
<thead><tr><th scope="col">${l.words.commitment}</th><th scope="col">${l.words.task}</th><th scope="col">${section.columns[0]}</th>${section.columns[1] ? html`<th scope="col" class="num">${section.columns[1]}</th>` : ''}</tr></thead>
<tbody>
${rows.map(({ r, row }) => {
  const c = row.commitment;
  return html`<tr${r.late ? html` class="late"` : ''}><td data-label="${l.words.commitment}">${commitmentLink(c, lc)}</td><td data-label="${l.words.task}">${recordText(c.task, lc.lang)}${c.deadlineText ? html`<br><span class="worded">«${recordText(c.deadlineText, lc.lang)}»</span>` : ''}${r.notes.map((n) => html`<br><span class="note">${n}</span>`)}${row.evidence.map((e) => html`<br><span class="note">${s.evidence}: ${evidenceLinks(e, lc)}</span>`)}</td><td data-label="${section.columns[0]}">${r.when}</td>${section.columns[1] ? html`<td data-label="${section.columns[1]}" class="num">${r.days}</td>` : ''}</tr>
`;
})}</tbody>
</table>
`)}${refs.size ? html`<p class="note">${w.oneLineNote}</p>
` : ''}${[...refs.values()].map(({ through, rows }) => html`<h4>${w.throughHeading} ${actorLinks(through, lc)} (${num(rows.length, lc.lang)})</h4>
<ul class="refs">
${rows.map(({ r, row }) => {
  const c = row.commitment;
  return html`<li><a href="${refHref(c.ref, c.recordKind, lc)}">${commitmentName(c, lc.lang)}</a> — ${r.when}${section.columns[1] && r.days ? ` (${section.columns[1]}: ${r.days})` : ''} <code class="id">${c.id}</code>${r.notes.map((n) => html` <span class="note">${n}</span>`)}${row.evidence.map((e) => html` <span class="note">${s.evidence}: ${evidenceLinks(e, lc)}</span>`)}</li>
`;
})}</ul>
`)}`;
})}`;
}

/** The groups through which `a` owes a commitment it is not named for itself (undefined when it is named, or when
 * no group of its own is among the owners): such a row is a reference to the group's page, not the task again. */
function throughOf(c: { readonly owners: readonly ActorRef[] }, a: SiteActor): readonly ActorRef[] | undefined {
  if (!a.groups.length || c.owners.some((o) => o.id === a.ref.id)) return undefined;
  const through = c.owners.filter((o) => a.groups.some((g) => g.id === o.id));
  return through.length ? through : undefined;
}
