// Follow-up entries → who has delivered, whether the whole commitment is closed, and the latest recorded status.
import type { ActorDirectory } from '../actors.js';
import { expandActors } from '../actors.js';
import type { Day } from '../dates.js';
import type { FollowUp, Status } from '../model.js';
import type { Delivery } from './types.js';

export type Closure = 'done' | 'not-applicable' | 'superseded' | 'cancelled';

export interface Replay {
  /** Set when an entry closed it for every owner: done with no delivered_by, not-applicable, superseded, cancelled. */
  readonly closedBy?: Closure;
  readonly closedOn?: Day;
  /** Every actor named in delivered_by (groups expanded), with the first day they were recorded as delivering. */
  readonly delivered: readonly Delivery[];
  readonly status?: Status;
  readonly supersededBy?: string;
  /** The latest entry reporting delivery or progress (done, partial, in-progress, or any delivered_by). */
  readonly lastReport?: Day;
}

const REPORTS: ReadonlySet<Status> = new Set(['done', 'partial', 'in-progress']);

/** Entries ordered by date, keeping the recorded order within a day. */
export function byDate(entries: readonly FollowUp[]): readonly FollowUp[] {
  // Most lists are recorded in date order already: those are returned as they are (no copy per commitment).
  if (entries.every((f, i) => i === 0 || entries[i - 1]!.date <= f.date)) return entries;
  return entries.map((f, i) => ({ f, i })).sort((a, b) => (a.f.date < b.f.date ? -1 : a.f.date > b.f.date ? 1 : a.i - b.i)).map((x) => x.f);
}

/** The replay of no entries (most commitments): one shared answer. */
const NOTHING_RECORDED: Replay = Object.freeze({ delivered: Object.freeze([]) });

// Closures stick: entries are added, never rewritten, so a later "pending" does not reopen a point recorded as closed.
export function replayFollowup(entries: readonly FollowUp[], dir: ActorDirectory): Replay {
  if (entries.length === 0) return NOTHING_RECORDED;
  let closedBy: Closure | undefined;
  let closedOn: Day | undefined;
  let supersededBy: string | undefined;
  let lastReport: Day | undefined;
  const delivered = new Map<string, Day>();
  const dated = byDate(entries);
  for (const f of dated) {
    const by = f.delivered_by?.length ? expandActors(dir, f.delivered_by) : [];
    for (const actor of by) if (!delivered.has(actor)) delivered.set(actor, f.date);
    if ((f.status !== undefined && REPORTS.has(f.status)) || by.length) lastReport = f.date;
    if (closedBy) continue;
    if (f.status === 'not-applicable' || f.status === 'superseded' || f.status === 'cancelled' || (f.status === 'done' && !by.length)) {
      closedBy = f.status;
      closedOn = f.date;
      if (f.superseded_by) supersededBy = f.superseded_by;
    }
  }
  // An extension may carry no status: the status is the latest one recorded.
  let last: FollowUp | undefined;
  for (let i = dated.length - 1; i >= 0 && !last; i--) if (dated[i]!.status !== undefined) last = dated[i];
  return {
    ...(closedBy ? { closedBy, closedOn: closedOn! } : {}),
    delivered: [...delivered].map(([actor, date]) => ({ actor, date })),
    ...(last?.status ? { status: last.status } : {}),
    ...(supersededBy ? { supersededBy } : {}),
    ...(lastReport ? { lastReport } : {}),
  };
}
