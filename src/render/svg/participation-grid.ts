// Layout of the participation grid: member countries (rows) × meetings (columns), one coloured cell each. Geometry only —
// the SVG is drawn by templates/report/partials/html/chart-participation.hbs, so Handlebars escapes every text node.
import type { Attendance, ParticipationMatrix } from '../../core/queries/participation.js';
import type { Day } from '../../core/dates.js';
import { fitText, round, textWidth } from './text-measure.js';

export interface GridCell {
  readonly x: number;
  readonly y: number;
  readonly attendance: Attendance;
  /** Row and column, for the cell's <title>. */
  readonly country: string;
  readonly date: Day;
  readonly body: string;
}

export interface ParticipationGrid {
  readonly width: number;
  readonly height: number;
  readonly cellWidth: number;
  readonly cellHeight: number;
  readonly labelWidth: number;
  readonly rows: readonly { readonly label: string; readonly fullLabel: string; readonly y: number; readonly attended: number; readonly listed: number }[];
  readonly columns: readonly { readonly x: number; readonly date: Day; readonly body: string; readonly present: number; readonly listed: boolean }[];
  /** Baseline of the per-meeting totals, under the grid. */
  readonly footY: number;
  readonly cells: readonly GridCell[];
  readonly totalX: number;
  /** Where the column labels' baseline sits (they are rotated up from there). */
  readonly headerY: number;
  /** The legend's top-left corner: right of the grid. */
  readonly legendX: number;
  readonly legendY: number;
}

const FONT = 11;
const LEGEND_WIDTH = 170;
const COLUMN_FONT = 10;
const CELL_W = 32;
const CELL_H = 22;
// Column labels are rotated 55° up from the horizontal: they rise sin 55° and lean cos 55° of their length.
const RISE = Math.sin((55 * Math.PI) / 180);
const LEAN = Math.cos((55 * Math.PI) / 180);

/** `columnLabel`: how a column's label will read (date and body), to size the header. */
export function layoutParticipationGrid(matrix: ParticipationMatrix, columnLabel: (date: Day, body: string) => string): ParticipationGrid {
  const longest = Math.max(0, ...matrix.columns.map((c) => textWidth(columnLabel(c.date, c.body.label), COLUMN_FONT)));
  const HEADER = Math.max(84, Math.ceil(longest * RISE) + 16);
  const labelWidth = Math.min(190, Math.max(80, Math.ceil(Math.max(0, ...matrix.rows.map((r) => textWidth(r.country.label, FONT))) + 12)));
  const columns = matrix.columns.map((c, i) => ({ x: round(labelWidth + i * CELL_W + CELL_W / 2), date: c.date, body: c.body.label, present: c.present, listed: c.listed }));
  const rows = matrix.rows.map((r, i) => ({ label: fitText(r.country.label, labelWidth - 10, FONT), fullLabel: r.country.label, y: HEADER + i * CELL_H, attended: r.attended, listed: r.listed }));
  const cells = matrix.rows.flatMap((r, i) =>
    r.cells.map((attendance, j) => ({ x: labelWidth + j * CELL_W, y: HEADER + i * CELL_H, attendance, country: r.country.label, date: matrix.columns[j]!.date, body: matrix.columns[j]!.body.label })),
  );
  const totalX = labelWidth + matrix.columns.length * CELL_W + 8;
  const lastX = labelWidth + (matrix.columns.length - 0.5) * CELL_W;
  const legendX = totalX + 56;
  return { width: Math.ceil(Math.max(legendX + LEGEND_WIDTH, lastX + longest * LEAN + 12)), height: Math.max(HEADER + matrix.rows.length * CELL_H + 24, HEADER + 80), legendX, legendY: HEADER, footY: HEADER + matrix.rows.length * CELL_H + 16, cellWidth: CELL_W - 2, cellHeight: CELL_H - 2, labelWidth, rows, columns, cells, totalX, headerY: HEADER - 6 };
}
