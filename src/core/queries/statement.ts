// One actor's statement as of a date: everything it owes — overdue, due next, delivered (on time or late, with the
// evidence), waiting for a meeting, no date — grouped by body and meeting (or plan). What a focal point asks for.
import type { ActorDirectory } from '../actors.js';
import { expandActors } from '../actors.js';
import type { Day } from '../dates.js';
import type { Commitment } from '../followup/index.js';
import { dueDay } from '../followup/index.js';
import type { ActorId, FollowUp, Lang } from '../model.js';

/** A follow-up entry's evidence: a link, a record or a document. */
export type Evidence = NonNullable<FollowUp['evidence']>;
import type { ActorRef, CommitmentView, ViewContext } from './view.js';
import { actorRefs, viewCommitment } from './view.js';

/** The sections of a statement, in the order it lists them. */
export type StatementSection = 'overdue' | 'due-next' | 'delivered' | 'waiting' | 'no-date';
export const STATEMENT_SECTIONS: readonly StatementSection[] = ['overdue', 'due-next', 'delivered', 'waiting', 'no-date'];

/** What this actor did or owes for one commitment. */
export interface StatementRow {
  readonly commitment: CommitmentView;
  /** Overdue: days since the due day. */
  readonly daysLate?: number;
  /** Due next: days until the due day. */
  readonly daysLeft?: number;
  /** Delivered: the day (its own delivery, or the entry that closed the commitment for all). */
  readonly deliveredOn?: Day;
  /** Delivered after the due day: by how many days ("done late (N days)"). Absent: on time. */
  readonly deliveredLate?: number;
  /** Delivered: the evidence of the entries that recorded it (links, records, documents). */
  readonly evidence: readonly Evidence[];
  /** Waiting: days since the period its meeting was expected in ended (no record of that meeting). */
  readonly daysPastExpected?: number;
}

/** Rows of one body's meeting or plan. */
export interface StatementGroup {
  readonly body: ActorRef;
  readonly record: string;
  readonly recordKind: 'meeting' | 'plan';
  readonly meetingDate?: Day;
  readonly rows: readonly StatementRow[];
}

/** The JSON contract of `acta statement --format json` (version 1). */
export interface Statement {
  readonly version: 1;
  readonly kind: 'statement';
  readonly actor: ActorRef;
  /** The groups it belongs to: what they owe, it owes. */
  readonly via: readonly ActorRef[];
  readonly asOf: Day;
  readonly lang: Lang;
  readonly counts: Readonly<Record<StatementSection, number>> & { readonly total: number };
  readonly sections: readonly { readonly section: StatementSection; readonly groups: readonly StatementGroup[] }[];
}

export interface StatementOptions {
  readonly actor: ActorId;
  readonly asOf: Day;
}

// Continuous duties and closed points it does not owe any more (not applicable, superseded, cancelled) are left out.
// With `index` (the statements of many actors: a report's annex), `commitments` are those the actor owes, and each row
// sees its commitment from the actor (owed, pending, owing and delivered narrowed to it: the report's own sections list every owner), so that N
// statements over commitments owed by an N-member group cost N·commitments, not N²·commitments.
export function buildStatement(commitments: readonly Commitment[], ctx: ViewContext, options: StatementOptions, index?: StatementIndex): Statement {
  const { actor } = options;
  const rows = new Map<StatementSection, { c: Commitment; row: StatementRow }[]>(STATEMENT_SECTIONS.map((s) => [s, []]));
  for (const c of commitments) {
    if (!index && !c.owed.includes(actor)) continue;
    const placed = index ? placeIndexed(c, actor, index) : place(c, actor, ctx);
    if (placed) rows.get(placed.section)!.push({ c, row: placed.row });
  }
  const sections = STATEMENT_SECTIONS.map((section) => ({ section, groups: groupRows(sortRows(section, rows.get(section)!)) }));
  const counts = Object.fromEntries(STATEMENT_SECTIONS.map((s) => [s, rows.get(s)!.length])) as Record<StatementSection, number>;
  return {
    version: 1,
    kind: 'statement',
    actor: actorRefs([actor], ctx)[0]!,
    via: actorRefs(index ? index.groupsOf(actor) : groupsOf(actor, ctx.dir), ctx),
    asOf: options.asOf,
    lang: ctx.lang,
    counts: { ...counts, total: STATEMENT_SECTIONS.reduce((n, s) => n + counts[s], 0) },
    sections,
  };
}

const groupsOf = (actor: ActorId, dir: ActorDirectory): ActorId[] => [...dir.groupMembers.entries()].filter(([, m]) => m.includes(actor)).map(([g]) => g).sort();

/** The statements of many actors at once (a report's annex): each commitment is looked at once, not once per actor. */
export function buildStatements(actors: readonly ActorId[], commitments: readonly Commitment[], ctx: ViewContext, asOf: Day): Statement[] {
  const owedBy = new Map<ActorId, Commitment[]>(actors.map((a) => [a, []]));
  for (const c of commitments) for (const a of new Set(c.owed)) owedBy.get(a)?.push(c);
  const index = statementIndex(ctx);
  return actors.map((actor) => buildStatement(owedBy.get(actor)!, ctx, { actor, asOf }, index));
}

/** What the statements of many actors share: each commitment's view and per-actor facts, built once. */
export interface StatementIndex {
  facts(c: Commitment): CommitmentFacts;
  groupsOf(actor: ActorId): ActorId[];
  ref(actor: ActorId): ActorRef;
}

interface CommitmentFacts {
  readonly base: Omit<CommitmentView, 'owed' | 'pending' | 'owing' | 'delivered'>;
  readonly pending: ReadonlySet<ActorId>;
  /** Each actor's first delivery. */
  readonly delivered: ReadonlyMap<ActorId, Commitment['delivered'][number]>;
  /** The evidence of the entries each actor delivered by (delivered_by expanded once). */
  readonly evidence: ReadonlyMap<ActorId, Evidence[]>;
  readonly doneEvidence: readonly Evidence[];
}

export function statementIndex(ctx: ViewContext): StatementIndex {
  const facts = new Map<Commitment, CommitmentFacts>();
  const refs = new Map<ActorId, ActorRef>();
  let groups: Map<ActorId, ActorId[]> | undefined;
  return {
    facts(c) {
      const known = facts.get(c);
      if (known) return known;
      const { owed: _owed, pending: _pending, owing: _owing, delivered: _delivered, ...base } = viewCommitment({ ...c, owed: [], pending: [], delivered: [] }, ctx);
      const delivered = new Map<ActorId, Commitment['delivered'][number]>();
      for (const d of c.delivered) if (!delivered.has(d.actor)) delivered.set(d.actor, d);
      const evidence = new Map<ActorId, Evidence[]>();
      for (const f of c.followup) {
        if (!f.evidence || !f.delivered_by) continue;
        for (const a of new Set(expandActors(ctx.dir, f.delivered_by))) (evidence.get(a) ?? evidence.set(a, []).get(a)!).push(f.evidence);
      }
      const made: CommitmentFacts = { base, pending: new Set(c.pending), delivered, evidence, doneEvidence: evidenceOf(c.followup, (f) => f.status === 'done') };
      facts.set(c, made);
      return made;
    },
    groupsOf(actor) {
      if (!groups) {
        groups = new Map();
        for (const [g, members] of ctx.dir.groupMembers) for (const m of new Set(members)) (groups.get(m) ?? groups.set(m, []).get(m)!).push(g);
        for (const list of groups.values()) list.sort();
      }
      return groups.get(actor) ?? [];
    },
    ref: (actor) => refs.get(actor) ?? refs.set(actor, actorRefs([actor], ctx)[0]!).get(actor)!,
  };
}

// The same sections as place(), from the commitment's facts: what this actor owes, delivered and is still owed.
function placeIndexed(c: Commitment, actor: ActorId, index: StatementIndex): { section: StatementSection; row: StatementRow } | undefined {
  const f = index.facts(c);
  const pending = f.pending.has(actor);
  const own = pending ? undefined : f.delivered.get(actor);
  const me = index.ref(actor);
  const view: CommitmentView = { ...f.base, owed: [me], pending: pending ? [me] : [], owing: pending ? [me] : [], delivered: own ? [{ actor: me, date: own.date, ...(own.daysLate !== undefined ? { daysLate: own.daysLate } : {}) }] : [] };
  if (own) return { section: 'delivered', row: { commitment: view, deliveredOn: own.date, ...(own.daysLate !== undefined ? { deliveredLate: own.daysLate } : {}), evidence: f.evidence.get(actor) ?? [] } };
  if (c.state === 'done') return { section: 'delivered', row: { commitment: view, ...(c.doneOn ? { deliveredOn: c.doneOn } : {}), ...(c.daysLateDelivered !== undefined ? { deliveredLate: c.daysLateDelivered } : {}), evidence: f.doneEvidence } };
  return sectionOf(c, view);
}

function place(c: Commitment, actor: ActorId, ctx: ViewContext): { section: StatementSection; row: StatementRow } | undefined {
  const view = viewCommitment(c, ctx);
  // A rolling twice-a-year duty keeps everyone owing after a report: a delivery counts only once it took the actor off.
  const own = c.pending.includes(actor) ? undefined : c.delivered.find((d) => d.actor === actor);
  if (own) return { section: 'delivered', row: { commitment: view, deliveredOn: own.date, ...(own.daysLate !== undefined ? { deliveredLate: own.daysLate } : {}), evidence: evidenceOf(c.followup, (f) => deliveredBy(f, actor, ctx.dir)) } };
  if (c.state === 'done') return { section: 'delivered', row: { commitment: view, ...(c.doneOn ? { deliveredOn: c.doneOn } : {}), ...(c.daysLateDelivered !== undefined ? { deliveredLate: c.daysLateDelivered } : {}), evidence: evidenceOf(c.followup, (f) => f.status === 'done') } };
  return sectionOf(c, view);
}

function sectionOf(c: Commitment, view: CommitmentView): { section: StatementSection; row: StatementRow } | undefined {
  const none = { commitment: view, evidence: [] };
  switch (c.state) {
    case 'overdue':
      return { section: 'overdue', row: { ...none, ...(c.daysLate !== undefined ? { daysLate: c.daysLate } : {}) } };
    case 'upcoming':
    case 'open':
      return { section: 'due-next', row: { ...none, ...(c.daysLeft !== undefined ? { daysLeft: c.daysLeft } : {}) } };
    case 'waiting':
      return { section: 'waiting', row: { ...none, ...(c.daysPastExpected !== undefined ? { daysPastExpected: c.daysPastExpected } : {}) } };
    case 'no-date':
      return { section: 'no-date', row: none };
    default:
      return undefined;
  }
}

function deliveredBy(f: FollowUp, actor: ActorId, dir: ActorDirectory): boolean {
  return f.delivered_by !== undefined && expandActors(dir, f.delivered_by).includes(actor);
}

function evidenceOf(entries: readonly FollowUp[], pick: (f: FollowUp) => boolean): Evidence[] {
  return entries.filter((f) => pick(f) && f.evidence).map((f) => f.evidence!);
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

// Overdue: the most late first; due next: the soonest first; delivered: the latest first; the rest in record order.
function sortRows(section: StatementSection, list: { c: Commitment; row: StatementRow }[]): { c: Commitment; row: StatementRow }[] {
  const by = (key: (x: { c: Commitment; row: StatementRow }) => string): typeof list => [...list].sort((a, b) => compare(key(a), key(b)) || compare(a.c.id, b.c.id));
  if (section === 'overdue' || section === 'due-next') return by((x) => dueDay(x.c) ?? '');
  if (section === 'delivered') return [...list].sort((a, b) => compare(b.row.deliveredOn ?? '', a.row.deliveredOn ?? '') || compare(a.c.id, b.c.id));
  return list;
}

// Groups in the order their first row comes, so the section's order holds across groups.
function groupRows(list: readonly { c: Commitment; row: StatementRow }[]): StatementGroup[] {
  const groups = new Map<string, { body: ActorRef; record: string; recordKind: 'meeting' | 'plan'; meetingDate?: Day; rows: StatementRow[] }>();
  for (const { row } of list) {
    const v = row.commitment;
    const key = `${v.body.id}\u0000${v.record}`;
    const g = groups.get(key) ?? groups.set(key, { body: v.body, record: v.record, recordKind: v.recordKind, ...(v.meetingDate ? { meetingDate: v.meetingDate } : {}), rows: [] }).get(key)!;
    g.rows.push(row);
  }
  return [...groups.values()];
}
