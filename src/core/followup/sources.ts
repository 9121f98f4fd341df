// Records → the commitments they hold, before any date maths: agreement points, their schedule steps, plan activity occurrences.
import type { Day } from '../dates.js';
import type { Activity, Agreement, Cell, Config, Deadline, FollowUp, Meeting, Plan } from '../model.js';
import { INFORMATIONAL_ACTIONS } from '../model.js';
import type { ActivityAt } from '../walk.js';
import { walkActivities, walkAgreements } from '../walk.js';
import type { CommitmentIdentity, Origin } from './types.js';

/** A commitment as the records state it: what, who, the recorded deadline, and the follow-up entries that concern it. */
export interface CommitmentSource extends CommitmentIdentity {
  readonly deadline?: Deadline;
  /** Event deadlines resolve to the first meeting of their body starting after this day (the setting meeting's last day). */
  readonly anchor?: Day;
  /** Entries whose status and delivered_by concern it. */
  readonly entries: readonly FollowUp[];
  /** Entries whose `deadline` moves its deadline. */
  readonly moves: readonly FollowUp[];
}

const CLOSES_ALL = new Set(['not-applicable', 'superseded', 'cancelled']);

/** An entry on a point (no step) that closes the whole point closes its steps too. */
function closesPoint(f: FollowUp): boolean {
  return f.step === undefined && ((f.status !== undefined && CLOSES_ALL.has(f.status)) || (f.status === 'done' && !f.delivered_by?.length));
}

export function meetingSources(meeting: Meeting, file: string): CommitmentSource[] {
  const out: CommitmentSource[] = [];
  const anchor = meeting.dates.end ?? meeting.dates.start;
  // Sources are built member by member, not spread from a shared base: one object each (this runs for every point).
  const make = (origin: Origin, action: Agreement['action'], inferred: boolean | undefined, id: string, kind: 'agreement' | 'step', step: number | undefined, task: CommitmentSource['task'], owners: CommitmentSource['owners'], deadline: Deadline | undefined, entries: readonly FollowUp[], moves: readonly FollowUp[]): CommitmentSource => {
    const s: Mutable<CommitmentSource> = { origin, anchor, id, kind, task, owners, entries, moves };
    if (action) s.action = action;
    if (inferred) s.inferred = true;
    if (step !== undefined) s.step = step;
    if (deadline) s.deadline = deadline;
    return s;
  };
  for (const { agreement: a, ref, pointer } of walkAgreements(meeting)) {
    const k = a.commitment;
    if (!k && (!a.action || INFORMATIONAL_ACTIONS.has(a.action))) continue;
    // A recommendation to another body is listed as such (reports), never as a commitment of its addressee.
    if (a.addressee !== undefined) continue;
    const origin: Origin = { recordKind: 'meeting', record: meeting.id, body: meeting.body, ref, file, pointer, date: meeting.dates.start };
    const followup = a.followup ?? [];
    const own = followup.length === 0 ? followup : followup.filter((f) => f.step === undefined);
    out.push(make(origin, a.action, k?.inferred, ref, 'agreement', undefined, k?.task ?? a.text, k?.owners ?? a.actors ?? [], k?.deadline, own, withDeadline(own)));
    const schedule = k?.schedule;
    if (!schedule) continue;
    for (let i = 0; i < schedule.length; i++) {
      const s = schedule[i]!;
      const step = i + 1;
      const mine = followup.length === 0 ? followup : followup.filter((f) => f.step === step);
      const entries = followup.length === 0 ? followup : followup.filter((f) => f.step === step || closesPoint(f));
      // A step names its own owners (and says whether they are inferred) or inherits the commitment's.
      const stepInferred = s.owners ? s.inferred : (s.inferred ?? k.inferred);
      out.push(make(origin, a.action, stepInferred, `${ref}/${step}`, 'step', step, s.task, s.owners ?? k.owners, s.deadline, entries, withDeadline(mine)));
    }
  }
  return out;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The entries that carry a deadline (the same list when there are none to leave out: no copy). */
function withDeadline(list: readonly FollowUp[]): readonly FollowUp[] {
  return list.every((f) => f.deadline) ? list : list.filter((f) => f.deadline);
}

export interface Occurrence {
  readonly label: string;
  readonly column: string;
  readonly due: string;
}

/** A plan activity's schedule → its occurrences (2018-H1, or the year for a yearly cell), column by column. */
export function occurrencesOf(schedule: Readonly<Record<string, Cell>>): Occurrence[] {
  const out: Occurrence[] = [];
  for (const column of Object.keys(schedule).sort()) {
    const cell = schedule[column]!;
    if (cell === 'twice-a-year') for (const h of ['H1', 'H2']) out.push({ label: `${column}-${h}`, column, due: `${column}-${h}` });
    else if (cell === 'year') out.push({ label: column, column, due: column });
    else if (cell === 'continuous' || cell === 'tbd') out.push({ label: column, column, due: cell });
    else out.push({ label: `${column}-${cell}`, column, due: `${column}-${cell}` });
  }
  return out;
}

/**
 * Whether an activity's periods are acta's inference and so tentative (listed, never overdue or upcoming): its schedule
 * cells' mapping is inferred, or the plan's columns are and the plan is not adopted — unless acta.yaml says
 * `inferred_periods: due`. The cautious default: a proposed plan read from a matrix that lost its header binds no one.
 */
export function periodsTentative(plan: Plan, activity: Activity, inferredPeriods: Config['inferred_periods']): boolean {
  if (inferredPeriods === 'due') return false;
  if (activity.inferred?.includes('schedule')) return true;
  return plan.inferred?.includes('columns') === true && plan.stage !== 'adopted';
}

export function planSources(plan: Plan, file: string, inferredPeriods?: Config['inferred_periods']): CommitmentSource[] {
  return walkActivities(plan).flatMap((at) => activitySources(plan, file, at, inferredPeriods));
}

function activitySources(plan: Plan, file: string, { activity, ref, pointer }: ActivityAt, inferredPeriods: Config['inferred_periods']): CommitmentSource[] {
  const origin: Origin = { recordKind: 'plan', record: plan.id, body: plan.body, ref, file, pointer };
  const tentative = periodsTentative(plan, activity, inferredPeriods);
  const inferred = activity.inferred?.includes('responsible') === true;
  const owners = activity.responsible ?? [];
  const followup = activity.followup ?? [];
  const cells = occurrencesOf(activity.schedule ?? {});
  // Member by member, as meetingSources' (one object per occurrence: plans list an activity for each of their years).
  const make = (id: string, entries: readonly FollowUp[], moves: readonly FollowUp[]): Mutable<CommitmentSource> => {
    const s: Mutable<CommitmentSource> = { origin, kind: 'activity', task: activity.text, owners, id, entries, moves };
    if (inferred) s.inferred = true;
    return s;
  };
  if (cells.length === 0) return [make(ref, followup, followup.filter((f) => f.deadline))];
  return cells.map((o) => {
    const entries = followup.length === 0 ? followup : followup.filter((f) => f.occurrence === undefined || f.occurrence === o.label || f.occurrence === o.column);
    const moves = entries.length === 0 ? entries : entries.filter((f) => f.deadline && (f.occurrence === o.label || cells.length === 1));
    const s = make(`${ref}@${o.label}`, entries, moves);
    if (tentative) s.tentative = true;
    s.occurrence = o.label;
    s.deadline = { due: o.due };
    return s;
  });
}
