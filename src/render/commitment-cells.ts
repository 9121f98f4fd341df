// Cells shared by every table of commitments: id, due, task (with the source's wording and extensions), who owes, state.
import Table from 'cli-table3';
import type { CommitmentState } from '../core/followup/index.js';
import type { Lang } from '../core/model.js';
import type { ActorRef, CommitmentView } from '../core/queries/view.js';
import { oneLine } from './escape.js';
import type { Labels } from './i18n.js';
import { day, dueShort, eventText, extensionText, localText } from './i18n.js';
import type { Style } from './style.js';

export type Row = readonly (string | number)[];

const CHUNK = 200;

function tableOf(head: readonly string[], widths: readonly number[], rows: readonly Row[]): string {
  const t = new Table({ ...(head.length ? { head: [...head] } : {}), colWidths: [...widths], wordWrap: true, style: { head: [], border: [] } });
  t.push(...rows.map((r) => [...r]));
  return t.toString();
}

// A cli-table3 table with fixed widths (the same bytes on every terminal), no built-in colours, words wrapped.
// cli-table3 slows down with the square of the rows, so long tables are drawn in chunks of equal widths and joined
// into exactly the table one call would draw (the first chunk's bottom border becomes the next one's row rule).
export function renderTable(head: readonly string[], widths: readonly number[], rows: readonly Row[], style: Style): string {
  const bold = head.map((h) => style.bold(h));
  if (rows.length <= CHUNK) return tableOf(bold, widths, rows);
  const parts: string[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    let lines = tableOf(i === 0 ? bold : [], widths, rows.slice(i, i + CHUNK)).split('\n');
    if (i > 0) lines[0] = lines[0]!.replace('┌', '├').replace(/┬/g, '┼').replace('┐', '┤');
    if (i + CHUNK < rows.length) lines = lines.slice(0, -1);
    parts.push(lines.join('\n'));
  }
  return parts.join('\n');
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

/** The task, then the source's wording of the deadline, any extension and any partial delivery. */
export function taskCell(c: CommitmentView, l: Labels, style: Style): string {
  const lines = [oneLine(localText(c.task, l.lang))];
  if (c.deadlineText) lines.push(style.dim(`«${oneLine(localText(c.deadlineText, l.lang))}»`));
  if (eventText(c.due, l.lang)) lines.push(style.dim(oneLine(eventText(c.due, l.lang))));
  for (const e of c.extensions) lines.push(style.dim(oneLine(extensionText(e, l.lang))));
  if (c.delivered.length) lines.push(style.dim(`${l.words.delivered}: ${c.delivered.map((d) => `${oneLine(d.actor.label)} (${day(d.date, l.lang)})`).join(', ')}`));
  return lines.join('\n');
}

export function dueCell(c: CommitmentView, lang: Lang): string {
  return oneLine(dueShort(c.due, lang));
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
