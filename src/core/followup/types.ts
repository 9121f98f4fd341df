// The follow-up vocabulary: a commitment, its effective deadline and its state as of a date. Plain data.
import type { Day, Period } from '../dates.js';
import type { Action, ActorId, Deadline, FollowUp, Status, Text } from '../model.js';

/** Computed, never stored. Closed states: done, not-applicable, superseded, cancelled. */
export type CommitmentState =
  | 'overdue'
  | 'upcoming'
  | 'open'
  | 'waiting'
  | 'no-date'
  | 'continuous'
  | 'done'
  | 'not-applicable'
  | 'superseded'
  | 'cancelled';

/** Every state, in the order reports list them. */
export const STATES: readonly CommitmentState[] = ['overdue', 'upcoming', 'open', 'waiting', 'no-date', 'continuous', 'done', 'not-applicable', 'superseded', 'cancelled'];

export const CLOSED_STATES: ReadonlySet<CommitmentState> = new Set(['done', 'not-applicable', 'superseded', 'cancelled']);

/** agreement: a point (or sub-item) of a meeting; step: one dated step of its schedule; activity: a work-plan activity or one occurrence of it. */
export type CommitmentKind = 'agreement' | 'step' | 'activity';

/** Where a commitment comes from. */
export interface Origin {
  readonly recordKind: 'meeting' | 'plan';
  /** The meeting or plan id. */
  readonly record: string;
  /** The body whose meeting or plan it is. */
  readonly body: string;
  /** The agreement (MEETING#6) or activity (PLAN#1/I/1/1.1). */
  readonly ref: string;
  readonly file: string;
  /** JSON pointer to the agreement or activity in its file. */
  readonly pointer: string;
  /** The meeting's first day (meetings only). */
  readonly date?: Day;
}

/** The effective deadline, resolved against the records and the date. */
export type DueDate =
  /** A dated period; falls due at its end (`day`). `event` when it was resolved from a meeting on record. */
  | { readonly kind: 'dated'; readonly period: Period; readonly day: Day; readonly event?: ResolvedEvent; readonly within?: ResolvedWithin }
  /** Hangs on a meeting that has no record yet. */
  | { readonly kind: 'waiting'; readonly body: string; readonly relation: 'before' | 'at'; readonly expected?: Period }
  | { readonly kind: 'continuous' }
  /** Twice a year with no end: due six months after the last follow-up (or the meeting). */
  | { readonly kind: 'recurring'; readonly since: Day; readonly day: Day }
  /** No date: no deadline at all, "to be defined", or "as soon as possible" (`asap`). */
  | { readonly kind: 'none'; readonly tbd: boolean; readonly asap?: true };

/** "Within N days of the meeting", counted from `from` (the meeting's last day, or the deciding meeting's). */
export interface ResolvedWithin {
  readonly days: number;
  readonly from: Day;
}

export interface ResolvedEvent {
  readonly body: string;
  readonly relation: 'before' | 'at';
  /** The meeting on record that fixed the date. */
  readonly meeting: string;
}

/** A deadline moved by a follow-up entry: "extended from … to … by …". */
export interface Extension {
  readonly date: Day;
  readonly from: DueDate;
  readonly to: DueDate;
  readonly decidedBy?: string;
  readonly note?: Text;
}

export interface Delivery {
  readonly actor: ActorId;
  readonly date: Day;
  /** Delivered after the due day in force: calendar days past it (absent when on time or with no due day). */
  readonly daysLate?: number;
}

/** What a commitment is and who owes it, as the records state it (shared by the source and the derived commitment). */
export interface CommitmentIdentity {
  /** Stable id: MEETING#6, a step MEETING#6/2, an occurrence PLAN#1/I/1/1.3@2018-H1. */
  readonly id: string;
  readonly kind: CommitmentKind;
  readonly origin: Origin;
  /** Schedule step, 1-based. */
  readonly step?: number;
  /** Occurrence label of a recurring or per-year commitment (2018-H1, 2019). */
  readonly occurrence?: string;
  readonly action?: Action;
  /** What is owed: the task of the commitment or step, else the adopted text or activity. */
  readonly task: Text;
  /** Owners as recorded (groups kept). */
  readonly owners: readonly ActorId[];
  /** The source does not name who owes it (`inferred: true` on the commitment or step): acta's reading, explained in a note. */
  readonly inferred?: true;
  /** Its period is acta's inference (a proposed plan's inferred columns, an uncertain schedule cell): listed, but never
   * overdue or upcoming — state `open` with no days counted (acta.yaml `inferred_periods: due` turns this off). */
  readonly tentative?: true;
}

export interface Commitment extends CommitmentIdentity {
  /** Owners with groups expanded: each owes on its own. */
  readonly owed: readonly ActorId[];
  readonly due: DueDate;
  /** The recorded deadline in force (after extensions), with the source's wording. */
  readonly deadline?: Deadline;
  readonly extensions: readonly Extension[];
  /** Days before the due day it counts as upcoming. */
  readonly warnDays: number;
  readonly state: CommitmentState;
  /** Overdue only: calendar days since the due day. */
  readonly daysLate?: number;
  /** Open or upcoming with a date: calendar days until the due day (0 = due today). */
  readonly daysLeft?: number;
  /** The latest recorded status, if any follow-up was recorded ("no-information" stays that). */
  readonly status?: Status;
  /** Waiting only: the meeting it hangs on was expected in a period that ended this many days ago, and has no record. */
  readonly daysPastExpected?: number;
  /** Done only: the day it was closed (the entry that said done, or the last owed delivery). */
  readonly doneOn?: Day;
  /** Done after the due day in force: calendar days past it ("done late (N days)"); absent when on time or undated. */
  readonly daysLateDelivered?: number;
  /** Owed actors who delivered (follow-up delivered_by). */
  readonly delivered: readonly Delivery[];
  /** Owed actors who have not delivered; empty once closed. */
  readonly pending: readonly ActorId[];
  /** The follow-up entries that concern this commitment, oldest first. */
  readonly followup: readonly FollowUp[];
  /** The later agreement that replaces this one, when superseded. */
  readonly supersededBy?: string;
}

export interface DeriveOptions {
  /** Warning window in days for every commitment (a command's --within); overrides deadline.warn. */
  readonly within?: number;
  /** The records' default window (acta.yaml warn_days); 30 when absent. */
  readonly warnDays?: number;
}
