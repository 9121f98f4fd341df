// Formatters for `acta overdue` and `acta upcoming`: pure (report, options) → string, picked by name from one table.
import type { Lang } from '../core/model.js';
import type { FollowupReport, ReportGroup } from '../core/queries/followup-report.js';
import type { CommitmentView } from '../core/queries/view.js';
import { dueCell, idCell, lateCell, leftCell, owersCell, tableParts, taskCell } from './commitment-cells.js';
import type { CsvValue } from './csv.js';
import { csvParts } from './csv.js';
import { jsonText, jsonTextParts, oneLine } from './escape.js';
import type { Labels } from './i18n.js';
import { countLine, dueText, extensionText, labels, localText, reportTitle } from './i18n.js';
import { waitingText, waitingTitle } from './late-phrases.js';
import { formatDue } from '../core/dates.js';
import { mdCell, mdTable, mdTableParts } from './markdown.js';
import { wrapWords } from './wrap.js';
import type { Style } from './style.js';

export interface ReportFormatOptions {
  readonly style: Style;
  /** Tables fit this many columns (a terminal's); none (piped): each table's fixed layout. */
  readonly width?: number | undefined;
}

export type ReportFormat = 'table' | 'json' | 'csv' | 'md';

export const REPORT_FORMATTERS: Record<ReportFormat, (r: FollowupReport, o: ReportFormatOptions) => string> = {
  table: formatReportTable,
  json: (r) => jsonText(r),
  csv: formatReportCsv,
  md: formatReportMarkdown,
};

/** Each format's text in parts, for the command to write as they are made (as lists.ts LIST_PARTS): as one string, at
 * 8,000 meetings, `overdue` peaked at 1.27 GB in JSON, 759 MB in CSV, 501 MB in Markdown. JSON splits four levels deep:
 * the rows sit under the groups. */
export const REPORT_PARTS: Record<ReportFormat, (r: FollowupReport, o: ReportFormatOptions) => Iterable<string>> = {
  table: reportTableParts,
  json: (r) => jsonTextParts(r, 4),
  csv: reportCsvParts,
  md: reportMarkdownParts,
};

const WIDTHS = [18, 10, 26, 50, 26];

function header(r: FollowupReport, l: Labels): string[] {
  return [l.words.due, r.kind === 'overdue' ? l.words.daysLate : l.words.daysLeft, l.words.commitment, l.words.task, l.words.owedBy];
}

function groupTitle(g: ReportGroup, r: FollowupReport): string {
  return `${oneLine(g.label)}${r.by === 'meeting' || g.key === '' || g.key === g.label ? '' : ` (${g.key})`}`;
}

export function formatReportTable(r: FollowupReport, o: ReportFormatOptions): string {
  return [...reportTableParts(r, o)].join('');
}

/** formatReportTable's text in parts, each group's rows made as its table is written. */
export function* reportTableParts(r: FollowupReport, o: ReportFormatOptions): Generator<string> {
  const l = labels(r.lang);
  const s = o.style;
  const head = `${s.bold(reportTitle(r.kind, r.asOf, r.within, r.lang))}\n`;
  if (r.count === 0 && !r.waiting?.length) {
    yield `${head}\n${countLine(r.kind, 0, r.lang)}\n`;
    return;
  }
  yield head;
  for (const g of r.groups) {
    if (g.rows.length === 0) continue;
    if (r.by) yield `\n${s.bold(`${groupTitle(g, r)} — ${g.rows.length}`)}`;
    yield '\n';
    yield* tableParts(header(r, l), WIDTHS, g.rows, (c) => [dueCell(c, r.lang), r.kind === 'overdue' ? lateCell(c.daysLate, s) : leftCell(c.daysLeft, s), idCell(c.id), taskCell(c, l, s), owersCell(c, r.lang)], s, o.width);
    yield '\n';
  }
  yield `\n${countLine(r.kind, r.count, r.lang)}\n`;
  if (r.waiting?.length) {
    const title = waitingTitle(r.waiting.length, r.lang);
    yield `\n${(o.width === undefined ? [title] : wrapWords(title, o.width)).map((t) => s.bold(t)).join('\n')}\n`;
    yield* tableParts(waitingHeader(l), WIDTHS, r.waiting, (c) => [expectedCell(c, r.lang), lateCell(c.daysPastExpected, s), idCell(c.id), `${taskCell(c, l, s)}\n${s.yellow(oneLine(waitingText(c.due, r.lang)))}`, owersCell(c, r.lang)], s, o.width);
    yield '\n';
  }
}

function waitingHeader(l: Labels): string[] {
  return [l.lang === 'es' ? 'Prevista' : 'Expected', l.lang === 'es' ? 'Días desde' : 'Days since', l.words.commitment, l.words.task, l.words.owedBy];
}

function expectedCell(c: CommitmentView, lang: Lang): string {
  return c.due.event?.expected ? oneLine(formatDue(c.due.event.expected, lang)) : '';
}

// One row per commitment and actor still owing it, so a spreadsheet can filter by actor; stable English keys.
export function formatReportCsv(r: FollowupReport): string {
  return [...reportCsvParts(r)].join('');
}

/** formatReportCsv's text in parts (csvParts: a header, then rows a few hundred at a time), for writing as they are
 * made: as one string `overdue -f csv` peaked at 759 MB at 8,000 meetings. */
export function reportCsvParts(r: FollowupReport): Iterable<string> {
  const head = ['id', 'ref', 'record', 'body', 'kind', 'due', 'precision', r.kind === 'overdue' ? 'days_late' : 'days_left', 'actor', 'actor_name', 'owners', 'owners_inferred', 'task', 'task_lang', 'deadline_text', 'status'];
  const seen = new Set<string>();
  const owed: [CommitmentView, { readonly id: string; readonly label: string } | undefined][] = [];
  for (const g of r.groups) {
    for (const c of g.rows) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      const pending = r.actors ? c.pending.filter((a) => r.actors!.includes(a.id)) : c.pending;
      if (pending.length === 0) owed.push([c, undefined]);
      for (const a of pending) owed.push([c, a]);
    }
  }
  return csvParts(head, owed, ([c, a]) => csvRow(c, r, a?.id, a?.label));
}

function csvRow(c: CommitmentView, r: FollowupReport, actor: string | undefined, actorName: string | undefined): CsvValue[] {
  return [c.id, c.ref, c.record, c.body.id, c.kind, c.due.day, c.due.period?.precision ?? c.due.kind, r.kind === 'overdue' ? c.daysLate : c.daysLeft, actor, actorName, c.owners.map((o) => o.id).join(' '), c.inferred ? 'true' : '', c.task.text, c.task.lang, c.deadlineText?.text, c.status];
}

export function formatReportMarkdown(r: FollowupReport): string {
  return [...reportMarkdownParts(r)].join('');
}

/** formatReportMarkdown's text in parts, for writing as they are made (as one string `overdue -f md` peaked at 501 MB
 * at 8,000 meetings): its blocks, one line apart, each table a hundred rows a part (mdTableParts). */
export function* reportMarkdownParts(r: FollowupReport): Generator<string> {
  const l = labels(r.lang);
  let first = true;
  function* block(...parts: string[]): Generator<string> {
    for (const p of parts) {
      if (!first) yield '\n';
      first = false;
      yield p;
    }
  }
  function* table(parts: Iterable<string>): Generator<string> {
    if (!first) yield '\n';
    first = false;
    yield* parts;
  }
  yield* block(`## ${mdCell(reportTitle(r.kind, r.asOf, r.within, r.lang))}`, '');
  if (r.count === 0 && !r.waiting?.length) {
    yield* block(countLine(r.kind, 0, r.lang), '');
    return;
  }
  for (const g of r.groups) {
    if (g.rows.length === 0) continue;
    if (r.by) yield* block(`### ${mdCell(groupTitle(g, r))}`, '');
    yield* table(mdTableParts(header(r, l), g.rows, (c) => mdRow(c, r, l.lang), [1]));
  }
  yield* block(countLine(r.kind, r.count, r.lang), '');
  if (r.waiting?.length) {
    const rows = r.waiting.map((c) => [mdCell(expectedCell(c, r.lang)), String(c.daysPastExpected ?? ''), `\`${c.id}\``, `${mdCell(localText(c.task, l.lang))}<br>_${mdCell(waitingText(c.due, l.lang))}_`, mdCell(owersCell(c, l.lang))]);
    yield* block(`### ${mdCell(waitingTitle(r.waiting.length, r.lang))}`, '', mdTable(waitingHeader(l), rows, [1]));
  }
}

function mdRow(c: CommitmentView, r: FollowupReport, lang: Lang): string[] {
  const notes = [c.deadlineText ? `«${localText(c.deadlineText, lang)}»` : '', ...c.extensions.map((e) => extensionText(e, lang))].filter(Boolean);
  const task = [mdCell(localText(c.task, lang)), ...notes.map((n) => `<br>_${mdCell(n)}_`)].join('');
  const days = r.kind === 'overdue' ? c.daysLate : c.daysLeft;
  return [mdCell(dueText(c.due, lang)), days === undefined ? '' : String(days), `\`${c.id}\``, task, mdCell(owersCell(c, lang))];
}
