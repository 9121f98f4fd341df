// One meeting, agreement, plan or activity with everything known about it: the result `acta show` prints.
import type { Day } from '../dates.js';
import type { Commitment, CommitmentState } from '../followup/index.js';
import { knownOn, STATES } from '../followup/index.js';
import { attendanceOf } from '../attendance.js';
import type { Action, Cell, FollowUp, Lang, Meeting, Plan, AttendanceRecord } from '../model.js';
import { walkActivities, walkAgreements } from '../walk.js';
import type { AgreementAt } from '../walk.js';
import type { Target } from './find-record.js';
import type { ActorRef, CommitmentView, FollowUpView, LocalText, ViewContext } from './view.js';
import { actorRefs, pickText, viewCommitment, viewFollowUp } from './view.js';
import { groupBy } from './group-by.js';

export interface PointView {
  readonly ref: string;
  readonly number: string;
  /** The number the source prints, when the record restored another (a damaged source): the restored one is acta's. */
  readonly printed?: string;
  readonly action?: Action;
  readonly actors: readonly ActorRef[];
  readonly text: LocalText;
  readonly commitments: readonly CommitmentView[];
}

export interface MeetingHeader {
  readonly id: string;
  readonly body: ActorRef;
  readonly title?: LocalText;
  readonly ordinal?: number;
  readonly session?: Meeting['session'];
  readonly start: Day;
  readonly end?: Day;
  readonly place?: { readonly city?: string; readonly country?: ActorRef; readonly virtual?: boolean };
  readonly participants: readonly ActorRef[];
  /** listed, partial (participants are the countries named present; the rest not recorded) or not-recorded. */
  readonly attendance: AttendanceRecord;
  readonly observers: readonly ActorRef[];
  readonly guests: readonly { readonly actor?: ActorRef; readonly name?: string; readonly role?: LocalText }[];
  readonly source: string;
}

export interface ActivityRow {
  readonly ref: string;
  readonly text: LocalText;
  readonly responsible: readonly ActorRef[];
  readonly schedule: readonly { readonly column: string; readonly cell: Cell }[];
  /** The most pressing state among its occurrences. */
  readonly state?: CommitmentState;
}

/** The JSON contract of `acta show` (version 1): `kind` says which shape follows. */
export type ShowResult = { readonly version: 1; readonly asOf: Day; readonly lang: Lang } & (
  | ({ readonly kind: 'meeting' } & MeetingHeader & { readonly points: readonly PointView[] })
  | ({ readonly kind: 'agreement'; readonly meeting: MeetingHeader; readonly supersedes?: string; readonly followup: readonly FollowUpView[] } & PointView)
  | { readonly kind: 'plan'; readonly id: string; readonly body: ActorRef; readonly title: LocalText; readonly period: Plan['period']; readonly objective?: LocalText; readonly source: string; readonly activities: readonly ActivityRow[] }
  | ({ readonly kind: 'activity'; readonly plan: { readonly id: string; readonly title: LocalText }; readonly axis?: LocalText; readonly objective?: LocalText; readonly result?: LocalText; readonly followup: readonly FollowUpView[]; readonly commitments: readonly CommitmentView[] } & Omit<ActivityRow, 'state'>)
);

export function buildShow(target: Target, commitments: readonly Commitment[], ctx: ViewContext, asOf: Day): ShowResult {
  const head = { version: 1 as const, asOf, lang: ctx.lang };
  // One pass over the commitments, then each point or activity finds its own by ref.
  const byRef = groupBy(commitments, (c) => c.origin.ref);
  const of = (ref: string): CommitmentView[] => (byRef.get(ref) ?? []).map((c) => viewCommitment(c, ctx));
  const text = (t: Parameters<typeof pickText>[0]): LocalText => pickText(t, ctx.lang, ctx.authentic) ?? { text: '', lang: ctx.lang };
  switch (target.kind) {
    case 'meeting':
      return { ...head, kind: 'meeting', ...meetingHeader(target.meeting, ctx), points: walkAgreements(target.meeting).map((at) => point(at, of(at.ref), ctx)) };
    case 'agreement':
      return { ...head, kind: 'agreement', meeting: meetingHeader(target.meeting, ctx), ...agreementPart(target.at, of(target.at.ref), ctx, asOf) };
    case 'plan': {
      const p = target.plan;
      const objective = pickText(p.objective, ctx.lang, ctx.authentic);
      const activities = walkActivities(p).map((at) => ({ ...activityRow(at.ref, at.activity, ctx), ...worst(byRef.get(at.ref) ?? []) }));
      return { ...head, kind: 'plan', id: p.id, body: actorRefs([p.body], ctx)[0]!, title: text(p.title), period: p.period, ...(objective ? { objective } : {}), source: p.source.document, activities };
    }
    case 'activity': {
      const { at, plan } = target;
      const parts = { axis: pickText(at.axis.title, ctx.lang, ctx.authentic), objective: pickText(at.objective.text, ctx.lang, ctx.authentic), result: pickText(at.result.text, ctx.lang, ctx.authentic) };
      const present = Object.fromEntries(Object.entries(parts).filter(([, v]) => v !== undefined));
      return { ...head, kind: 'activity', plan: { id: plan.id, title: text(plan.title) }, ...present, ...activityRow(at.ref, at.activity, ctx), followup: knownBy(at.activity.followup, asOf).map((f) => viewFollowUp(f, ctx)), commitments: of(at.ref) };
    }
  }
}

function worst(own: readonly Commitment[]): { state?: CommitmentState } {
  const state = STATES.find((s) => own.some((c) => c.state === s));
  return state ? { state } : {};
}

function activityRow(ref: string, a: Plan['axes'][number]['objectives'][number]['results'][number]['activities'][number], ctx: ViewContext): Omit<ActivityRow, 'state'> {
  const schedule = Object.keys(a.schedule ?? {}).sort().map((column) => ({ column, cell: a.schedule![column]! }));
  return { ref, text: pickText(a.text, ctx.lang, ctx.authentic) ?? { text: '', lang: ctx.lang }, responsible: actorRefs(a.responsible, ctx), schedule };
}

/** An agreement as its show gives it, without the show's head and its meeting's header: the point, what it
 * supersedes, its follow-up. (The site's meeting page lists every agreement of one meeting under that meeting's
 * header, made once: core/queries/site.ts siteMeeting.) */
export type AgreementPart = PointView & { readonly supersedes?: string; readonly followup: readonly FollowUpView[] };

export function agreementPart(at: AgreementAt, commitments: CommitmentView[], ctx: ViewContext, asOf: Day): AgreementPart {
  const a = at.agreement;
  return { ...point(at, commitments, ctx), ...(a.supersedes ? { supersedes: a.supersedes } : {}), followup: knownBy(a.followup, asOf).map((f) => viewFollowUp(f, ctx)) };
}

// The history as known on `asOf`, as the states beside it are (the derivation's own knownOn): an entry dated later is
// not shown.
const knownBy = (entries: readonly FollowUp[] | undefined, asOf: Day): readonly FollowUp[] => (entries ? knownOn(entries, asOf) : []);

function point(at: AgreementAt, commitments: CommitmentView[], ctx: ViewContext): PointView {
  const a = at.agreement;
  return { ref: at.ref, number: at.key, ...(a.printed !== undefined ? { printed: a.printed } : {}), ...(a.action ? { action: a.action } : {}), actors: actorRefs(a.actors, ctx), text: pickText(a.text, ctx.lang, ctx.authentic) ?? { text: '', lang: ctx.lang }, commitments };
}

export function meetingHeader(m: Meeting, ctx: ViewContext): MeetingHeader {
  const title = pickText(m.title, ctx.lang, ctx.authentic);
  const place = m.place ? { ...(m.place.city ? { city: m.place.city } : {}), ...(m.place.country ? { country: actorRefs([m.place.country], ctx)[0]! } : {}), ...(m.place.virtual ? { virtual: true } : {}) } : undefined;
  return {
    id: m.id,
    body: actorRefs([m.body], ctx)[0]!,
    ...(title ? { title } : {}),
    ...(m.ordinal !== undefined ? { ordinal: m.ordinal } : {}),
    ...(m.session ? { session: m.session } : {}),
    start: m.dates.start,
    ...(m.dates.end ? { end: m.dates.end } : {}),
    ...(place ? { place } : {}),
    participants: actorRefs(m.participants, ctx),
    attendance: attendanceOf(m),
    observers: actorRefs(m.observers, ctx),
    guests: (m.guests ?? []).map((g) => ({ ...(g.actor ? { actor: actorRefs([g.actor], ctx)[0]! } : {}), ...(g.name ? { name: g.name } : {}), ...(g.role && pickText(g.role, ctx.lang, ctx.authentic) ? { role: pickText(g.role, ctx.lang, ctx.authentic)! } : {}) })),
    source: m.source.document,
  };
}
