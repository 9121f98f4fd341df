// Every date operation: calendar dates only (YYYY-MM-DD strings), never instants. The only importer of date-fns.
// Each function from its own module: the package index loads all of date-fns (~100 ms at start-up).
// Every Date made here is a UTCDate (@date-fns/utc): its "local" getters and setters are the UTC ones, so date-fns
// never reads the machine's time zone (no day is shifted or skipped, as Samoa skipped 2011-12-30 in local time).
// The package's mini class: the same getters and setters, without the full class's toString formatters, whose three
// Intl.DateTimeFormat objects are made when the module loads (ICU's date and time zone data, 30–60 ms under load as a
// process's first ICU call, for every command that checks a date); acta never prints a Date as a string. (Part of
// ICU's start is shared: a run that then formats a number, as validate's summary line does, pays some of it there.)
import type { UTCDate } from '@date-fns/utc';
import { UTCDateMini } from '@date-fns/utc/date/mini';
import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { getDay } from 'date-fns/getDay';
import { getDaysInMonth } from 'date-fns/getDaysInMonth';
import { lastDayOfMonth } from 'date-fns/lastDayOfMonth';
import { createRequire } from 'node:module';
import type { format as Format, Locale, Month } from 'date-fns';

/** A calendar day as YYYY-MM-DD. Strings of this shape compare correctly with < and >. */
export type Day = string;

export type Precision = 'day' | 'month' | 'quarter' | 'semester' | 'year';

export interface Period {
  readonly precision: Precision;
  /** First day of the period. */
  readonly start: Day;
  /** Last day of the period: the deadline falls due at its end. */
  readonly end: Day;
  /** The normalised spelling (2017-08, 2017-Q3, 2017-H2, …). */
  readonly label: string;
}

export type DueForm =
  | { readonly kind: 'dated'; readonly period: Period }
  | { readonly kind: 'continuous' }
  | { readonly kind: 'twice-a-year' }
  | { readonly kind: 'tbd' }
  /** "a la brevedad": as soon as possible, no date; never overdue. */
  | { readonly kind: 'asap' };

/**
 * The years acta reads (README: "Limits"). Records of a body founded after 1900 need no earlier year, and a year
 * outside is a typo (0217, 3017); every day acta derives (±6 months, +1 day, a window of at most 3,660 days) then stays
 * a four-digit year, so no operation here can leave the YYYY-MM-DD form.
 */
export const YEARS = { first: 1900, last: 2200 } as const;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when the value starts with a year acta reads (the shape is checked elsewhere). */
export function inYearRange(value: string): boolean {
  const year = Number(value.slice(0, 4));
  return /^\d{4}/.test(value) && year >= YEARS.first && year <= YEARS.last;
}

// setUTCFullYear takes the year as written: new Date(y, m, d) and Date.UTC read years 0–99 as 1900–1999.
function utc(y: number, m: number, d: number): UTCDate {
  const date = new UTCDateMini(0);
  date.setUTCFullYear(y, m - 1, d);
  return date;
}

function parts(day: Day): UTCDate {
  const m = DAY.exec(day);
  if (!m) throw new Error(`not a day: ${day}`);
  return utc(Number(m[1]), Number(m[2]), Number(m[3]));
}

const MS_A_DAY = 86_400_000;

// A day as a plain Date at its UTC midnight, read as parts() reads it: for the hot paths (dayNumber, shortDay), where a
// UTCDate's constructor per call was the cost; only Date's own UTC getters are asked of it.
function plainDate(day: Day): Date {
  const m = DAY.exec(day);
  if (!m) throw new Error(`not a day: ${day}`);
  const date = new Date(0);
  date.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return date;
}

// A day's number since 1970-01-01 (UTC: every day is 86,400,000 ms), read as parts() reads it, through a plain Date:
// the derivation asks it of every deadline, and a UTCDate (date-fns' class) per call was a fifth of its time.
function dayNumber(day: Day): number {
  return plainDate(day).getTime() / MS_A_DAY;
}

// By hand rather than format(date, 'yyyy-MM-dd'), which parses its pattern on every call (a hot path in the checks).
function toDay(date: Date): Day {
  const pad = (n: number, width: number): string => String(n).padStart(width, '0');
  const day = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
  if (!DAY.test(day)) throw new Error(`not a day: ${day}`);
  return day;
}

// isRealDate runs on every date of every record: date-fns answers once per month seen, then the answer is looked up
// (making a date for each of them was a tenth of the date checks' time).
const MONTH_LENGTHS = new Map<number, number>();

/** The days of a month of the Gregorian calendar (date-fns' getDaysInMonth, remembered per month). */
export function daysInMonth(year: number, month: number): number {
  const key = year * 16 + month;
  let days = MONTH_LENGTHS.get(key);
  if (days === undefined) MONTH_LENGTHS.set(key, (days = getDaysInMonth(utc(year, month, 1))));
  return days;
}

/** A real day of the calendar, in a year acta reads. */
export function isRealDate(value: string): boolean {
  const m = DAY.exec(value);
  if (!m || !inYearRange(value)) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

function months(y: number, first: number, last: number): [Day, Day] {
  return [toDay(utc(y, first, 1)), toDay(lastDayOfMonth(utc(y, last, 1)))];
}

// Records name the same few thousand days and periods over and over: each pure function of one below is worked out
// once per value (a list of 100,000 commitments asked date-fns 100,000 times for the same months). Bounded: a memo
// past 50,000 values starts again.
function memo<T>(work: (key: string) => T): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    if (known.has(key)) return known.get(key) as T;
    const value = work(key);
    if (known.size >= 50_000) known.clear();
    known.set(key, value);
    return value;
  };
}

/** A day, month, quarter, semester or year → its period; undefined when the value is not a real period in a year acta reads. */
export function parsePeriod(value: string): Period | undefined {
  return periodOf(value);
}

const periodOf = memo(readPeriod);

function readPeriod(value: string): Period | undefined {
  if (!inYearRange(value)) return undefined;
  let m = DAY.exec(value);
  if (m) return isRealDate(value) ? { precision: 'day', start: value, end: value, label: value } : undefined;
  let span: [Day, Day] | undefined;
  let precision: Precision | undefined;
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) {
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return undefined;
    [precision, span] = ['month', months(Number(m[1]), mo, mo)];
  } else if ((m = /^(\d{4})-Q([1-4])$/.exec(value))) {
    const q = Number(m[2]);
    [precision, span] = ['quarter', months(Number(m[1]), q * 3 - 2, q * 3)];
  } else if ((m = /^(\d{4})-H([12])$/.exec(value))) {
    const h = Number(m[2]);
    [precision, span] = ['semester', months(Number(m[1]), h * 6 - 5, h * 6)];
  } else if ((m = /^(\d{4})$/.exec(value))) {
    [precision, span] = ['year', [`${m[1]}-01-01`, `${m[1]}-12-31`]];
  }
  return precision && span ? { precision, start: span[0], end: span[1], label: value } : undefined;
}

export function parseDue(value: string): DueForm | undefined {
  if (value === 'continuous' || value === 'twice-a-year' || value === 'tbd' || value === 'asap') return { kind: value };
  const period = parsePeriod(value);
  return period ? { kind: 'dated', period } : undefined;
}

export function shiftDays(day: Day, days: number): Day {
  // A whole number of days is whole days of UTC time (what date-fns' addDays does on parts()' date; the property test
  // in test/followup/calendar-dates holds the two equal); anything else through addDays, as it rounds.
  if (Number.isSafeInteger(days)) return toDay(new Date((dayNumber(day) + days) * MS_A_DAY));
  return toDay(addDays(parts(day), days));
}

/** Calendar days from a to b (positive when b is later). */
export function daysBetween(a: Day, b: Day): number {
  return dayNumber(b) - dayNumber(a);
}

/** The same day n months later (or earlier); clamped to the month's last day (2017-08-31 + 6 → 2018-02-28). */
export function shiftMonths(day: Day, months: number): Day {
  return toDay(addMonths(parts(day), months));
}

/** The half-years (2018-H1, 2018-H2, …) that overlap [from, until], or undefined when there are more than `limit`. */
export function halfYearsBetween(from: Period, until: Period, limit: number): string[] | undefined {
  const first = Number(from.start.slice(0, 4));
  const last = Number(until.end.slice(0, 4));
  if ((last - first + 1) * 2 > limit + 2) return undefined;
  const out: string[] = [];
  for (let y = first; y <= last; y++) {
    for (const h of ['H1', 'H2']) {
      const p = parsePeriod(`${y}-${h}`);
      if (p && p.end >= from.start && p.start <= until.end) out.push(p.label);
    }
  }
  return out.length > limit ? undefined : out;
}

/** YYYYMMDD, the iCalendar DATE form. */
export function compactDay(day: Day): string {
  if (!DAY.test(day)) throw new Error(`not a day: ${day}`);
  return day.replace(/-/g, '');
}

// Spelling dates for people (format and the two locales: 35 modules of date-fns) is loaded on the first date spelled:
// validate spells none. CommonJS builds of the same functions, so the require is synchronous.
interface Spelling {
  readonly format: typeof Format;
  readonly locales: Readonly<Record<'es' | 'en', Locale>>;
}
let spelling: Spelling | undefined;
function spell(): Spelling {
  if (!spelling) {
    // src/date-spelling.cjs, which the build bundles into dist/date-spelling.cjs (43 modules → 1, scripts/bundle.mjs).
    const { format, es, enUS } = createRequire(import.meta.url)('../date-spelling.cjs') as { format: typeof Format; es: Locale; enUS: Locale };
    spelling = { format, locales: { es, en: enUS } };
  }
  return spelling;
}
function format(date: Date, pattern: string, options: { locale: Locale }): string {
  return spell().format(date, pattern, options);
}
const LOCALES = {
  get es(): Locale {
    return spell().locales.es;
  },
  get en(): Locale {
    return spell().locales.en;
  },
};

/** A day for people: "21 Jul 2017" (en), "21 jul 2017" (es); another language (a catalog of locales/) through Intl. */
export function formatDay(day: Day, lang: string): string {
  if (lang !== 'es' && lang !== 'en') return intlDate(day, lang, { day: 'numeric', month: 'short', year: 'numeric' });
  return (lang === 'es' ? dayEs : dayEn)(day);
}

// A third language's dates: Intl in that language, at UTC (the day is a calendar day, not an instant).
function intlDate(day: Day, lang: string, options: Intl.DateTimeFormatOptions): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(lang, { ...options, timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
}

const dayEs = memo((day) => shortDay(day, monthNames('es', 'abbreviated')));
const dayEn = memo((day) => shortDay(day, monthNames('en', 'abbreviated')));

// date-fns' 'd MMM yyyy' spelt directly: its locales' abbreviated month names (formatting context), the day unpadded, the
// year in four digits. date-fns' format parses its pattern and builds a formatter on every call (~20 µs, once per day
// a report or a table names); test/followup/calendar-dates.test.ts holds this to format() on every day of some years
// and random days, rolled-over ones included.
// The names are the locale's own, asked of it on the first day spelt (as format's 'MMM' asks: abbreviated, formatting
// context) — not at start: validate spells no date and loads no locale.
// (Also the wide names, for 'MMMM yyyy': spellDue.)
const MONTH_NAMES = new Map<string, readonly string[]>();
function monthNames(lang: 'es' | 'en', width: 'abbreviated' | 'wide'): readonly string[] {
  const key = `${lang} ${width}`;
  let names = MONTH_NAMES.get(key);
  if (!names) MONTH_NAMES.set(key, (names = Array.from({ length: 12 }, (_, m) => String(LOCALES[lang].localize.month(m as Month, { width, context: 'formatting' })))));
  return names;
}

// Through plainDate: a UTCDate's constructor per day spelt was ~10 % of a report's template at 2,000 meetings (profile).
function shortDay(day: Day, months: readonly string[]): string {
  const date = plainDate(day);
  return `${date.getUTCDate()} ${months[date.getUTCMonth()]} ${String(date.getUTCFullYear()).padStart(4, '0')}`;
}

/** A period for people, by its precision: 21 Jul 2017 · August 2017 · Q3 2017 · second half of 2017 · 2017 (es: 3.er trimestre de 2017, 2.º semestre de 2017). */
export function formatDue(period: Period, lang: string): string {
  if (lang !== 'es' && lang !== 'en') return period.precision === 'day' ? formatDay(period.start, lang) : period.precision === 'month' ? intlDate(period.start, lang, { month: 'long', year: 'numeric' }) : spellDue(period, 'en');
  return dueNames.get(`${lang}|${period.precision}|${period.start}`, () => spellDue(period, lang));
}

const dueNames = {
  known: new Map<string, string>(),
  get(key: string, work: () => string): string {
    let name = this.known.get(key);
    if (name === undefined) {
      name = work();
      if (this.known.size >= 50_000) this.known.clear();
      this.known.set(key, name);
    }
    return name;
  },
};

function spellDue(period: Period, lang: 'es' | 'en'): string {
  const start = plainDate(period.start);
  const year = period.start.slice(0, 4);
  switch (period.precision) {
    case 'day':
      return formatDay(period.start, lang);
    case 'month': {
      // date-fns' 'MMMM yyyy' spelt directly, as shortDay spells 'd MMM yyyy' (format() was most of a month's first
      // spelling); year 0, which date-fns' y reads as 1 BC, still through format.
      const y = start.getUTCFullYear();
      return y > 0 ? `${monthNames(lang, 'wide')[start.getUTCMonth()]} ${String(y).padStart(4, '0')}` : format(parts(period.start), 'MMMM yyyy', { locale: LOCALES[lang] });
    }
    case 'quarter': {
      // As people write them: "1.er trimestre de 2018", "Q1 2018".
      const q = Math.floor(start.getUTCMonth() / 3) + 1;
      return lang === 'es' ? `${['1.er', '2.º', '3.er', '4.º'][q - 1]} trimestre de ${year}` : `Q${q} ${year}`;
    }
    case 'semester': {
      const half = start.getUTCMonth() < 6 ? 1 : 2;
      return lang === 'es' ? `${half}.º semestre de ${year}` : `${half === 1 ? 'first' : 'second'} half of ${year}`;
    }
    case 'year':
      return year;
  }
}

/** The weekday of a real day: 0 Sunday … 6 Saturday. */
export function weekdayOf(day: Day): number {
  return getDay(parts(day));
}

/** A day spelled out as a report writes it: "viernes 4 de septiembre de 2015" (es), "Friday 4 September 2015" (en). */
export function spellDay(day: Day, lang: 'es' | 'en'): string {
  return format(parts(day), lang === 'es' ? "EEEE d 'de' MMMM 'de' yyyy" : 'EEEE d MMMM yyyy', { locale: LOCALES[lang] });
}

/** "Within N days of the meeting": the day N calendar days after `from` (the meeting's last day), as a day period. */
export function periodWithin(from: Day, days: number): Period {
  const day = shiftDays(from, days);
  return { precision: 'day', start: day, end: day, label: day };
}
