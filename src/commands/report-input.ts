// What report, workplan and the dashboard load: the records with the validator's diagnostics, the commitments as of a
// date (the follow-up engine), the actor directory and the user's selection.
import { saidText } from '../render/diagnostic-text.js';
import type { ActorDirectory } from '../core/actors.js';
import { buildActorDirectory } from '../core/actors.js';
import type { Day } from '../core/dates.js';
import type { Diagnostic } from '../core/diagnostics.js';
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
import { collectIfLarge, guardHeap } from '../io/heap.js';

export interface ReportInputs {
  readonly root: string;
  readonly records: RecordSet;
  /** The validator's diagnostics; none when loaded `unchecked`. */
  readonly diagnostics: readonly Diagnostic[];
  readonly commitments: readonly Commitment[];
  readonly dir: ActorDirectory;
  readonly ctx: ViewContext;
  readonly asOf: Day;
  readonly lang: Lang;
  readonly sel: Selection;
  /** A note for stderr naming the files left out (formatLeftOutNote). */
  readonly warning?: string;
}

export interface LoadInputOptions {
  /** One collection between the loading and the derivation (io/heap.ts collectIfLarge: only when the run's heap is
   * large): the loading's garbage goes, so the derivation's fills the pages it leaves instead of new ones (report at
   * 8,000 meetings: ~20 MB off its peak, for one marking of the loaded records). */
  readonly collectAfterLoad?: boolean;
  /** The caller prints no diagnostics (workplan): the records' schema decides which are valid and left out, as for the
   * follow-up commands, and the cross-record and per-record checks are not run (`diagnostics` is empty). */
  readonly unchecked?: boolean;
}

export async function loadReportInputs(options: GlobalOptions, raw: RawSelection = {}, how: LoadInputOptions = {}): Promise<ReportInputs> {
  const asOf = resolveAsOf(options);
  const repo = await loadFromOptions(options, how.unchecked ? { unchecked: true } : {});
  const records = repo.records;
  if (how.collectAfterLoad) collectIfLarge();
  const lang = resolveLang(options, records.config.lang ?? 'es');
  const dir = buildActorDirectory(records.registries);
  const sel = resolveSelection(records, dir, raw);
  if (!sel.ok) throw new UsageError(saidText(sel.error, lang));
  guardHeap(); // before the derivation (io/heap.ts)
  const commitments = deriveCommitments(records, asOf, records.config.warn_days !== undefined ? { warnDays: records.config.warn_days } : {});
  const warning = formatLeftOutNote(records.leftOut, lang);
  return { root: repo.root, records, diagnostics: repo.diagnostics, commitments, dir, ctx: { dir, lang: recordLang(lang), ...(records.config.authentic ? { authentic: records.config.authentic } : {}) }, asOf, lang, sel: sel.value, ...(warning ? { warning } : {}) };
}
