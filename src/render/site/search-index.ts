// The search index of one language, built here with MiniSearch and shipped as a script that sets a global: pages
// opened from file:// may not fetch() a JSON file, but may load a <script src>. The browser loads the same index with
// the same options (assets/search.js), so no request leaves the page.
import MiniSearch from 'minisearch';
import type { Lang } from '../../core/model.js';
import type { SiteModel } from '../../core/queries/site.js';
import { htmlText } from '../escape.js';
import { localText } from '../i18n.js';
import { meetingTitle } from './meeting-pages.js';
import { agreementAnchor, relativeHref, sitePaths } from './paths.js';
import { siteLabels } from './site-labels.js';

export type SearchKind = 'agreement' | 'activity' | 'actor' | 'meeting';

interface SearchDocument {
  readonly id: string;
  readonly kind: SearchKind;
  readonly title: string;
  readonly text: string;
  readonly actors: string;
  readonly snippet: string;
}

export const SEARCH_FIELDS = ['title', 'text', 'actors'] as const;
export const SEARCH_STORED = ['kind', 'title', 'snippet'] as const;

/** Accents and case folded, so "informacion" finds "información" (the browser folds the same way). */
export const foldTerm = (term: string): string => term.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

const snippet = (s: string): string => (s.length > 180 ? `${s.slice(0, 177).trimEnd()}…` : s);

/** Every agreement, activity, actor and meeting of one language; actors carry their names in both languages. */
export function searchDocuments(site: SiteModel, other: SiteModel, activityPages: ReadonlySet<string>): SearchDocument[] {
  const lang: Lang = site.lang;
  const from = sitePaths.search(lang);
  const url = (to: string, fragment?: string): string => relativeHref(from, to, fragment);
  const otherActor = new Map(other.actors.map((a) => [a.ref.id, a]));
  const docs: SearchDocument[] = [];
  for (const m of site.meetings) {
    const title = meetingTitle(m.meeting, lang);
    docs.push({ id: url(sitePaths.meeting(lang, m.meeting.id)), kind: 'meeting', title, text: [m.meeting.id, m.meeting.title ? localText(m.meeting.title, lang) : '', m.meeting.place?.city ?? ''].join(' '), actors: [m.meeting.body, ...m.meeting.participants].map((a) => a.label).join(' '), snippet: m.meeting.id });
    for (const a of m.agreements) {
      const text = localText(a.text, lang);
      const tasks = a.commitments.map((c) => localText(c.task, lang)).join(' ');
      docs.push({ id: url(sitePaths.meeting(lang, m.meeting.id), agreementAnchor(a.number)), kind: 'agreement', title: a.ref, text: `${text} ${tasks}`, actors: a.actors.map((x) => `${x.label} ${otherActor.get(x.id)?.ref.label ?? ''}`).join(' '), snippet: snippet(text) });
    }
  }
  for (const p of site.plans) {
    for (const a of p.activities) {
      const text = localText(a.text, lang);
      const key = a.ref.slice(a.ref.indexOf('#') + 1);
      docs.push({ id: activityPages.has(a.ref) ? url(sitePaths.activity(lang, p.matrix.id, key)) : url(sitePaths.plan(lang, p.matrix.id), key), kind: 'activity', title: a.ref, text, actors: a.responsible.map((x) => `${x.label} ${otherActor.get(x.id)?.ref.label ?? ''}`).join(' '), snippet: snippet(text) });
    }
  }
  for (const a of site.actors) {
    const o = otherActor.get(a.ref.id);
    docs.push({ id: url(sitePaths.actor(lang, a.ref.id)), kind: 'actor', title: a.ref.label, text: [a.name, a.ref.id, o?.ref.label ?? '', o?.name ?? ''].join(' '), actors: '', snippet: a.name });
  }
  // The browser shows these through textContent (never as markup); unsafe code points (bidi overrides, controls) go too.
  return docs.map((d) => ({ ...d, title: htmlText(d.title), text: htmlText(d.text), actors: htmlText(d.actors), snippet: htmlText(d.snippet) }));
}

/** The script that carries the index: `window.ACTA_SEARCH = {…}` (the serialised MiniSearch index and its labels). */
export function renderSearchIndex(site: SiteModel, other: SiteModel, activityPages: ReadonlySet<string>): string {
  const search = new MiniSearch<SearchDocument>({ fields: [...SEARCH_FIELDS], storeFields: [...SEARCH_STORED], processTerm: foldTerm });
  search.addAll(searchDocuments(site, other, activityPages));
  const w = siteLabels(site.lang);
  const payload = { fields: SEARCH_FIELDS, storeFields: SEARCH_STORED, kinds: w.resultKinds, index: JSON.stringify(search) };
  return `// The search index of acta's site (MiniSearch, serialised); generated, do not edit.\nwindow.ACTA_SEARCH = ${JSON.stringify(payload).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`)};\n`;
}
