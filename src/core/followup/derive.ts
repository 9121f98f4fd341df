// The record set and a date → every commitment with its effective deadline, who still owes it, and its state.
import type { ActorDirectory } from '../actors.js';
import { buildActorDirectory, expandActors } from '../actors.js';
import type { Day } from '../dates.js';
import { daysBetween } from '../dates.js';
import { findCycles } from '../cycles.js';
import type { ActorId, Deadline, FollowUp, Meeting } from '../model.js';
import type { RecordSet } from '../records.js';
import { walkAgreements } from '../walk.js';
import type { Calendar } from './deadline.js';
import { buildCalendar, halfYearsOf, resolveDue } from './deadline.js';
import type { Closure } from './delivery.js';
import { byDate, replayFollowup } from './delivery.js';
import type { CommitmentSource } from './sources.js';
import { meetingSources, planSources } from './sources.js';
import type { TimeState } from './state.js';
import { timeState } from './state.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
import type { Commitment, Delivery, DeriveOptions, Extension } from './types.js';

interface Context {
  readonly asOf: Day;
  readonly options: DeriveOptions;
  readonly dir: ActorDirectory;
  readonly calendar: Calendar;
  /** Agreement ref → the later agreement that says it supersedes it (only those adopted by `asOf`). */
  readonly supersededBy: ReadonlyMap<string, string>;
  /** Owners as recorded (joined) → with groups expanded: ownersOf's memo, shared by the commitments (read-only). */
  readonly owed: Map<string, readonly ActorId[]>;
}

/** Every commitment in the valid records, in record order (meetings by date, then plans), with its state as of `asOf`. */
export function deriveCommitments(records: RecordSet, asOf: Day, options: DeriveOptions = {}): Commitment[] {
  const meetings = records.meetings.filter((m) => m.valid).sort((a, b) => (a.data.dates.start < b.data.dates.start ? -1 : a.data.dates.start > b.data.dates.start ? 1 : a.data.id < b.data.id ? -1 : 1));
  const plans = records.plans.filter((p) => p.valid).sort((a, b) => (a.data.id < b.data.id ? -1 : 1));
  const ctx: Context = { asOf, options, dir: buildActorDirectory(records.registries), calendar: buildCalendar(meetings.map((m) => m.data)), supersededBy: supersessions(meetings.map((m) => m.data), asOf), owed: new Map() };
  // Record by record: a record's sources are garbage before the next one's are made, so at no time do all of them
  // live beside all the commitments (peak memory, README: "Indexes, not searches").
  const out: Commitment[] = [];
  const add = (sources: readonly CommitmentSource[]): void => {
    for (const s of sources) evaluateSource(asKnownOn(s, asOf), ctx, out);
  };
  // As known then: a meeting that starts after `asOf` has adopted nothing yet (its record may exist ahead of it).
  for (const m of meetings) if (m.data.dates.start <= asOf) add(meetingSources(m.data, m.parsed.file));
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
  // Most commitments have no entries at all: nothing to look at, no closure made.
  if (source.entries.length === 0 && source.moves.length === 0) return source;
  const entries = knownOn(source.entries, asOf);
  const moves = knownOn(source.moves, asOf);
  return entries === source.entries && moves === source.moves ? source : { ...source, entries, moves };
}

/** The entries known on `asOf` (none dated later); the list itself when all are (no copy: most histories end earlier). */
export function knownOn(list: readonly FollowUp[], asOf: Day): readonly FollowUp[] {
  for (const f of list) if (f.date > asOf) return list.filter((g) => g.date <= asOf);
  return list;
}

interface Moved {
  readonly deadline: Deadline | undefined;
  readonly anchor: Day | undefined;
  readonly extensions: readonly Extension[];
}

// Each entry with a `deadline` replaces the one in force; an event deadline set by it counts from the deciding meeting (or the entry's date).
function applyMoves(source: CommitmentSource, start: Moved, calendar: Calendar): Moved {
  // No entry moves the deadline (almost every commitment): the start as it is, no copy of its extensions.
  if (source.moves.length === 0) return start;
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

// Each commitment of a source (one, or one per half-year of a twice-a-year deadline with an end) pushed onto `out`.
function evaluateSource(source: CommitmentSource, ctx: Context, out: Commitment[]): void {
  const moved = applyMoves(source, { deadline: source.deadline, anchor: source.anchor, extensions: NO_EXTENSIONS }, ctx.calendar);
  const halves = moved.deadline?.due === 'twice-a-year' ? halfYearsOf(moved.deadline, source.origin.date) : NO_HALVES;
  if (halves.length === 0) {
    out.push(evaluate(source, moved, ctx));
    return;
  }
  // What every half-year shares is made once: the deadline without its span (each half's is it with its label as
  // `due`), and the source's members, which each occurrence's source copies member by member (not a spread).
  const { from: _from, until: _until, ...rest } = moved.deadline!;
  for (const label of halves) {
    const year = label.slice(0, 4);
    const entries = source.entries.length === 0 ? source.entries : source.entries.filter((f) => f.occurrence === undefined || f.occurrence === label || f.occurrence === year);
    const moves = source.moves.length === 0 ? source.moves : source.moves.filter((f) => f.occurrence === label);
    const occurrence = occurrenceOf(source, `${source.id}@${label}`, label, entries, moves);
    const start: Moved = { deadline: { ...rest, due: label }, anchor: moved.anchor, extensions: moved.extensions };
    out.push(evaluate(occurrence, applyMoves(occurrence, start, ctx.calendar), ctx));
  }
}

const NO_HALVES: readonly string[] = Object.freeze([]);
/** The extensions of a commitment no entry moved (almost all): one frozen empty list shared by them. */
const NO_EXTENSIONS: readonly Extension[] = Object.freeze([]);

/** `{ ...source, id, occurrence, entries, moves }`, member by member (the keys evaluate and applyMoves read). */
function occurrenceOf(source: CommitmentSource, id: string, occurrence: string, entries: readonly FollowUp[], moves: readonly FollowUp[]): CommitmentSource {
  const s: Mutable<CommitmentSource> = { id, kind: source.kind, origin: source.origin, occurrence, task: source.task, owners: source.owners, entries, moves };
  if (source.step !== undefined) s.step = source.step;
  if (source.action !== undefined) s.action = source.action;
  if (source.inferred !== undefined) s.inferred = source.inferred;
  if (source.tentative !== undefined) s.tentative = source.tentative;
  if (source.deadline !== undefined) s.deadline = source.deadline;
  if (source.anchor !== undefined) s.anchor = source.anchor;
  return s;
}

function evaluate(source: CommitmentSource, moved: Moved, ctx: Context): Commitment {
  const owed = ownersOf(source.owners, ctx);
  const replay = replayFollowup(source.entries, ctx.dir);
  const due = resolveDue(moved.deadline, replay.lastReport ? { calendar: ctx.calendar, anchor: moved.anchor, lastReport: replay.lastReport } : { calendar: ctx.calendar, anchor: moved.anchor });
  const recurring = due.kind === 'recurring';
  const warnDays = ctx.options.within ?? moved.deadline?.warn ?? ctx.options.warnDays ?? 30;
  const dueOn = due.kind === 'dated' ? due.day : undefined;
  // Most commitments have no delivery recorded: no sets made for them.
  const delivered = replay.delivered.length === 0 ? [] : replay.delivered.filter((d) => owed.includes(d.actor)).map((d) => lateness(d, dueOn));
  const laterPoint = ctx.supersededBy.get(source.origin.ref);
  let closure: Closure | undefined = recurring && replay.closedBy === 'done' ? undefined : replay.closedBy;
  if (!closure && laterPoint) closure = 'superseded';
  const pending = closure ? [] : recurring || delivered.length === 0 ? owed : owedNotIn(owed, delivered);
  if (!closure && !recurring && owed.length > 0 && pending.length === 0) closure = 'done';
  const time: TimeState = closure ? { state: closure } : source.tentative ? tentativeState(due, ctx.asOf, warnDays) : timeState(due, ctx.asOf, warnDays);
  const doneOn = closure === 'done' ? (replay.closedBy === 'done' ? replay.closedOn : delivered.map((d) => d.date).sort().pop()) : undefined;
  const supersededBy = closure === 'superseded' ? (replay.supersededBy ?? laterPoint) : undefined;
  // One object shape for every commitment: every member the type lists, in its order, the ones a commitment lacks
  // set to undefined (JSON drops them as it drops a missing one; no reader asks `in`). A dozen shapes before (each
  // optional member present or not) made every `c.state` read downstream megamorphic. A literal, not a spread: ~28,000
  // commitments at 2,000 meetings.
  const open = !closure;
  const out: Commitment = {
    id: source.id,
    kind: source.kind,
    origin: source.origin,
    step: source.step,
    occurrence: source.occurrence,
    action: source.action || undefined,
    task: source.task,
    owners: source.owners,
    inferred: source.inferred ? true : undefined,
    tentative: source.tentative ? true : undefined,
    owed,
    due,
    deadline: moved.deadline || undefined,
    extensions: moved.extensions,
    warnDays,
    state: closure || time.state,
    daysLate: open ? time.daysLate : undefined,
    daysLeft: open ? time.daysLeft : undefined,
    daysPastExpected: open ? time.daysPastExpected : undefined,
    doneOn: doneOn || undefined,
    daysLateDelivered: doneOn && dueOn && doneOn > dueOn ? daysBetween(dueOn, doneOn) : undefined,
    status: replay.status || undefined,
    delivered,
    pending,
    followup: byDate(source.entries),
    supersededBy: supersededBy || undefined,
  };
  return out;
}

/** Owners with groups expanded, made once for each list of owners (most points name one of a few lists). */
function ownersOf(owners: readonly ActorId[], ctx: Context): readonly ActorId[] {
  const key = owners.length === 1 ? owners[0]! : owners.join('\u0000');
  let owed = ctx.owed.get(key);
  if (!owed) ctx.owed.set(key, (owed = expandActors(ctx.dir, owners)));
  return owed;
}

function owedNotIn(owed: readonly ActorId[], delivered: readonly Delivery[]): ActorId[] {
  const done = new Set(delivered.map((d) => d.actor));
  return owed.filter((a) => !done.has(a));
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
