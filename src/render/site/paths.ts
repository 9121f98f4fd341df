// Where each page of the site lives (a path from the site's root, always with '/') and relative links between them:
// the site works from file://, from a USB stick and under any sub-path of a web server.
import type { Lang } from '../../core/model.js';

// A record id or number as a file name, unique even where file names are compared without case (macOS, Windows) and
// never a name Windows reserves (issue 26 point 14):
// - lower-case letters, digits, '.', '-' kept; every other character as _XX_ (its code point in hex, between
//   underscores), so two different ids never share a file and no id can climb out of its folder;
// - an id whose letters are all capitals (a country code MX, a plan's axis I) keeps them and ends in '~', which no
//   other name holds: MX~ and mx stay two files on a file system that ignores case;
// - a name Windows reserves (con, nul, aux, prn, com1–9, lpt1–9, whatever the case or extension) has its first
//   character written as _XX_, and a name never ends in '.' (Windows drops it).
const PLAIN = /^[a-z0-9-][a-z0-9.-]*$/;
const CAPITALS = /^[A-Z0-9.-]*[A-Z][A-Z0-9.-]*$/;
const RESERVED = /^(?:con|prn|aux|nul|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3]|conin\$|conout\$)$/i;
const hex = (c: string): string => `_${c.codePointAt(0)!.toString(16)}_`;

// Asked for every link of every page, of a few thousand ids: each is worked out once.
const SLUGS = new Map<string, string>();

export function fileSlug(id: string): string {
  let slug = SLUGS.get(id);
  if (slug === undefined) SLUGS.set(id, (slug = slugOf(id)));
  return slug;
}

function slugOf(id: string): string {
  const capitals = /[A-Z]/.test(id) && !/[a-z]/.test(id);
  // The common cases, asked for every link of every page: a lower-case id, or a country code.
  let slug = PLAIN.test(id) || CAPITALS.test(id) ? id : Array.from(id, (c) => (capitals ? /^[A-Z0-9.-]$/ : /^[a-z0-9.-]$/).test(c) ? c : hex(c)).join('');
  if (slug.startsWith('.')) slug = hex('.') + slug.slice(1);
  if (slug.endsWith('.')) slug = slug.slice(0, -1) + hex('.');
  if (RESERVED.test(slug.split('.')[0]!)) slug = hex(slug[0]!) + slug.slice(1);
  return capitals ? `${slug}~` : slug;
}

export const SITE_MARKER = '.acta-site';
export const STYLESHEET = 'assets/site.css';
export const SITE_SCRIPT = 'assets/site.js';
export const SEARCH_SCRIPT = 'assets/search.js';
export const MINISEARCH_SCRIPT = 'assets/minisearch.js';

export const sitePaths = {
  home: (lang: Lang): string => `${lang}/index.html`,
  /** The list of meetings, page n (from 1). */
  meetings: (lang: Lang, page = 1): string => `${lang}/meetings/index${page > 1 ? `~${page}` : ''}.html`,
  meeting: (lang: Lang, id: string): string => `${lang}/meetings/${fileSlug(id)}.html`,
  actors: (lang: Lang): string => `${lang}/actors/index.html`,
  actor: (lang: Lang, id: string): string => `${lang}/actors/${fileSlug(id)}.html`,
  /** A long part of an actor's page (a statement section, a group's commitments), page n. */
  actorPart: (lang: Lang, id: string, part: string, page = 1): string => `${lang}/actors/${fileSlug(id)}/${part}${page > 1 ? `~${page}` : ''}.html`,
  calendar: (lang: Lang, id: string): string => `${lang}/actors/${fileSlug(id)}.ics`,
  plans: (lang: Lang): string => `${lang}/workplan/index.html`,
  plan: (lang: Lang, id: string): string => `${lang}/workplan/${fileSlug(id)}.html`,
  activity: (lang: Lang, plan: string, key: string): string => `${lang}/workplan/${fileSlug(plan)}/${key.split('/').map(fileSlug).join('~')}.html`,
  overdue: (lang: Lang): string => `${lang}/overdue.html`,
  /** One actor's part of the overdue or upcoming list, page n (from 1); '' the commitments no one is named for,
   * '_waiting' those waiting for a meeting. '_' never starts an id's file name (fileSlug writes it as _5f_). */
  listPart: (lang: Lang, kind: 'overdue' | 'upcoming', key: string, page = 1): string => `${lang}/${kind}/${key === '' ? '_none' : key === '_waiting' ? key : fileSlug(key)}${page > 1 ? `~${page}` : ''}.html`,
  upcoming: (lang: Lang): string => `${lang}/upcoming.html`,
  search: (lang: Lang): string => `${lang}/search.html`,
  /** A source document the records cite (sources/NAME under the records root), its lines numbered. */
  source: (lang: Lang, name: string): string => `${lang}/sources/${fileSlug(name)}.html`,
  searchIndex: (lang: Lang): string => `${lang}/search-index.js`,
  /** Shard n (from 1) of the search index, loaded by the search page when a search is made. */
  searchShard: (lang: Lang, n: number): string => `${lang}/search-index/${n}.js`,
};

/** The fragment of an agreement on its meeting's page: the record's own number (MEETING#2.b → #2.b). */
export function agreementAnchor(key: string): string {
  return key;
}

/** A relative link from one page to another path of the site (with an optional #fragment, percent-encoded). */
export function relativeHref(from: string, to: string, fragment?: string): string {
  // The folders both paths share (a prefix ending in '/'), then one '..' per folder of `from` below them.
  let common = 0;
  for (let i = 0; i < from.length && i < to.length && from[i] === to[i]; i++) if (from[i] === '/') common = i + 1;
  let up = '';
  for (let i = common; i < from.length; i++) if (from[i] === '/') up += '../';
  const rest = to.slice(common);
  // Most paths are made by fileSlug and need no encoding; any other is encoded a segment at a time ('~' kept).
  const rel = up + (PLAIN_PATH.test(rest) ? rest : rest.split('/').map((s) => encodeURIComponent(s).replace(/%7E/gi, '~')).join('/'));
  return fragment === undefined ? rel : `${rel}#${encodeURIComponent(fragment).replace(/%2F/gi, '/')}`;
}

/** What encodeURIComponent leaves as it is, and '/' between segments. */
const PLAIN_PATH = /^[A-Za-z0-9\-_.!~*'()/]*$/;
