// Views of meetings, agreements, commitments and plans, filtered by body, actor, period and state: the results `acta list` prints.
import type { Day } from '../dates.js';
import type { Commitment, CommitmentState, StateSummary } from '../followup/index.js';
import { STATES, summariseStates } from '../followup/index.js';
import type { Action, Lang, Meeting } from '../model.js';
import type { RecordSet } from '../records.js';
import { walkActivities, walkAgreements } from '../walk.js';
import type { Selection } from './selection.js';
import { inRange, matchesCommitment } from './selection.js';
import type { ActorRef, CommitmentView, LocalText, ViewContext } from './view.js';
import { actorRefs, pickText, viewCommitment } from './view.js';
import { groupBy } from './group-by.js';
import { LazyList } from './lazy-list.js';

export type ListKind = 'meetings' | 'agreements' | 'commitments' | 'plans';
export const LIST_KINDS: readonly ListKind[] = ['meetings', 'agreements', 'commitments', 'plans'];

export interface MeetingRow {
  readonly id: string;
  readonly body: ActorRef;
  readonly start: Day;
  readonly end?: Day;
  readonly city?: string;
  readonly country?: ActorRef;
  readonly ordinal?: number;
  readonly session?: Meeting['session'];
  readonly agreements: number;
  readonly states: StateSummary;
}

export interface AgreementRow {
  readonly ref: string;
  readonly record: string;
  readonly date: Day;
  readonly body: ActorRef;
  readonly number: string;
  readonly action?: Action;
  readonly actors: readonly ActorRef[];
  readonly text: LocalText;
  /** The most pressing state among its commitments (point and steps), none when it is not a commitment. */
  readonly state?: CommitmentState;
}

export interface PlanRow {
  readonly id: string;
  readonly body: ActorRef;
  readonly title: LocalText;
  readonly period: { readonly start: string; readonly end: string };
  readonly activities: number;
  readonly states: StateSummary;
}

/** The JSON contract of `acta list` (version 1). */
export type ListResult = { readonly version: 1; readonly asOf: Day; readonly lang: Lang; readonly count: number } & (
  | { readonly kind: 'meetings'; readonly rows: readonly MeetingRow[] }
  | { readonly kind: 'agreements'; readonly rows: readonly AgreementRow[] }
  /** Made as read (a LazyList: JSON.stringify writes it as an array): read them through iteration, once per output. */
  | { readonly kind: 'commitments'; readonly rows: LazyList<CommitmentView> }
  | { readonly kind: 'plans'; readonly rows: readonly PlanRow[] }
);

/** What `list commitments` reads: the commitments alone (the records can be let go before its views are made). */
export interface CommitmentsListInput {
  readonly commitments: readonly Commitment[];
  readonly sel: Selection;
  readonly ctx: ViewContext;
  readonly asOf: Day;
}

export interface ListInput extends CommitmentsListInput {
  readonly records: RecordSet;
}

export function buildList(kind: 'commitments', input: CommitmentsListInput): ListResult;
export function buildList(kind: ListKind, input: ListInput): ListResult;
export function buildList(kind: ListKind, given: ListInput | CommitmentsListInput): ListResult {
  const input = given as ListInput; // records are read only by the kinds other than commitments (see the overloads)
  const head = { version: 1 as const, asOf: input.asOf, lang: input.ctx.lang };
  switch (kind) {
    case 'meetings': {
      const rows = listMeetings(input);
      return { ...head, kind, count: rows.length, rows };
    }
    case 'agreements': {
      const rows = listAgreements(input);
      return { ...head, kind, count: rows.length, rows };
    }
    case 'commitments': {
      // Each view made when an output reaches it (as export's): at 8,000 meetings ~112,000 views never live at once.
      const rows = LazyList.map(input.commitments.filter((c) => matchesCommitment(c, input.sel)), (c) => viewCommitment(c, input.ctx));
      return { ...head, kind, count: rows.length, rows };
    }
    case 'plans': {
      const rows = listPlans(input);
      return { ...head, kind, count: rows.length, rows };
    }
  }
}

function meetingsByDate(records: RecordSet): Meeting[] {
  return records.meetings.filter((m) => m.valid).map((m) => m.data).sort((a, b) => (a.dates.start < b.dates.start ? -1 : a.dates.start > b.dates.start ? 1 : a.id < b.id ? -1 : 1));
}

// A state or actor filter keeps a record when one of its commitments matches (the actor may also be a participant).
const stateOnly = (sel: Selection): Selection => ({ ...(sel.states ? { states: sel.states } : {}) });

function listMeetings({ records, commitments, sel, ctx }: ListInput): MeetingRow[] {
  const byRecord = groupBy(commitments, (c) => c.origin.record);
  return meetingsByDate(records)
    .filter((m) => (!sel.bodies || sel.bodies.has(m.body)) && (!sel.meetings || sel.meetings.has(m.id)) && !sel.plans && inRange(m.dates.start, sel))
    .map((m) => ({ m, own: byRecord.get(m.id) ?? [] }))
    .filter(({ m, own }) => (!sel.states || own.some((c) => matchesCommitment(c, stateOnly(sel)))) && (!sel.actors || [...(m.participants ?? []), ...(m.observers ?? [])].some((a) => sel.actors!.has(a)) || own.some((c) => matchesCommitment(c, { actors: sel.actors! }))))
    .map(({ m, own }) => ({
      id: m.id,
      body: actorRefs([m.body], ctx)[0]!,
      start: m.dates.start,
      ...(m.dates.end ? { end: m.dates.end } : {}),
      ...(m.place?.city ? { city: m.place.city } : {}),
      ...(m.place?.country ? { country: actorRefs([m.place.country], ctx)[0]! } : {}),
      ...(m.ordinal !== undefined ? { ordinal: m.ordinal } : {}),
      ...(m.session ? { session: m.session } : {}),
      agreements: walkAgreements(m).length,
      states: summariseStates(own),
    }));
}

function listAgreements({ records, commitments, sel, ctx }: ListInput): AgreementRow[] {
  const byRef = groupBy(commitments, (c) => c.origin.ref);
  const out: AgreementRow[] = [];
  for (const m of meetingsByDate(records)) {
    if ((sel.bodies && !sel.bodies.has(m.body)) || (sel.meetings && !sel.meetings.has(m.id)) || sel.plans || !inRange(m.dates.start, sel)) continue;
    for (const { agreement: a, key, ref } of walkAgreements(m)) {
      const own = byRef.get(ref) ?? [];
      if (sel.states && !own.some((c) => matchesCommitment(c, stateOnly(sel)))) continue;
      if (sel.actors && !(a.actors ?? []).some((x) => sel.actors!.has(x)) && !own.some((c) => matchesCommitment(c, { actors: sel.actors! }))) continue;
      const state = STATES.find((s) => own.some((c) => c.state === s));
      out.push({ ref, record: m.id, date: m.dates.start, body: actorRefs([m.body], ctx)[0]!, number: key, ...(a.action ? { action: a.action } : {}), actors: actorRefs(a.actors, ctx), text: pickText(a.text, ctx.lang, ctx.authentic) ?? { text: '', lang: ctx.lang }, ...(state ? { state } : {}) });
    }
  }
  return out;
}

function listPlans({ records, commitments, sel, ctx }: ListInput): PlanRow[] {
  const byRecord = groupBy(commitments, (c) => c.origin.record);
  return records.plans
    .filter((p) => p.valid)
    .map((p) => p.data)
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .filter((p) => (!sel.bodies || sel.bodies.has(p.body)) && (!sel.plans || sel.plans.has(p.id)) && !sel.meetings && overlaps(p.period, sel))
    .map((p) => ({ p, own: byRecord.get(p.id) ?? [] }))
    .filter(({ own }) => (!sel.states || own.some((c) => matchesCommitment(c, stateOnly(sel)))) && (!sel.actors || own.some((c) => matchesCommitment(c, { actors: sel.actors! }))))
    .map(({ p, own }) => ({ id: p.id, body: actorRefs([p.body], ctx)[0]!, title: pickText(p.title, ctx.lang, ctx.authentic) ?? { text: '', lang: ctx.lang }, period: p.period, activities: walkActivities(p).length, states: summariseStates(own) }));
}

function overlaps(period: { start: string; end: string }, sel: Selection): boolean {
  return (sel.to === undefined || `${period.start}-01-01` <= sel.to) && (sel.from === undefined || `${period.end}-12-31` >= sel.from);
}
