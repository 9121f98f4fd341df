// A work plan as its matrix: axis → objective → result → activity × period columns, each schedule cell with the state of
// its occurrences as of a date (the follow-up engine's), filtered by axis, period and responsible actor.
import type { PlanProvenance } from './plan-provenance.js';
import { planProvenance } from './plan-provenance.js';
import type { ActorDirectory } from '../actors.js';
import { expandActors } from '../actors.js';
import type { Day } from '../dates.js';
import { parsePeriod } from '../dates.js';
import type { Commitment, CommitmentState, StateSummary } from '../followup/index.js';
import { STATES, summariseStates } from '../followup/index.js';
import type { Cell, Lang, Plan, Text } from '../model.js';
import { walkActivities } from '../walk.js';
import type { ActorRef, LocalText, ViewContext } from './view.js';
import { actorRefs, pickText } from './view.js';
import { groupBy } from './group-by.js';

export interface WorkplanCell {
  readonly column: string;
  /** The schedule cell; absent when the activity has none in this column. */
  readonly cell?: Cell;
  /** The most pressing state of its occurrences (overdue first, in the engine's order). */
  readonly state?: CommitmentState;
  readonly occurrences: readonly { readonly id: string; readonly label: string; readonly state: CommitmentState; readonly daysLate?: number }[];
}

export interface WorkplanActivity {
  readonly ref: string;
  readonly number: string;
  readonly text?: LocalText;
  readonly responsible: readonly ActorRef[];
  readonly cells: readonly WorkplanCell[];
  /** Follow-up entries recorded for the activity. */
  readonly followup: number;
}

export interface WorkplanResult {
  readonly number: string;
  readonly text?: LocalText;
  readonly activities: readonly WorkplanActivity[];
}

export interface WorkplanObjective {
  readonly number: string;
  readonly text?: LocalText;
  readonly results: readonly WorkplanResult[];
}

export interface WorkplanAxis {
  readonly number: string;
  readonly title?: LocalText;
  /** The axis's general objective. */
  readonly objective?: LocalText;
  readonly objectives: readonly WorkplanObjective[];
}

export interface WorkplanPlan extends PlanProvenance {
  readonly id: string;
  readonly title?: LocalText;
  readonly body: ActorRef;
  readonly period: { readonly start: string; readonly end: string };
  /** The period columns shown (all, or those --period overlaps). */
  readonly columns: readonly string[];
  /** proposed or adopted, when the record says (plan `stage`). */
  readonly stage?: 'proposed' | 'adopted';
  readonly axes: readonly WorkplanAxis[];
  /** Activities shown, and the states of their occurrences in the columns shown. */
  readonly activities: number;
  readonly states: StateSummary;
}

/** The JSON contract of `acta workplan` (version 1). */
export interface WorkplanModel {
  readonly version: 1;
  readonly kind: 'workplan';
  readonly lang: Lang;
  readonly asOf: Day;
  readonly filters: { readonly axis?: readonly string[]; readonly period?: { readonly from: Day; readonly to: Day }; readonly actors?: readonly string[] };
  readonly plans: readonly WorkplanPlan[];
}

export interface WorkplanFilters {
  readonly axes?: ReadonlySet<string>;
  readonly period?: { readonly from: Day; readonly to: Day };
  readonly actors?: ReadonlySet<string>;
}

const printed = (x: { number: string; printed?: string }): string => x.printed ?? x.number;
const overlaps = (column: string, period: WorkplanFilters['period']): boolean => {
  const p = parsePeriod(column);
  return !period || (p !== undefined && p.start <= period.to && p.end >= period.from);
};

function viewCells(columns: readonly string[], schedule: Readonly<Record<string, Cell>> | undefined, own: readonly Commitment[]): WorkplanCell[] {
  return columns.map((column) => {
    const cell = schedule?.[column];
    const occurrences = own.filter((c) => c.occurrence !== undefined && (c.occurrence === column || c.occurrence.startsWith(`${column}-`)));
    const state = STATES.find((s) => occurrences.some((c) => c.state === s));
    return { column, ...(cell ? { cell } : {}), ...(state ? { state } : {}), occurrences: occurrences.map((c) => ({ id: c.id, label: c.occurrence!, state: c.state, ...(c.daysLate !== undefined ? { daysLate: c.daysLate } : {}) })) };
  });
}

function keep(dir: ActorDirectory, responsible: readonly string[] | undefined, actors: ReadonlySet<string> | undefined): boolean {
  if (!actors) return true;
  const named = [...(responsible ?? []), ...expandActors(dir, responsible ?? [])];
  return named.some((a) => actors.has(a));
}

/** `commitments`: the plan's own will do (every other one is passed over). */
export function buildWorkplanPlan(plan: Plan, commitments: readonly Commitment[], filters: WorkplanFilters, ctx: ViewContext): WorkplanPlan {
  const columns = plan.columns.filter((c) => overlaps(c, filters.period));
  const byRef = groupBy(commitments.filter((c) => c.origin.record === plan.id), (c) => c.origin.ref);
  const shown = walkActivities(plan).filter((at) => (!filters.axes || filters.axes.has(at.axis.number)) && keep(ctx.dir, at.activity.responsible, filters.actors) && (!filters.period || columns.some((c) => at.activity.schedule?.[c] !== undefined)));
  const byResult = new Map<unknown, (typeof shown)[number][]>();
  for (const at of shown) {
    const list = byResult.get(at.result);
    if (list) list.push(at);
    else byResult.set(at.result, [at]);
  }
  const view = (at: (typeof shown)[number]): WorkplanActivity => {
    const text = pickText(at.activity.text, ctx.lang, ctx.authentic);
    return { ref: at.ref, number: printed(at.activity), ...(text ? { text } : {}), responsible: actorRefs(at.activity.responsible, ctx), cells: viewCells(columns, at.activity.schedule, byRef.get(at.ref) ?? []), followup: at.activity.followup?.length ?? 0 };
  };
  const named = (x: { number: string; printed?: string; text?: Text }): { number: string; text?: LocalText } => {
    const text = pickText(x.text, ctx.lang, ctx.authentic);
    return { number: printed(x), ...(text ? { text } : {}) };
  };
  const axes: WorkplanAxis[] = plan.axes
    .map((axis) => {
      const objectives = axis.objectives
        .map((o) => ({ ...named(o), results: o.results.map((r) => ({ ...named(r), activities: (byResult.get(r) ?? []).map(view) })).filter((r) => r.activities.length > 0) }))
        .filter((o) => o.results.length > 0);
      const title = pickText(axis.title, ctx.lang, ctx.authentic);
      const objective = pickText(axis.objective, ctx.lang, ctx.authentic);
      return { number: axis.number, ...(title ? { title } : {}), ...(objective ? { objective } : {}), objectives };
    })
    .filter((a) => a.objectives.length > 0);
  const occurrences = shown.flatMap((at) => (byRef.get(at.ref) ?? []).filter((c) => c.occurrence !== undefined && columns.some((col) => c.occurrence === col || c.occurrence!.startsWith(`${col}-`))));
  const title = pickText(plan.title, ctx.lang, ctx.authentic);
  return {
    id: plan.id,
    ...(title ? { title } : {}),
    body: actorRefs([plan.body], ctx)[0]!,
    period: plan.period,
    columns,
    ...(plan.stage ? { stage: plan.stage } : {}),
    ...planProvenance(plan, occurrences),
    axes,
    activities: shown.length,
    states: summariseStates(occurrences),
  };
}

export function buildWorkplan(plans: readonly Plan[], commitments: readonly Commitment[], filters: WorkplanFilters, ctx: ViewContext, asOf: Day): WorkplanModel {
  // Each plan is given its own commitments: one pass over all of them, not one per plan.
  const byRecord = groupBy(commitments, (c) => c.origin.record);
  return {
    version: 1,
    kind: 'workplan',
    lang: ctx.lang,
    asOf,
    filters: {
      ...(filters.axes ? { axis: [...filters.axes].sort() } : {}),
      ...(filters.period ? { period: filters.period } : {}),
      ...(filters.actors ? { actors: [...filters.actors].sort() } : {}),
    },
    plans: plans.map((p) => buildWorkplanPlan(p, byRecord.get(p.id) ?? [], filters, ctx)),
  };
}
