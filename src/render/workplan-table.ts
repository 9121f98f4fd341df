// `acta workplan` in the terminal: the matrix as a cli-table3 table — axis, objective and result as spanning rows, one row
// per activity, one column per period, schedule cells abbreviated and coloured by state (with a mark for NO_COLOR).
import Table from 'cli-table3';
import type { CommitmentState } from '../core/followup/index.js';
import type { WorkplanActivity, WorkplanCell, WorkplanModel, WorkplanPlan } from '../core/queries/workplan.js';
import { t } from './catalog.js';
import { oneLine } from './escape.js';
import type { Labels } from './i18n.js';
import { day, labels, localText } from './i18n.js';
import type { ReportLabels } from './report-labels.js';
import { reportLabels } from './report-labels.js';
import type { Style } from './style.js';
import { stateMark } from './state-marks.js';
import type { FullRow, PlainItem, PlainRow } from './plain-table.js';
import { drawPlainTable, isPlainTable } from './plain-table.js';

const NUMBER = 7;
const COLUMN = 9;
const WIDTH = 100;
const TEXT_MAX = 110;


function paint(state: CommitmentState | undefined, text: string, s: Style): string {
  switch (state) {
    case 'overdue':
      return s.red(s.bold(text));
    case 'upcoming':
      return s.yellow(text);
    case 'done':
      return s.green(text);
    case 'waiting':
      return s.magenta(text);
    case 'continuous':
      return s.cyan(text);
    case 'no-date':
      return s.dim(text);
    default:
      return text;
  }
}

function cellText(c: WorkplanCell, r: ReportLabels, s: Style): string {
  if (!c.cell) return '';
  return paint(c.state, `${r.cellsShort[c.cell]}${stateMark(c.state)}`, s);
}

function clip(text: string): string {
  const chars = [...text];
  return chars.length <= TEXT_MAX ? text : `${chars.slice(0, TEXT_MAX - 1).join('')}…`;
}

function activityRow(a: WorkplanActivity, l: Labels, r: ReportLabels, s: Style): string[] {
  const text = clip(oneLine(localText(a.text, l.lang)));
  const who = a.responsible.length ? `\n${s.dim(`${r.workplan.responsible}: ${a.responsible.map((x) => oneLine(x.label)).join(', ')}`)}` : '';
  return [a.number, text + who, ...a.cells.map((c) => cellText(c, r, s))];
}

// The activity column takes what the period columns leave: of a terminal's width, or (piped) of a fixed 100.
function planTable(p: WorkplanPlan, l: Labels, r: ReportLabels, s: Style, width: number | undefined): string {
  const span = p.columns.length + 2;
  const rest = (width ?? WIDTH) - NUMBER - p.columns.length * COLUMN - (span + 1);
  const textWidth = width === undefined ? Math.min(60, Math.max(30, rest)) : Math.min(TEXT_MAX + 2, Math.max(20, rest));
  const head = [l.words.number, l.words.activity, ...p.columns].map((h) => s.bold(h));
  const widths = [NUMBER, textWidth, ...p.columns.map(() => COLUMN)];
  const rows: PlainItem[] = [];
  for (const axis of p.axes) {
    rows.push({ full: s.bold(`${l.words.axis} ${oneLine(axis.number)}. ${oneLine(localText(axis.title, l.lang))}`) });
    for (const o of axis.objectives) {
      rows.push({ full: `${l.words.objective} ${oneLine(o.number)}. ${oneLine(localText(o.text, l.lang))}` });
      for (const res of o.results) {
        rows.push({ full: s.dim(`${l.words.result} ${oneLine(res.number)}. ${oneLine(localText(res.text, l.lang))}`) });
        for (const a of res.activities) rows.push(activityRow(a, l, r, s));
      }
    }
  }
  // Drawn directly when no cell has colour or a character cli-table3 measures otherwise (plain-table.ts): cli-table3
  // measures every word through string-width, most of `workplan`'s time.
  if (isPlainTable(head, widths, rows)) return drawPlainTable(head, widths, rows);
  const table = new Table({ head, colWidths: widths, wordWrap: true, style: { head: [], border: [] } });
  for (const row of rows) table.push(Array.isArray(row) ? [...(row as PlainRow)] : [{ colSpan: span, content: String((row as FullRow).full) }]);
  return table.toString();
}

function counts(p: WorkplanPlan, l: Labels, r: ReportLabels, s: Style): string {
  const parts = (['overdue', 'upcoming', 'open', 'done'] as const).filter((k) => p.states[k] > 0).map((k) => paint(k, `${l.states[k]} ${p.states[k]}`, s));
  return [t(l.lang, 'workplan.activityCount', { count: p.activities }), ...parts].join(' · ');
}

/** What the plan's columns and periods rest on: the columns inferred, the periods tentative. */
function provenance(p: WorkplanPlan, r: ReportLabels): string[] {
  return [...(p.columnsInferred ? [r.workplan.columnsInferred] : []), ...(p.tentative ? [r.workplan.tentative] : [])];
}

export function formatWorkplanTable(m: WorkplanModel, o: { style: Style; width?: number | undefined }): string {
  const l = labels(m.lang);
  const r = reportLabels(m.lang);
  const s = o.style;
  if (m.plans.length === 0) return `${r.workplan.noPlans}\n`;
  const out: string[] = [];
  for (const p of m.plans) {
    out.push(s.bold(oneLine(localText(p.title, l.lang))), s.dim(`${p.id} · ${oneLine(p.body.label)} · ${p.period.start}–${p.period.end} · ${r.workplan.asOf} ${day(m.asOf, m.lang)}`), counts(p, l, r, s), ...provenance(p, r).map((x) => s.dim(x)), '');
    out.push(p.activities ? planTable(p, l, r, s, o.width) : r.workplan.noActivities, '');
  }
  const cells = (Object.keys(r.cellsShort) as (keyof ReportLabels['cellsShort'])[]).map((k) => `${r.cellsShort[k]} ${inSentence(l.cells[k], m.lang)}`);
  out.push(s.dim(`${r.workplan.legend}: ${cells.join(' · ')}`), s.dim(r.workplan.marks), '');
  return out.join('\n');
}

// A cell's name inside a sentence: its words in lower case, but for those written in capitals ("I Semestre" → "I
// semestre", not "i semestre": a roman numeral, an acronym).
function inSentence(name: string, lang: string): string {
  return name.replace(/\p{L}+/gu, (w) => (/^[IVX]+$/.test(w) || (w.length > 1 && w === w.toLocaleUpperCase(lang)) ? w : w.toLocaleLowerCase(lang)));
}
