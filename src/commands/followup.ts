// Shared wiring of the follow-up commands (overdue, upcoming, list, show, export): load, derive, resolve filters and formats.
import { saidText } from '../render/diagnostic-text.js';
import type { ActorDirectory } from '../core/actors.js';
import { buildActorDirectory } from '../core/actors.js';
import type { Day } from '../core/dates.js';
import type { Commitment } from '../core/followup/index.js';
import { deriveCommitments } from '../core/followup/index.js';
import type { Lang } from '../core/model.js';
import type { RawSelection, Selection } from '../core/queries/selection.js';
import { resolveSelection } from '../core/queries/selection.js';
import type { ViewContext } from '../core/queries/view.js';
import type { RecordSet } from '../core/records.js';
import { UsageError } from '../io/files.js';
import { formatLeftOutNote } from '../render/left-out.js';
import { loadFromOptions, resolveAsOf, recordLang, resolveLang } from './context.js';
import type { GlobalOptions } from './outcome.js';
import { checkChoice } from './choices.js';
import { guardHeap } from '../io/heap.js';

export interface FollowupOptions extends GlobalOptions, RawSelection {
  readonly format?: string;
  /** --status is another name for --state (both take states and recorded statuses). */
  readonly status?: string;
}

export interface FollowupInput {
  readonly records: RecordSet;
  readonly commitments: readonly Commitment[];
  readonly dir: ActorDirectory;
  readonly ctx: ViewContext;
  readonly asOf: Day;
  readonly lang: Lang;
  readonly sel: Selection;
  /** A note for stderr when some records could not be used. */
  readonly warning?: string;
}

export async function loadFollowup(options: FollowupOptions, within?: number): Promise<FollowupInput> {
  const asOf = resolveAsOf(options);
  // The follow-up commands print no diagnostics (validate does): the records' schema, not their cross-record checks.
  const repo = await loadFromOptions(options, { unchecked: true });
  const records = repo.records;
  const lang = resolveLang(options, records.config.lang ?? 'es');
  const dir = buildActorDirectory(records.registries);
  const raw: RawSelection = { ...options, ...(options.status !== undefined && options.state === undefined ? { state: options.status } : {}) };
  const sel = resolveSelection(records, dir, raw);
  if (!sel.ok) throw new UsageError(saidText(sel.error, lang));
  guardHeap(); // before the derivation (io/heap.ts)
  const commitments = deriveCommitments(records, asOf, { ...(within !== undefined ? { within } : {}), ...(records.config.warn_days !== undefined ? { warnDays: records.config.warn_days } : {}) });
  const warning = formatLeftOutNote(records.leftOut, lang);
  return { records, commitments, dir, ctx: { dir, lang: recordLang(lang), ...(records.config.authentic ? { authentic: records.config.authentic } : {}) }, asOf, lang, sel: sel.value, ...(warning ? { warning } : {}) };
}

/** What a query over the commitments alone needs (overdue, upcoming, export): loadFollowup's answer without the
 * records, which a caller then lets go (and collectIfLarge frees) before building its views. */
export type CommitmentsInput = Omit<FollowupInput, 'records'>;

export function withoutRecords({ records: _records, ...rest }: FollowupInput): CommitmentsInput {
  return rest;
}

/** loadFollowup's answer without the records, from a frame of its own: an async function keeps what it awaited in
 * its frame until it returns, so `withoutRecords(await loadFollowup(…))` in a command's own body left the records
 * reachable, and the collection that was to free them (collectIfLarge) marked them all for nothing — at 8,000
 * meetings ~0.15 s, and the records went only at the second collection, before the first part was written. */
export async function loadCommitments(options: FollowupOptions, within?: number): Promise<CommitmentsInput> {
  return withoutRecords(await loadFollowup(options, within));
}

/** The --format value, checked against the formats a command has. */
export function pickFormat<F extends string>(value: string | undefined, formats: readonly F[], fallback: F): F {
  return checkChoice(`--format ${value}`, value ?? fallback, formats);
}
