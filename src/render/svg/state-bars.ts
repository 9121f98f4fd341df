// Layout of the "commitments by state per body" chart: one stacked bar per body. Geometry only — the SVG itself is drawn
// by the Handlebars partial templates/report/partials/html/chart-states.hbs, so every text node is escaped by Handlebars.
import type { CommitmentState } from '../../core/followup/index.js';
import type { BodyStates } from '../../core/queries/commitment-tally.js';
import { fitText, round, textWidth } from './text-measure.js';

export interface BarSegment {
  readonly state: CommitmentState;
  readonly count: number;
  readonly x: number;
  readonly width: number;
}

export interface BarRow {
  readonly label: string;
  /** The full label, when `label` had to be cut. */
  readonly fullLabel: string;
  readonly y: number;
  readonly textY: number;
  readonly total: number;
  readonly totalX: number;
  readonly segments: readonly BarSegment[];
}

export interface StateBarsChart {
  readonly width: number;
  readonly height: number;
  readonly labelWidth: number;
  /** Where the body labels end (they are right-aligned there). */
  readonly labelX: number;
  readonly barHeight: number;
  readonly rows: readonly BarRow[];
  readonly legend: readonly { readonly state: CommitmentState; readonly x: number; readonly y: number }[];
}

const FONT = 11;
const ROW = 26;
const BAR = 16;
const WIDTH = 640;
const LEGEND_COLUMN = 160;

export function layoutStateBars(rows: readonly BodyStates[], states: readonly CommitmentState[]): StateBarsChart {
  const labelWidth = Math.min(200, Math.max(80, Math.ceil(Math.max(0, ...rows.map((r) => textWidth(r.body.label, FONT))) + 12)));
  const area = WIDTH - labelWidth - 40;
  const max = Math.max(1, ...rows.map((r) => r.counts.total));
  const shown = states.filter((s) => rows.some((r) => r.counts[s] > 0));
  const perLine = Math.floor(WIDTH / LEGEND_COLUMN);
  const legend = shown.map((state, i) => ({ state, x: (i % perLine) * LEGEND_COLUMN, y: Math.floor(i / perLine) * 18 }));
  const top = (legend.length ? Math.ceil(legend.length / perLine) * 18 : 0) + 10;
  const laid = rows.map((r, i) => {
    let x = labelWidth;
    const segments = shown
      .filter((s) => r.counts[s] > 0)
      .map((state) => {
        const width = (r.counts[state] / max) * area;
        const seg = { state, count: r.counts[state], x: round(x), width: round(width) };
        x += width;
        return seg;
      });
    const y = top + i * ROW;
    return { label: fitText(r.body.label, labelWidth - 12, FONT), fullLabel: r.body.label, y, textY: y + BAR - 4, total: r.counts.total, totalX: round(x + 6), segments };
  });
  return { width: WIDTH, height: top + rows.length * ROW + 4, labelWidth, labelX: labelWidth - 8, barHeight: BAR, rows: laid, legend };
}
