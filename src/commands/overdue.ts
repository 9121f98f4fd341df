// acta overdue | acta upcoming: commitments past their deadline (days late) or coming due, by actor, body or meeting.
import type { GroupBy } from '../core/queries/followup-report.js';
import { buildFollowupReport, GROUP_BY } from '../core/queries/followup-report.js';
import { parseWindow } from '../core/queries/selection.js';
import { say } from '../core/diagnostics.js';
import { SaidError } from '../io/files.js';
import type { ReportFormat } from '../render/followup-report.js';
import { REPORT_FORMATTERS, REPORT_PARTS } from '../render/followup-report.js';
import { checkChoice } from './choices.js';
import { resolveStyle } from './context.js';
import type { FollowupOptions } from './followup.js';
import { loadCommitments, pickFormat } from './followup.js';
import type { Outcome } from './outcome.js';
import { tableWidth } from '../io/terminal.js';
import { collectedFirst, collectIfLarge } from '../io/heap.js';

export interface OverdueOptions extends FollowupOptions {
  readonly by?: string;
  readonly within?: string;
  readonly failOnOverdue?: boolean;
}

export async function runOverdue(options: OverdueOptions): Promise<Outcome> {
  return runReport('overdue', options);
}

export async function runReport(kind: 'overdue' | 'upcoming', options: OverdueOptions): Promise<Outcome> {
  const format = pickFormat(options.format, Object.keys(REPORT_FORMATTERS) as ReportFormat[], 'table');
  if (options.by !== undefined) checkChoice(`--by ${options.by}`, options.by, GROUP_BY);
  const within = options.within === undefined ? undefined : parseWindow(options.within);
  if (options.within !== undefined && within === undefined) throw new SaidError(say('usage.badWithin', { value: options.within }));
  // The records let go before the views are built: only the commitments are read from here on.
  const input = await loadCommitments(options, within);
  collectIfLarge();
  const report = buildFollowupReport(input.commitments, input.sel, input.ctx, { kind, asOf: input.asOf, ...(options.by ? { by: options.by as GroupBy } : {}), ...(within !== undefined ? { within } : {}) });
  const render = { style: resolveStyle(options), width: tableWidth() };
  const stdout = collectedFirst(REPORT_PARTS[format](report, render));
  // Only `overdue` offers --fail-on-overdue: `upcoming` lists what is not yet due, and fails on nothing.
  const failed = kind === 'overdue' && options.failOnOverdue === true && report.count > 0;
  return { stdout, ...(input.warning ? { stderr: input.warning } : {}), exitCode: failed ? 1 : 0 };
}
