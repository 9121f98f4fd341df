// Names in a report's text → registry actors: countries by name (es/en, with the usual short forms), organisations
// and organs by acronym and name, groups by name ("los Países Miembros" → member-countries). Pure: registries in.
import { buildActorDirectory } from '../actors.js';
import type { ActorId, Registries, Text } from '../model.js';

export interface ActorName {
  readonly actor: ActorId;
  /** A regex source matching the name. */
  readonly pattern: RegExp;
  readonly kind: 'country' | 'organisation' | 'body' | 'group';
}

// A name matches with or without its accents and with a space or a hyphen between words ("Pro-Témpore", "Pro Tempore").
const FOLD: Readonly<Record<string, string>> = { a: '[aá]', e: '[eé]', i: '[ií]', o: '[oó]', u: '[uúü]', á: '[aá]', é: '[eé]', í: '[ií]', ó: '[oó]', ú: '[uúü]', A: '[AÁ]', E: '[EÉ]', I: '[IÍ]', O: '[OÓ]', U: '[UÚ]', Á: '[AÁ]', É: '[EÉ]', Í: '[IÍ]', Ó: '[OÓ]', Ú: '[UÚ]' };
const escape = (s: string): string =>
  s
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/[aeiouáéíóúAEIOUÁÉÍÓÚ]/g, (c) => FOLD[c] ?? c)
    .replace(/[ -]+/g, '[\\s-]+');
const words = (t: Text | undefined): string[] => [t?.es, t?.en].filter((s): s is string => !!s);
// Short forms the reports use for a registered name ("Estados Unidos" for "Estados Unidos de América").
const SHORT: readonly (readonly [RegExp, string])[] = [[/ de América$/, ''], [/ of America$/, '']];
// Common ways the reports write organ names ("Presidencia Pro-Témpore").
const VARIANTS = (name: string): string[] => {
  const out = new Set([name, ...SHORT.map(([re, to]) => name.replace(re, to))]);
  for (const n of [...out]) out.add(n.replace(/Pro Tempore/i, 'Pro-Témpore')).add(n.replace(/Pro Tempore/i, 'Pro-Tempore')).add(n.replace(/Pro Tempore/i, 'Pro Témpore'));
  return [...out];
};

/** A body's name without its trailing topic ("Grupo Regional de Consulta" for "… sobre Migración"), when three words
 * or more remain: how reports name an organ in passing. */
export function shortNames(name: Text | undefined): string[] {
  return words(name).flatMap((n) => {
    const m = /^(.{10,})\s+(?:sobre|on)\s+\p{Lu}[\p{L}\s]*$/u.exec(n);
    return m && m[1]!.split(/\s+/).length >= 3 ? [m[1]!] : [];
  });
}

// "Ciudad de México", "Ciudad de Panamá", "Ciudad de Guatemala" are cities, not their countries.
const CITY_OF = '(?<!Ciudad\\s+de\\s+)';

/** Every name of every registered actor, longest first (so "Estados Unidos de América" wins over "Estados Unidos"):
 * names, acronyms and `aliases` as the one actor directory (core/actors.ts) holds them. */
export function actorNames(registries: Registries): ActorName[] {
  const out: [string, ActorName['kind'], ActorId, boolean][] = [];
  for (const info of buildActorDirectory(registries).byId.values()) {
    // Groups are found by name only ("los Países Miembros"), with none of the organ-name variants.
    const names = info.kind === 'group' ? words(info.name) : [...words(info.name), ...(info.kind === 'body' ? shortNames(info.name) : []), ...(info.aliases ?? [])].flatMap(VARIANTS);
    for (const n of names) out.push([n, info.kind, info.id, false]);
    for (const a of words(info.acronym)) out.push([a, info.kind, info.id, true]);
  }
  return out
    .sort((a, b) => b[0].length - a[0].length)
    .map(([name, kind, actor, acronym]) => ({ actor, kind, pattern: new RegExp(`${kind === 'country' ? CITY_OF : ''}${escape(name)}`, acronym ? 'gu' : 'giu') }));
}

// A name is a whole word: no letter, digit (or hyphen, before it) on either side. Checked by findActors, not inside
// each name's pattern: \p{L} in a case-insensitive pattern costs its case closure at every compile (143 patterns:
// 154 ms → 29 ms for the first sentences of an import), these four compile once. Same flags as the name's pattern.
const WORD_BEFORE = { i: /[\p{L}\d-]$/iu, exact: /[\p{L}\d-]$/u };
const WORD_AFTER = { i: /^[\p{L}\d]/iu, exact: /^[\p{L}\d]/u };

export interface FoundActor {
  readonly actor: ActorId;
  readonly kind: ActorName['kind'];
  readonly start: number;
  /** Every mention names the actor as a frame ("los Países Miembros de la CRM", "en el marco de la CRM"), not as one who acts. */
  readonly framed: boolean;
}

// "de la CRM", "en la CRM", "en el marco de la CRM": a body named after these qualifies what precedes it.
// ("a través de la ST", "por parte de la ST" name who acts).
const FRAME = /(?<!(?:través|parte)\s+)(?<![\p{L}])(?:(?:de|en)\s+la\s+(?:[IVXLC]{1,6}\s+)?|(?:in|within)\s+the\s+(?:framework\s+of\s+the\s+)?(?:[IVXLC]{1,6}\s+)?|of\s+the\s+[IVXLC]{1,6}\s+)$/iu;
// A quoted title ("“Taller … en los países de la CRM”") names no actor; nor does a possessive ("the RCM’s Fund",
// "Sri Lanka’s Chairmanship"), a country after its city ("held in Managua, Nicaragua", "Panama City"), a name inside a
// compound ("Mexico-USA-Central America Working Committee") or a body qualifying a group ("RCM Member Countries").
const QUOTED = /“[^”\n]{0,400}”|«[^»\n]{0,400}»|"[^"\n]{0,400}"/g;
const CITY_BEFORE = /(\p{Lu}[\p{L}.'’-]*(?:\s+(?:de\s+|del\s+|la\s+)?\p{Lu}[\p{L}.'’-]*){0,3}),\s*$/u;

/** The actors a text names, each once, in order of first mention; a longer name hides the shorter ones inside it. */
export function findActors(text: string, names: readonly ActorName[]): FoundActor[] {
  // Which characters a longer name already took: a mention is checked against its own span only (linear in the
  // text for a given registry, where a list of taken spans was quadratic in mentions).
  const taken = new Uint8Array(text.length);
  const free = (s: number, e: number): boolean => {
    for (let i = s; i < e; i++) if (taken[i]) return false;
    return true;
  };
  const quoted = new Uint8Array(text.length);
  for (const q of text.matchAll(QUOTED)) quoted.fill(1, q.index, q.index + q[0].length);
  const found: (Omit<FoundActor, 'framed'> & { end: number })[] = [];
  for (const n of names) {
    const fold = n.pattern.ignoreCase ? 'i' : 'exact';
    const re = new RegExp(n.pattern); // its own lastIndex (as matchAll's copy had)
    // Each match where a name starts, left to right; one inside a longer word is passed over by a character, as the
    // pattern's own lookarounds did (a name's match ends where its last letter does, one end a start).
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const [s, e] = [m.index, m.index + m[0].length];
      if (WORD_BEFORE[fold].test(text.slice(Math.max(0, s - 2), s)) || WORD_AFTER[fold].test(text.slice(e, e + 2))) {
        re.lastIndex = s + ((text.codePointAt(s) ?? 0) > 0xffff ? 2 : 1);
        continue;
      }
      if (!free(s, e)) continue;
      taken.fill(1, s, e);
      found.push({ actor: n.actor, kind: n.kind, start: s, end: e });
    }
  }
  found.sort((a, b) => a.start - b.start);
  const unframed = new Set<string>();
  found.forEach((f, i) => {
    const before = text.slice(Math.max(0, f.start - 40), f.start);
    const after = text.slice(f.end, f.end + 24);
    const prev = found[i - 1];
    if (quoted[f.start] || /^[’']s\b/.test(after)) return;
    if (f.kind === 'country') {
      // The word before the comma must be no actor of its own ("Guatemala, El Salvador" is a list, not a city).
      const city = CITY_BEFORE.exec(before);
      const comma = f.start - (before.length - before.lastIndexOf(','));
      if ((city && !taken[comma - 1]) || /^\s+City\b/.test(after) || /^-\p{L}/u.test(after)) return;
    }
    if (f.kind === 'body') {
      if (FRAME.test(before.slice(-24)) || /[\p{L}\d]\/$/u.test(before) || /^\s+(?:Member\s+Countries|Países\s+Miembros)\b/iu.test(after)) return;
      // "la Conferencia Regional sobre Migración (CRM)": the acronym shares the framing of the name just before it.
      if (prev && prev.actor === f.actor && /^\s*\(\s*$/.test(text.slice(prev.end, f.start))) return;
    }
    unframed.add(f.actor);
  });
  const seen = new Set<string>();
  return found
    .filter((f) => !seen.has(f.actor) && seen.add(f.actor))
    .map(({ end: _end, ...f }) => ({ ...f, framed: !unframed.has(f.actor) }));
}
