// Records → the commitments they hold, before any date maths: agreement points, their schedule steps, plan activity occurrences.
import type { Day } from '../dates.js';
import type { Cell, Deadline, FollowUp, Meeting, Plan } from '../model.js';
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
  for (const { agreement: a, ref, pointer } of walkAgreements(meeting)) {
    const origin: Origin = { recordKind: 'meeting', record: meeting.id, body: meeting.body, ref, file, pointer, date: meeting.dates.start };
    const followup = a.followup ?? [];
    const own = followup.filter((f) => f.step === undefined);
    const k = a.commitment;
    const base = { origin, anchor, ...(a.action ? { action: a.action } : {}), ...(k?.inferred ? { inferred: true as const } : {}) };
    if (!k && (!a.action || INFORMATIONAL_ACTIONS.has(a.action))) continue;
    // A recommendation to another body is listed as such (reports), never as a commitment of its addressee.
    if (a.addressee !== undefined) continue;
    out.push({ ...base, id: ref, kind: 'agreement', task: k?.task ?? a.text, owners: k?.owners ?? a.actors ?? [], ...(k?.deadline ? { deadline: k.deadline } : {}), entries: own, moves: own.filter((f) => f.deadline) });
    k?.schedule?.forEach((s, i) => {
      const step = i + 1;
      const mine = followup.filter((f) => f.step === step);
      out.push({ ...base, id: `${ref}/${step}`, kind: 'step', step, task: s.task, owners: s.owners ?? k.owners, ...(s.deadline ? { deadline: s.deadline } : {}), entries: followup.filter((f) => f.step === step || closesPoint(f)), moves: mine.filter((f) => f.deadline) });
    });
  }
  return out;
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

export function planSources(plan: Plan, file: string): CommitmentSource[] {
  return walkActivities(plan).flatMap((at) => activitySources(plan, file, at));
}

function activitySources(plan: Plan, file: string, { activity, ref, pointer }: ActivityAt): CommitmentSource[] {
  const origin: Origin = { recordKind: 'plan', record: plan.id, body: plan.body, ref, file, pointer };
  const base = { origin, kind: 'activity' as const, task: activity.text, owners: activity.responsible ?? [] };
  const followup = activity.followup ?? [];
  const cells = occurrencesOf(activity.schedule ?? {});
  if (cells.length === 0) return [{ ...base, id: ref, entries: followup, moves: followup.filter((f) => f.deadline) }];
  return cells.map((o) => {
    const entries = followup.filter((f) => f.occurrence === undefined || f.occurrence === o.label || f.occurrence === o.column);
    const moves = entries.filter((f) => f.deadline && (f.occurrence === o.label || cells.length === 1));
    return { ...base, id: `${ref}@${o.label}`, occurrence: o.label, deadline: { due: o.due }, entries, moves };
  });
}
