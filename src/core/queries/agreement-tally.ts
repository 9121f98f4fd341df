// What was agreed: agreement points counted by action (rows) and body (columns), informational apart from operational.
import type { Action, Meeting } from '../model.js';
import { INFORMATIONAL_ACTIONS } from '../model.js';
import { walkAgreements } from '../walk.js';
import type { ActorRef, ViewContext } from './view.js';
import { actorRefs } from './view.js';

/** The vocabulary's order: informational actions first, then operational ones. */
export const ACTION_ORDER: readonly Action[] = [
  'thank', 'take-note', 'welcome', 'acknowledge', 'inform', 'reaffirm',
  'request', 'entrust', 'recommend', 'suggest', 'send', 'organise', 'convene', 'designate',
  'establish', 'consider', 'circulate', 'coordinate', 'share', 'undertake',
];

export interface AgreementTallyRow {
  /** `none` counts points whose record states no action. */
  readonly action: Action | 'none';
  readonly informational: boolean;
  /** One count per body, in `bodies` order. */
  readonly counts: readonly number[];
  readonly total: number;
}

export interface AgreementTally {
  readonly bodies: readonly ActorRef[];
  readonly rows: readonly AgreementTallyRow[];
  /** Per body, in `bodies` order. */
  readonly totals: readonly number[];
  readonly total: number;
  /** Counted points that hold a commitment (operational), of `total`. */
  readonly commitments: number;
}

// A point that only introduces sub-items (it has items and no action of its own) is a heading, not an agreement.
function countedPoints(meeting: Meeting): { action: Action | 'none'; ref: string }[] {
  return walkAgreements(meeting)
    .filter(({ agreement: a }) => a.action !== undefined || !a.items?.length)
    .map(({ agreement: a, ref }) => ({ action: a.action ?? 'none', ref }));
}

/** How many agreement points a meeting adopted (headings that only introduce sub-items not counted). */
export function countPoints(meeting: Meeting): number {
  // countedPoints' length, counted without making its list (the report asks it of every meeting it lists).
  let n = 0;
  for (const { agreement: a } of walkAgreements(meeting)) if (a.action !== undefined || !a.items?.length) n++;
  return n;
}

/** Meetings in report order; bodies appear in the order of their first meeting. `operational`: the refs of points the
 * follow-up engine found commitments in. */
export function tallyAgreements(meetings: readonly Meeting[], operational: ReadonlySet<string>, ctx: ViewContext): AgreementTally {
  const bodyIds = [...new Set(meetings.map((m) => m.body))];
  const grid = new Map<string, number[]>();
  let commitments = 0;
  for (const m of meetings) {
    const column = bodyIds.indexOf(m.body);
    for (const point of countedPoints(m)) {
      const row = grid.get(point.action) ?? grid.set(point.action, bodyIds.map(() => 0)).get(point.action)!;
      row[column]!++;
      if (operational.has(point.ref)) commitments++;
    }
  }
  const order: (Action | 'none')[] = [...ACTION_ORDER, 'none'];
  const rows = order
    .filter((action) => grid.has(action))
    .map((action) => {
      const counts = grid.get(action)!;
      return { action, informational: action !== 'none' && INFORMATIONAL_ACTIONS.has(action), counts, total: counts.reduce((a, b) => a + b, 0) };
    });
  const totals = bodyIds.map((_, i) => rows.reduce((sum, r) => sum + r.counts[i]!, 0));
  return { bodies: actorRefs(bodyIds, ctx), rows, totals, total: totals.reduce((a, b) => a + b, 0), commitments };
}
