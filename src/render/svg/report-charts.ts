// The charts of the HTML report, laid out from the report model at build time (inline SVG: no scripts, no network).
// A chart is drawn only where it shows more than the table beside it: the states of three bodies or more, compared
// at a glance. Participation is the table alone (it carries the dates, the letters and the totals the grid did not).
import type { ReportModel } from '../../core/queries/report.js';
import type { CommitmentLine, CommitmentView } from '../../core/queries/view.js';
import type { StateBarsChart } from './state-bars.js';
import { layoutStateBars } from './state-bars.js';

export interface ReportCharts {
  /** Commitments by state per body; absent when fewer than MIN_BARS bodies hold commitments. */
  readonly states?: StateBarsChart;
}

/** Fewer bars than this are read faster from the table than from a chart. */
export const MIN_BARS = 3;

/** The view model the templates receive (and `--format json` prints): the report and its charts' geometry. */
/** What the templates get: the report, its charts, whether to include the records' quality section (--quality, for
 * the secretariat's own use: a circulated report leaves it out), and how many overdue the table by state does not count. */
export type ReportView<R extends CommitmentLine = CommitmentView> = ReportModel<R> & { readonly charts: ReportCharts; readonly quality?: true; readonly overdueOutside: number };

export function withCharts<R extends CommitmentLine>(report: ReportModel<R>): ReportView<R> {
  const rows = report.commitments.byBody;
  const charts: ReportCharts = rows.length >= MIN_BARS ? { states: layoutStateBars(rows, report.commitments.states) } : {};
  return { ...report, charts, overdueOutside: report.summary.overdue - report.summary.commitments.overdue };
}
