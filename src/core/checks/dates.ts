// Dates are real calendar dates and in order; follow-up is not dated before its meeting; deadlines not before it.
import type { Diagnostic } from '../diagnostics.js';
import { inYearRange, isRealDate, parsePeriod, YEARS } from '../dates.js';
import { hasTooManyOccurrences, MAX_OCCURRENCES } from '../followup/deadline.js';
import type { Deadline, FollowUp } from '../model.js';
import type { ParsedFile } from '../read/index.js';
import { walkActivities, walkAgreements } from '../walk.js';
import type { Check, Indexes } from './context.js';
import { diagnosticAt } from './context.js';

class DateChecker {
  readonly out: Diagnostic[] = [];
  constructor(readonly parsed: ParsedFile) {}

  /** False (and reported) when a value of the right shape has a year acta does not read. */
  private inRange(value: string, pointer: string): boolean {
    if (inYearRange(value)) return true;
    this.out.push(diagnosticAt(this.parsed, pointer, 'date/out-of-range', `\`${value}\`: the year is outside the years acta reads (${YEARS.first}–${YEARS.last})`, 'check the year for a typo (0217, 3017); acta reads no earlier or later records'));
    return false;
  }

  day(value: unknown, pointer: string): boolean {
    // A value of the wrong shape is the schema's to report; here only shapes that are right but not on the calendar.
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || isRealDate(value)) return true;
    if (!this.inRange(value, pointer)) return false;
    this.out.push(diagnosticAt(this.parsed, pointer, 'date/invalid', `\`${value}\` is not a real date`, 'check the day and month (YYYY-MM-DD; February has 28 or 29 days)'));
    return false;
  }

  due(value: unknown, pointer: string): string | undefined {
    if (typeof value !== 'string' || !/^\d{4}(?:-\d{2}(?:-\d{2})?|-Q[1-4]|-H[12])?$/.test(value)) return undefined;
    if (!this.inRange(value, pointer)) return undefined;
    const period = parsePeriod(value);
    if (!period) this.out.push(diagnosticAt(this.parsed, pointer, 'date/invalid', `\`${value}\` is not a real date or period`, 'use YYYY-MM-DD, YYYY-MM (month 01–12), YYYY-Q1…Q4, YYYY-H1/H2 or YYYY'));
    return period?.end;
  }

  deadline(d: Deadline | undefined, pointer: string, meetingStart: string | undefined): void {
    if (!d) return;
    const end = this.due(d.due, `${pointer}/due`);
    this.due(d.from, `${pointer}/from`);
    this.due(d.until, `${pointer}/until`);
    this.due(d.event?.expected, `${pointer}/event/expected`);
    if (hasTooManyOccurrences(d, meetingStart)) {
      this.out.push(diagnosticAt(this.parsed, `${pointer}/until`, 'deadline/too-many-occurrences', `twice a year from ${d.from ?? meetingStart?.slice(0, 4)} until ${d.until} is more than ${MAX_OCCURRENCES} half-years: acta does not expand it, and follows it as a rolling twice-a-year`, `end it within ${MAX_OCCURRENCES / 2} years (a later meeting can extend it), or drop \`until\``));
    }
    if (end && meetingStart && end < meetingStart) {
      this.out.push(diagnosticAt(this.parsed, `${pointer}/due`, 'deadline/before-meeting', `the deadline ${d.due} ends before the meeting that set it (${meetingStart})`, 'check the year; if the source really says so, explain it in a note with `explains: [deadline/before-meeting]`'));
    }
  }

  followups(list: readonly FollowUp[] | undefined, pointer: string, meetingStart: string | undefined): void {
    list?.forEach((f, i) => {
      const at = `${pointer}/${i}`;
      const real = this.day(f.date, `${at}/date`);
      if (real && meetingStart && f.date < meetingStart) {
        this.out.push(diagnosticAt(this.parsed, `${at}/date`, 'followup/before-meeting', `follow-up dated ${f.date}, before the meeting itself (${meetingStart})`, 'follow-up records what happened after the meeting: check the date'));
      }
      this.deadline(f.deadline, `${at}/deadline`, meetingStart);
      this.due(f.occurrence, `${at}/occurrence`);
    });
  }
}

// A deadline change decided by a meeting held before the commitment's own meeting: the decision would predate what
// it changes (issue 26 point 12; derive would print "extended from 21 Jul 2017 to 18 Oct 2015").
function decidedBefore(c: DateChecker, list: readonly FollowUp[] | undefined, pointer: string, start: string, meetingId: string, index: Indexes): void {
  list?.forEach((f, i) => {
    if (typeof f.decided_by !== 'string') return;
    const decider = f.decided_by.split('#')[0]!;
    const held = index.meetings.get(decider)?.start;
    if (held === undefined || held >= start) return;
    c.out.push(diagnosticAt(c.parsed, `${pointer}/${i}/decided_by`, 'followup/decided-before', `decided by ${decider} (${held}), a meeting held before this commitment was made at ${meetingId} (${start})`, 'name the meeting that decided the change, held on or after the one that adopted the commitment'));
  });
}

export const dates: Check = {
  name: 'dates real and ordered',
  run(records, index) {
    const out: Diagnostic[] = [];
    for (const { data: m, parsed, valid } of records.meetings) {
      if (!valid) continue;
      const c = new DateChecker(parsed);
      const startOk = c.day(m.dates.start, '/dates/start');
      const endOk = c.day(m.dates.end, '/dates/end');
      if (startOk && endOk && m.dates.end !== undefined && m.dates.end < m.dates.start) {
        c.out.push(diagnosticAt(parsed, '/dates/end', 'date/order', `the meeting ends (${m.dates.end}) before it starts (${m.dates.start})`, 'swap or correct the dates'));
      }
      const start = startOk ? m.dates.start : undefined;
      for (const { agreement: a, pointer } of walkAgreements(m)) {
        c.deadline(a.commitment?.deadline, `${pointer}/commitment/deadline`, start);
        a.commitment?.schedule?.forEach((s, i) => c.deadline(s.deadline, `${pointer}/commitment/schedule/${i}/deadline`, start));
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
      if (p.period.end < p.period.start) c.out.push(diagnosticAt(parsed, '/period/end', 'date/order', `the plan ends (${p.period.end}) before it starts (${p.period.start})`, 'correct the period'));
      p.columns.forEach((col, i) => {
        if (col >= p.period.start && col <= p.period.end) c.due(col, `/columns/${i}`);
        else c.out.push(diagnosticAt(parsed, `/columns/${i}`, 'date/order', `column ${col} is outside the plan's period ${p.period.start}–${p.period.end}`, 'correct the column or the period'));
      });
      for (const { activity, pointer } of walkActivities(p)) c.followups(activity.followup, `${pointer}/followup`, undefined);
      for (const d of c.out) out.push(d);
    }
    return out;
  },
};
