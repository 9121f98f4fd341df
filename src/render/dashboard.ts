// `acta` with no command: one screen — counts, commitments by state, the most overdue, the next deadlines, whether the
// records validate — and the commands that go deeper. Pure: (model, style) → string.
import { t } from './catalog.js';
import type { CommitmentState } from '../core/followup/index.js';
import { STATES } from '../core/followup/index.js';
import type { DashboardModel } from '../core/queries/dashboard.js';
import type { CommitmentView } from '../core/queries/view.js';
import { oneLine } from './escape.js';
import type { Labels } from './i18n.js';
import { day, dueText, labels, localText } from './i18n.js';
import { waitingCountText } from './late-phrases.js';
import { num } from './numbers.js';
import { wrapWords } from './wrap.js';
import type { ReportLabels } from './report-labels.js';
import { reportLabels } from './report-labels.js';
import type { Style } from './style.js';

/** Piped output's width; a terminal gives its own (at least 60 columns). */
const WIDTH = 100;
const MIN_WIDTH = 60;

function clip(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, Math.max(1, width - 1)).join('')}…`;
}

function paintState(state: CommitmentState, text: string, s: Style): string {
  return state === 'overdue' ? s.red(text) : state === 'upcoming' ? s.yellow(text) : state === 'done' ? s.green(text) : state === 'open' ? text : s.dim(text);
}

const ANSI = /\x1b\[[0-9;]*m/g;
const visible = (s: string): number => [...s.replace(ANSI, '')].length;

// The lead (days, a deadline) and the id stay whole; the task and who owes it are clipped to the width. When even
// the id does not fit beside the lead, the task goes on the next line, indented, so the id is never cut.
function line(c: CommitmentView, lead: string, idWidth: number, l: Labels, width: number): string {
  const who = (c.pending.length ? c.pending : c.owners).map((a) => oneLine(a.label));
  const named = who.length > 3 ? `${who.slice(0, 3).join(', ')} +${who.length - 3}` : who.join(', ') || '—';
  const owed = c.inferred ? `${named} ${t(l.lang, 'marks.inferred')}` : named;
  const head = `  ${lead}  ${c.id.padEnd(idWidth)}`;
  const tail = `${oneLine(localText(c.task, l.lang))} — ${owed}`;
  const room = width - visible(head) - 2;
  if (room >= 16) return `${head}  ${clip(tail, room)}`;
  const both = `  ${lead}  ${c.id}`;
  const top = visible(both) <= width ? both : `  ${lead}\n${' '.repeat(6)}${c.id}`;
  return `${top}\n${' '.repeat(6)}${clip(tail, width - 6)}`;
}

function overdueLines(m: DashboardModel, l: Labels, r: ReportLabels, s: Style, wide: number): string[] {
  const title = s.bold(`${r.dashboard.mostOverdue}${m.overdue > m.mostOverdue.length ? ` (${m.mostOverdue.length} ${r.dashboard.ofTotal} ${num(m.overdue, m.lang)})` : ''}`);
  const waiting = m.waitingPastExpected ? wrapWords(waitingCountText(m.waitingPastExpected, l.lang), wide - 2).map((t) => `  ${s.yellow(t)}`) : [];
  if (!m.mostOverdue.length) return [title, `  ${s.green(r.dashboard.nothingOverdue)}`, ...waiting];
  const idWidth = Math.max(...m.mostOverdue.map((c) => c.id.length));
  // "1 día", "12 días": the unit agrees with its number; the numbers right-aligned, the ids after them in one column.
  const late = m.mostOverdue.map((c) => t(l.lang, 'report.dayCount', { count: c.daysLate ?? 0 }));
  const digits = (text: string): number => text.indexOf(' ');
  const width = Math.max(...late.map(digits));
  const padded = late.map((text) => ' '.repeat(width - digits(text)) + text);
  const room = Math.max(...padded.map((text) => [...text].length));
  return [title, ...m.mostOverdue.map((c, i) => line(c, s.red(padded[i]!.padEnd(room)), idWidth, l, wide)), ...waiting];
}

function nextLines(m: DashboardModel, l: Labels, r: ReportLabels, s: Style, wide: number): string[] {
  const title = s.bold(r.dashboard.nextDeadlines);
  if (!m.nextDeadlines.length) return [title, `  ${s.dim(r.dashboard.nothingDue)}`];
  const when = m.nextDeadlines.map((c) => oneLine(dueText(c.due, l.lang)));
  const width = Math.max(...when.map((w) => [...w].length));
  const idWidth = Math.max(...m.nextDeadlines.map((c) => c.id.length));
  return [title, ...m.nextDeadlines.map((c, i) => line(c, paintState(c.state, when[i]!.padEnd(width), s), idWidth, l, wide))];
}

// The state counts, as many to a line as fit.
function wrapStates<T extends { text: string }>(items: readonly T[], width: number): T[][] {
  const lines: T[][] = [];
  let used = 0;
  for (const item of items) {
    const size = [...item.text].length + 3;
    if (lines.length === 0 || used + size > width) {
      lines.push([]);
      used = 0;
    }
    lines[lines.length - 1]!.push(item);
    used += size;
  }
  return lines;
}

function figures(m: DashboardModel, l: Labels, r: ReportLabels, s: Style, wide: number): string[] {
  const d = r.dashboard;
  const n = (x: number): string => num(x, m.lang);
  const rows: [string, string][] = [
    [d.meetings, `${n(m.meetings)}${m.latestMeeting ? s.dim(`  (${d.latest}: ${day(m.latestMeeting.date, m.lang)}, ${oneLine(m.latestMeeting.body.label)})`) : ''}`],
    ...(m.scheduled ? [[d.scheduled, `${n(m.scheduled)}${m.nextMeeting ? s.dim(`  (${d.next}: ${day(m.nextMeeting.date, m.lang)}, ${oneLine(m.nextMeeting.body.label)})`) : ''}`] as [string, string]] : []),
    [d.agreements, n(m.agreements)],
    [d.plans, `${n(m.plans)}${m.plans ? s.dim(`  (${t(m.lang, 'workplan.activityCount', { count: m.activities })})`) : ''}`],
    [d.commitments, n(m.commitments.total)],
  ];
  const width = Math.max(d.records.length, ...rows.map(([k]) => [...k].length));
  const states = STATES.filter((k) => m.commitments[k] > 0).map((k) => ({ text: `${l.states[k]} ${n(m.commitments[k])}`, state: k }));
  rows.push(...wrapStates(states, wide - width - 4).map((line): [string, string] => ['', line.map((x) => paintState(x.state, x.text, s)).join(s.dim(' · '))]));
  const rec = m.records;
  const verdict = rec.valid ? s.green(`✔ ${d.valid}`) : s.red(`✖ ${d.invalid}: ${rec.errors} ${d.errors}`);
  const extra = [`${rec.files} ${d.files}`, ...(rec.warnings ? [`${d.warnings}: ${rec.warnings}`] : []), ...(rec.leftOut ? [`${d.leftOut}: ${rec.leftOut}`] : [])].join(', ');
  rows.push([d.records, `${verdict}${s.dim(`  (${extra})`)}`]);
  return rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`);
}

export function formatDashboard(m: DashboardModel, o: { style: Style; width?: number }): string {
  const wide = o.width === undefined ? WIDTH : Math.max(MIN_WIDTH, o.width);
  const l = labels(m.lang);
  const r = reportLabels(m.lang);
  const s = o.style;
  const d = r.dashboard;
  const head = `acta${m.secretariat ? ` — ${oneLine(localText(m.secretariat, m.lang))}` : ''}`;
  const commands: [string, string][] = [
    ['acta overdue --by actor', d.cmdOverdue],
    ['acta upcoming', d.cmdUpcoming],
    [`acta report --year ${m.asOf.slice(0, 4)} --format html -o report.html`, d.cmdReport],
    ['acta workplan', d.cmdWorkplan],
    ['acta list meetings', d.cmdList],
    ['acta validate', d.cmdValidate],
  ];
  const cw = Math.max(...commands.map(([c]) => c.length));
  return [
    ...wrapWords(head, wide).map((t) => s.bold(t)),
    s.dim(`${d.asOf} ${day(m.asOf, m.lang)}`),
    '',
    ...figures(m, l, r, s, wide),
    '',
    ...overdueLines(m, l, r, s, wide),
    '',
    ...nextLines(m, l, r, s, wide),
    '',
    s.bold(d.deeper),
    ...(commands.every(([, what]) => 2 + cw + 2 + [...what].length <= wide)
      ? commands.map(([c, what]) => `  ${s.cyan(c.padEnd(cw))}  ${s.dim(what)}`)
      : commands.map(([c, what]) => `  ${s.cyan(c)}\n      ${s.dim(what)}`)),
    '',
  ].join('\n');
}
