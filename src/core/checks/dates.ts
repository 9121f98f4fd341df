// Dates are real calendar dates and in order; follow-up is not dated before its meeting; deadlines not before it.
import type { Diagnostic } from '../diagnostics.js';
import { inYearRange, isRealDate, parsePeriod, YEARS } from '../dates.js';
import { hasTooManyOccurrences, MAX_OCCURRENCES } from '../followup/deadline.js';
import type { Deadline, FollowUp } from '../model.js';
import type { ParsedFile } from '../read/index.js';
import { walkActivities, walkAgreements } from '../walk.js';
import type { Check, Found, Indexes } from './context.js';
import type { RecordSet } from '../records.js';
import { diagnosticAt } from './context.js';

class DateChecker {
  readonly out: Found[] = [];
  constructor(readonly parsed: ParsedFile) {}

  /** False (and reported) when a value of the right shape has a year acta does not read. */
  private inRange(value: string, pointer: string): boolean {
    if (inYearRange(value)) return true;
    this.out.push(diagnosticAt(this.parsed, pointer, 'date/out-of-range', { value, first: String(YEARS.first), last: String(YEARS.last) }));
    return false;
  }

  // Pointers come as a base and a path, joined only for a value reported: every date of every record passes here, and
  // a pointer string made for each was most of the garbage of this check.
  day(value: unknown, base: string, path = ''): boolean {
    // A value of the wrong shape is the schema's to report; here only shapes that are right but not on the calendar.
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || isRealDate(value)) return true;
    const pointer = base + path;
    if (!this.inRange(value, pointer)) return false;
    this.out.push(diagnosticAt(this.parsed, pointer, 'date/invalid', { value }));
    return false;
  }

  due(value: unknown, base: string, path = ''): string | undefined {
    if (typeof value !== 'string' || !/^\d{4}(?:-\d{2}(?:-\d{2})?|-Q[1-4]|-H[12])?$/.test(value)) return undefined;
    const pointer = base + path;
    if (!this.inRange(value, pointer)) return undefined;
    const period = parsePeriod(value);
    if (!period) this.out.push(diagnosticAt(this.parsed, pointer, 'date/invalid', { value }, { variant: 'period' }));
    return period?.end;
  }

  deadline(d: Deadline | undefined, base: string, path: string, meetingStart: string | undefined): void {
    if (!d) return;
    const pointer = (): string => base + path;
    const end = this.due(d.due, base, `${path}/due`);
    if (d.from !== undefined) this.due(d.from, base, `${path}/from`);
    if (d.until !== undefined) this.due(d.until, base, `${path}/until`);
    if (d.event?.expected !== undefined) this.due(d.event.expected, base, `${path}/event/expected`);
    if (hasTooManyOccurrences(d, meetingStart)) {
      this.out.push(diagnosticAt(this.parsed, `${pointer()}/until`, 'deadline/too-many-occurrences', { from: String(d.from ?? meetingStart?.slice(0, 4)), until: String(d.until), max: MAX_OCCURRENCES, years: MAX_OCCURRENCES / 2 }));
    }
    if (end && meetingStart && end < meetingStart) {
      this.out.push(diagnosticAt(this.parsed, `${pointer()}/due`, 'deadline/before-meeting', { due: String(d.due), meeting: meetingStart }));
    }
  }

  followups(list: readonly FollowUp[] | undefined, pointer: string, meetingStart: string | undefined): void {
    list?.forEach((f, i) => {
      const at = `${pointer}/${i}`;
      const real = this.day(f.date, at, '/date');
      if (real && meetingStart && f.date < meetingStart) {
        this.out.push(diagnosticAt(this.parsed, `${at}/date`, 'followup/before-meeting', { date: f.date, meeting: meetingStart }));
      }
      this.deadline(f.deadline, at, '/deadline', meetingStart);
      if (f.occurrence !== undefined) this.due(f.occurrence, at, '/occurrence');
    });
  }
}

// A deadline change decided by a meeting held before the commitment's own meeting: the decision would predate what
// it changes (issue 26 point 12; derive would print "extended from 21 Jul 2017 to 18 Oct 2015").
function decidedBefore(c: DateChecker, list: readonly FollowUp[] | undefined, pointer: string, start: string, meetingId: string, index: Indexes): void {
  list?.forEach((f, i) => {
    if (typeof f.decided_by !== 'string') return;
    const decider = f.decided_by.split('#')[0]!;
    // Fresh (core/facts.ts): the decider's start date is known once every meeting is read.
    if (index.fresh) return void c.out.push({ later: 'decided', decider, pointer: `${pointer}/${i}/decided_by`, start, meetingId });
    decided(c.parsed, index, decider, `${pointer}/${i}/decided_by`, start, meetingId, c.out);
  });
}

export function decided(parsed: ParsedFile, index: Indexes, decider: string, pointer: string, start: string, meetingId: string, out: Found[]): void {
  const held = index.meetings.get(decider)?.start;
  if (held === undefined || held >= start) return;
  out.push(diagnosticAt(parsed, pointer, 'followup/decided-before', { decider, held, meeting: meetingId, start }));
}

export const dates: Check = {
  name: 'dates real and ordered',
  run(records, index) {
    return datesOf(records, index) as Diagnostic[];
  },
  fresh: (records, index) => datesOf(records, index),
};

function datesOf(records: RecordSet, index: Indexes): Found[] {
  const out: Found[] = [];
  for (const { data: m, parsed, valid } of records.meetings) {
    if (!valid) continue;
    const c = new DateChecker(parsed);
    const startOk = c.day(m.dates.start, '/dates/start');
    const endOk = c.day(m.dates.end, '/dates/end');
    if (startOk && endOk && m.dates.end !== undefined && m.dates.end < m.dates.start) {
      c.out.push(diagnosticAt(parsed, '/dates/end', 'date/order', { start: m.dates.start, end: m.dates.end }));
    }
    const start = startOk ? m.dates.start : undefined;
    for (const { agreement: a, pointer } of walkAgreements(m)) {
      c.deadline(a.commitment?.deadline, pointer, '/commitment/deadline', start);
      a.commitment?.schedule?.forEach((s, i) => c.deadline(s.deadline, pointer, `/commitment/schedule/${i}/deadline`, start));
      c.followups(a.followup, `${pointer}/followup`, start);
      if (start) decidedBefore(c, a.followup, `${pointer}/followup`, start, m.id, index);
    }
    for (const d of c.out) out.push(d);
  }
  for (const { data: p, parsed, valid } of records.plans) {
    if (!valid) continue;
    const c = new DateChecker(parsed);
    c.due(p.period.start, '/period/start');
    c.due(p.period.end, '/period/end');
    if (p.period.end < p.period.start) c.out.push(diagnosticAt(parsed, '/period/end', 'date/order', { start: p.period.start, end: p.period.end }, { variant: 'plan' }));
    p.columns.forEach((col, i) => {
      if (col >= p.period.start && col <= p.period.end) c.due(col, `/columns/${i}`);
      else c.out.push(diagnosticAt(parsed, `/columns/${i}`, 'date/order', { column: col, start: p.period.start, end: p.period.end }, { variant: 'column' }));
    });
    for (const { activity, pointer } of walkActivities(p)) c.followups(activity.followup, `${pointer}/followup`, undefined);
    for (const d of c.out) out.push(d);
  }
  return out;
}
