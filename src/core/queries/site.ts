// The static site's view model, one per language: the dashboard, every meeting with its agreements' follow-up, every
// actor with its statement and its calendar, every work plan with its progress and activities, the overdue and
// upcoming lists. Built from the existing queries; render/site only lays it out.
import type { ActorKind } from '../actors.js';
import { actorName } from '../actors.js';
import type { Day } from '../dates.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Commitment } from '../followup/index.js';
import type { ActorId, Lang } from '../model.js';
import type { RecordSet } from '../records.js';
import { walkActivities, walkAgreements } from '../walk.js';
import type { DashboardModel } from './dashboard.js';
import { buildDashboard } from './dashboard.js';
import type { ExportResult } from './export.js';
import type { FollowupReport } from './followup-report.js';
import { buildFollowupReport } from './followup-report.js';
import type { PlanProgress } from './plan-progress.js';
import { buildPlanProgress } from './plan-progress.js';
import type { ShowResult } from './show.js';
import { buildShow } from './show.js';
import type { Statement } from './statement.js';
import { buildStatement } from './statement.js';
import type { ActorRef, ViewContext } from './view.js';
import { actorRefs, viewCommitment } from './view.js';
import type { WorkplanPlan } from './workplan.js';
import { buildWorkplanPlan } from './workplan.js';

export type MeetingShow = Extract<ShowResult, { kind: 'meeting' }>;
export type AgreementShow = Extract<ShowResult, { kind: 'agreement' }>;
export type ActivityShow = Extract<ShowResult, { kind: 'activity' }>;

export interface SiteMeeting {
  readonly meeting: MeetingShow;
  /** Every agreement (points and sub-items) with its follow-up history, in the record's order. */
  readonly agreements: readonly AgreementShow[];
}

export interface SiteActor {
  readonly ref: ActorRef;
  readonly kind: ActorKind;
  readonly name: string;
  /** Countries, organisations and organs: everything it owes (a group owes through its members). */
  readonly statement?: Statement;
  /** Groups: the actors it stands for. */
  readonly members: readonly ActorRef[];
  /** The groups it belongs to. */
  readonly groups: readonly ActorRef[];
  /** Meetings it convened (a body), took part in or observed, newest first. */
  readonly meetings: readonly { readonly id: string; readonly date: Day; readonly role: 'body' | 'participant' | 'observer' }[];
  /** Groups: the commitments the group is named as owing. */
  readonly owes: ExportResult['commitments'];
  /** Its calendar feed: the commitments it owes (itself or through a group). */
  readonly calendar: ExportResult;
}

export interface SitePlan {
  readonly matrix: WorkplanPlan;
  readonly progress: PlanProgress;
  readonly activities: readonly ActivityShow[];
}

export interface SiteModel {
  readonly lang: Lang;
  readonly asOf: Day;
  readonly dashboard: DashboardModel;
  readonly meetings: readonly SiteMeeting[];
  readonly actors: readonly SiteActor[];
  readonly plans: readonly SitePlan[];
  readonly overdue: FollowupReport;
  readonly upcoming: FollowupReport;
  /** Commitments waiting for a meeting that sets their date, the longest expected first. */
  readonly waiting: ExportResult['commitments'];
}

export interface SiteInput {
  readonly records: RecordSet;
  readonly diagnostics: readonly Diagnostic[];
  readonly commitments: readonly Commitment[];
  readonly ctx: ViewContext;
  readonly asOf: Day;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function buildSite(input: SiteInput): SiteModel {
  const { records, commitments, ctx, asOf } = input;
  const meetings = records.meetings.filter((m) => m.valid).map((m) => m.data).sort((a, b) => compare(b.dates.start, a.dates.start) || compare(a.id, b.id));
  const plans = records.plans.filter((p) => p.valid).map((p) => p.data).sort((a, b) => compare(a.id, b.id));
  return {
    lang: ctx.lang,
    asOf,
    dashboard: buildDashboard(records, input.diagnostics, commitments, ctx, asOf),
    meetings: meetings.map((meeting) => ({
      meeting: buildShow({ kind: 'meeting', meeting }, commitments, ctx, asOf) as MeetingShow,
      agreements: walkAgreements(meeting).map((at) => buildShow({ kind: 'agreement', meeting, at }, commitments, ctx, asOf) as AgreementShow),
    })),
    actors: buildActors(input, meetings),
    plans: plans.map((plan) => ({
      matrix: buildWorkplanPlan(plan, commitments, {}, ctx),
      progress: buildPlanProgress(plan, commitments, { from: `${plan.period.start}-01-01`, to: `${plan.period.end}-12-31` }, ctx),
      activities: walkActivities(plan).map((at) => buildShow({ kind: 'activity', plan, at }, commitments, ctx, asOf) as ActivityShow),
    })),
    overdue: buildFollowupReport(commitments, {}, ctx, { kind: 'overdue', asOf, by: 'actor' }),
    upcoming: buildFollowupReport(commitments, {}, ctx, { kind: 'upcoming', asOf, by: 'actor' }),
    waiting: commitments.filter((c) => c.state === 'waiting').sort((a, b) => (b.daysPastExpected ?? -1) - (a.daysPastExpected ?? -1) || compare(a.id, b.id)).map((c) => viewCommitment(c, ctx)),
  };
}

const KIND_ORDER: readonly ActorKind[] = ['country', 'organisation', 'body', 'group'];

function buildActors(input: SiteInput, meetings: readonly SiteInput['records']['meetings'][number]['data'][]): SiteActor[] {
  const { ctx, commitments, asOf } = input;
  const infos = [...ctx.dir.byId.values()].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || compare(a.id, b.id));
  return infos.map((info) => {
    const id: ActorId = info.id;
    const group = info.kind === 'group';
    const owed = commitments.filter((c) => (group ? c.owners.includes(id) : c.owed.includes(id)));
    const roles = meetings.flatMap((m) => {
      const role = m.body === id ? 'body' : m.participants?.includes(id) ? 'participant' : m.observers?.includes(id) ? 'observer' : undefined;
      return role ? [{ id: m.id, date: m.dates.start, role } as const] : [];
    });
    const views = owed.map((c) => viewCommitment(c, ctx));
    return {
      ref: actorRefs([id], ctx)[0]!,
      kind: info.kind,
      name: actorName(ctx.dir, id, ctx.lang),
      ...(group ? {} : { statement: buildStatement(commitments, ctx, { actor: id, asOf }) }),
      members: actorRefs(ctx.dir.groupMembers.get(id) ?? [], ctx),
      groups: actorRefs([...ctx.dir.groupMembers.entries()].filter(([, m]) => m.includes(id)).map(([g]) => g).sort(), ctx),
      meetings: roles,
      owes: group ? views : [],
      calendar: { version: 1, asOf, lang: ctx.lang, count: views.length, commitments: views },
    };
  });
}
