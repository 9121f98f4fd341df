// The follow-up engine's API: pure (no I/O, no clock). Reports, dashboards and commands import from here only.
//   deriveCommitments(records, asOf, options) → Commitment[]  every commitment with its state as of a date
//   summariseStates(commitments)              → StateSummary  how many in each state
//   isClosed(c), isDated(c), dueDay(c)        small questions asked of one commitment
import type { Day } from '../dates.js';
import type { Commitment, CommitmentState } from './types.js';
import { CLOSED_STATES, STATES } from './types.js';

export { deriveCommitments, knownOn } from './derive.js';
export { buildCalendar, nextMeeting, resolveDue } from './deadline.js';
export type { Calendar, CalendarMeeting } from './deadline.js';
export { CLOSED_STATES, STATES } from './types.js';
export type { Commitment, CommitmentKind, CommitmentState, Delivery, DeriveOptions, DueDate, Extension, Origin, ResolvedEvent, ResolvedWithin } from './types.js';

/** Counts per state (every state present, zero when none), and the total. */
export type StateSummary = Readonly<Record<CommitmentState, number>> & { readonly total: number };

// One summary shape for every report, so totals read the same everywhere.
export function summariseStates(commitments: readonly { readonly state: CommitmentState }[]): StateSummary {
  const counts = zeroStates();
  for (const c of commitments) counts[c.state]++;
  return withTotal(counts, commitments.length);
}

// The summary's object, keys in STATES' order then total, made member by member: reports make one per meeting, body
// and actor, and a spread copy of an object from entries costs several times the counting (~10 µs each).
function zeroStates(): Record<CommitmentState, number> {
  const counts = {} as Record<CommitmentState, number>;
  for (const s of STATES) counts[s] = 0;
  return counts;
}

function withTotal(counts: Record<CommitmentState, number>, total: number): StateSummary {
  (counts as Record<CommitmentState | 'total', number>).total = total;
  return counts as StateSummary;
}

/** Counts states one at a time, for many groups at once (no array per group): `add`, then `summary` once — the
 * object summariseStates makes for the states added. */
export function stateCounter(): { add(state: CommitmentState): void; summary(): StateSummary } {
  const counts = zeroStates();
  let total = 0;
  return {
    add(state) {
      counts[state]++;
      total++;
    },
    summary: () => withTotal(counts, total),
  };
}

/** Done, not applicable, superseded or cancelled. */
export function isClosed(c: Commitment): boolean {
  return CLOSED_STATES.has(c.state);
}

/** The day it falls due, when it has one (dated, resolved event, or the next round of a rolling recurrence). */
export function dueDay(c: Commitment): Day | undefined {
  return c.due.kind === 'dated' || c.due.kind === 'recurring' ? c.due.day : undefined;
}

/** True when it has a due day. */
export function isDated(c: Commitment): boolean {
  return dueDay(c) !== undefined;
}
