// The overdue and upcoming lists at a secretariat's volume: an index page (per actor, by kind: how many, in its own
// name and as a member of a group, the worst delay; a jump list) and each actor's part as pages of at most PAGE_ROWS
// full rows. A group commitment is shown once in full under the group, with who already delivered; under each member
// still owing it, a one-line reference. No page grows with the whole list: each grows with one actor's page.
import type { BookEntry, FollowupBook } from '../../core/queries/followup-book.js';
import type { ActorRef, CommitmentView } from '../../core/queries/view.js';
import { countLine, day, reportTitle } from '../i18n.js';
import { num } from '../numbers.js';
import type { LinkContext } from './components.js';
import { actorLink, commitmentTable, lateDays, refHref } from './components.js';
import { commitmentName } from '../commitment-name.js';
import type { Html } from './html.js';
import { html } from './html.js';
import { relativeHref, sitePaths } from './paths.js';
import { siteLabels } from './site-labels.js';
import { shownOf } from './site-labels.js';

/** Full rows per page: about 100 px each at 1280 px, so a page stays well under 30 screens of 900 px. */
export const PAGE_ROWS = 50;
/** One-line references per page (about 25 px each). */
export const PAGE_REFS = 200;

export interface BookPage {
  readonly path: string;
  readonly title: string;
  readonly body: (lc: LinkContext) => Html;
}

const pagesOf = (n: number, size: number): number => Math.max(1, Math.ceil(n / size));

/** Every page of one list: its index first, then each actor's pages, then those waiting past their expected meeting. */
export function* bookPages(book: FollowupBook, lang: LinkContext['lang']): Generator<BookPage> {
  const w = siteLabels(lang);
  const title = reportTitle(book.kind, book.asOf, undefined, lang);
  yield { path: book.kind === 'overdue' ? sitePaths.overdue(lang) : sitePaths.upcoming(lang), title, body: (lc) => bookIndex(book, lc) };
  for (const section of book.sections)
    for (const entry of section.entries) {
      const pages = Math.max(pagesOf(entry.own.length, PAGE_ROWS), pagesOf(entry.through.reduce((n, t) => n + t.rows.length, 0), PAGE_REFS));
      for (let page = 1; page <= pages; page++) {
        const name = entry.key === '' ? w.bookSections.none : entry.label;
        const model = entryPageModel(book, entry, page, pages);
        yield { path: sitePaths.listPart(lang, book.kind, entry.key, page), title: `${name} — ${title}${pages > 1 ? ` (${w.page.toLowerCase()} ${page}/${pages})` : ''}`, body: (lc) => entryPage(model, lc) };
      }
    }
  if (book.waiting.length) {
    const pages = pagesOf(book.waiting.length, PAGE_ROWS);
    for (let page = 1; page <= pages; page++)
      yield { path: sitePaths.listPart(lang, book.kind, '_waiting', page), title: `${w.pastExpected}${pages > 1 ? ` (${page}/${pages})` : ''}`, body: (lc) => waitingPage(book, page, pages, lc) };
  }
}

function bookIndex(book: FollowupBook, lc: LinkContext): Html {
  const w = siteLabels(lc.lang);
  const title = reportTitle(book.kind, book.asOf, undefined, lc.lang);
  const to = (p: string): string => relativeHref(lc.path, p);
  const worst = book.kind === 'overdue' ? w.worstOverdue : w.worstUpcoming;
  return html`<h1>${title}</h1>
<p>${countLine(book.kind, book.count, lc.lang).replace(String(book.count), num(book.count, lc.lang))}</p>
${book.sections.length > 1 || book.waiting.length ? html`<nav aria-label="${w.jumpTo}"><ul class="jump">
${book.sections.map((s) => html`<li><a href="#${s.kind}">${w.bookSections[s.kind]} (${s.entries.length})</a></li>
`)}${book.waiting.length ? html`<li><a href="${to(sitePaths.listPart(lc.lang, book.kind, '_waiting'))}">${w.waiting} (${num(book.waiting.length, lc.lang)})</a></li>
` : ''}</ul></nav>` : ''}
${book.sections.map((s) => html`<h2 id="${s.kind}">${w.bookSections[s.kind]}</h2>
<table class="stack counts">
<caption>${title} — ${w.bookSections[s.kind]}</caption>
<thead><tr><th scope="col">${w.actor}</th><th scope="col" class="num">${w.commitmentsCol}</th><th scope="col" class="num">${w.ownCol}</th><th scope="col" class="num">${w.throughCol}</th><th scope="col" class="num">${worst}</th></tr></thead>
<tbody>
${s.entries.map((e) => html`<tr><td><a href="${to(sitePaths.listPart(lc.lang, book.kind, e.key))}">${e.key === '' ? w.bookSections.none : e.label}</a></td><td class="num" data-label="${w.commitmentsCol}">${num(e.count, lc.lang)}</td><td class="num" data-label="${w.ownCol}">${num(e.own.length, lc.lang)}</td><td class="num" data-label="${w.throughCol}">${num(e.count - e.own.length, lc.lang)}</td><td class="num" data-label="${worst}">${e.worst !== undefined ? num(e.worst, lc.lang) : '—'}</td></tr>
`)}</tbody>
</table>
`)}`;
}

function pager(kind: FollowupBook['kind'], key: string, page: number, pages: number, lc: LinkContext): Html {
  if (pages <= 1) return html``;
  const w = siteLabels(lc.lang);
  return html`<nav aria-label="${w.pages}"><ul class="pager">
${Array.from({ length: pages }, (_, i) => i + 1).map((n) => html`<li>${n === page ? html`<a aria-current="page" href="${relativeHref(lc.path, sitePaths.listPart(lc.lang, kind, key, n))}">${w.page} ${n}</a>` : html`<a href="${relativeHref(lc.path, sitePaths.listPart(lc.lang, kind, key, n))}">${w.page} ${n}</a>`}</li>
`)}</ul></nav>`;
}

/** One page of an actor's part of a list: what the page shows of its entry, sliced (its rows, not the entry's). */
export interface EntryPageModel {
  readonly kind: FollowupBook['kind'];
  readonly asOf: FollowupBook['asOf'];
  readonly key: BookEntry['key'];
  readonly label: string;
  readonly entryKind: BookEntry['kind'];
  readonly count: number;
  /** How many it owes in its own name (all pages); `rows` are this page's. */
  readonly ownCount: number;
  readonly rows: readonly CommitmentView[];
  /** By group: how many it owes through the group (all pages), and this page's references. */
  readonly through: readonly { readonly group: ActorRef; readonly count: number; readonly shown: readonly CommitmentView[] }[];
  readonly page: number;
  readonly pages: number;
}

export function entryPageModel(book: FollowupBook, e: BookEntry, page: number, pages: number): EntryPageModel {
  const from = (page - 1) * PAGE_ROWS;
  const refsFrom = (page - 1) * PAGE_REFS;
  let skipped = 0;
  const through = e.through.flatMap((t) => {
    const start = Math.max(0, refsFrom - skipped);
    const end = Math.max(0, refsFrom + PAGE_REFS - skipped);
    skipped += t.rows.length;
    const shown = t.rows.slice(start, end);
    return shown.length ? [{ group: t.group, count: t.rows.length, shown }] : [];
  });
  return { kind: book.kind, asOf: book.asOf, key: e.key, label: e.label, entryKind: e.kind, count: e.count, ownCount: e.own.length, rows: e.own.slice(from, from + PAGE_ROWS), through, page, pages };
}

export function entryPage(e: EntryPageModel, lc: LinkContext): Html {
  const w = siteLabels(lc.lang);
  const title = reportTitle(e.kind, e.asOf, undefined, lc.lang);
  const name = e.key === '' ? html`${w.bookSections.none}` : lc.actors.has(e.key) ? actorLink({ id: e.key, label: e.label }, lc) : html`${e.label}`;
  const { page, pages, rows } = e;
  const from = (page - 1) * PAGE_ROWS;
  return html`<p class="print-hide"><a href="${relativeHref(lc.path, e.kind === 'overdue' ? sitePaths.overdue(lc.lang) : sitePaths.upcoming(lc.lang))}">${w.wholeList}</a></p>
<h1>${name}</h1>
<p class="subtitle">${title} · ${countLine(e.kind, e.count, lc.lang).replace(String(e.count), num(e.count, lc.lang))}</p>
${pager(e.kind, e.key, page, pages, lc)}
${rows.length ? html`<h2>${e.entryKind === 'group' ? w.groupOwes : w.ownCol}</h2>
${e.ownCount > PAGE_ROWS ? html`<p>${shownOf(num(e.ownCount, lc.lang), num(from + 1, lc.lang), num(from + rows.length, lc.lang), lc.lang)}</p>` : ''}
${e.entryKind === 'group' ? groupTable(rows, lc, `${title} — ${e.label}`) : commitmentTable(rows, lc, `${title} — ${e.label}`)}` : ''}
${e.through.map((t) => html`<h2>${w.throughHeading} ${actorLink(t.group, lc)} (${num(t.count, lc.lang)})</h2>
<p class="note">${w.oneLineNote}</p>
<ul class="refs">
${t.shown.map((c) => html`<li>${refLine(c, e.kind, lc)}</li>
`)}</ul>
`)}
${pager(e.kind, e.key, page, pages, lc)}`;
}

/** A one-line reference: the commitment's name (linked to its group's page), how late or how soon. */
function refLine(c: CommitmentView, kind: FollowupBook['kind'], lc: LinkContext): Html {
  const when = kind === 'overdue' && c.daysLate !== undefined ? lateDays(c.daysLate, lc.lang) : c.due.day ? day(c.due.day, lc.lang) : '';
  return html`<a href="${refHref(c.ref, c.recordKind, lc)}">${commitmentName(c, lc.lang)}</a>${when ? html` — ${when}` : ''} <code class="id">${c.id}</code>`;
}

/** A group's commitments: the usual table and who among its members already delivered (the rest still owe it). */
function groupTable(rows: readonly CommitmentView[], lc: LinkContext, caption: string): Html {
  return commitmentTable(rows, lc, caption, { delivered: siteLabels(lc.lang).deliveredCol });
}

function waitingPage(book: FollowupBook, page: number, pages: number, lc: LinkContext): Html {
  const w = siteLabels(lc.lang);
  const from = (page - 1) * PAGE_ROWS;
  const rows = book.waiting.slice(from, from + PAGE_ROWS);
  return html`<p class="print-hide"><a href="${relativeHref(lc.path, sitePaths.overdue(lc.lang))}">${w.wholeList}</a></p>
<h1>${w.pastExpected}</h1>
${pager(book.kind, '_waiting', page, pages, lc)}
${book.waiting.length > PAGE_ROWS ? html`<p>${shownOf(num(book.waiting.length, lc.lang), num(from + 1, lc.lang), num(from + rows.length, lc.lang), lc.lang)}</p>` : ''}
${commitmentTable(rows, lc, `${w.pastExpected} (${num(book.waiting.length, lc.lang)})`)}
${pager(book.kind, '_waiting', page, pages, lc)}`;
}
