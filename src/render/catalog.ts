// Every word acta prints comes from here: t(lang, 'section.key', params) renders the ICU message of locales/<lang>/
// (plural and select rules, numbers through Intl in the catalog's language). Keys and sections are typed from the
// English catalog (catalog-keys.ts, generated); a language other than es/en falls back to English key by key.
import type { IntlMessageFormat } from 'intl-messageformat';
import type { CatalogMessages } from '../io/locales.js';
import { readCatalog } from '../io/locales.js';
import type { MessageKey, Sections } from './catalog-keys.js';
import { messageFormat } from './message-format.js';

export type { MessageKey, Sections } from './catalog-keys.js';
export type SectionName = keyof Sections;
/** A message's parameters: numbers are formatted (and pluralised) in the catalog's language; text goes in as is. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** English: the fallback for a key a third language has not translated yet. */
export const FALLBACK_LANG = 'en';

/** The messages of `lang` (es and en always exist; another language only if a catalog folder has it). */
export function catalogOf(lang: string): CatalogMessages {
  const found = readCatalog(lang);
  if (!found) throw new Error(`no message catalog for language \`${lang}\``);
  return found;
}

export function hasCatalog(lang: string): boolean {
  return readCatalog(lang) !== undefined;
}

const COMPILED = new WeakMap<CatalogMessages, Map<string, IntlMessageFormat | string>>();

function compiled(messages: CatalogMessages, key: string, lang: string): IntlMessageFormat | string | undefined {
  let cache = COMPILED.get(messages);
  if (!cache) COMPILED.set(messages, (cache = new Map()));
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const text = messages.get(key);
  if (text === undefined) return undefined;
  // Plain text (no argument, no quoting) is its own rendering: most labels never reach the ICU parser.
  const made = /[{}']/.test(text) ? messageFormat(text, lang) : text;
  cache.set(key, made);
  return made;
}

/** The rendered message `key` in `lang` (English when `lang` lacks it; the key itself when no catalog has it). */
export function t(lang: string, key: MessageKey, params?: MessageParams): string {
  return message(lang, key, params) ?? key;
}

/** Whether `lang` (or English, its fallback) has the message `key`. */
export function hasMessage(lang: string, key: string): boolean {
  return catalogOf(lang).has(key) || (lang !== FALLBACK_LANG && catalogOf(FALLBACK_LANG).has(key));
}

/** Like t, for keys built at run time (diagnostic codes, template lookups): undefined when no catalog has the key. */
export function message(lang: string, key: string, params?: MessageParams): string | undefined {
  let m = compiled(catalogOf(lang), key, lang);
  if (m === undefined && lang !== FALLBACK_LANG) m = compiled(catalogOf(FALLBACK_LANG), key, FALLBACK_LANG);
  if (m === undefined) return undefined;
  if (typeof m === 'string') return m;
  return m.format<string>(params as Record<string, string | number> | undefined) as string;
}

type Head<K extends string> = K extends `${infer H}.${string}` ? H : K;
/** A section's keys as nested objects: 'kinds.country' is tree.kinds.country. */
export type Tree<K extends string> = { readonly [H in Head<K>]: H extends K ? string : Tree<K extends `${H}.${infer R}` ? R : never> };

const TREES = new WeakMap<CatalogMessages, Map<string, unknown>>();

/** A section's messages as plain text, nested by key: for labels that take no parameters (states, column words…).
 * Built once per catalog and shared read-only, since formatters look labels up per row. */
export function section<S extends SectionName>(lang: string, name: S): Tree<Sections[S]> {
  const messages = catalogOf(lang);
  let cache = TREES.get(messages);
  if (!cache) TREES.set(messages, (cache = new Map()));
  const hit = cache.get(name);
  if (hit) return hit as Tree<Sections[S]>;
  const out: Record<string, unknown> = lang === FALLBACK_LANG ? {} : structuredClone(section(FALLBACK_LANG, name) as Record<string, unknown>);
  const prefix = `${name}.`;
  for (const [key, text] of messages) {
    if (!key.startsWith(prefix)) continue;
    const path = key.slice(prefix.length).split('.');
    let node = out;
    for (const p of path.slice(0, -1)) node = (node[p] ??= {}) as Record<string, unknown>;
    node[path[path.length - 1]!] = text;
  }
  cache.set(name, out);
  return out as Tree<Sections[S]>;
}

/** A number for people, in the catalog's language (1,000 in English; 1000 and 10.000 in Spanish). */
export function numberText(n: number, lang: string): string {
  return new Intl.NumberFormat(lang).format(n);
}
