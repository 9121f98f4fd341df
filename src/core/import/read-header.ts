// A report's header lines → title, body, ordinal, dates, place and participants, each with how it was found.
import type { Day } from '../dates.js';
import { isRealDate } from '../dates.js';
import type { Body, Registries } from '../model.js';
import { MONTHS } from './deadline-phrases.js';
import type { ActorName } from './match-actors.js';
import { findActors } from './match-actors.js';

export interface ReportHeader {
  readonly title?: string;
  readonly body?: { readonly id: string; readonly score: number };
  readonly ordinal?: { readonly value: number; readonly from: string };
  readonly dates?: { readonly start: Day; readonly end?: Day; readonly wording: string };
  readonly place?: { readonly city: string; readonly country?: string };
  readonly participants?: { readonly codes: readonly string[]; readonly sentence: string };
}

const M = [...MONTHS.es, ...MONTHS.en, 'setiembre'].join('|');
const pad = (n: number): string => String(n).padStart(2, '0');
function month(name: string): number {
  const n = name.toLowerCase() === 'setiembre' ? 'septiembre' : name.toLowerCase();
  return (MONTHS.es.indexOf(n) + 1 || MONTHS.en.indexOf(n) + 1);
}
const day = (y: string, m: string, d: string): Day => `${y}-${pad(month(m))}-${pad(Number(d))}`;

// Meeting dates as reports print them, ranges first: [pattern, (groups) → [start, end?]].
const D = '(?<!\\d)(\\d{1,2})(?:º|°|st|nd|rd|th)?';
const RANGES: readonly (readonly [RegExp, (g: string[]) => [Day, Day?]])[] = [
  // "los días 22 y 23 de marzo del año 2001", "del 2 al 4 de septiembre de 2009", "27, 28 y 29 de octubre de 1999", "18-19 de agosto de 2015"
  [new RegExp(`${D}(?:\\s*,\\s*\\d{1,2})*\\s*(?:y|al|a|-|–|—)\\s*${D}\\s+(?:de\\s+)?(${M}),?\\s+(?:del?\\s+)?(?:año\\s+)?(\\d{4})`, 'i'), (g) => [day(g[4]!, g[3]!, g[1]!), day(g[4]!, g[3]!, g[2]!)]],
  // "March 22-23, 2001", "April 7 to 9, 2016"
  [new RegExp(`(${M})\\s+${D}\\s*(?:-|–|—|to|and|al|y)\\s*${D},?\\s+(\\d{4})`, 'i'), (g) => [day(g[4]!, g[1]!, g[2]!), day(g[4]!, g[1]!, g[3]!)]],
  // "12-14 November, 2014" is a range too (above); "2 to 4 September 2009"
  [new RegExp(`${D}\\s+(?:to|and)\\s+${D}\\s+(${M}),?\\s+(\\d{4})`, 'i'), (g) => [day(g[4]!, g[3]!, g[1]!), day(g[4]!, g[3]!, g[2]!)]],
];
const SINGLES: readonly (readonly [RegExp, (g: string[]) => [Day, Day?]])[] = [
  [new RegExp(`${D}\\s+(?:de\\s+)?(${M}),?\\s+(?:del?\\s+)?(?:año\\s+)?(\\d{4})`, 'i'), (g) => [day(g[3]!, g[2]!, g[1]!)]],
  [new RegExp(`(${M})\\s+${D},?\\s+(\\d{4})`, 'i'), (g) => [day(g[3]!, g[1]!, g[2]!)]],
];

function firstDate(lines: readonly string[], forms: typeof RANGES): ReportHeader['dates'] {
  for (const line of lines) {
    for (const [re, read] of forms) {
      const m = re.exec(line);
      if (!m) continue;
      const [start, end] = read([...m].map((x) => x ?? ''));
      if (isRealDate(start) && (end === undefined || (isRealDate(end) && end > start))) return { start, ...(end ? { end } : {}), wording: m[0].replace(/\s+/g, ' ') };
    }
  }
  return undefined;
}

/** The meeting's dates: a range anywhere in the header first ("los días 18 y 19 de noviembre"), then the first date,
 * preferring a short line of its own ("16-17 de marzo, 2017"); a date wrapped across two lines is read too. */
export function readMeetingDates(lines: readonly string[]): ReportHeader['dates'] {
  const ordered = [...lines.filter((l) => l.length <= 80), ...lines.filter((l) => l.length > 80)];
  const joined = [lines.join(' ')];
  return firstDate(ordered, RANGES) ?? firstDate(joined, RANGES) ?? firstDate(ordered, SINGLES) ?? firstDate(joined, SINGLES);
}

const ROMAN: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10, L: 50 };
function roman(s: string): number | undefined {
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const [a, b] = [ROMAN[s[i]!], ROMAN[s[i + 1] ?? ''] ?? 0];
    if (a === undefined) return undefined;
    total += a < b ? -a : a;
  }
  return total || undefined;
}
const ORDINAL_WORDS = ['primera', 'segunda', 'tercera', 'cuarta', 'quinta', 'sexta', 'séptima', 'octava', 'novena', 'décima'];
const ORDINAL_EN = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/** "I REUNIÓN", "Tercera Reunión", "celebró su primera reunión", "Third Meeting" → the ordinal. */
export function readOrdinal(lines: readonly string[]): ReportHeader['ordinal'] {
  for (const line of lines) {
    let m = /(?:^|\s)([IVXL]{1,6})\s+(?:REUNI[ÓO]N|Reuni[óo]n|MEETING|Meeting)\b/.exec(line);
    const r = m ? roman(m[1]!) : undefined;
    if (r) return { value: r, from: m![0].trim() };
    m = new RegExp(`\\b(${ORDINAL_WORDS.join('|')}|${ORDINAL_EN.join('|')})\\s+(?:reuni[óo]n|meeting)\\b`, 'i').exec(line);
    if (m) {
      const w = m[1]!.toLowerCase();
      return { value: (ORDINAL_WORDS.indexOf(w) + 1 || ORDINAL_EN.indexOf(w) + 1), from: m[0] };
    }
  }
  return undefined;
}

const fold = (s: string): string[] =>
  s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 3);
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A body's every name: names, acronyms and aliases, in both languages. */
function namesOf(b: Body): { names: string[]; acronyms: string[] } {
  const text = (t: { es?: string; en?: string } | undefined): string[] => [t?.es, t?.en].filter((x): x is string => !!x);
  return { names: [...text(b.name), ...(b.aliases ?? [])], acronyms: text(b.acronym) };
}

/** The registered body (network, group or organ) a line names: an acronym as a word ("RCGM"), or a name whose words
 * the line holds (≥ 60 %, in either language or an alias). The best score wins; on a tie, the longer name. */
export function matchBody(title: string, registries: Registries): ReportHeader['body'] {
  const t = new Set(fold(title));
  let best: { id: string; score: number; size: number } | undefined;
  for (const b of registries.bodies as readonly Body[]) {
    const { names, acronyms } = namesOf(b);
    for (const a of acronyms) {
      if (a.length >= 2 && new RegExp(`(?<![\\p{L}\\d])${escapeRe(a)}(?![\\p{L}\\d])`, 'u').test(title)) {
        const size = 0.5;
        if (!best || 1 > best.score || (best.score === 1 && size > best.size)) best = { id: b.id, score: 1, size };
      }
    }
    for (const n of names) {
      const words = fold(n);
      if (!words.length) continue;
      const score = words.filter((w) => t.has(w)).length / words.length;
      if (!best || score > best.score || (score === best.score && words.length > best.size)) best = { id: b.id, score, size: words.length };
    }
  }
  return best && best.score >= 0.6 ? { id: best.id, score: best.score } : undefined;
}

const CITY = "\\p{Lu}[\\p{L}.'’-]*(?:\\s+(?:de\\s+|del\\s+|la\\s+)?\\p{Lu}[\\p{L}.'’-]*){0,3}";
// "en la ciudad de Tela, República de Honduras", "in the city of Managua, Nicaragua", "tuvo lugar en San José, Costa Rica".
const IN_CITY = new RegExp(`(?:^|\\b(?:en|in|at)\\s+(?:la\\s+ciudad\\s+de\\s+|the\\s+city\\s+of\\s+|las\\s+ciudades\\s+de\\s+|the\\s+cities\\s+of\\s+)?)(${CITY}),\\s*`, 'gu');
// "celebrada en Cancún los días 29 y 30": a city with no country, before the dates.
const CITY_THEN_DATE = new RegExp(`\\b(?:en|in)\\s+(${CITY}),?\\s+(?:los\\s+días|el\\s+día|el\\s+\\d|del\\s+\\d|on\\s+\\p{Lu}|from\\s+\\d)`, 'u');
const STATE = /^(?:(?:la\s+)?Rep[úu]blica\s+(?:de\s+|del\s+)?|the\s+Republic\s+of\s+|the\s+)/iu;
const titleCase = (s: string): string => (/\p{Ll}/u.test(s) ? s : s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase()).replace(/\b(De|Del|La|Of)\b/g, (w) => w.toLowerCase()));

/** Where the meeting took place: "Tegucigalpa, Honduras" (a line of its own, or before the date), or a city and its
 * registered country inside a sentence ("tuvo lugar en San José, Costa Rica"). */
export function readPlace(lines: readonly string[], names: readonly ActorName[]): ReportHeader['place'] {
  for (const line of lines) {
    const m = /^([\p{Lu}][\p{L} .'-]{1,60}),\s*(.{2,80})$/u.exec(line);
    if (!m) continue;
    const rest = m[2]!.replace(STATE, '');
    const country = findActors(rest, names).find((a) => a.kind === 'country' && a.start === 0);
    if (country) return { city: titleCase(m[1]!.trim()), country: country.actor };
    if (readMeetingDates([m[2]!])) return { city: titleCase(m[1]!.trim()) };
  }
  const text = lines.join(' ');
  for (const m of text.matchAll(IN_CITY)) {
    const rest = text.slice(m.index + m[0].length, m.index + m[0].length + 80).replace(STATE, '');
    const country = findActors(rest, names).find((a) => a.kind === 'country' && a.start === 0);
    if (country) return { city: titleCase(m[1]!.trim()), country: country.actor };
  }
  const alone = CITY_THEN_DATE.exec(text);
  return alone ? { city: titleCase(alone[1]!.trim()) } : undefined;
}

/** The sentence that lists the participating countries: "con la participación de …: Canadá, Costa Rica, …" (read
 * across the header's lines, as PDF copies wrap it). */
export function readParticipants(lines: readonly string[], names: readonly ActorName[]): ReportHeader['participants'] {
  for (const sentence of lines.join(' ').split(/(?<=\.)\s+(?=\p{Lu})/u)) {
    const at = sentence.search(/participa|participants|participation|integrada por|reunidos|representantes de/i);
    if (at < 0) continue;
    const codes = findActors(sentence.slice(at), names).filter((a) => a.kind === 'country').map((a) => a.actor);
    if (codes.length >= 2) return { codes, sentence };
  }
  return undefined;
}
