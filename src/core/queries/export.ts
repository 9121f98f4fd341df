// Every selected commitment, for spreadsheets (one row per commitment and actor), calendars and machines: `acta export`.
import type { Day } from '../dates.js';
import type { Commitment, CommitmentState } from '../followup/index.js';
import { CLOSED_STATES } from '../followup/index.js';
import type { Lang } from '../model.js';
import { LazyList } from './lazy-list.js';
import type { Selection } from './selection.js';
import { matchesCommitment } from './selection.js';
import type { ActorRef, CommitmentView, ViewContext } from './view.js';
import { viewCommitment } from './view.js';

/** The JSON contract of `acta export --format json` (version 1). */
export interface ExportResult {
  readonly version: 1;
  readonly asOf: Day;
  readonly lang: Lang;
  /** The --actor filter, groups expanded to their members: the CSV lists only their rows. */
  readonly actors?: readonly string[];
  readonly count: number;
  readonly commitments: readonly CommitmentView[];
}

/** The same result with its views made as they are written (`acta export`): only the selected commitments are held. */
export interface ExportFeed extends Omit<ExportResult, 'commitments'> {
  readonly commitments: Iterable<CommitmentView>;
}

export function exportFeed(commitments: readonly Commitment[], sel: Selection, ctx: ViewContext, asOf: Day): ExportFeed {
  const views = LazyList.map(commitments.filter((c) => matchesCommitment(c, sel)), (c) => viewCommitment(c, ctx));
  return { version: 1, asOf, lang: ctx.lang, ...(sel.members ? { actors: [...sel.members].sort() } : {}), count: views.length, commitments: views };
}

export function buildExport(commitments: readonly Commitment[], sel: Selection, ctx: ViewContext, asOf: Day): ExportResult {
  const views = commitments.filter((c) => matchesCommitment(c, sel)).map((c) => viewCommitment(c, ctx));
  return { version: 1, asOf, lang: ctx.lang, ...(sel.members ? { actors: [...sel.members].sort() } : {}), count: views.length, commitments: views };
}

export interface ActorRow {
  readonly commitment: CommitmentView;
  /** Absent for a commitment owed by no one on record. */
  readonly actor?: ActorRef;
  /** This actor's own state: done once it delivered, else the commitment's. */
  readonly state: CommitmentState;
  readonly deliveredOn?: Day;
  /** This actor delivered after the due day: by how many days. */
  readonly daysLate?: number;
}

// A group-owed commitment is owed by each member: one row each, so a spreadsheet can filter by country.
// With `only` (the --actor filter), the rows of those actors alone.
export function actorRows(c: CommitmentView, only?: readonly string[]): ActorRow[] {
  if (c.owed.length === 0) return [{ commitment: c, state: c.state }];
  const owed = only ? c.owed.filter((a) => only.includes(a.id)) : c.owed;
  return owed.map((actor) => {
    const delivered = c.delivered.find((d) => d.actor.id === actor.id);
    const state: CommitmentState = CLOSED_STATES.has(c.state) || !delivered ? c.state : 'done';
    return { commitment: c, actor, state, ...(delivered ? { deliveredOn: delivered.date } : {}), ...(delivered?.daysLate !== undefined ? { daysLate: delivered.daysLate } : {}) };
  });
}
