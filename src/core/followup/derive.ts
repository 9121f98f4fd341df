// The record set and a date → every commitment with its effective deadline, who still owes it, and its state.
import type { ActorDirectory } from '../actors.js';
import { buildActorDirectory, expandActors } from '../actors.js';
import type { Day } from '../dates.js';
import { daysBetween } from '../dates.js';
import { findCycles } from '../cycles.js';
import type { Deadline, FollowUp, Meeting } from '../model.js';
import type { RecordSet } from '../records.js';
import { walkAgreements } from '../walk.js';
import type { Calendar } from './deadline.js';
import { buildCalendar, halfYearsOf, resolveDue } from './deadline.js';
import type { Closure } from './delivery.js';
import { byDate, replayFollowup } from './delivery.js';
import type { CommitmentSource } from './sources.js';
import { meetingSources, planSources } from './sources.js';
import { timeState } from './state.js';
import type { Commitment, Delivery, DeriveOptions, Extension } from './types.js';

interface Context {
  readonly asOf: Day;
  readonly options: DeriveOptions;
  readonly dir: ActorDirectory;
  readonly calendar: Calendar;
  /** Agreement ref → the later agreement that says it supersedes it (only those adopted by `asOf`). */
  readonly supersededBy: ReadonlyMap<string, string>;
}

/** Every commitment in the valid records, in record order (meetings by date, then plans), with its state as of `asOf`. */
export function deriveCommitments(records: RecordSet, asOf: Day, options: DeriveOptions = {}): Commitment[] {
  const meetings = records.meetings.filter((m) => m.valid).sort((a, b) => (a.data.dates.start < b.data.dates.start ? -1 : a.data.dates.start > b.data.dates.start ? 1 : a.data.id < b.data.id ? -1 : 1));
  const plans = records.plans.filter((p) => p.valid).sort((a, b) => (a.data.id < b.data.id ? -1 : 1));
  const ctx: Context = { asOf, options, dir: buildActorDirectory(records.registries), calendar: buildCalendar(meetings.map((m) => m.data)), supersededBy: supersessions(meetings.map((m) => m.data), asOf) };
  // Record by record: a record's sources are garbage before the next one's are made, so at no time do all of them
  // live beside all the commitments (peak memory, README: "Indexes, not searches").
  const out: Commitment[] = [];
  const add = (sources: readonly CommitmentSource[]): void => {
    for (const s of sources) for (const c of evaluateSource(asKnownOn(s, asOf), ctx)) out.push(c);
  };
  for (const m of meetings) add(meetingSources(m.data, m.parsed.file));
  for (const p of plans) add(planSources(p.data, p.parsed.file, records.config.inferred_periods));
  return out;
}

// A point that supersedes itself, or a ring of points superseding each other (validate reports both), closes none of
// them: otherwise each would hide the other's overdue state.
function supersessions(meetings: readonly Meeting[], asOf: Day): Map<string, string> {
  const supersedes = new Map<string, string>();
  for (const m of meetings) if (m.dates.start <= asOf) for (const a of walkAgreements(m)) if (a.agreement.supersedes) supersedes.set(a.ref, a.agreement.supersedes);
  const inCycle = new Set(findCycles(supersedes.keys(), (ref) => (supersedes.has(ref) ? [supersedes.get(ref)!] : [])).flatMap((c) => c.path));
  const supersededBy = new Map<string, string>();
  for (const [later, earlier] of supersedes) if (!inCycle.has(later)) supersededBy.set(earlier, later);
  return supersededBy;
}

// "As of" a date means as known then: follow-up entries dated later are not seen yet.
function asKnownOn(source: CommitmentSource, asOf: Day): CommitmentSource {
  const known = (list: readonly FollowUp[]): readonly FollowUp[] => (list.every((f) => f.date <= asOf) ? list : list.filter((f) => f.date <= asOf));
  return { ...source, entries: known(source.entries), moves: known(source.moves) };
}

interface Moved {
  readonly deadline: Deadline | undefined;
  readonly anchor: Day | undefined;
  readonly extensions: readonly Extension[];
}

// Each entry with a `deadline` replaces the one in force; an event deadline set by it counts from the deciding meeting (or the entry's date).
function applyMoves(source: CommitmentSource, start: Moved, calendar: Calendar): Moved {
  let { deadline, anchor } = start;
  const extensions = [...start.extensions];
  const moves = source.occurrence === undefined ? source.moves.filter((f) => f.occurrence === undefined) : source.moves;
  for (const f of byDate(moves)) {
    const from = resolveDue(deadline, { calendar, anchor });
    const decider = f.decided_by ? calendar.byId.get(f.decided_by.split('#')[0]!) : undefined;
    deadline = f.deadline;
    anchor = decider?.end ?? f.date;
    const to = resolveDue(deadline, { calendar, anchor });
    extensions.push({ date: f.date, from, to, ...(f.decided_by ? { decidedBy: f.decided_by } : {}), ...(f.note ? { note: f.note } : {}) });
  }
  return { deadline, anchor, extensions };
}

function evaluateSource(source: CommitmentSource, ctx: Context): Commitment[] {
  const moved = applyMoves(source, { deadline: source.deadline, anchor: source.anchor, extensions: [] }, ctx.calendar);
  const halves = moved.deadline ? halfYearsOf(moved.deadline, source.origin.date) : [];
  if (halves.length === 0) return [evaluate(source, moved, ctx)];
  return halves.map((label) => {
    const entries = source.entries.filter((f) => f.occurrence === undefined || f.occurrence === label || f.occurrence === label.slice(0, 4));
    const occurrence: CommitmentSource = { ...source, id: `${source.id}@${label}`, occurrence: label, entries, moves: source.moves.filter((f) => f.occurrence === label) };
    const { from: _from, until: _until, ...rest } = moved.deadline!;
    const start: Moved = { deadline: { ...rest, due: label }, anchor: moved.anchor, extensions: moved.extensions };
    return evaluate(occurrence, applyMoves(occurrence, start, ctx.calendar), ctx);
  });
}

function evaluate(source: CommitmentSource, moved: Moved, ctx: Context): Commitment {
  const owed = expandActors(ctx.dir, source.owners);
  const replay = replayFollowup(source.entries, ctx.dir);
  const due = resolveDue(moved.deadline, { calendar: ctx.calendar, anchor: moved.anchor, ...(replay.lastReport ? { lastReport: replay.lastReport } : {}) });
  const recurring = due.kind === 'recurring';
  const warnDays = ctx.options.within ?? moved.deadline?.warn ?? ctx.options.warnDays ?? 30;
  const owedSet = new Set(owed);
  const dueOn = due.kind === 'dated' ? due.day : undefined;
  const delivered = replay.delivered.filter((d) => owedSet.has(d.actor)).map((d) => lateness(d, dueOn));
  const deliveredSet = new Set(delivered.map((d) => d.actor));
  const laterPoint = ctx.supersededBy.get(source.origin.ref);
  let closure: Closure | undefined = recurring && replay.closedBy === 'done' ? undefined : replay.closedBy;
  if (!closure && laterPoint) closure = 'superseded';
  const pending = closure ? [] : recurring ? owed : owed.filter((a) => !deliveredSet.has(a));
  if (!closure && !recurring && owed.length > 0 && pending.length === 0) closure = 'done';
  const time = closure ? { state: closure } : source.tentative ? tentativeState(due, ctx.asOf, warnDays) : timeState(due, ctx.asOf, warnDays);
  const doneOn = closure === 'done' ? (replay.closedBy === 'done' ? replay.closedOn : delivered.map((d) => d.date).sort().pop()) : undefined;
  const supersededBy = closure === 'superseded' ? (replay.supersededBy ?? laterPoint) : undefined;
  return {
    id: source.id,
    kind: source.kind,
    origin: source.origin,
    ...(source.step !== undefined ? { step: source.step } : {}),
    ...(source.occurrence !== undefined ? { occurrence: source.occurrence } : {}),
    ...(source.action ? { action: source.action } : {}),
    task: source.task,
    owners: source.owners,
    ...(source.inferred ? { inferred: true as const } : {}),
    ...(source.tentative ? { tentative: true as const } : {}),
    owed,
    due,
    ...(moved.deadline ? { deadline: moved.deadline } : {}),
    extensions: moved.extensions,
    warnDays,
    ...time,
    ...(doneOn ? { doneOn } : {}),
    ...(doneOn && dueOn && doneOn > dueOn ? { daysLateDelivered: daysBetween(dueOn, doneOn) } : {}),
    ...(replay.status ? { status: replay.status } : {}),
    delivered,
    pending,
    followup: byDate(source.entries),
    ...(supersededBy ? { supersededBy } : {}),
  };
}

// A tentative period is shown, never counted: what would be overdue or upcoming is open, with no days late or left.
function tentativeState(due: Commitment['due'], asOf: Day, warnDays: number): ReturnType<typeof timeState> {
  const time = timeState(due, asOf, warnDays);
  return time.state === 'overdue' || time.state === 'upcoming' || time.state === 'open' ? { state: 'open' } : time;
}

// A delivery after the due day in force is late by the days between; on time (or undated) it says nothing more.
function lateness(d: Delivery, dueOn: Day | undefined): Delivery {
  return dueOn !== undefined && d.date > dueOn ? { ...d, daysLate: daysBetween(dueOn, d.date) } : d;
}
