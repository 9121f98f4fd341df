// Overdue and upcoming commitments as of a date, filtered and grouped by actor, body or meeting: the result `acta overdue|upcoming` prints.
import type { Day } from '../dates.js';
import type { Commitment } from '../followup/index.js';
import { dueDay } from '../followup/index.js';
import type { Lang } from '../model.js';
import type { Selection } from './selection.js';
import { matchesCommitment } from './selection.js';
import type { CommitmentView, ViewContext } from './view.js';
import { viewCommitment } from './view.js';

export type GroupBy = 'actor' | 'body' | 'meeting';
export const GROUP_BY: readonly GroupBy[] = ['actor', 'body', 'meeting'];

export interface ReportGroup {
  /** Actor id, body id or record id; '' for the single group of an ungrouped report or rows owed by no one. */
  readonly key: string;
  readonly label: string;
  readonly rows: readonly CommitmentView[];
}

/** The JSON contract of `acta overdue` and `acta upcoming` (version 1). */
export interface FollowupReport {
  readonly version: 1;
  readonly kind: 'overdue' | 'upcoming';
  readonly asOf: Day;
  readonly lang: Lang;
  /** The warning window given with --within, in days (upcoming only). */
  readonly within?: number;
  readonly by?: GroupBy;
  /** The --actor filter, groups expanded to their members: the CSV lists only their rows. */
  readonly actors?: readonly string[];
  /** How many commitments are listed (a row under several actors counts once). */
  readonly count: number;
  readonly groups: readonly ReportGroup[];
  /** Overdue only: commitments waiting for a meeting whose expected period has passed with no record of it
   * (not counted in `count`: they have no date to be late from). */
  readonly waiting?: readonly CommitmentView[];
}

export interface ReportOptions {
  readonly kind: 'overdue' | 'upcoming';
  readonly asOf: Day;
  readonly by?: GroupBy;
  readonly within?: number;
}

// Oldest due day first (the most late on top), then id; commitments are derived already with the --within window.
export function buildFollowupReport(commitments: readonly Commitment[], sel: Selection, ctx: ViewContext, options: ReportOptions): FollowupReport {
  const rows = followupRows(commitments, sel, ctx, options.kind);
  const waiting = options.kind === 'overdue' ? waitingPastExpected(commitments, sel).map((c) => viewCommitment(c, ctx)) : undefined;
  return {
    version: 1,
    kind: options.kind,
    asOf: options.asOf,
    lang: ctx.lang,
    ...(options.within !== undefined ? { within: options.within } : {}),
    ...(options.by ? { by: options.by } : {}),
    ...(sel.members ? { actors: [...sel.members].sort() } : {}),
    count: rows.length,
    groups: options.by ? groupRows(rows, options.by, sel, ctx.lang) : [{ key: '', label: '', rows }],
    ...(waiting ? { waiting } : {}),
  };
}

/** The rows of buildFollowupReport, ungrouped and without its waiting list (fresh views, the caller's own; `view`
 * makes them: the report's package templates take a leaner row, view.ts viewCommitmentLine). */
export function followupRows(commitments: readonly Commitment[], sel: Selection, ctx: ViewContext, kind: 'overdue' | 'upcoming'): CommitmentView[];
export function followupRows<R>(commitments: readonly Commitment[], sel: Selection, ctx: ViewContext, kind: 'overdue' | 'upcoming', view: (c: Commitment, ctx: ViewContext) => R): R[];
export function followupRows(commitments: readonly Commitment[], sel: Selection, ctx: ViewContext, kind: 'overdue' | 'upcoming', view: (c: Commitment, ctx: ViewContext) => unknown = viewCommitment): unknown[] {
  // Each one's due day read once, not in every comparison (13,000 overdue at 2,000 meetings: ~180,000 comparisons).
  const rows: { readonly day: string; readonly c: Commitment }[] = [];
  for (const c of commitments) if (c.state === kind && matchesCommitment(c, sel, { owing: true })) rows.push({ day: dueDay(c) ?? '', c });
  rows.sort((a, b) => compare(a.day, b.day) || compare(a.c.id, b.c.id));
  return rows.map((r) => view(r.c, ctx));
}

/** Waiting for a meeting that was expected in a period now past: the longest past first. */
export function waitingPastExpected(commitments: readonly Commitment[], sel: Selection): Commitment[] {
  return commitments
    .filter((c) => c.daysPastExpected !== undefined && matchesCommitment(c, sel, { owing: true }))
    .sort((a, b) => b.daysPastExpected! - a.daysPastExpected! || compare(a.id, b.id));
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function keysOf(row: CommitmentView, by: GroupBy, sel: Selection): { key: string; label: string }[] {
  if (by === 'body') return [{ key: row.body.id, label: row.body.label }];
  if (by === 'meeting') return [{ key: row.record, label: row.record }];
  const owing = row.pending.length ? row.pending : row.owners;
  const chosen = sel.actors ? owing.filter((a) => sel.actors!.has(a.id)) : [];
  const list = chosen.length ? chosen : owing;
  return list.length ? list.map((a) => ({ key: a.id, label: a.label })) : [{ key: '', label: '—' }];
}

function groupRows(rows: readonly CommitmentView[], by: GroupBy, sel: Selection, lang: Lang): ReportGroup[] {
  const groups = new Map<string, { key: string; label: string; rows: CommitmentView[] }>();
  for (const row of rows) {
    for (const { key, label } of keysOf(row, by, sel)) {
      const g = groups.get(key) ?? groups.set(key, { key, label, rows: [] }).get(key)!;
      g.rows.push(row);
    }
  }
  const collator = new Intl.Collator(lang);
  const order = (a: ReportGroup, b: ReportGroup): number =>
    (a.key === '' ? 1 : 0) - (b.key === '' ? 1 : 0) || (by === 'meeting' ? compare(a.key, b.key) : collator.compare(a.label, b.label) || compare(a.key, b.key));
  return [...groups.values()].sort(order);
}
