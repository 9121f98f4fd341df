// Work-plan progress per axis: activities scheduled in a period, with and without follow-up on record, and their states.
import type { PlanProvenance } from './plan-provenance.js';
import { planProvenance } from './plan-provenance.js';
import type { Day } from '../dates.js';
import { parsePeriod } from '../dates.js';
import type { Commitment, StateSummary } from '../followup/index.js';
import { summariseStates } from '../followup/index.js';
import { groupBy } from './group-by.js';
import type { Plan } from '../model.js';
import { walkActivities } from '../walk.js';
import type { ActorRef, LocalText, ViewContext } from './view.js';
import { actorRefs, pickText } from './view.js';

export interface AxisProgress {
  readonly number: string;
  readonly title?: LocalText;
  /** Activities in the axis, scheduled or not. */
  readonly activities: number;
  /** Activities with a schedule cell in the period. */
  readonly scheduled: number;
  /** Of those, the ones with at least one follow-up entry for an occurrence in the period. */
  readonly withFollowup: number;
  readonly withoutFollowup: number;
  /** States of the occurrences in the period. */
  readonly states: StateSummary;
}

export interface PlanProgress extends PlanProvenance {
  readonly id: string;
  readonly title?: LocalText;
  readonly body: ActorRef;
  readonly period: { readonly start: string; readonly end: string };
  readonly axes: readonly AxisProgress[];
  readonly total: Omit<AxisProgress, 'number' | 'title'>;
}

/** The occurrence's period overlaps [from, to]; an activity without schedule has no occurrence and never does. */
function inPeriod(c: Commitment, from: Day, to: Day): boolean {
  const period = c.occurrence === undefined ? undefined : parsePeriod(c.occurrence);
  return period !== undefined && period.start <= to && period.end >= from;
}

function axisProgress(refs: readonly string[], occurrences: ReadonlyMap<string, readonly Commitment[]>, from: Day, to: Day): Omit<AxisProgress, 'number' | 'title'> {
  const inside = refs.map((ref) => (occurrences.get(ref) ?? []).filter((c) => inPeriod(c, from, to)));
  const scheduled = inside.filter((list) => list.length > 0);
  const withFollowup = scheduled.filter((list) => list.some((c) => c.followup.length > 0)).length;
  return { activities: refs.length, scheduled: scheduled.length, withFollowup, withoutFollowup: scheduled.length - withFollowup, states: summariseStates(inside.flat()) };
}

export function buildPlanProgress(plan: Plan, commitments: readonly Commitment[], period: { from: Day; to: Day }, ctx: ViewContext): PlanProgress {
  const occurrences = groupBy(commitments.filter((c) => c.origin.record === plan.id), (c) => c.origin.ref);
  const activities = walkActivities(plan);
  const axes = plan.axes.map((axis) => {
    const refs = activities.filter((a) => a.axis === axis).map((a) => a.ref);
    const title = pickText(axis.title, ctx.lang, ctx.authentic);
    return { number: axis.number, ...(title ? { title } : {}), ...axisProgress(refs, occurrences, period.from, period.to) };
  });
  const title = pickText(plan.title, ctx.lang, ctx.authentic);
  return {
    id: plan.id,
    ...(title ? { title } : {}),
    body: actorRefs([plan.body], ctx)[0]!,
    period: plan.period,
    axes,
    total: axisProgress(activities.map((a) => a.ref), occurrences, period.from, period.to),
    ...planProvenance(plan, [...occurrences.values()].flat()),
  };
}
