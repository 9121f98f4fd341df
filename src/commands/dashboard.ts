// acta (no command) or acta dashboard: one screen of the records, as of --as-of (default: today).
import { buildDashboard } from '../core/queries/dashboard.js';
import { UsageError } from '../io/files.js';
import { tableWidth } from '../io/terminal.js';
import { jsonText } from '../render/escape.js';
import { formatDashboard } from '../render/dashboard.js';
import { checkChoice } from './choices.js';
import { resolveStyle } from './context.js';
import type { GlobalOptions, Outcome } from './outcome.js';
import { loadReportInputs } from './report-input.js';

export interface DashboardOptions extends GlobalOptions {
  readonly format?: string;
}

export async function runDashboard(options: DashboardOptions): Promise<Outcome> {
  const format = options.format ?? 'text';
  checkChoice(`--format ${format}`, format, ['text', 'json']);
  const input = await loadReportInputs(options);
  const model = buildDashboard(input.records, input.diagnostics, input.commitments, input.ctx, input.asOf);
  return { stdout: format === 'json' ? jsonText(model) : formatDashboard(model, { style: resolveStyle(options), ...(tableWidth() !== undefined ? { width: tableWidth()! } : {}) }), ...(input.warning ? { stderr: input.warning } : {}), exitCode: 0 };
}
