// Pieces several pages share: links to actors, meetings, agreements and activities; a table of commitments; a
// follow-up history. Each takes the page's own path, so every link it writes is relative.
import { t } from '../catalog.js';
import type { Lang } from '../../core/model.js';
import type { ActorRef, CommitmentView, FollowUpView, LocalText } from '../../core/queries/view.js';
import { whoOwes } from '../commitment-cells.js';
import { commitmentName } from '../commitment-name.js';
import { day, dueText, extensionText, labels, localText } from '../i18n.js';
import { occurrenceText } from '../period-names.js';
import { stateText } from '../late-phrases.js';
import { evidenceText } from '../statement.js';
import type { Html } from './html.js';
import { externalLink, html, join } from './html.js';
import { agreementAnchor, relativeHref, sitePaths } from './paths.js';
import { siteLabels } from './site-labels.js';
import { sourceLink } from './source-pages.js';
import { overdueDaysText as lateDays } from '../late-phrases.js';

/** What a page needs to link: its own path and language, and which actors have a page. */
export interface LinkContext {
  readonly lang: Lang;
  readonly path: string;
  readonly actors: ReadonlySet<string>;
  /** The activities (PLAN#A/O/R/N) that have a page of their own: those with follow-up; the others are rows of their plan. */
  readonly activityPages: ReadonlySet<string>;
  /** The source documents the site ships as pages (by the name the records cite); the others are named, not linked. */
  readonly sources: ReadonlySet<string>;
}

export function actorLink(a: ActorRef, lc: LinkContext): Html {
  const links = linksOf(lc);
  const made = links.get(a.id);
  if (made?.label === a.label) return made.link;
  const link = lc.actors.has(a.id) ? html`<a href="${relativeHref(lc.path, sitePaths.actor(lc.lang, a.id))}">${a.label}</a>` : html`${a.label}`;
  if (!made) links.set(a.id, { label: a.label, link });
  return link;
}

// The same few hundred actors are linked from every row of every page: a link depends only on the page's folder and
// language (and the actor's label, which is its id's in that language: a label other than the one kept is made anew).
// The links of a folder are found once per page (its LinkContext), then each by the actor's id — no key made and
// hashed per link (at 2,000 meetings the site links ~2 million actors).
interface MadeLink {
  readonly label: string;
  readonly link: Html;
}

/** Actor links made, per set of actors with a page (one per language of a site), per language and folder. */
const ACTOR_LINKS = new WeakMap<ReadonlySet<string>, Map<string, Map<string, MadeLink>>>();
const PAGE_LINKS = new WeakMap<LinkContext, Map<string, MadeLink>>();

function linksOf(lc: LinkContext): Map<string, MadeLink> {
  let links = PAGE_LINKS.get(lc);
  if (links) return links;
  let byFolder = ACTOR_LINKS.get(lc.actors);
  if (!byFolder) ACTOR_LINKS.set(lc.actors, (byFolder = new Map()));
  const key = `${lc.lang}\n${lc.path.slice(0, lc.path.lastIndexOf('/') + 1)}`;
  links = byFolder.get(key);
  if (!links) byFolder.set(key, (links = new Map()));
  PAGE_LINKS.set(lc, links);
  return links;
}

export function actorLinks(list: readonly ActorRef[], lc: LinkContext): Html {
  return list.length ? join(list.map((a) => actorLink(a, lc)), ', ') : html`—`;
}

/** MEETING#2.b → the meeting's page at #2.b; PLAN#1/I/1/1.1 → the activity's page. */
export function refHref(ref: string, recordKind: 'meeting' | 'plan', lc: LinkContext): string {
  const hash = ref.indexOf('#');
  const record = hash < 0 ? ref : ref.slice(0, hash);
  const key = hash < 0 ? undefined : ref.slice(hash + 1);
  if (recordKind === 'plan') return key !== undefined && lc.activityPages.has(ref) ? relativeHref(lc.path, sitePaths.activity(lc.lang, record, key)) : relativeHref(lc.path, sitePaths.plan(lc.lang, record), key);
  return relativeHref(lc.path, sitePaths.meeting(lc.lang, record), key === undefined ? undefined : agreementAnchor(key));
}

/** Record text in the page's language, or marked with its own language (lang attribute) when it is the other one. */
export function recordText(t: LocalText | undefined, lang: Lang): Html {
  if (!t) return html``;
  const text = localText(t, lang);
  return t.lang === lang ? html`${text}` : html`<span lang="${t.lang}">${text}</span>`;
}

export function commitmentDue(c: CommitmentView, lang: Lang): Html {
  const w = siteLabels(lang);
  return html`${dueText(c.due, lang)}${c.tentative ? html` <span class="tag">${t(lang, 'marks.tentative')}</span>` : ''}${c.deadlineText ? html`<br><span class="worded">«${recordText(c.deadlineText, lang)}» (${w.asWorded})</span>` : ''}${c.extensions.map((e) => html`<br><span class="extension">${extensionText(e, lang)}</span>`)}`;
}

export function stateBadge(c: { readonly state: CommitmentView['state']; readonly daysLateDelivered?: number }, lang: Lang): Html {
  return html`<span class="state state-${c.state}">${stateText(c, lang)}</span>`;
}

/** " (inferred: see notes)" beside owners the source does not name; empty otherwise. */
export function inferredTag(c: CommitmentView, lang: Lang): Html {
  return c.inferred ? html` <span class="tag">${t(lang, 'marks.inferred')}</span>` : html``;
}

/** Commitments as a table: the point (linked), the task, who still owes it, the deadline, the state. */
export function commitmentTable(rows: readonly CommitmentView[], lc: LinkContext, caption: string, options: { readonly delivered?: string } = {}): Html {
  const l = labels(lc.lang);
  if (!rows.length) return html`<p>${siteLabels(lc.lang).nothing}</p>`;
  return html`<table class="commitments stack">
<caption>${caption}</caption>
<thead><tr><th scope="col">${l.words.commitment}</th><th scope="col">${l.words.task}</th><th scope="col">${l.words.owedBy}</th>${options.delivered ? html`<th scope="col">${options.delivered}</th>` : ''}<th scope="col">${l.words.deadline}</th><th scope="col">${l.words.state}</th></tr></thead>
<tbody>
${rows.map((c) => html`<tr><td data-label="${l.words.commitment}">${commitmentLink(c, lc)}</td><td data-label="${l.words.task}">${recordText(c.task, lc.lang)}</td><td data-label="${l.words.owedBy}">${actorLinks(whoOwes(c), lc)}${inferredTag(c, lc.lang)}</td>${options.delivered ? html`<td data-label="${options.delivered}">${c.delivered.length ? join(c.delivered.map((d) => html`${actorLink(d.actor, lc)} (${day(d.date, lc.lang)})`), ', ') : '—'}</td>` : ''}<td data-label="${l.words.deadline}">${commitmentDue(c, lc.lang)}</td><td data-label="${l.words.state}">${stateBadge(c, lc.lang)}${c.daysLate !== undefined ? html` (${lateDays(c.daysLate, lc.lang)})` : ''}</td></tr>
`)}</tbody>
</table>`;
}

export function evidenceLinks(e: FollowUpView['evidence'], lc: LinkContext): Html {
  if (!e) return html``;
  const parts: Html[] = [];
  if (e.url) parts.push(externalLink(e.url));
  if (e.record) parts.push(html`${e.record}`);
  if (e.document) parts.push(sourceLink(e.document, lc));
  return parts.length ? join(parts, ', ') : html`${evidenceText(e)}`;
}

/** The dated follow-up entries of an agreement or activity, oldest first, as recorded. */
export function followupTable(entries: readonly FollowUpView[], lc: LinkContext, caption: string): Html {
  const l = labels(lc.lang);
  if (!entries.length) return html`<p>${siteLabels(lc.lang).noFollowup}</p>`;
  return html`<table class="followup stack">
<caption>${caption}</caption>
<thead><tr><th scope="col">${l.words.date}</th><th scope="col">${l.words.status}</th><th scope="col">${l.words.note}</th><th scope="col">${cap(l.words.delivered)}</th><th scope="col">${cap(l.words.evidence)}</th></tr></thead>
<tbody>
${entries.map((f) => html`<tr><td data-label="${l.words.date}">${day(f.date, lc.lang)}</td><td data-label="${l.words.status}">${f.status ? l.statuses[f.status] : '—'}${f.step !== undefined ? ` (${l.words.step} ${f.step})` : ''}${f.occurrence ? ` (${occurrenceText(f.occurrence, lc.lang)})` : ''}</td><td data-label="${l.words.note}">${recordText(f.note, lc.lang)}${f.deadline ? html` ${l.words.deadline}: ${f.deadline}` : ''}${f.decidedBy ? html` ${l.words.decidedBy} ${f.decidedBy}` : ''}${f.supersededBy ? html` ${l.words.supersededBy} <a href="${refHref(f.supersededBy, 'meeting', lc)}">${f.supersededBy}</a>` : ''}</td><td data-label="${cap(l.words.delivered)}">${actorLinks(f.deliveredBy, lc)}</td><td data-label="${cap(l.words.evidence)}">${evidenceLinks(f.evidence, lc)}</td></tr>
`)}</tbody>
</table>`;
}

const cap = (s: string): string => s.replace(/^./, (c) => c.toUpperCase());

/** "123 días de atraso" / "1 day late": the calendars' phrase (render/late-phrases.ts), made once per number. */
export { lateDays };

/** A commitment as people name it (body · meeting date · point), linked; its id below, a copyable detail. */
export function commitmentLink(c: Parameters<typeof commitmentName>[0], lc: LinkContext): Html {
  return html`<a href="${refHref(c.ref, c.recordKind, lc)}">${commitmentName(c, lc.lang)}</a><br><code class="id">${c.id}</code>`;
}

/** Links to every page of a paged list (none for one page), the current one marked. */
export function pagerNav(pages: number, page: number, href: (n: number) => string, lc: LinkContext): Html {
  if (pages <= 1) return html``;
  const w = siteLabels(lc.lang);
  return html`<nav aria-label="${w.pages}"><ul class="pager">
${Array.from({ length: pages }, (_, i) => i + 1).map((n) => html`<li><a href="${relativeHref(lc.path, href(n))}"${n === page ? html` aria-current="page"` : ''}>${w.page} ${n}</a></li>
`)}</ul></nav>`;
}
