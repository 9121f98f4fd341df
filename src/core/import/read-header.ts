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
        // An acronym is an exact name: it wins a tie with a name whose words happen to be in the line.
        const size = 100;
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
// "en la ciudad de Tela, República de Honduras", "in the city of Managua, Nicaragua", "tuvo lugar en la Antigua Guatemala, Guatemala".
const IN_CITY = new RegExp(`(?:^|\\b(?:en|in|at)\\s+(?:la\\s+ciudad\\s+de\\s+|the\\s+city\\s+of\\s+|las\\s+ciudades\\s+de\\s+|the\\s+cities\\s+of\\s+|la\\s+)?)(${CITY}),\\s*`, 'gu');
// "celebrada en Cancún los días 29 y 30": a city with no country, before the dates.
const CITY_THEN_DATE = new RegExp(`\\b(?:en|in)\\s+(${CITY}),?\\s+(?:los\\s+días|el\\s+día|el\\s+\\d|del\\s+\\d|on\\s+\\p{Lu}|from\\s+\\d)`, 'u');
const STATE = /^(?:(?:la\s+)?Rep[úu]blica\s+(?:de\s+|del\s+)?|the\s+Republic\s+of\s+|the\s+)/iu;
const NOT_A_CITY = new RegExp(`^(?:${[...MONTHS.es, ...MONTHS.en, 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].join('|')})$`, 'i');
const titleCase = (s: string): string =>
  /\p{Ll}/u.test(s) ? s : s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase()).replace(/(?<=\s)(De|Del|La|Of)\b/g, (w) => w.toLowerCase());

/** The registered country that opens `rest` ("Honduras, …", "República de Honduras", "Chiapas, México": one region may
 * come between). */
function countryAt(rest: string, names: readonly ActorName[]): string | undefined {
  for (const r of [rest, rest.replace(/^[^,]{1,40},\s*/, '')]) {
    const country = findActors(r.replace(STATE, ''), names).find((a) => a.kind === 'country' && a.start === 0);
    if (country) return country.actor;
  }
  return undefined;
}

/** Where the meeting took place: "Tegucigalpa, Honduras" (a line of its own, before or after the date), or a city and
 * its registered country inside a sentence ("tuvo lugar en San José, Costa Rica"). A city named with its country
 * anywhere in the header wins over one named alone. */
const PLACE_LABEL = /^(?:lugar(?:\s+y\s+fecha)?|sede|place(?:\s+and\s+date)?|venue|location)\s*:\s*/i;

export function readPlace(lines: readonly string[], names: readonly ActorName[]): ReportHeader['place'] {
  let alone: string | undefined;
  for (const labelled of lines) {
    // A header that labels its fields ("Lugar: San José, Costa Rica", "Lugar y fecha: …", "Venue: …"): the value.
    const raw = labelled.replace(PLACE_LABEL, '');
    const dated = readMeetingDates([raw]);
    const line = dated ? raw.replace(dated.wording, '').replace(/^[\s,–—-]+|[\s,–—-]+$/g, '') : raw;
    const m = /^([\p{Lu}][\p{L} .'-]{1,60}),\s*(.{2,80})$/u.exec(line) ?? (dated ? /^([\p{Lu}][\p{L} .'-]{1,60})()$/u.exec(line) : null);
    if (!m || NOT_A_CITY.test(m[1]!.trim())) continue;
    const country = m[2] ? countryAt(m[2], names) : undefined;
    if (country) return { city: titleCase(m[1]!.trim()), country };
    if (dated || readMeetingDates([m[2]!])) alone ??= titleCase(m[1]!.trim());
  }
  const text = lines.join(' ');
  for (const m of text.matchAll(IN_CITY)) {
    if (NOT_A_CITY.test(m[1]!)) continue;
    const country = countryAt(text.slice(m.index + m[0].length, m.index + m[0].length + 80), names);
    if (country && (!alone || alone.toLowerCase() === m[1]!.toLowerCase())) return { city: titleCase(m[1]!.trim()), country };
  }
  if (alone) return { city: alone };
  const city = CITY_THEN_DATE.exec(text);
  return city ? { city: titleCase(city[1]!.trim()) } : undefined;
}

/** The sentence that lists the participating countries: "con la participación de …: Canadá, Costa Rica, …" (read
 * across the header's lines, as PDF copies wrap it). */
export function readParticipants(lines: readonly string[], names: readonly ActorName[]): ReportHeader['participants'] {
  // Sentences end at ". " before a capital, not after a title ("Lic. Jorge", "Dr. Germán", "H.E. William").
  for (const sentence of lines.join(' ').split(/(?<!\b(?:Lic|Dr|Dra|Sr|Sra|Srta|Mr|Mrs|Ms|Hon|Excmo|Ing|No|Nº|St|E|H))(?<=\.)\s+(?=\p{Lu})/u)) {
    const at = sentence.search(/participa|participants|participation|integrada por|reunidos|representantes de|\bmet\b|gathered|se reunieron|heads of delegation/i);
    if (at < 0) continue;
    const tail = sentence.slice(at);
    // A country named as a venue ("la Cumbre … en Panamá") did not take part.
    const codes = findActors(tail, names).filter((a) => a.kind === 'country' && !/\b(?:en|in)\s+$/i.test(tail.slice(Math.max(0, a.start - 4), a.start))).map((a) => a.actor);
    if (codes.length >= 2) return { codes, sentence };
  }
  return undefined;
}
