// Formatters for `acta list meetings|agreements|commitments|plans`: table for people, JSON and CSV for machines.
import { t } from './catalog.js';
import type { StateSummary } from '../core/followup/index.js';
import type { ListResult } from '../core/queries/lists.js';
import { actorList, commitmentStateCell, dueCell, idCell, lateCell, leftCell, stateCell, tableParts, taskCell } from './commitment-cells.js';
import type { CsvValue } from './csv.js';
import { csvParts } from './csv.js';
import { jsonText, jsonTextParts, oneLine } from './escape.js';
import type { Labels } from './i18n.js';
import { dayRange, labels, listCountLine, localText } from './i18n.js';
import type { Style } from './style.js';

export type ListFormat = 'table' | 'json' | 'csv';

export interface ListFormatOptions {
  readonly style: Style;
  /** Tables fit this many columns (a terminal's); none (piped): each table's fixed layout. */
  readonly width?: number | undefined;
}

export const LIST_FORMATTERS: Record<ListFormat, (r: ListResult, o: ListFormatOptions) => string> = {
  table: formatListTable,
  json: (r) => jsonText(r),
  csv: formatListCsv,
};

/** At most n characters (whole code points), with an ellipsis when cut: list views abbreviate, `acta show` gives all. */
export function clip(s: string, n: number): string {
  const chars = Array.from(s);
  return chars.length <= n ? s : chars.slice(0, n - 1).join('') + '…';
}

const openCount = (s: StateSummary): number => s.open + s.upcoming + s.overdue + s.waiting + s['no-date'] + s.continuous;

function tableOf(r: ListResult, l: Labels, style: Style, width: number | undefined): Iterable<string> {
  const w = l.words;
  switch (r.kind) {
    case 'meetings': {
      return tableParts([w.meeting, w.body, w.dates, w.place, w.points, w.commitments, w.open, w.overdue], [26, 16, 28, 20, 8, 13, 10, 10], r.rows, (m) => [m.id, oneLine(m.body.label), dayRange(m.start, m.end, l.lang), oneLine([m.city, m.country?.label].filter(Boolean).join(', ')), m.agreements, m.states.total, openCount(m.states), lateCell(m.states.overdue || undefined, style)], style, width);
    }
    case 'agreements': {
      return tableParts([w.point, w.action, w.actors, w.text, w.state], [26, 16, 22, 56, 14], r.rows, (a) => [idCell(a.ref), a.action ? l.actions[a.action] : '', actorList(a.actors, l.lang), oneLine(clip(localText(a.text, l.lang), 240)), a.state ? stateCell(a.state, l, style) : ''], style, width);
    }
    case 'commitments': {
      return tableParts([w.commitment, w.due, w.state, w.days, w.task, w.ownersShort], [26, 18, 12, 9, 46, 24], r.rows, (c) => [idCell(c.id), dueCell(c, l.lang), commitmentStateCell(c, l, style), c.daysLate !== undefined ? lateCell(c.daysLate, style) : leftCell(c.daysLeft, style), taskCell(c, l, style), `${actorList(c.owners, l.lang)}${c.inferred ? ` ${t(l.lang, 'marks.inferred')}` : ''}`], style, width);
    }
    case 'plans': {
      return tableParts([w.plan, w.body, w.period, w.activities, w.commitments, w.open, w.overdue, w.title], [22, 14, 11, 12, 13, 10, 10, 40], r.rows, (p) => [p.id, oneLine(p.body.label), `${p.period.start}–${p.period.end}`, p.activities, p.states.total, openCount(p.states), lateCell(p.states.overdue || undefined, style), oneLine(localText(p.title, l.lang))], style, width);
    }
  }
}

export function formatListTable(r: ListResult, o: ListFormatOptions): string {
  return [...listTableParts(r, o)].join('');
}

/** formatListTable's text in parts, for writing as they are made. */
export function* listTableParts(r: ListResult, o: ListFormatOptions): Generator<string> {
  const l = labels(r.lang);
  if (r.count === 0) {
    yield `${r.lang === 'es' ? 'Nada que mostrar.' : 'Nothing to show.'}\n`;
    return;
  }
  yield* tableOf(r, l, o.style, o.width);
  yield `\n${listCountLine(r.kind, r.count, r.lang)}\n`;
}

// Stable English keys; ids and ISO dates for machines, names and text in the language asked for beside them.
export function formatListCsv(r: ListResult): string {
  return [...listCsvParts(r)].join('');
}

/** formatListCsv's text in parts. */
export function listCsvParts(r: ListResult): Iterable<string> {
  switch (r.kind) {
    case 'meetings':
      return csvParts(['id', 'body', 'start', 'end', 'city', 'country', 'agreements', 'commitments', 'overdue'], r.rows, (m): CsvValue[] => [m.id, m.body.id, m.start, m.end, m.city, m.country?.id, m.agreements, m.states.total, m.states.overdue]);
    case 'agreements':
      return csvParts(['ref', 'meeting', 'date', 'body', 'number', 'action', 'actors', 'state', 'text', 'text_lang'], r.rows, (a): CsvValue[] => [a.ref, a.record, a.date, a.body.id, a.number, a.action, a.actors.map((x) => x.id).join(' '), a.state, a.text.text, a.text.lang]);
    case 'commitments':
      return csvParts(['id', 'ref', 'kind', 'body', 'due', 'precision', 'state', 'days_late', 'days_left', 'status', 'owners', 'owners_inferred', 'pending', 'task', 'task_lang', 'done_on', 'days_late_delivered'], r.rows, (c): CsvValue[] => [c.id, c.ref, c.kind, c.body.id, c.due.day, c.due.period?.precision ?? c.due.kind, c.state, c.daysLate, c.daysLeft, c.status, c.owners.map((x) => x.id).join(' '), c.inferred ? 'true' : '', c.pending.map((x) => x.id).join(' '), c.task.text, c.task.lang, c.doneOn, c.daysLateDelivered]);
    case 'plans':
      return csvParts(['id', 'body', 'start', 'end', 'activities', 'commitments', 'overdue', 'title', 'title_lang'], r.rows, (p): CsvValue[] => [p.id, p.body.id, p.period.start, p.period.end, p.activities, p.states.total, p.states.overdue, p.title.text, p.title.lang]);
  }
}

/** Each format's text in parts, for the command to write as they are made (JSON too: jsonTextParts is jsonText's
 * text in pieces, never one string — at 8,000 meetings `list commitments -f json` peaked at 1.13 GB as one). */
export const LIST_PARTS: Record<ListFormat, (r: ListResult, o: ListFormatOptions) => Iterable<string>> = {
  table: listTableParts,
  json: (r) => jsonTextParts(r),
  csv: listCsvParts,
};
