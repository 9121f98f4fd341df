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

// Meeting dates as reports print them, most specific first: [pattern, (groups) → [start, end?]].
const DATE_FORMS: readonly (readonly [RegExp, (g: string[]) => [Day, Day?]])[] = [
  [new RegExp(`los\\s+días\\s+(\\d{1,2})\\s+y\\s+(\\d{1,2})\\s+de\\s+(${M}),?\\s+(?:del?\\s+)?(?:año\\s+)?(\\d{4})`, 'i'), (g) => [day(g[4]!, g[3]!, g[1]!), day(g[4]!, g[3]!, g[2]!)]],
  [new RegExp(`(\\d{1,2})\\s*[-–]\\s*(\\d{1,2})\\s+(?:de\\s+)?(${M}),?\\s+(?:de\\s+)?(\\d{4})`, 'i'), (g) => [day(g[4]!, g[3]!, g[1]!), day(g[4]!, g[3]!, g[2]!)]],
  [new RegExp(`(${M})\\s+(\\d{1,2})\\s*[-–]\\s*(\\d{1,2}),?\\s+(\\d{4})`, 'i'), (g) => [day(g[4]!, g[1]!, g[2]!), day(g[4]!, g[1]!, g[3]!)]],
  [new RegExp(`(\\d{1,2})\\s+(?:de\\s+)?(${M}),?\\s+(?:del?\\s+)?(?:año\\s+)?(\\d{4})`, 'i'), (g) => [day(g[3]!, g[2]!, g[1]!)]],
  [new RegExp(`(${M})\\s+(\\d{1,2}),?\\s+(\\d{4})`, 'i'), (g) => [day(g[3]!, g[1]!, g[2]!)]],
];

/** The first meeting date the lines give, preferring a short line of its own ("16-17 de marzo, 2017"). */
export function readMeetingDates(lines: readonly string[]): ReportHeader['dates'] {
  const ordered = [...lines.filter((l) => l.length <= 80), ...lines.filter((l) => l.length > 80)];
  for (const line of ordered) {
    for (const [re, read] of DATE_FORMS) {
      const m = re.exec(line);
      if (!m) continue;
      const [start, end] = read([...m].map((x) => x ?? ''));
      if (isRealDate(start) && (end === undefined || (isRealDate(end) && end > start))) return { start, ...(end ? { end } : {}), wording: m[0] };
    }
  }
  return undefined;
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

/** The body whose registered name shares most words with the title (networks and groups: organs do not report). */
export function matchBody(title: string, registries: Registries): ReportHeader['body'] {
  const t = new Set(fold(title));
  let best: { id: string; score: number } | undefined;
  for (const b of registries.bodies as readonly Body[]) {
    if (b.type === 'organ') continue;
    const words = new Set([b.name.es, b.name.en].filter((x): x is string => !!x).flatMap(fold));
    const name = fold(b.name.es ?? b.name.en ?? '');
    const shared = name.filter((w) => t.has(w)).length;
    const score = name.length ? shared / name.length : 0;
    if (words.size && (!best || score > best.score)) best = { id: b.id, score };
  }
  return best && best.score >= 0.6 ? best : undefined;
}

/** "Tegucigalpa, Honduras" (a line of its own, or before the date): the city and the registered country. */
export function readPlace(lines: readonly string[], names: readonly ActorName[]): ReportHeader['place'] {
  for (const line of lines) {
    const m = /^([\p{Lu}][\p{L} .'-]{1,60}),\s*(.{2,80})$/u.exec(line);
    if (!m) continue;
    const country = findActors(m[2]!, names).find((a) => a.kind === 'country' && a.start === 0);
    if (country) return { city: m[1]!.trim(), country: country.actor };
    if (readMeetingDates([m[2]!])) return { city: m[1]!.trim() };
  }
  return undefined;
}

/** The sentence that lists the participating countries: "con la participación de …: Canadá, Costa Rica, …". */
export function readParticipants(lines: readonly string[], names: readonly ActorName[]): ReportHeader['participants'] {
  for (const line of lines) {
    for (const sentence of line.split(/(?<=\.)\s+(?=\p{Lu})/u)) {
      if (!/participa|participants|participation/i.test(sentence)) continue;
      const codes = findActors(sentence.slice(sentence.search(/participa|participants|participation/i)), names).filter((a) => a.kind === 'country').map((a) => a.actor);
      if (codes.length >= 2) return { codes, sentence };
    }
  }
  return undefined;
}
