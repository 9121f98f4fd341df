// The charts of the HTML report, laid out from the report model at build time (inline SVG: no scripts, no network).
import type { ReportModel } from '../../core/queries/report.js';
import { day } from '../i18n.js';
import type { ParticipationGrid } from './participation-grid.js';
import { layoutParticipationGrid } from './participation-grid.js';
import type { StateBarsChart } from './state-bars.js';
import { layoutStateBars } from './state-bars.js';

export interface ReportCharts {
  /** Commitments by state per body; absent when there are no commitments. */
  readonly states?: StateBarsChart;
  /** Absent when no meeting was held in the period. */
  readonly participation?: ParticipationGrid;
}

/** The view model the templates receive (and `--format json` prints): the report and its charts' geometry. */
export type ReportView = ReportModel & { readonly charts: ReportCharts };

export function withCharts(report: ReportModel): ReportView {
  const rows = report.commitments.byBody;
  const charts: ReportCharts = {
    ...(rows.length ? { states: layoutStateBars(rows, report.commitments.states) } : {}),
    ...(report.participation.columns.length && report.participation.rows.length ? { participation: layoutParticipationGrid(report.participation, (date, body) => `${day(date, report.lang)} · ${body}`) } : {}),
  };
  return { ...report, charts };
}
