// Commitments → views for people and machines: actor names and record text in the language asked for, ids kept beside them.
import type { ActorDirectory } from '../actors.js';
import { actorLabel } from '../actors.js';
import type { Day, Period } from '../dates.js';
import type { Commitment, CommitmentKind, CommitmentState, DueDate } from '../followup/index.js';
import type { Action, ActorId, FollowUp, Lang, Status, Text } from '../model.js';

import type { LocalText } from '../local-text.js';
import { pickText } from '../local-text.js';

export type { LocalText };
export { pickText };

export interface ActorRef {
  readonly id: ActorId;
  readonly label: string;
  /** A member of a group whose membership no registry source supports (registry `membership`): reports mark it. */
  readonly unsourced?: true;
}

export interface ViewContext {
  readonly dir: ActorDirectory;
  readonly lang: Lang;
  /** acta.yaml's `authentic`: text shown in another language is marked as an unofficial translation. */
  readonly authentic?: Lang;
}

// One ActorRef per actor and language, shared by every view that names it: a list of 100,000 commitments names the
// same few dozen actors, and the views hold references instead of a fresh object each (peak memory).
const REFS = new WeakMap<ActorDirectory, { es: Map<ActorId, ActorRef>; en: Map<ActorId, ActorRef> }>();

function actorRef(id: ActorId, ctx: ViewContext): ActorRef {
  let byLang = REFS.get(ctx.dir);
  if (!byLang) REFS.set(ctx.dir, (byLang = { es: new Map(), en: new Map() }));
  const refs = byLang[ctx.lang];
  let ref = refs.get(id);
  if (!ref) refs.set(id, (ref = Object.freeze({ id, label: actorLabel(ctx.dir, id, ctx.lang), ...(ctx.dir.unsourcedIn.has(id) ? { unsourced: true as const } : {}) })));
  return ref;
}

export function actorRefs(ids: readonly ActorId[] | undefined, ctx: ViewContext): ActorRef[] {
  return (ids ?? []).map((id) => actorRef(id, ctx));
}

/** A view's lists of actors, shared and frozen: one per list of owners (by content) and per list the engine owes
 * (by identity: deriveCommitments makes one `owed` per list of owners), per directory and language. An overdue table
 * of 13,000 rows names a few dozen such lists; each row held four fresh arrays of them (and the report's escape walk
 * copied each), now references (mapStringsDeep maps a frozen object once). */
interface RefLists {
  readonly owners: Map<string, readonly ActorRef[]>;
  readonly owed: WeakMap<readonly ActorId[], readonly ActorRef[]>;
  /** owed → owners (joined) → who still owes it when nothing was delivered (owingOf). */
  readonly owing: WeakMap<readonly ActorId[], Map<string, readonly ActorRef[]>>;
}
const LISTS = new WeakMap<ActorDirectory, { es?: RefLists; en?: RefLists }>();
/** The one empty list of every view's empty lists (frozen: nothing adds to a view's list). */
const NO_REFS: readonly never[] = Object.freeze([]);

function refLists(ctx: ViewContext): RefLists {
  let byLang = LISTS.get(ctx.dir);
  if (!byLang) LISTS.set(ctx.dir, (byLang = {}));
  return (byLang[ctx.lang] ??= { owners: new Map(), owed: new WeakMap(), owing: new WeakMap() });
}

const frozenRefs = (ids: readonly ActorId[], ctx: ViewContext): readonly ActorRef[] => (ids.length === 0 ? NO_REFS : Object.freeze(actorRefs(ids, ctx)));
const joined = (ids: readonly ActorId[]): string => (ids.length === 1 ? ids[0]! : ids.join('\u0000'));

function ownersRefs(ids: readonly ActorId[], lists: RefLists, ctx: ViewContext): readonly ActorRef[] {
  const key = joined(ids);
  let refs = lists.owners.get(key);
  if (!refs) lists.owners.set(key, (refs = frozenRefs(ids, ctx)));
  return refs;
}

function owedRefs(ids: readonly ActorId[], lists: RefLists, ctx: ViewContext): readonly ActorRef[] {
  let refs = lists.owed.get(ids);
  if (!refs) lists.owed.set(ids, (refs = frozenRefs(ids, ctx)));
  return refs;
}

// Who still owes a commitment nothing was delivered for depends only on its owners and what they owe.
function owingRefs(c: Commitment, lists: RefLists, ctx: ViewContext): readonly ActorRef[] {
  if (c.pending !== c.owed) return actorRefs(owingOf(c, ctx.dir), ctx);
  let byOwners = lists.owing.get(c.owed);
  if (!byOwners) lists.owing.set(c.owed, (byOwners = new Map()));
  const key = joined(c.owners);
  let refs = byOwners.get(key);
  if (!refs) byOwners.set(key, (refs = frozenRefs(owingOf(c, ctx.dir), ctx)));
  return refs;
}

export interface DueView {
  readonly kind: DueDate['kind'];
  /** The day it falls due (dated, recurring). */
  readonly day?: Day;
  readonly period?: Period;
  /** Event deadlines: the body whose meeting sets the date, and the meeting once on record. */
  readonly event?: { readonly body: ActorRef; readonly relation: 'before' | 'at'; readonly meeting?: string; readonly expected?: Period };
  /** "Within N days of the meeting": the days and the meeting's last day they count from. */
  readonly within?: { readonly days: number; readonly from: Day };
  /** Rolling recurrence: the last report (or the meeting) it counts from. */
  readonly since?: Day;
  readonly tbd?: boolean;
  /** "As soon as possible" ("a la brevedad"): no date, never overdue. */
  readonly asap?: true;
}

export function viewDue(due: DueDate, ctx: ViewContext): DueView {
  switch (due.kind) {
    case 'dated':
      return { kind: 'dated', day: due.day, period: due.period, ...(due.event ? { event: { body: actorRefs([due.event.body], ctx)[0]!, relation: due.event.relation, meeting: due.event.meeting } } : {}), ...(due.within ? { within: due.within } : {}) };
    case 'waiting':
      return { kind: 'waiting', event: { body: actorRefs([due.body], ctx)[0]!, relation: due.relation, ...(due.expected ? { expected: due.expected } : {}) } };
    case 'recurring':
      return { kind: 'recurring', day: due.day, since: due.since };
    case 'none':
      return { kind: 'none', tbd: due.tbd, ...(due.asap ? { asap: true as const } : {}) };
    default:
      return { kind: due.kind };
  }
}

export interface ExtensionView {
  readonly date: Day;
  readonly from: DueView;
  readonly to: DueView;
  readonly decidedBy?: string;
}

export interface CommitmentView {
  readonly id: string;
  readonly kind: CommitmentKind;
  /** The agreement or activity it belongs to. */
  readonly ref: string;
  readonly record: string;
  readonly recordKind: 'meeting' | 'plan';
  readonly body: ActorRef;
  readonly meetingDate?: Day;
  readonly step?: number;
  readonly occurrence?: string;
  readonly action?: Action;
  readonly task: LocalText;
  readonly owners: readonly ActorRef[];
  /** Who owes it is acta's reading, not named by the source (explained in the record's notes). */
  readonly inferred?: true;
  /** Its period is acta's inference (a proposed plan's columns, an uncertain cell): listed, never overdue or upcoming. */
  readonly tentative?: true;
  readonly owed: readonly ActorRef[];
  readonly pending: readonly ActorRef[];
  /** Who still owes it, for people: a group whose members all still owe stays the group; otherwise the members who do. */
  readonly owing: readonly ActorRef[];
  /** Who delivered and when; `daysLate` when after the due day in force. */
  readonly delivered: readonly { readonly actor: ActorRef; readonly date: Day; readonly daysLate?: number }[];
  readonly due: DueView;
  /** The source's own wording of the deadline in force. */
  readonly deadlineText?: LocalText;
  readonly extensions: readonly ExtensionView[];
  readonly state: CommitmentState;
  readonly daysLate?: number;
  readonly daysLeft?: number;
  /** Waiting only: days since the end of the period its meeting was expected in (no record of that meeting). */
  readonly daysPastExpected?: number;
  /** Done only: the day it was closed. */
  readonly doneOn?: Day;
  /** Done after its due day: calendar days late. The state stays `done`; this says "done late (N days)". */
  readonly daysLateDelivered?: number;
  readonly status?: Status;
  readonly supersededBy?: string;
}

export function viewCommitment(c: Commitment, ctx: ViewContext): CommitmentView {
  const deadlineText = pickText(c.deadline?.text, ctx.lang, ctx.authentic);
  // Members set one by one in CommitmentView's order (JSON output keeps it), not spread from objects made for the
  // purpose: a list or an export views every commitment (~112,000 at 8,000 meetings).
  const v: Mutable<CommitmentView> = { id: c.id, kind: c.kind, ref: c.origin.ref, record: c.origin.record, recordKind: c.origin.recordKind, body: actorRef(c.origin.body, ctx) } as Mutable<CommitmentView>;
  if (c.origin.date) v.meetingDate = c.origin.date;
  if (c.step !== undefined) v.step = c.step;
  if (c.occurrence !== undefined) v.occurrence = c.occurrence;
  if (c.action) v.action = c.action;
  v.task = pickText(c.task, ctx.lang, ctx.authentic) ?? { text: '', lang: ctx.lang };
  const lists = refLists(ctx);
  v.owners = ownersRefs(c.owners, lists, ctx);
  if (c.inferred) v.inferred = true;
  if (c.tentative) v.tentative = true;
  v.owed = owedRefs(c.owed, lists, ctx);
  v.pending = pendingRefs(c, v.owed, ctx);
  v.owing = c.pending.length === 0 ? NO_REFS : owingRefs(c, lists, ctx);
  v.delivered = deliveredRefs(c, ctx);
  v.due = viewDue(c.due, ctx);
  if (deadlineText) v.deadlineText = deadlineText;
  v.extensions = c.extensions.length === 0 ? NO_REFS : c.extensions.map((e) => ({ date: e.date, from: viewDue(e.from, ctx), to: viewDue(e.to, ctx), ...(e.decidedBy ? { decidedBy: e.decidedBy } : {}) }));
  v.state = c.state;
  if (c.daysLate !== undefined) v.daysLate = c.daysLate;
  if (c.daysLeft !== undefined) v.daysLeft = c.daysLeft;
  if (c.daysPastExpected !== undefined) v.daysPastExpected = c.daysPastExpected;
  if (c.doneOn) v.doneOn = c.doneOn;
  if (c.daysLateDelivered !== undefined) v.daysLateDelivered = c.daysLateDelivered;
  if (c.status) v.status = c.status;
  if (c.supersededBy) v.supersededBy = c.supersededBy;
  return v;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const pendingRefs = (c: Commitment, owed: readonly ActorRef[], ctx: ViewContext): readonly ActorRef[] => (c.pending.length === 0 ? NO_REFS : c.pending === c.owed ? owed : actorRefs(c.pending, ctx));

function deliveredRefs(c: Commitment, ctx: ViewContext): CommitmentView['delivered'] {
  return c.delivered.length === 0 ? NO_REFS : c.delivered.map((d) => (d.daysLate !== undefined ? { actor: actorRef(d.actor, ctx), date: d.date, daysLate: d.daysLate } : { actor: actorRef(d.actor, ctx), date: d.date }));
}

/** What the package's own report templates print of a commitment (a row of the overdue, due-next and delivered
 * tables): a CommitmentView's members of those names, the same values, and no other. The report builds its rows as
 * these only for the package's templates (a user's template, `-f json` and `-f docx` get whole views): an overdue
 * table is 58,000 rows at 8,000 meetings, and the members no table prints (who owes what as a group, the record, the
 * state…) were most of each row's making and of the Markdown policy's walk of it. test/report/lean-rows.test.ts holds
 * the package's templates to the same bytes from either. */
export type CommitmentLine = Pick<CommitmentView, 'id' | 'body' | 'task' | 'owners' | 'inferred' | 'pending' | 'delivered' | 'due' | 'deadlineText' | 'daysLate' | 'daysLeft'>;

export function viewCommitmentLine(c: Commitment, ctx: ViewContext): CommitmentLine {
  const lists = refLists(ctx);
  // pending and delivered as viewCommitment makes them (owedRefs: the shared list pendingRefs takes when it is owed's).
  const v: Mutable<CommitmentLine> = { id: c.id, body: actorRef(c.origin.body, ctx), task: pickText(c.task, ctx.lang, ctx.authentic) ?? { text: '', lang: ctx.lang }, owners: ownersRefs(c.owners, lists, ctx), pending: pendingRefs(c, owedRefs(c.owed, lists, ctx), ctx), delivered: deliveredRefs(c, ctx), due: viewDue(c.due, ctx) };
  if (c.inferred) v.inferred = true;
  const deadlineText = pickText(c.deadline?.text, ctx.lang, ctx.authentic);
  if (deadlineText) v.deadlineText = deadlineText;
  if (c.daysLate !== undefined) v.daysLate = c.daysLate;
  if (c.daysLeft !== undefined) v.daysLeft = c.daysLeft;
  return v;
}

// Keeps "Member Countries" while none of them has delivered, and names the ones left once some have. Made for every
// commitment's view (the site views each one several times): arrays searched in place, no Set — a commitment's owners
// and what it still owes are a few actors, a group's members (the directory's expansion, each once) a dozen or so.
function owingOf(c: Commitment, dir: ActorDirectory): ActorId[] {
  const pending = c.pending;
  const out: ActorId[] = [];
  const add = (id: ActorId): void => void (out.includes(id) || out.push(id));
  for (const owner of c.owners) {
    const members = dir.groupMembers.get(owner);
    if (!members) {
      if (pending.includes(owner)) add(owner);
    } else if (members.every((m) => pending.includes(m))) add(owner);
    else for (const m of members) if (pending.includes(m)) add(m);
  }
  return out;
}

export interface FollowUpView {
  readonly date: Day;
  /** Absent on an extension recorded without a status. */
  readonly status?: Status;
  readonly note?: LocalText;
  readonly deliveredBy: readonly ActorRef[];
  readonly step?: number;
  readonly occurrence?: string;
  readonly decidedBy?: string;
  readonly supersededBy?: string;
  /** The new deadline's recorded form (due or event) when the entry moved it. */
  readonly deadline?: string;
  readonly evidence?: { readonly document?: string; readonly record?: string; readonly url?: string };
}

export function viewFollowUp(f: FollowUp, ctx: ViewContext): FollowUpView {
  const note = pickText(f.note, ctx.lang, ctx.authentic);
  const deadline = f.deadline ? (f.deadline.due ?? (f.deadline.event ? `${f.deadline.event.relation}:${f.deadline.event.body}` : f.deadline.within ? `within:${f.deadline.within.days}` : undefined)) : undefined;
  return {
    date: f.date,
    ...(f.status ? { status: f.status } : {}),
    ...(note ? { note } : {}),
    deliveredBy: actorRefs(f.delivered_by, ctx),
    ...(f.step !== undefined ? { step: f.step } : {}),
    ...(f.occurrence !== undefined ? { occurrence: f.occurrence } : {}),
    ...(f.decided_by ? { decidedBy: f.decided_by } : {}),
    ...(f.superseded_by ? { supersededBy: f.superseded_by } : {}),
    ...(deadline ? { deadline } : {}),
    ...(f.evidence ? { evidence: f.evidence } : {}),
  };
}
