// The charts of the HTML report, laid out from the report model at build time (inline SVG: no scripts, no network).
// A chart is drawn only where it shows more than the table beside it: the states of three bodies or more, compared
// at a glance. Participation is the table alone (it carries the dates, the letters and the totals the grid did not).
import type { ReportModel } from '../../core/queries/report.js';
import type { StateBarsChart } from './state-bars.js';
import { layoutStateBars } from './state-bars.js';

export interface ReportCharts {
  /** Commitments by state per body; absent when fewer than MIN_BARS bodies hold commitments. */
  readonly states?: StateBarsChart;
}

/** Fewer bars than this are read faster from the table than from a chart. */
export const MIN_BARS = 3;

/** The view model the templates receive (and `--format json` prints): the report and its charts' geometry. */
export type ReportView = ReportModel & { readonly charts: ReportCharts };

export function withCharts(report: ReportModel): ReportView {
  const rows = report.commitments.byBody;
  const charts: ReportCharts = rows.length >= MIN_BARS ? { states: layoutStateBars(rows, report.commitments.states) } : {};
  return { ...report, charts };
}
