// The consolidated report: meetings held in a period, who came, what was agreed, what became of it, what is late,
// what falls due next, work-plan progress and the records' own warnings. The result is the view model the templates
// receive and `--format json` prints (documented in the README: "The report's view model").
import type { Day } from '../dates.js';
import { shiftDays } from '../dates.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Commitment, StateSummary } from '../followup/index.js';
import { dueDay, summariseStates } from '../followup/index.js';
import type { ActorId, Lang, Meeting, Plan } from '../model.js';
import type { RecordSet } from '../records.js';
import { walkAgreements } from '../walk.js';
import type { AdoptedTexts } from './adopted-texts.js';
import { adoptedTexts } from './adopted-texts.js';
import type { AgreementTally } from './agreement-tally.js';
import { countPoints, tallyAgreements } from './agreement-tally.js';
import type { CommitmentTally } from './commitment-tally.js';
import { tallyCommitments } from './commitment-tally.js';
import type { DeliveredRow } from './delivered.js';
import { deliveredRows } from './delivered.js';
import { followupRows } from './followup-report.js';
import { groupBy } from './group-by.js';
import type { MeetingItem } from './meeting-item.js';
import { viewMeeting } from './meeting-item.js';
import type { ParticipationMatrix } from './participation.js';
import { buildParticipation } from './participation.js';
import type { PlanProgress } from './plan-progress.js';
import { buildPlanProgress } from './plan-progress.js';
import type { RecordHealth } from './record-health.js';
import { buildRecordHealth } from './record-health.js';
import type { Selection } from './selection.js';
import type { Statement } from './statement.js';
import { buildStatements } from './statement.js';
import type { ActorRef, CommitmentLine, CommitmentView, LocalText, ViewContext } from './view.js';
import { actorRefs, pickText, viewCommitment, viewCommitmentLine } from './view.js';

/** A point of a meeting held in the period that recommends something to another body (`addressee`): the addressee
 * owes nothing by it, so it is listed here and never among commitments. */
export interface RecommendationRow {
  readonly ref: string;
  readonly meeting: string;
  readonly from: ActorRef;
  readonly addressee: ActorRef;
  readonly text: LocalText;
}

/** An overdue commitment; `earlier` when it comes from before the period (a meeting held, or an occurrence due, before it). */
export type OverdueRow<R extends CommitmentLine = CommitmentView> = R & { readonly earlier: boolean };

/** The report; its commitment rows (overdue, due next, delivered) are whole views (R = CommitmentView: the documented
 * contract, what `-f json`, `-f docx` and a user's template get) or, for the package's own templates, the members they
 * print (R = CommitmentLine; ReportInput.lean). */
export interface ReportModel<R extends CommitmentLine = CommitmentView> {
  readonly version: 1;
  readonly kind: 'report';
  readonly lang: Lang;
  readonly asOf: Day;
  /** The secretariat's name (acta.yaml `name`). */
  readonly secretariat?: LocalText;
  readonly period: { readonly from: Day; readonly to: Day; readonly year?: string };
  /** The bodies asked for with --body; empty: every body. */
  readonly bodies: readonly ActorRef[];
  /** "Due next": open commitments falling due from asOf (today included) to asOf + days. */
  readonly next: { readonly from: Day; readonly to: Day; readonly days: number };
  /** The document symbol (acta.yaml `reference`, {year} filled in). */
  readonly reference?: string;
  /** The language the records were adopted in (acta.yaml `authentic`, else `lang`): "original: español". */
  readonly original: Lang;
  readonly summary: {
    readonly meetings: number;
    readonly agreements: number;
    readonly commitments: StateSummary;
    readonly overdue: number;
    readonly overdueEarlier: number;
    /** Of `overdue`, those from work plans (the table by state counts only the period's meetings). */
    readonly overdueFromPlans: number;
    readonly dueNext: number;
    /** Of the period's commitments done, how many were done after their due day (in `commitments.done`). */
    readonly doneLate: number;
  };
  readonly meetings: readonly MeetingItem[];
  readonly participation: ParticipationMatrix;
  /** Actors whose membership of a group no registry source supports (registry `membership`), with those groups: reports mark them (†). */
  readonly unsourcedMembership: readonly { readonly member: ActorRef; readonly groups: readonly ActorRef[] }[];
  readonly agreements: AgreementTally;
  /** Recommendations to other bodies made by the meetings held in the period, in meeting and point order. */
  readonly recommendations: readonly RecommendationRow[];
  /** Commitments from the meetings held in the period (work-plan activities are in `workplan`). */
  readonly commitments: CommitmentTally;
  /** Everything overdue as of `asOf` in the bodies asked for, the most late first — also from before the period. */
  readonly overdue: readonly OverdueRow<R>[];
  readonly dueNext: readonly R[];
  /** What was delivered within the period in the bodies reported on, oldest first (from the follow-up entries). */
  readonly delivered: readonly DeliveredRow<R>[];
  readonly workplan: readonly PlanProgress[];
  readonly records: RecordHealth;
  /** --texts: the adopted text of every point of the meetings held in the period. */
  readonly texts?: readonly AdoptedTexts[];
  /** --annex / --actor: one statement per country (the participating ones, or those asked for), in the bodies reported on. */
  readonly annex?: readonly Statement[];
}

export interface ReportInput {
  readonly records: RecordSet;
  readonly diagnostics: readonly Diagnostic[];
  /** A diagnostic's message in the report's language (the words are the catalog's, rendered at the edge); without it, its code. */
  readonly describe?: (d: Diagnostic) => string;
  /** Every commitment, derived by the follow-up engine as of `asOf`. */
  readonly commitments: readonly Commitment[];
  /** Bodies, from and to (other filters are not used). */
  readonly sel: Selection;
  readonly ctx: ViewContext;
  readonly asOf: Day;
  readonly year?: string;
  /** Days after asOf that "due next" covers. */
  readonly next: number;
  /** Include the adopted texts. */
  readonly texts?: boolean;
  /** Include the per-country annex: of these actors, or (no list) of every country that took part in the period. */
  readonly annex?: { readonly actors?: readonly ActorId[] };
  /** The commitment rows as CommitmentLine (what the package's report templates print), not whole views. */
  readonly lean?: boolean;
}

const byStart = (a: Meeting, b: Meeting): number => (a.dates.start < b.dates.start ? -1 : a.dates.start > b.dates.start ? 1 : a.id < b.id ? -1 : 1);
const inBodies = (body: string, sel: Selection): boolean => !sel.bodies || sel.bodies.has(body);

/** The period: --from/--to (or --year); by default from the first meeting on record to asOf. */
export function reportPeriod(records: RecordSet, sel: Selection, asOf: Day): { from: Day; to: Day } {
  const first = records.meetings.filter((m) => m.valid).map((m) => m.data.dates.start).sort()[0];
  const to = sel.to ?? asOf;
  return { from: sel.from ?? (first !== undefined && first < to ? first : to), to };
}

/** What the report reads of the records, taken first (reportBasis): the meetings held in the period in the bodies
 * asked for, the plans that overlap it, the member countries in the report's order, acta.yaml's words and the records'
 * health. Holds the records' data, never their files: once it is made the files (their bytes, their parse) can go
 * before the view is built — at 8,000 meetings they are ~150 MB of the heap. */
export interface ReportBasis {
  readonly period: { readonly from: Day; readonly to: Day };
  /** Held in the period (started by asOf: a later one is not held yet), in the bodies asked for, by start then id. */
  readonly meetings: readonly Meeting[];
  /** Valid plans of the bodies asked for that overlap the period, by id. */
  readonly plans: readonly Plan[];
  /** Member countries (registry `member` not false), by name in the report's language. */
  readonly members: readonly string[];
  readonly secretariat?: LocalText;
  readonly reference?: string;
  readonly original: Lang;
  readonly health: RecordHealth;
}

export type BasisInput = Pick<ReportInput, 'records' | 'diagnostics' | 'describe' | 'sel' | 'ctx' | 'asOf' | 'year'>;

export function reportBasis(input: BasisInput): ReportBasis {
  const { records, sel, ctx, asOf } = input;
  const period = reportPeriod(records, sel, asOf);
  const meetings = records.meetings.filter((m) => m.valid && inBodies(m.data.body, sel) && m.data.dates.start >= period.from && m.data.dates.start <= period.to && m.data.dates.start <= asOf).map((m) => m.data).sort(byStart);
  const collator = new Intl.Collator(ctx.lang);
  const members = records.registries.countries.filter((c) => c.member !== false).map((c) => ({ code: c.code, label: actorRefs([c.code], ctx)[0]!.label })).sort((a, b) => collator.compare(a.label, b.label)).map((c) => c.code);
  const secretariat = pickText(records.config.name, ctx.lang); // the secretariat's own name: not a translation of a source
  return {
    period,
    meetings,
    plans: plansIn(records, sel, period),
    members,
    ...(secretariat ? { secretariat } : {}),
    ...(records.config.reference ? { reference: records.config.reference.replace(/\{year\}/g, input.year ?? asOf.slice(0, 4)) } : {}),
    original: records.config.authentic ?? records.config.lang ?? 'es',
    health: buildRecordHealth(records, input.diagnostics, input.describe ?? ((d) => d.code)),
  };
}

export function buildReport(input: ReportInput & { readonly lean?: false }): ReportModel {
  return reportFromBasis(reportBasis(input), input);
}

type FromBasisInput = Omit<ReportInput, 'records' | 'diagnostics' | 'describe'>;

/** The report from its basis and the commitments: reads no record file (see ReportBasis). */
export function reportFromBasis(basis: ReportBasis, input: FromBasisInput & { readonly lean?: false }): ReportModel;
export function reportFromBasis(basis: ReportBasis, input: FromBasisInput): ReportModel<CommitmentLine>;
export function reportFromBasis(basis: ReportBasis, input: FromBasisInput): ReportModel<CommitmentLine> {
  const { commitments, sel, ctx, asOf } = input;
  const view: (c: Commitment, ctx: ViewContext) => CommitmentLine = input.lean ? viewCommitmentLine : viewCommitment;
  const { period, meetings, members } = basis;
  const held = new Set(meetings.map((m) => m.id));
  const fromMeetings = commitments.filter((c) => c.origin.recordKind === 'meeting' && held.has(c.origin.record));
  const ownByMeeting = groupBy(fromMeetings, (c) => c.origin.record);
  const operational = new Set(fromMeetings.filter((c) => c.kind === 'agreement').map((c) => c.origin.ref));
  const agreements = tallyAgreements(meetings, operational, ctx);
  let overdueFromPlans = 0;
  const overdue = overdueRows(commitments, sel, ctx, period.from, (c, viewCtx) => {
    if (c.origin.recordKind === 'plan') overdueFromPlans++;
    return view(c, viewCtx);
  });
  const dueNext = dueNextRows(commitments, sel, ctx, input.next, view);
  return {
    version: 1,
    kind: 'report',
    lang: ctx.lang,
    asOf,
    ...(basis.secretariat ? { secretariat: basis.secretariat } : {}),
    ...(basis.reference !== undefined ? { reference: basis.reference } : {}),
    original: basis.original,
    period: { ...period, ...(input.year ? { year: input.year } : {}) },
    bodies: actorRefs(sel.bodies ? [...sel.bodies].sort() : [], ctx),
    next: { from: asOf, to: shiftDays(asOf, input.next), days: input.next },
    summary: {
      meetings: meetings.length,
      agreements: agreements.total,
      commitments: summariseStates(fromMeetings),
      overdue: overdue.length,
      overdueEarlier: overdue.filter((r) => r.earlier).length,
      overdueFromPlans,
      dueNext: dueNext.length,
      doneLate: fromMeetings.filter((c) => c.state === 'done' && c.daysLateDelivered !== undefined).length,
    },
    meetings: meetings.map((m) => viewMeeting(m, { points: countPoints(m), own: ownByMeeting.get(m.id) ?? [], members }, ctx)),
    participation: buildParticipation(meetings, members, ctx),
    unsourcedMembership: unsourcedMembership(ctx),
    agreements,
    recommendations: meetings.flatMap((m) => recommendationRows(m, ctx)),
    commitments: tallyCommitments(fromMeetings, agreements.bodies.map((b) => b.id), ctx),
    overdue,
    dueNext,
    delivered: deliveredRows(commitments, period, ctx, (c) => inBodies(c.origin.body, sel), view),
    workplan: planProgress(basis.plans, commitments, period, ctx),
    records: basis.health,
    ...(input.texts ? { texts: adoptedTexts(meetings, new Set(fromMeetings.map((c) => c.origin.ref)), ctx) } : {}),
    ...(input.annex ? { annex: annexStatements(input.annex.actors ?? annexCountries(meetings, members, overdue, ctx), commitments, sel, ctx, asOf) } : {}),
  };
}

/** Each plan's progress from its own commitments (buildPlanProgress passes over any other): one pass over all of
 * them, not one per plan (80 plans and 112,000 commitments at 8,000 meetings). */
function planProgress(plans: readonly Plan[], commitments: readonly Commitment[], period: { from: Day; to: Day }, ctx: ViewContext): PlanProgress[] {
  if (plans.length === 0) return [];
  const byRecord = groupBy(commitments, (c) => c.origin.record);
  return plans.map((p) => buildPlanProgress(p, byRecord.get(p.id) ?? [], period, ctx));
}

/** Every actor that some group counts as a member with no membership source naming it, in registry order. */
function unsourcedMembership(ctx: ViewContext): ReportModel['unsourcedMembership'] {
  return [...ctx.dir.unsourcedIn].map(([member, groups]) => ({ member: actorRefs([member], ctx)[0]!, groups: actorRefs(groups, ctx) }));
}

/** Countries that took part in (or observed) a meeting of the period, or that owe something overdue (a country that
 * stayed away still owes what its groups owe), in the report's order of members, then others. */
function annexCountries(meetings: readonly Meeting[], members: readonly string[], overdue: readonly OverdueRow<CommitmentLine>[], ctx: ViewContext): ActorId[] {
  const came = new Set([...meetings.flatMap((m) => [...(m.participants ?? []), ...(m.observers ?? [])]), ...overdue.flatMap((r) => r.pending.map((a) => a.id))]);
  const others = [...came].filter((id) => ctx.dir.byId.get(id)?.kind === 'country' && !members.includes(id)).sort();
  return [...members.filter((id) => came.has(id)), ...others];
}

function annexStatements(actors: readonly ActorId[], commitments: readonly Commitment[], sel: Selection, ctx: ViewContext, asOf: Day): Statement[] {
  const inScope = sel.bodies ? commitments.filter((c) => inBodies(c.origin.body, sel)) : commitments;
  return buildStatements(actors, inScope, ctx, asOf);
}

function recommendationRows(m: Meeting, ctx: ViewContext): RecommendationRow[] {
  return walkAgreements(m)
    .filter((at) => at.agreement.addressee !== undefined)
    .map((at) => ({ ref: at.ref, meeting: m.id, from: actorRefs([m.body], ctx)[0]!, addressee: actorRefs([at.agreement.addressee!], ctx)[0]!, text: pickText(at.agreement.text, ctx.lang, ctx.authentic) ?? { text: '', lang: ctx.lang } }));
}

/** Everything overdue in the selected bodies, the most late first (the overdue report's own order); `view` makes each
 * row (whole views by default). */
export function overdueRows(commitments: readonly Commitment[], sel: Selection, ctx: ViewContext, from: Day): OverdueRow[];
export function overdueRows<R extends CommitmentLine>(commitments: readonly Commitment[], sel: Selection, ctx: ViewContext, from: Day, view: (c: Commitment, ctx: ViewContext) => R): OverdueRow<R>[];
export function overdueRows(commitments: readonly Commitment[], sel: Selection, ctx: ViewContext, from: Day, view: (c: Commitment, ctx: ViewContext) => CommitmentLine = viewCommitment): OverdueRow<CommitmentLine>[] {
  const bodies: Selection = sel.bodies ? { bodies: sel.bodies } : {};
  // The views are made here (followupRows): `earlier` is set on each as its last member, no copy made. Read from the
  // commitment (the meeting's date, else the due day in force: the view's meetingDate ?? due.day), which a lean row lacks.
  const earlier = (c: Commitment): boolean => ((c.origin.date || undefined) ?? dueDay(c) ?? from) < from;
  return followupRows(commitments, bodies, ctx, 'overdue', (c, viewCtx) => {
    const row = view(c, viewCtx) as CommitmentLine & { earlier?: boolean };
    row.earlier = earlier(c);
    return row as OverdueRow<CommitmentLine>;
  });
}

/** Open commitments whose due day falls within the next `days` days (the engine's daysLeft; 0 = due today), soonest
 * first; `view` makes each row (whole views by default). */
export function dueNextRows(commitments: readonly Commitment[], sel: Selection, ctx: ViewContext, days: number): CommitmentView[];
export function dueNextRows<R>(commitments: readonly Commitment[], sel: Selection, ctx: ViewContext, days: number, view: (c: Commitment, ctx: ViewContext) => R): R[];
export function dueNextRows(commitments: readonly Commitment[], sel: Selection, ctx: ViewContext, days: number, view: (c: Commitment, ctx: ViewContext) => unknown = viewCommitment): unknown[] {
  return commitments
    .filter((c) => (c.state === 'open' || c.state === 'upcoming') && c.daysLeft !== undefined && c.daysLeft <= days && inBodies(c.origin.body, sel))
    .sort((a, b) => ((dueDay(a) ?? '') < (dueDay(b) ?? '') ? -1 : (dueDay(a) ?? '') > (dueDay(b) ?? '') ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((c) => view(c, ctx));
}

function plansIn(records: RecordSet, sel: Selection, period: { from: Day; to: Day }): Plan[] {
  return records.plans
    .filter((p) => p.valid && inBodies(p.data.body, sel))
    .map((p) => p.data)
    .filter((p) => `${p.period.start}-01-01` <= period.to && `${p.period.end}-12-31` >= period.from)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}
