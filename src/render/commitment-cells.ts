// Cells shared by every table of commitments: id, due, task (with the source's wording and extensions), who owes, state.
import { t } from './catalog.js';
import Table from 'cli-table3';
import type { CommitmentState } from '../core/followup/index.js';
import type { Lang } from '../core/model.js';
import type { ActorRef, CommitmentView } from '../core/queries/view.js';
import { oneLine } from './escape.js';
import { drawPlainTable, isPlainTable } from './plain-table.js';
import type { Labels } from './i18n.js';
import { day, dueShort, eventText, extensionText, localText } from './i18n.js';
import { daysLateText, stateText } from './late-phrases.js';
import type { Style } from './style.js';

export type Row = readonly (string | number)[];

const CHUNK = 200;

function tableOf(head: readonly string[], widths: readonly number[], rows: readonly Row[]): string {
  if (isPlainTable(head, widths, rows)) return drawPlainTable(head, widths, rows);
  const t = new Table({ ...(head.length ? { head: [...head] } : {}), colWidths: [...widths], wordWrap: true, style: { head: [], border: [] } });
  t.push(...rows.map((r) => [...r]));
  return t.toString();
}

const ANSI = /\x1b\[[0-9;]*m/g;

/** The widest line of a cell, in characters, colour codes left out. */
function cellWidth(cell: string | number): number {
  return Math.max(0, ...String(cell).replace(ANSI, '').split('\n').map((line) => [...line].length));
}

/** Column widths (padding included) for a table at most `width` columns wide (a terminal's). Each column is as wide as
 * its text when all fit. Else the short columns (ids, dates, states, counts: text within their `preferred` width) stay
 * whole and the long ones share what is left by their preferred widths; on a terminal too narrow even for that, every
 * column gets its share. No width (output piped): the `preferred` widths, the same bytes everywhere. */
export function fitColumns(head: readonly string[], preferred: readonly number[], rows: readonly Row[], width?: number): number[] {
  if (width === undefined) return [...preferred];
  const natural = preferred.map((_, i) => 2 + Math.max(cellWidth(head[i] ?? ''), ...rows.map((r) => cellWidth(r[i] ?? ''))));
  const budget = width - (preferred.length + 1);
  const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
  if (sum(natural) <= budget) return natural;
  const long = natural.map((n, i) => n > preferred[i]!);
  const whole = sum(natural.filter((_, i) => !long[i]));
  const keepShort = budget - whole >= MIN_LONG * long.filter(Boolean).length;
  const share = (i: number): boolean => !keepShort || long[i]!;
  const room = keepShort ? budget - whole : budget;
  const weight = sum(preferred.filter((_, i) => share(i)));
  const floor = (i: number): number => Math.min(natural[i]!, MIN_COLUMN);
  const fitted = natural.map((n, i) => (share(i) ? Math.max(floor(i), Math.min(n, Math.floor((preferred[i]! * room) / weight))) : n));
  // Floors may overshoot: take it back from the widest columns. What rounding left over goes to those still wrapping.
  while (sum(fitted) > budget) {
    let widest = -1;
    fitted.forEach((w, i) => {
      if (w > floor(i) && (widest < 0 || w > fitted[widest]!)) widest = i;
    });
    if (widest < 0) break;
    fitted[widest]!--;
  }
  let left = budget - sum(fitted);
  while (left > 0 && fitted.some((w, i) => w < natural[i]!)) {
    for (let i = 0; i < fitted.length && left > 0; i++) {
      if (fitted[i]! < natural[i]!) {
        fitted[i]!++;
        left--;
      }
    }
  }
  return fitted;
}

/** Narrowest a long-text column may get while the short columns are kept whole. */
const MIN_LONG = 16;
/** Narrowest any column gets (padding included): four characters of text. */
const MIN_COLUMN = 6;

// A cli-table3 table, no built-in colours, words wrapped: fitted to `width` (a terminal's), else in fixed widths.
// cli-table3 slows down with the square of the rows, so long tables are drawn in chunks of equal widths and joined
// into exactly the table one call would draw (the first chunk's bottom border becomes the next one's row rule).
export function renderTable(head: readonly string[], preferred: readonly number[], rows: readonly Row[], style: Style, width?: number): string {
  return [...tableParts(head, preferred, rows, (r) => r, style, width)].join('');
}

/** The same table in parts (joined, exactly renderTable's text), each item's row made only when its part is: piped
 * output (no width to fit) never holds every row's cells, nor the whole table, at once. */
export function* tableParts<T>(head: readonly string[], preferred: readonly number[], items: readonly T[], toRow: (item: T) => Row, style: Style, width?: number): Generator<string> {
  const all = width === undefined ? undefined : items.map(toRow);
  const widths = all ? fitColumns(head, preferred, all, width) : [...preferred];
  const rows = (from: number, to: number): Row[] => (all ? all.slice(from, to) : items.slice(from, to).map(toRow));
  const bold = head.map((h) => style.bold(h));
  if (items.length <= CHUNK) {
    yield tableOf(bold, widths, rows(0, items.length));
    return;
  }
  for (let i = 0; i < items.length; i += CHUNK) {
    let lines = tableOf(i === 0 ? bold : [], widths, rows(i, i + CHUNK)).split('\n');
    if (i > 0) lines[0] = lines[0]!.replace('┌', '├').replace(/┬/g, '┼').replace('┐', '┤');
    if (i + CHUNK < items.length) lines = lines.slice(0, -1);
    yield (i > 0 ? '\n' : '') + lines.join('\n');
  }
}

/** A long id split after its record, and hard-wrapped at `width`, so a narrow column never cuts it off. */
export function idCell(raw: string, width = 24): string {
  const id = oneLine(raw);
  const hash = id.indexOf('#');
  const parts = hash < 0 ? [id] : [id.slice(0, hash), id.slice(hash)];
  return parts.flatMap((p) => Array.from({ length: Math.ceil(p.length / width) }, (_, i) => p.slice(i * width, (i + 1) * width))).join('\n');
}

/** Actor names, comma-separated; a dash for none. */
export function actorList(actors: readonly ActorRef[], _lang?: Lang): string {
  return actors.length ? actors.map((a) => oneLine(a.label)).join(', ') : '—';
}

/** Who to name beside a commitment: those who still owe it, else (once closed) its owners. */
export function whoOwes(c: CommitmentView): readonly ActorRef[] {
  return c.owing.length ? c.owing : c.owners;
}

/** Who owes it (whoOwes), marked when the source does not name them (`inferred`): every output that names owners says so. */
export function owersCell(c: CommitmentView, lang: Lang): string {
  return `${actorList(whoOwes(c), lang)}${c.inferred ? ` ${t(lang, 'marks.inferred')}` : ''}`;
}

/** The task, then the source's wording of the deadline, any extension and any partial delivery. */
export function taskCell(c: CommitmentView, l: Labels, style: Style): string {
  const lines = [oneLine(localText(c.task, l.lang))];
  if (c.deadlineText) lines.push(style.dim(`«${oneLine(localText(c.deadlineText, l.lang))}»`));
  if (eventText(c.due, l.lang)) lines.push(style.dim(oneLine(eventText(c.due, l.lang))));
  for (const e of c.extensions) lines.push(style.dim(oneLine(extensionText(e, l.lang))));
  if (c.delivered.length) lines.push(style.dim(`${l.words.delivered}: ${c.delivered.map((d) => `${oneLine(d.actor.label)} (${day(d.date, l.lang)}${d.daysLate !== undefined ? `, ${daysLateText(d.daysLate, l.lang)}` : ''})`).join(', ')}`));
  return lines.join('\n');
}

export function dueCell(c: CommitmentView, lang: Lang): string {
  return `${oneLine(dueShort(c.due, lang))}${c.tentative ? `\n${t(lang, 'marks.tentative')}` : ''}`;
}

/** Colour by lateness: a quarter or more in red bold, a month or more in red, less in yellow. */
export function lateCell(days: number | undefined, style: Style): string {
  if (days === undefined) return '';
  const text = String(days);
  return days >= 90 ? style.red(style.bold(text)) : days >= 30 ? style.red(text) : style.yellow(text);
}

export function leftCell(days: number | undefined, style: Style): string {
  if (days === undefined) return '';
  return days <= 7 ? style.yellow(String(days)) : style.green(String(days));
}

/** A commitment's state cell: "done late (N days)" in yellow when it was closed after its due day. */
export function commitmentStateCell(c: CommitmentView, l: Labels, style: Style): string {
  return c.state === 'done' && c.daysLateDelivered !== undefined ? style.yellow(stateText(c, l.lang)) : stateCell(c.state, l, style);
}

export function stateCell(state: CommitmentState, l: Labels, style: Style): string {
  const text = l.states[state];
  switch (state) {
    case 'overdue':
      return style.red(text);
    case 'upcoming':
      return style.yellow(text);
    case 'done':
      return style.green(text);
    case 'open':
    case 'continuous':
      return text;
    default:
      return style.dim(text);
  }
}
