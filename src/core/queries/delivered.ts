// What was delivered in a period: from the follow-up entries of every commitment in the bodies reported on — what, by
// whom, when, on time or late (against the due day in force), and the evidence the entries cite.
import { expandActors } from '../actors.js';
import type { Day } from '../dates.js';
import type { Commitment } from '../followup/index.js';
import type { ActorId, FollowUp } from '../model.js';
import type { Evidence } from './statement.js';
import type { ActorRef, CommitmentView, ViewContext } from './view.js';
import { actorRefs, viewCommitment } from './view.js';

/** One delivery: the actors who delivered a commitment on one day (or, closed for all by a "done" entry, its owners). */
export interface DeliveredRow<V = CommitmentView> {
  readonly date: Day;
  readonly commitment: V;
  readonly by: readonly ActorRef[];
  /** Calendar days after the due day in force; absent: on time (or no due day to be late against). */
  readonly daysLate?: number;
  /** The evidence of the entries that recorded it (links, records, documents). */
  readonly evidence: readonly Evidence[];
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Deliveries dated within [from, to], oldest first; `keep` says which commitments count (the report's bodies); `view`
 * makes each commitment's view (a leaner one for the report's package templates: view.ts viewCommitmentLine). */
export function deliveredRows(commitments: readonly Commitment[], period: { from: Day; to: Day }, ctx: ViewContext, keep: (c: Commitment) => boolean): DeliveredRow[];
export function deliveredRows<V extends { readonly id: string }>(commitments: readonly Commitment[], period: { from: Day; to: Day }, ctx: ViewContext, keep: (c: Commitment) => boolean, view: (c: Commitment, ctx: ViewContext) => V): DeliveredRow<V>[];
export function deliveredRows(commitments: readonly Commitment[], period: { from: Day; to: Day }, ctx: ViewContext, keep: (c: Commitment) => boolean, view: (c: Commitment, ctx: ViewContext) => { readonly id: string } = viewCommitment): DeliveredRow<{ readonly id: string }>[] {
  const rows: DeliveredRow<{ readonly id: string }>[] = [];
  const within = (d: Day | undefined): d is Day => d !== undefined && d >= period.from && d <= period.to;
  for (const c of commitments) {
    if (!keep(c) || (!c.delivered.some((d) => within(d.date)) && !(c.state === 'done' && within(c.doneOn)))) continue;
    const made = view(c, ctx);
    const days = new Map<Day, { actors: ActorId[]; daysLate?: number }>();
    for (const d of c.delivered) {
      if (!within(d.date)) continue;
      const day = days.get(d.date) ?? days.set(d.date, { actors: [], ...(d.daysLate !== undefined ? { daysLate: d.daysLate } : {}) }).get(d.date)!;
      day.actors.push(d.actor);
    }
    for (const [date, { actors, daysLate }] of days) rows.push({ date, commitment: made, by: actorRefs(actors, ctx), ...(daysLate !== undefined ? { daysLate } : {}), evidence: evidenceOn(c.followup, date, (f) => f.delivered_by !== undefined && expandActors(ctx.dir, f.delivered_by).some((a) => actors.includes(a))) });
    // Closed for all by an entry that says done, on a day no one's own delivery covers: the owners delivered.
    if (c.state === 'done' && within(c.doneOn) && !days.has(c.doneOn)) {
      rows.push({ date: c.doneOn, commitment: made, by: actorRefs(c.owners, ctx), ...(c.daysLateDelivered !== undefined ? { daysLate: c.daysLateDelivered } : {}), evidence: evidenceOn(c.followup, c.doneOn, (f) => f.status === 'done') });
    }
  }
  return rows.sort((a, b) => compare(a.date, b.date) || compare(a.commitment.id, b.commitment.id));
}

function evidenceOn(entries: readonly FollowUp[], date: Day, pick: (f: FollowUp) => boolean): Evidence[] {
  return entries.filter((f) => f.date === date && f.evidence && pick(f)).map((f) => f.evidence!);
}

