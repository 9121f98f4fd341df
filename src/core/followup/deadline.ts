// A recorded deadline → the date it falls due, resolving "before the next GRCM meeting" against the meetings on record.
import type { Day, Period } from '../dates.js';
import { halfYearsBetween, isRealDate, parseDue, parsePeriod, periodWithin, shiftDays, shiftMonths } from '../dates.js';
import type { Deadline, Meeting } from '../model.js';
import type { DueDate } from './types.js';

export interface CalendarMeeting {
  readonly id: string;
  readonly start: Day;
  readonly end: Day;
}

/** The meetings on record, per body, by start day; and each meeting by id (to anchor a later decision). */
export interface Calendar {
  readonly byBody: ReadonlyMap<string, readonly CalendarMeeting[]>;
  readonly byId: ReadonlyMap<string, CalendarMeeting>;
}

export function buildCalendar(meetings: readonly Meeting[]): Calendar {
  const byBody = new Map<string, CalendarMeeting[]>();
  const byId = new Map<string, CalendarMeeting>();
  // A meeting dated off the calendar or outside the years acta reads (validate reports it) fixes no event date.
  for (const m of meetings) {
    if (!isRealDate(m.dates.start)) continue;
    const entry = { id: m.id, start: m.dates.start, end: m.dates.end ?? m.dates.start };
    byId.set(m.id, entry);
    const list = byBody.get(m.body);
    if (list) list.push(entry);
    else byBody.set(m.body, [entry]);
  }
  for (const list of byBody.values()) list.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : 1));
  return { byBody, byId };
}

/** The first meeting of `body` on record that starts after `after` (and, when the source said when it was expected, not
 * before that period). A binary search of the body's meetings by start day: one event deadline costs log(meetings). */
export function nextMeeting(calendar: Calendar, body: string, after: Day | undefined, notBefore?: Day): CalendarMeeting | undefined {
  if (after === undefined) return undefined;
  const list = calendar.byBody.get(body);
  if (!list) return undefined;
  const fits = (m: CalendarMeeting): boolean => m.start > after && (notBefore === undefined || m.start >= notBefore);
  // `fits` is false then true along the list (sorted by start): find where it turns.
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (fits(list[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return list[lo];
}

/** Inputs for one resolution: the day the deadline was set (for events) and the last reported activity (for rolling recurrence). */
export interface DueContext {
  readonly calendar: Calendar;
  /** Events resolve to the first meeting starting after this day. */
  readonly anchor?: Day;
  /** The latest follow-up that reported delivery or progress. */
  readonly lastReport?: Day;
}

export function resolveDue(deadline: Deadline | undefined, ctx: DueContext): DueDate {
  if (deadline?.event) {
    const { body, relation, expected } = deadline.event;
    const expectedPeriod = expected ? parsePeriod(expected) : undefined;
    // "Before the GRCM meeting of November 2016" is not the GRCM meeting held the next day in June.
    const meeting = nextMeeting(ctx.calendar, body, ctx.anchor, expectedPeriod?.start);
    if (!meeting) return { kind: 'waiting', body, relation, ...(expectedPeriod ? { expected: expectedPeriod } : {}) };
    const day = relation === 'before' ? shiftDays(meeting.start, -1) : meeting.start;
    return { kind: 'dated', period: { precision: 'day', start: day, end: day, label: day }, day, event: { body, relation, meeting: meeting.id } };
  }
  if (deadline?.within) {
    const { days } = deadline.within;
    if (ctx.anchor === undefined || !isRealDate(ctx.anchor)) return { kind: 'none', tbd: false };
    const period = periodWithin(ctx.anchor, days);
    return { kind: 'dated', period, day: period.end, within: { days, from: ctx.anchor } };
  }
  const form = deadline?.due !== undefined ? parseDue(deadline.due) : undefined;
  if (form?.kind === 'asap') return { kind: 'none', tbd: false, asap: true };
  if (!form || form.kind === 'tbd') return { kind: 'none', tbd: form?.kind === 'tbd' };
  if (form.kind === 'continuous') return { kind: 'continuous' };
  if (form.kind === 'dated') return { kind: 'dated', period: form.period, day: form.period.end };
  const since = [ctx.anchor, deadline?.from ? parsePeriod(deadline.from)?.start : undefined, ctx.lastReport].filter((d): d is Day => d !== undefined && isRealDate(d)).sort().pop();
  if (since === undefined) return { kind: 'none', tbd: false };
  return { kind: 'recurring', since, day: shiftMonths(since, 6) };
}

/** The most occurrences one twice-a-year deadline expands into: 20 years of half-years (README: "Limits"). */
export const MAX_OCCURRENCES = 40;

function halfYearSpan(deadline: Deadline, setDay: Day | undefined): { from: Period; until: Period } | undefined {
  if (deadline.due !== 'twice-a-year' || deadline.until === undefined) return undefined;
  const until = parsePeriod(deadline.until);
  const from = deadline.from ? parsePeriod(deadline.from) : setDay ? parsePeriod(setDay.slice(0, 4)) : undefined;
  return until && from ? { from, until } : undefined;
}

/**
 * A twice-a-year deadline with an end (`until`) expands into explicit half-year occurrences, from `from` (or the
 * setting year). Past MAX_OCCURRENCES it does not expand (validate reports it): it stays a rolling twice-a-year.
 */
export function halfYearsOf(deadline: Deadline, setDay: Day | undefined): string[] {
  const span = halfYearSpan(deadline, setDay);
  return (span && halfYearsBetween(span.from, span.until, MAX_OCCURRENCES)) ?? [];
}

/** True when a twice-a-year deadline spans more half-years than acta expands. */
export function hasTooManyOccurrences(deadline: Deadline, setDay: Day | undefined): boolean {
  const span = halfYearSpan(deadline, setDay);
  return span !== undefined && halfYearsBetween(span.from, span.until, MAX_OCCURRENCES) === undefined;
}
