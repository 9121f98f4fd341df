// Dates are calendar dates: no operation reads local time or Date's two-digit-year rule, and acta reads years 1900–2200.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Period } from '../../src/core/dates.js';
import { daysBetween, formatDay, formatDue, halfYearsBetween, isRealDate, parseDue, parsePeriod, shiftDays, shiftMonths, YEARS } from '../../src/core/dates.js';
import { UTCDate } from '@date-fns/utc';
import type { Locale } from 'date-fns';
import { addDays, differenceInCalendarDays, format } from 'date-fns';
import { enUS, es } from 'date-fns/locale';

const original = process.env['TZ'];
afterAll(() => {
  if (original === undefined) delete process.env['TZ'];
  else process.env['TZ'] = original;
});

const pad = (n: number, w: number): string => String(n).padStart(w, '0');
// A YYYY-MM-DD text as date-fns' UTC date, set as setUTCFullYear sets it (a day or month past its end rolls over, a year
// below 100 stays as written): the references below put date-fns to work on it.
const utcDate = (day: string): UTCDate => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new UTCDate(0);
  date.setUTCFullYear(y, m - 1, d);
  return date;
};
/** Any YYYY-MM-DD shape with a year acta reads, real or not (day 29–31 of short months included). */
const dayArb = fc.tuple(fc.integer({ min: YEARS.first, max: YEARS.last }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 })).map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
const periodArb = fc.tuple(fc.integer({ min: YEARS.first, max: YEARS.last }), fc.constantFrom('', '-01', '-02', '-12', '-13', '-Q1', '-Q4', '-H1', '-H2')).map(([y, tail]) => `${y}${tail}`);
// Samoa skipped 2011-12-30, Kiritimati 1994-12-31; DST gaps at midnight (Santiago, Asunción); ordinary days.
const EDGES = ['2011-12-29', '2011-12-30', '2011-12-31', '1994-12-31', '2019-09-08', '2020-10-04', '2016-02-29', '1900-01-01', '2200-12-31'];

/** Every date operation on one day and one period, as plain data. */
function answers(day: string, period: string, n: number): unknown {
  const real = isRealDate(day);
  const p = parsePeriod(period);
  return {
    real,
    p,
    due: parseDue(period),
    ...(real ? { plus: shiftDays(day, n), minus: shiftDays(day, -n), months: shiftMonths(day, n % 30), between: daysBetween(day, '2020-01-01'), es: formatDay(day, 'es'), en: formatDay(day, 'en') } : {}),
    ...(p ? { pes: formatDue(p, 'es'), pen: formatDue(p, 'en') } : {}),
  };
}

const LOCAL = Object.getOwnPropertyNames(Date.prototype).filter((k) => /^(get|set)(?!UTC|Time$)/.test(k) || k === 'getTimezoneOffset' || /^to(Locale)?(Date|Time)?String$/.test(k));

/** Runs f with every local-time method of Date throwing: a call that reads the machine's zone fails the test. */
function withoutLocalTime<T>(f: () => T): T {
  const saved = LOCAL.map((k) => [k, Object.getOwnPropertyDescriptor(Date.prototype, k)!] as const);
  for (const k of LOCAL) Object.defineProperty(Date.prototype, k, { value: () => { throw new Error(`local time read: Date.prototype.${k}`); }, configurable: true, writable: true });
  try {
    return f();
  } finally {
    for (const [k, d] of saved) Object.defineProperty(Date.prototype, k, d);
  }
}

describe('calendar dates', () => {
  it('never read local time (every local Date method throws while they run)', () => {
    expect(LOCAL).toContain('getFullYear');
    expect(LOCAL).toContain('getTimezoneOffset');
    expect(() => withoutLocalTime(() => new Date(0).getDate())).toThrow(/local time/);
    fc.assert(fc.property(dayArb, periodArb, fc.integer({ min: 0, max: 3660 }), (day, period, n) => {
      withoutLocalTime(() => answers(day, period, n));
    }), { numRuns: 300 });
    for (const day of EDGES) withoutLocalTime(() => answers(day, '2011-12', 1));
  });

  it('give the same answers in every time zone, Samoa\'s missing day included', () => {
    const zones = ['Pacific/Apia', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Kiritimati', 'America/Santiago', 'America/Asuncion'];
    const inZone = <T>(tz: string, f: () => T): T => {
      process.env['TZ'] = tz;
      return f();
    };
    // Node applies a change to TZ at once; without it this test would prove nothing.
    expect(inZone('Pacific/Apia', () => new Date(2020, 0, 1).getTimezoneOffset())).not.toBe(inZone('UTC', () => new Date(2020, 0, 1).getTimezoneOffset()));
    const cases = [...EDGES.map((d) => [d, '2011-H2', 1] as const), ...fc.sample(fc.tuple(dayArb, periodArb, fc.integer({ min: 0, max: 3660 })), { numRuns: 200, seed: 42 })];
    const utc = inZone('UTC', () => cases.map(([d, p, n]) => answers(d, p, n)));
    expect(utc[1]).toMatchObject({ real: true, plus: '2011-12-31', minus: '2011-12-29', es: '30 dic 2011' });
    for (const tz of zones) expect(inZone(tz, () => cases.map(([d, p, n]) => answers(d, p, n))), tz).toEqual(utc);
  });

  it('keep years below 100 as written (Date reads 50 as 1950)', () => {
    expect(shiftDays('0050-02-28', 1)).toBe('0050-03-01');
    expect(shiftMonths('0050-08-31', 6)).toBe('0051-02-28');
    expect(daysBetween('0049-12-31', '0050-01-01')).toBe(1);
    expect(formatDay('0050-03-01', 'en')).toBe('1 Mar 0050');
    expect(formatDay('0001-01-01', 'es')).toBe('1 ene 0001');
  });

  it('read only the years 1900–2200: "0050-03" is no period at all, not March 1950', () => {
    expect(parsePeriod('0050-03')).toBeUndefined();
    expect(parsePeriod('9999-H2')).toBeUndefined();
    expect(parsePeriod('9999-12-31')).toBeUndefined();
    expect(['1899-12-31', '1900-01-01', '2200-12-31', '2201-01-01'].map(isRealDate)).toEqual([false, true, true, false]);
    expect(parsePeriod('1900-03')).toMatchObject({ start: '1900-03-01', end: '1900-03-31' });
    expect(parsePeriod('2200-H2')).toMatchObject({ start: '2200-07-01', end: '2200-12-31' });
    // The furthest days acta derives from a day it reads stay four-digit years.
    expect(shiftDays('2200-12-31', 3660)).toBe('2211-01-08');
    expect(shiftMonths('1900-01-31', -6)).toBe('1899-07-31');
  });

  it('list half-years up to a limit, and none past it', () => {
    const p = (v: string): Period => parsePeriod(v)!;
    expect(halfYearsBetween(p('2017-03'), p('2018-02'), 40)).toEqual(['2017-H1', '2017-H2', '2018-H1']);
    expect(halfYearsBetween(p('2017'), p('2036'), 40)).toHaveLength(40);
    expect(halfYearsBetween(p('2017'), p('2037-03'), 40)).toBeUndefined();
    expect(halfYearsBetween(p('1900'), p('2200'), 40)).toBeUndefined();
  });
});

describe('daysInMonth (isRealDate without making a date for each)', () => {
  it('equals date-fns on every month of every year acta reads, and a margin around them, asked once or again', async () => {
    const { daysInMonth } = await import('../../src/core/dates.js');
    const { getDaysInMonth } = await import('date-fns/getDaysInMonth');
    for (let y = YEARS.first - 10; y <= YEARS.last + 10; y++) {
      for (let m = 1; m <= 12; m++) {
        const expected = getDaysInMonth(new UTCDate(y, m - 1, 1));
        expect(daysInMonth(y, m), `${y}-${m}`).toBe(expected);
        expect(daysInMonth(y, m), `${y}-${m}, again`).toBe(expected);
      }
    }
  });
});

describe('daysBetween (Date.UTC arithmetic for a YYYY-MM-DD text, without date-fns)', () => {
  // The reference: what it was before, date-fns on a UTC date set as setUTCFullYear sets it (a day or month past its
  // end rolls over, a year below 100 stays as written).
  const reference = (day: string): number => {
    return differenceInCalendarDays(utcDate(day), new UTCDate(Date.UTC(1970, 0, 1)));
  };
  const anyDay = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
  it('equals date-fns on any ten-character day, real or not, years below 100 and months or days past their end included', () => {
    fc.assert(fc.property(anyDay, anyDay, (a, b) => daysBetween(a, b) === reference(b) - reference(a)), { numRuns: 2000 });
    for (const [a, b] of [['0049-12-31', '0050-01-01'], ['0099-12-31', '0100-01-01'], ['2016-02-30', '2016-03-01'], ['2017-13-01', '2018-01-01'], ['2017-00-10', '2016-12-10'], ...EDGES.map((e) => [e, '1970-01-01'])] as const) {
      expect(daysBetween(a, b), `${a} → ${b}`).toBe(reference(b) - reference(a));
    }
  });
  it('shiftDays equals date-fns addDays on the same UTC date, any ten-character day and a span of days either way', () => {
    const added = (day: string, n: number): string => {
      const to = addDays(utcDate(day), n);
      return `${String(to.getUTCFullYear()).padStart(4, '0')}-${String(to.getUTCMonth() + 1).padStart(2, '0')}-${String(to.getUTCDate()).padStart(2, '0')}`;
    };
    const realish = fc.tuple(fc.integer({ min: 100, max: 9000 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
    fc.assert(fc.property(realish, fc.integer({ min: -4000, max: 4000 }), (day, n) => shiftDays(day, n) === added(day, n)), { numRuns: 2000 });
    for (const [day, n] of [['2016-02-28', 1], ['2016-03-01', -1], ['2017-12-31', 1], ['2016-02-30', 0], ['0100-01-01', -1], ['2011-12-29', 2]] as const) expect(shiftDays(day, n), `${day} ${n}`).toBe(added(day, n));
    expect(shiftDays('0099-12-31', 1)).toBe(added('0099-12-31', 1));
  });
  it('formatDay equals date-fns format "d MMM yyyy" in its es and en locales: every day of four years, and random days', () => {
    const spelt = (day: string, locale: Locale): string => {
      return format(utcDate(day), 'd MMM yyyy', { locale });
    };
    for (const year of [1900, 2016, 2017, 2200]) {
      for (let n = 0; n < 366; n++) {
        const day = shiftDays(`${year}-01-01`, n);
        expect(formatDay(day, 'es'), day).toBe(spelt(day, es));
        expect(formatDay(day, 'en'), day).toBe(spelt(day, enUS));
      }
    }
    const any = fc.tuple(fc.integer({ min: 100, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
    fc.assert(fc.property(any, (day) => formatDay(day, 'es') === spelt(day, es) && formatDay(day, 'en') === spelt(day, enUS)), { numRuns: 1000 });
  });
  it('formatDue of a month equals date-fns format "MMMM yyyy" in its es and en locales: every month of some years, and random months', () => {
    const spelt = (start: string, locale: Locale): string => {
      return format(utcDate(start), 'MMMM yyyy', { locale });
    };
    // parsePeriod reads years YEARS.first–YEARS.last; formatDue spells any month it is given (the start day is what it reads)
    const month = (y: number, m: number) => parsePeriod(`${pad(y, 4)}-${pad(m, 2)}`) ?? { precision: 'month' as const, start: `${pad(y, 4)}-${pad(m, 2)}-01`, end: `${pad(y, 4)}-${pad(m, 2)}-28`, label: `${pad(y, 4)}-${pad(m, 2)}` };
    for (const year of [100, 1900, 1999, 2016, 2200, 9999]) {
      for (let m = 1; m <= 12; m++) {
        const p = month(year, m);
        expect(p.precision).toBe('month');
        expect(formatDue(p, 'es'), p.start).toBe(spelt(p.start, es));
        expect(formatDue(p, 'en'), p.start).toBe(spelt(p.start, enUS));
      }
    }
    const any = fc.tuple(fc.integer({ min: 100, max: 9999 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => month(y, m));
    fc.assert(fc.property(any, (p) => formatDue(p, 'es') === spelt(p.start, es) && formatDue(p, 'en') === spelt(p.start, enUS)), { numRuns: 1000, seed: 24 });
  });
  it('throws on a text that is not a day, as before', () => {
    expect(() => daysBetween('2016-1-01', '2016-01-01')).toThrow(/not a day/);
    expect(() => daysBetween('2016-01-0x', '2016-01-01')).toThrow(/not a day/);
  });
});
