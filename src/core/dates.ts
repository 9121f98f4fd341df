// Every date operation: calendar dates only (YYYY-MM-DD strings), never instants. The only importer of date-fns.
// Each function from its own module: the package index loads all of date-fns (~100 ms at start-up).
import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { format } from 'date-fns/format';
import { isExists } from 'date-fns/isExists';
import { lastDayOfMonth } from 'date-fns/lastDayOfMonth';
import { enUS } from 'date-fns/locale/en-US';
import { es } from 'date-fns/locale/es';

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
  | { readonly kind: 'tbd' };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

// Build a local Date from parts: never new Date('YYYY-MM-DD'), which is midnight UTC.
function local(y: number, m: number, d: number): Date {
  return new Date(y, m - 1, d);
}

// By hand rather than format(date, 'yyyy-MM-dd'), which parses its pattern on every call (a hot path in the checks).
function toDay(date: Date): Day {
  const pad = (n: number, width: number): string => String(n).padStart(width, '0');
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;
}

export function isRealDate(value: string): boolean {
  const m = DAY.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return y >= 1000 && isExists(y, mo - 1, d);
}

/** A day, month, quarter, semester or year → its period; undefined when the value is not a real period. */
export function parsePeriod(value: string): Period | undefined {
  let m = DAY.exec(value);
  if (m) return isRealDate(value) ? { precision: 'day', start: value, end: value, label: value } : undefined;
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (mo < 1 || mo > 12) return undefined;
    return { precision: 'month', start: toDay(local(y, mo, 1)), end: toDay(lastDayOfMonth(local(y, mo, 1))), label: value };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) {
    const [y, q] = [Number(m[1]), Number(m[2])];
    return { precision: 'quarter', start: toDay(local(y, q * 3 - 2, 1)), end: toDay(lastDayOfMonth(local(y, q * 3, 1))), label: value };
  }
  m = /^(\d{4})-H([12])$/.exec(value);
  if (m) {
    const [y, h] = [Number(m[1]), Number(m[2])];
    return { precision: 'semester', start: toDay(local(y, h * 6 - 5, 1)), end: toDay(lastDayOfMonth(local(y, h * 6, 1))), label: value };
  }
  m = /^(\d{4})$/.exec(value);
  if (m) return { precision: 'year', start: `${m[1]}-01-01`, end: `${m[1]}-12-31`, label: value };
  return undefined;
}

export function parseDue(value: string): DueForm | undefined {
  if (value === 'continuous' || value === 'twice-a-year' || value === 'tbd') return { kind: value };
  const period = parsePeriod(value);
  return period ? { kind: 'dated', period } : undefined;
}

export function shiftDays(day: Day, days: number): Day {
  const m = DAY.exec(day);
  if (!m) throw new Error(`not a day: ${day}`);
  return toDay(addDays(local(Number(m[1]), Number(m[2]), Number(m[3])), days));
}

/** Calendar days from a to b (positive when b is later). */
export function daysBetween(a: Day, b: Day): number {
  const pa = DAY.exec(a);
  const pb = DAY.exec(b);
  if (!pa || !pb) throw new Error(`not a day: ${a} / ${b}`);
  return differenceInCalendarDays(local(Number(pb[1]), Number(pb[2]), Number(pb[3])), local(Number(pa[1]), Number(pa[2]), Number(pa[3])));
}

/** The date of a day as a local Date, for formatting with date-fns locales. */
export function dayToDate(day: Day): Date {
  const m = DAY.exec(day);
  if (!m) throw new Error(`not a day: ${day}`);
  return local(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** The semesters of a year, as periods. */
export function semestersOf(year: string): [Period, Period] {
  return [parsePeriod(`${year}-H1`)!, parsePeriod(`${year}-H2`)!];
}

// ── Follow-up additions: month shifts, compact days and localised formatting (es/en through date-fns locales).

/** The same day n months later (or earlier); clamped to the month's last day (2017-08-31 + 6 → 2018-02-28). */
export function shiftMonths(day: Day, months: number): Day {
  return toDay(addMonths(dayToDate(day), months));
}

/** YYYYMMDD, the iCalendar DATE form. */
export function compactDay(day: Day): string {
  if (!DAY.test(day)) throw new Error(`not a day: ${day}`);
  return day.replace(/-/g, '');
}

const LOCALES = { es, en: enUS } as const;

/** A day for people: "21 Jul 2017" (en), "21 jul 2017" (es). */
export function formatDay(day: Day, lang: 'es' | 'en'): string {
  return format(dayToDate(day), 'd MMM yyyy', { locale: LOCALES[lang] });
}

/** A period for people, by its precision: 21 Jul 2017 · August 2017 · Q3 2017 · H2 2017 · 2017 (es: T3 2017, II semestre 2017). */
export function formatDue(period: Period, lang: 'es' | 'en'): string {
  const start = dayToDate(period.start);
  switch (period.precision) {
    case 'day':
      return formatDay(period.start, lang);
    case 'month':
      return format(start, 'MMMM yyyy', { locale: LOCALES[lang] });
    case 'quarter':
      return format(start, 'QQQ yyyy', { locale: LOCALES[lang] });
    case 'semester': {
      const half = start.getMonth() < 6 ? 1 : 2;
      return lang === 'es' ? `${half === 1 ? 'I' : 'II'} semestre ${start.getFullYear()}` : `H${half} ${start.getFullYear()}`;
    }
    case 'year':
      return String(start.getFullYear());
  }
}
