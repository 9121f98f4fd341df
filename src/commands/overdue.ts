// acta overdue | acta upcoming: commitments past their deadline (days late) or coming due, by actor, body or meeting.
import type { GroupBy } from '../core/queries/followup-report.js';
import { buildFollowupReport, GROUP_BY } from '../core/queries/followup-report.js';
import { matchesCommitment, parseWindow } from '../core/queries/selection.js';
import { UsageError } from '../io/files.js';
import type { ReportFormat } from '../render/followup-report.js';
import { REPORT_FORMATTERS } from '../render/followup-report.js';
import { resolveStyle } from './context.js';
import type { FollowupOptions } from './followup.js';
import { loadFollowup, pickFormat } from './followup.js';
import type { Outcome } from './outcome.js';

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
  if (options.by !== undefined && !GROUP_BY.includes(options.by as GroupBy)) throw new UsageError(`--by ${options.by}: expected one of ${GROUP_BY.join(', ')}`);
  const within = options.within === undefined ? undefined : parseWindow(options.within);
  if (options.within !== undefined && within === undefined) throw new UsageError(`--within ${options.within}: expected a number of days (30, 30d) or weeks (4w)`);
  const input = await loadFollowup(options, within);
  const report = buildFollowupReport(input.commitments, input.sel, input.ctx, { kind, asOf: input.asOf, ...(options.by ? { by: options.by as GroupBy } : {}), ...(within !== undefined ? { within } : {}) });
  const stdout = REPORT_FORMATTERS[format](report, { style: resolveStyle(options) });
  const overdue = kind === 'overdue' ? report.count : input.commitments.filter((c) => c.state === 'overdue' && matchesCommitment(c, input.sel, { owing: true })).length;
  return { stdout, ...(input.warning ? { stderr: input.warning } : {}), exitCode: options.failOnOverdue && overdue > 0 ? 1 : 0 };
}
