// The static site's view model, one per language: the dashboard, every meeting with its agreements' follow-up, every
// actor with its statement and its calendar, every work plan with its progress and activities, the overdue and
// upcoming lists. Built from the existing queries; render/site only lays it out.
import type { ActorKind } from '../actors.js';
import { actorName } from '../actors.js';
import type { Day } from '../dates.js';
import { shiftDays } from '../dates.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Commitment } from '../followup/index.js';
import type { ActorId, Lang, Meeting, Plan } from '../model.js';
import type { RecordSet } from '../records.js';
import { walkActivities, walkAgreements } from '../walk.js';
import type { DashboardModel } from './dashboard.js';
import { buildDashboard } from './dashboard.js';
import type { ExportFeed, ExportResult } from './export.js';
import { LazyList } from './lazy-list.js';
import type { FollowupBook } from './followup-book.js';
import { buildFollowupBook } from './followup-book.js';
import type { PlanProgress } from './plan-progress.js';
import { buildPlanProgress } from './plan-progress.js';
import type { AgreementPart, ShowResult } from './show.js';
import { agreementPart, buildShow, meetingHeader } from './show.js';
import type { Statement } from './statement.js';
import { buildStatement } from './statement.js';
import type { ActorRef, ViewContext } from './view.js';
import { actorRefs, viewCommitment } from './view.js';
import type { WorkplanPlan } from './workplan.js';
import { buildWorkplanPlan } from './workplan.js';
import { groupBy } from './group-by.js';

export type MeetingShow = Extract<ShowResult, { kind: 'meeting' }>;
export type ActivityShow = Extract<ShowResult, { kind: 'activity' }>;

/** A meeting's header as the meetings list shows it. */
export type MeetingHead = Omit<MeetingShow, 'points'>;

export interface SiteMeeting {
  /** The meeting's header, once (not its points: the agreements below are they). */
  readonly meeting: MeetingHead;
  /** Every agreement (points and sub-items) with its commitments and follow-up history, in the record's order;
   * without its show's head and meeting header, which the page shows once above them. */
  readonly agreements: readonly AgreementPart[];
}

/** An actor as lists and the search name it: its page's content is built on demand (SiteModel.actorPage). */
export interface SiteActorEntry {
  readonly ref: ActorRef;
  readonly kind: ActorKind;
  readonly name: string;
}

export interface SiteActor extends SiteActorEntry {
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
  /** Its calendar feed: the dated commitments it owes (itself or through a group) due from CALENDAR_DAYS before the
   * day on (what a calendar shows: the year past and everything ahead), each view made as the feed is written. */
  readonly calendar: ExportFeed;
}

export interface SitePlan {
  readonly matrix: WorkplanPlan;
  readonly progress: PlanProgress;
  readonly activities: readonly ActivityShow[];
  /** The source document the plan was taken from (its `source.document`). */
  readonly source: string;
}

export interface SiteModel {
  readonly lang: Lang;
  readonly asOf: Day;
  readonly dashboard: DashboardModel;
  /** The view context the language's content is built in (actor names, record text): a meeting's page content is built
   * from it, its record and its commitments where the page is rendered (siteMeeting), in this thread or the writer's. */
  readonly ctx: ViewContext;
  /** The valid meetings, newest first, as held (HeldMeeting): a page's content is built from its record when its page is
   * rendered (siteMeeting), one at a time. */
  readonly meetings: readonly HeldMeeting[];
  /** A meeting's own commitments (its agreements'), in the derived order: what its page's content is built from. */
  readonly meetingCommitments: (meeting: Meeting) => readonly Commitment[];
  /** A meeting's header as the meetings list shows it (no agreement's content). */
  readonly meetingHead: (meeting: Meeting) => MeetingHead;
  readonly actors: readonly SiteActorEntry[];
  /** One actor's page content, built when asked: a statement per actor held at once would grow with actors × commitments. */
  readonly actorPage: (id: ActorId) => SiteActor;
  /** The valid work plans by id: a plan's content is built when asked (planPage), one at a time. */
  readonly plans: readonly Plan[];
  readonly planPage: (plan: Plan) => SitePlan;
  /** The activities (PLAN#A/O/R/N) with follow-up: each has a page of its own. */
  readonly activityPages: ReadonlySet<string>;
  /** The lists, built when asked (each is as long as the commitments in its state). */
  readonly overdue: () => FollowupBook;
  readonly upcoming: () => FollowupBook;
  /** Commitments waiting for a meeting that sets their date, the longest expected first. */
  readonly waiting: () => ExportResult['commitments'];
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A valid meeting as the site holds it from its start to its pages: what the lists, the search form and the actors'
 * pages read of it, and its record, asked for when its page is built (once per language). The record is kept as the
 * caller's `hold` keeps it (holdMeetings): the site command keeps it as JSON text (core/read/data-json.ts heldInBlocks),
 * since at 8,000 meetings the records' objects were ~90 MiB of the ~220 MiB the site held live from the load to its
 * end, for pages that read one record at a time (docs/internals/performance.md, "`site`, eleventh round"). */
export interface HeldMeeting {
  readonly id: string;
  readonly body: string;
  readonly start: Day;
  readonly participants?: readonly ActorId[];
  readonly observers?: readonly ActorId[];
  readonly record: () => Meeting;
}

/** How a record is held until it is asked for: a function that gives it (or a copy equal to it) each time it is
 * called. */
export type Hold = <T>(record: T) => () => T;

/** Held as it is. */
const holdAsIs: Hold = (record) => () => record;

/** The valid meetings, newest first (then by id), each held by `hold`. */
export function holdMeetings(records: RecordSet, hold: Hold = holdAsIs): HeldMeeting[] {
  return records.meetings
    .filter((m) => m.valid)
    .map((m) => m.data)
    .sort((a, b) => compare(b.dates.start, a.dates.start) || compare(a.id, b.id))
    .map((m) => ({ id: m.id, body: m.body, start: m.dates.start, ...(m.participants ? { participants: m.participants } : {}), ...(m.observers ? { observers: m.observers } : {}), record: hold(m) }));
}

export interface SiteInput {
  readonly records: RecordSet;
  /** The valid meetings as held (holdMeetings), shared by both languages' models; held as they are when not given. */
  readonly meetings?: readonly HeldMeeting[];
  readonly diagnostics: readonly Diagnostic[];
  readonly commitments: readonly Commitment[];
  readonly ctx: ViewContext;
  readonly asOf: Day;
}

export function buildSite(input: SiteInput): SiteModel {
  const { records, commitments, ctx, asOf } = input;
  const meetings = input.meetings ?? holdMeetings(records);
  const plans = records.plans.filter((p) => p.valid).map((p) => p.data).sort((a, b) => compare(a.id, b.id));
  // Each record's page asks buildShow about its own commitments only: the whole list per agreement would be quadratic.
  const byRecord = groupBy(commitments, (c) => c.origin.record);
  const own = (id: string): readonly Commitment[] => byRecord.get(id) ?? [];
  const view = (c: Commitment): ReturnType<typeof viewCommitment> => viewCommitment(c, ctx);
  // Each actor's commitments, grouped once (the first actor page asks): filtering all commitments per actor grows
  // with actors × commitments.
  let owing: Owing | undefined;
  return {
    lang: ctx.lang,
    asOf,
    dashboard: buildDashboard(records, input.diagnostics, commitments, ctx, asOf),
    meetings,
    ctx,
    meetingCommitments: (meeting) => own(meeting.id),
    meetingHead: (meeting) => meetingHead(meeting, ctx, asOf),
    actors: actorEntries(input),
    // Given the view context and the day, not the input: the site holds this function to its end, and the input holds
    // the records as read (every file's text), which the site's pages never read.
    actorPage: (id) => buildActor(ctx, asOf, meetings, id, (owing ??= groupOwing(commitments)), view),
    plans,
    planPage: (plan) => ({
      matrix: buildWorkplanPlan(plan, own(plan.id), {}, ctx),
      progress: buildPlanProgress(plan, own(plan.id), { from: `${plan.period.start}-01-01`, to: `${plan.period.end}-12-31` }, ctx),
      activities: walkActivities(plan).map((at) => buildShow({ kind: 'activity', plan, at }, own(plan.id), ctx, asOf) as ActivityShow),
      source: plan.source.document,
    }),
    activityPages: new Set(plans.flatMap((plan) => walkActivities(plan).filter((at) => (at.activity.followup ?? []).length > 0).map((at) => at.ref))),
    overdue: () => buildFollowupBook(commitments, ctx, 'overdue', asOf),
    upcoming: () => buildFollowupBook(commitments, ctx, 'upcoming', asOf),
    waiting: () => commitments.filter((c) => c.state === 'waiting').sort((a, b) => (b.daysPastExpected ?? -1) - (a.daysPastExpected ?? -1) || compare(a.id, b.id)).map(view),
  };
}

function meetingHead(meeting: Meeting, ctx: ViewContext, asOf: Day): MeetingHead {
  return { version: 1, asOf, lang: ctx.lang, kind: 'meeting', ...meetingHeader(meeting, ctx) };
}

/** A meeting's page content: its header, made once, and every agreement with its own commitments and follow-up —
 * each agreement's part of its show (`agreementPart`), not its whole show: an agreement's show repeats its meeting's
 * header (participants, observers, guests as actor references), and a meeting's show lists its points, neither of
 * which the page reads (at 2,000 meetings the site made ~19 headers and a point list per meeting page for one
 * header). Each agreement is given only its own commitments, so each commitment's view is made once. Plain data in,
 * plain data out: the site's writer thread builds it from a meeting sent to it (render/site/page-job.ts). */
export function siteMeeting(meeting: Meeting, own: readonly Commitment[], ctx: ViewContext, asOf: Day): SiteMeeting {
  const byRef = groupBy(own, (c) => c.origin.ref);
  return {
    meeting: meetingHead(meeting, ctx, asOf),
    agreements: walkAgreements(meeting).map((at) => agreementPart(at, (byRef.get(at.ref) ?? []).map((c) => viewCommitment(c, ctx)), ctx, asOf)),
  };
}

/** Per actor, in the commitments' order: what it is owed as (itself or through a group), and what it is named as owing. */
interface Owing {
  readonly owed: ReadonlyMap<ActorId, readonly Commitment[]>;
  readonly owners: ReadonlyMap<ActorId, readonly Commitment[]>;
}

function groupOwing(commitments: readonly Commitment[]): Owing {
  const owed = new Map<ActorId, Commitment[]>();
  const owners = new Map<ActorId, Commitment[]>();
  const add = (map: Map<ActorId, Commitment[]>, id: ActorId, c: Commitment): void => {
    const list = map.get(id);
    if (list) {
      if (list[list.length - 1] !== c) list.push(c);
    } else map.set(id, [c]);
  };
  for (const c of commitments) {
    for (const id of c.owed) add(owed, id, c);
    for (const id of c.owners) add(owners, id, c);
  }
  return { owed, owners };
}

/** A group's calendar: the views its page already made, those in the calendar's window. */
function calendarOf(views: ExportResult['commitments'], owed: readonly Commitment[], from: Day, asOf: Day, lang: Lang): ExportFeed {
  const commitments = views.filter((_, i) => inCalendar(owed[i]!, from));
  return { version: 1, asOf, lang, count: commitments.length, commitments };
}

const KIND_ORDER: readonly ActorKind[] = ['country', 'organisation', 'body', 'group'];

function actorEntries(input: SiteInput): SiteActorEntry[] {
  const { ctx } = input;
  const infos = [...ctx.dir.byId.values()].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || compare(a.id, b.id));
  return infos.map((info) => ({ ref: actorRefs([info.id], ctx)[0]!, kind: info.kind, name: actorName(ctx.dir, info.id, ctx.lang) }));
}

type Views = (c: Commitment) => ReturnType<typeof viewCommitment>;

/** How far back an actor's calendar goes: a feed of every deadline since the first meeting grew with the whole
 * history (5.7 MB for one country at 8,000 meetings) while a calendar app shows the weeks around today; older
 * deadlines stay on the actor's page and its statement's pages. */
export const CALENDAR_DAYS = 366;

/** A deadline a calendar shows: dated (or recurring, at its next due day) on or after `from`. */
const inCalendar = (c: Commitment, from: Day): boolean => (c.due.kind === 'dated' || c.due.kind === 'recurring') && c.due.day >= from;

function buildActor(ctx: ViewContext, asOf: Day, meetings: readonly HeldMeeting[], id: ActorId, owing: Owing, view: Views): SiteActor {
  const info = ctx.dir.byId.get(id);
  const kind: ActorKind = info?.kind ?? 'organisation';
  const group = kind === 'group';
  const own = owing.owed.get(id) ?? [];
  const owed = group ? (owing.owners.get(id) ?? []) : own;
  const roles = meetings.flatMap((m) => {
    const role = m.body === id ? 'body' : m.participants?.includes(id) ? 'participant' : m.observers?.includes(id) ? 'observer' : undefined;
    return role ? [{ id: m.id, date: m.start, role } as const] : [];
  });
  // A group's views are its page's table too; anyone else's are made as its calendar is written, never all at once.
  const views = group ? owed.map(view) : [];
  const from = shiftDays(asOf, -CALENDAR_DAYS);
  const dated = group ? undefined : owed.filter((c) => inCalendar(c, from));
  return {
    ref: actorRefs([id], ctx)[0]!,
    kind,
    name: actorName(ctx.dir, id, ctx.lang),
    ...(group ? {} : { statement: buildStatement(own, ctx, { actor: id, asOf }) }),
    members: actorRefs(ctx.dir.groupMembers.get(id) ?? [], ctx),
    groups: actorRefs([...ctx.dir.groupMembers.entries()].filter(([, m]) => m.includes(id)).map(([g]) => g).sort(), ctx),
    meetings: roles,
    owes: group ? views : [],
    calendar: dated ? { version: 1, asOf, lang: ctx.lang, count: dated.length, commitments: LazyList.map(dated, view) } : calendarOf(views, owed, from, asOf, ctx.lang),
  };
}
