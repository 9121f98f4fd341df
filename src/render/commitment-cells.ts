// Cells shared by every table of commitments: id, due, task (with the source's wording and extensions), who owes, state.
import { t } from './catalog.js';
import Table from 'cli-table3';
import type { CommitmentState } from '../core/followup/index.js';
import type { Lang } from '../core/model.js';
import type { ActorRef, CommitmentView } from '../core/queries/view.js';
import { oneLine } from './escape.js';
import { drawPlainTable, isPlainTable } from './plain-table.js';
import { PART_CHARS } from './part-size.js';
import type { Labels } from './i18n.js';
import { day, dueShort, eventText, extensionText, localText } from './i18n.js';
import { daysLateText, stateText } from './late-phrases.js';
import type { Style } from './style.js';

export type Row = readonly (string | number)[];

/** A table's items: an array, or a list whose items are made as they are read (core/queries/lazy-list.ts), its length known. */
export type Items<T> = Iterable<T> & { readonly length: number };

/** Rows a chunk of a long table takes at most (cli-table3, which draws the tables that are not plain, slows down with
 * the square of the rows). */
const CHUNK = 200;
/** The first chunk's rows (the next ones fill PART_CHARS as the last did). */
const FIRST_ROWS = 64;

function tableOf(head: readonly string[], widths: readonly number[], rows: readonly Row[]): string {
  if (isPlainTable(head, widths, rows)) return drawPlainTable(head, widths, rows);
  const t = new Table({ ...(head.length ? { head: [...head] } : {}), colWidths: [...widths], wordWrap: true, style: { head: [], border: [] } });
  t.push(...rows.map((r) => [...r]));
  return t.toString();
}

const ANSI = /\x1b\[[0-9;]*m/g;

/** The longest word of a cell (what a column must hold for cli-table3 not to cut it with "…"). */
function longestWord(cell: string | number): number {
  return Math.max(0, ...String(cell).replace(ANSI, '').split(/\s+/).map((word) => [...word].length));
}

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
  // No column narrower than its longest word (ids are split into lines of at most 24 by idCell, headers are words):
  // a word cut with "…" is a wrong id or a header no one can read. Long text columns wrap between words instead.
  const words = preferred.map((_, i) => 2 + Math.max(longestWord(head[i] ?? ''), ...rows.map((r) => longestWord(r[i] ?? ''))));
  // Unless even the words do not fit side by side: then the id columns (cells of idCell: no space, a '#') stay whole
  // and the others may go down to MIN_COLUMN; on a terminal too narrow even for that, every column may.
  const wordFloor = (i: number): number => Math.min(natural[i]!, Math.max(MIN_COLUMN, words[i]!));
  const isId = preferred.map((_, i) => rows.some((r) => String(r[i] ?? '').includes('#')) && rows.every((r) => !/[ \t]/.test(String(r[i] ?? '').replace(ANSI, ''))));
  // Then the long text columns (a task, a list of names: laid out at least TEXT_COLUMN wide) may go down to their
  // header's longest word: their long words are broken with a hyphen (breakLongWords) while ids, dates, states, counts
  // and every header stay whole.
  const headFloor = (i: number): number => Math.min(natural[i]!, Math.max(MIN_COLUMN, 2 + cellWidth(head[i] ?? '')));
  const isText = (i: number): boolean => long[i]! && !isId[i] && preferred[i]! >= TEXT_COLUMN;
  const tiers = [
    (i: number): number => wordFloor(i),
    (i: number): number => (isText(i) ? headFloor(i) : wordFloor(i)),
    (i: number): number => (isId[i] ? wordFloor(i) : Math.min(natural[i]!, MIN_COLUMN)),
    (i: number): number => Math.min(natural[i]!, MIN_COLUMN),
  ];
  const tier = tiers.findIndex((f) => sum(preferred.map((_, i) => f(i))) <= budget);
  const floor = tiers[tier < 0 ? 3 : tier]!;
  // When only the text columns give, every other column is as wide as its longest word and they share the rest.
  const textRoom = budget - sum(preferred.map((_, i) => (isText(i) ? 0 : floor(i))));
  const textWeight = sum(preferred.filter((_, i) => isText(i)));
  const fitted = natural.map((n, i) =>
    tier === 1 ? (isText(i) ? Math.max(floor(i), Math.min(n, Math.floor((preferred[i]! * textRoom) / textWeight))) : floor(i)) : share(i) ? Math.max(floor(i), Math.min(n, Math.floor((preferred[i]! * room) / weight))) : n,
  );
  // Floors may overshoot: take it back from the columns widest for their preferred width (so a task keeps its share
  // beside a list of names). What rounding left over goes to those still wrapping.
  while (sum(fitted) > budget) {
    let widest = -1;
    fitted.forEach((w, i) => {
      if (w > floor(i) && (widest < 0 || w / preferred[i]! > fitted[widest]! / preferred[widest]!)) widest = i;
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

/** A column laid out this wide (piped) or wider holds running text (a task, names): its words may be broken. */
const TEXT_COLUMN = 20;
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
export function* tableParts<T>(head: readonly string[], preferred: readonly number[], items: Items<T>, toRow: (item: T) => Row, style: Style, width?: number): Generator<string> {
  const all = width === undefined ? undefined : Array.from(items, toRow);
  const widths = all ? fitColumns(head, preferred, all, width) : [...preferred];
  const broken = all ? breakLongWords(all, widths) : undefined;
  // Piped, the items are read once, in order, a chunk at a time (a LazyList makes each when it is read).
  const next = broken ? undefined : items[Symbol.iterator]();
  const rows = (from: number, to: number): Row[] => {
    if (broken) return broken.slice(from, to);
    const out: Row[] = [];
    for (let i = from; i < to; i++) {
      const item = next!.next();
      if (item.done) break;
      out.push(toRow(item.value));
    }
    return out;
  };
  const bold = head.map((h) => style.bold(h));
  if (items.length === 0) {
    yield tableOf(bold, widths, []);
    return;
  }
  // Each chunk is a table of its own: the top border of a later one becomes a row separator, and the bottom border
  // of all but the last is dropped. Only those two lines are touched (the chunk is not split into lines and joined).
  // A chunk's rows: as many as the last chunk's would fill PART_CHARS with (at most twice the last and CHUNK, at least
  // one; FIRST_ROWS first), so that no part, nor the table text it is cut from, is a large object (part-size.ts).
  let size = FIRST_ROWS;
  for (let i = 0; i < items.length; ) {
    const n = Math.min(size, items.length - i);
    let text = tableOf(i === 0 ? bold : [], widths, rows(i, i + n));
    size = Math.max(1, Math.min(CHUNK, 2 * n, Math.floor((n * PART_CHARS) / Math.max(1, text.length))));
    if (i + n < items.length) {
      const last = text.lastIndexOf('\n');
      if (last >= 0) text = text.slice(0, last);
      else text = '';
    }
    if (i > 0) {
      const end = text.indexOf('\n');
      const first = end < 0 ? text : text.slice(0, end);
      text = first.replace('┌', '├').replace(/┬/g, '┼').replace('┐', '┤') + (end < 0 ? '' : text.slice(end));
    }
    yield (i > 0 ? '\n' : '') + text;
    i += n;
  }
}

/** Cells whose words are longer than their column (a narrow terminal's task column) with those words broken by a hyphen
 * at the column's width, so cli-table3 wraps them instead of cutting them with "…". Ids (no space, a '#') and cells
 * with colour codes inside a long word are left as they are. */
export function breakLongWords(rows: readonly Row[], widths: readonly number[]): Row[] {
  return rows.map((r) =>
    r.map((cell, i) => {
      const room = (widths[i] ?? 0) - 2;
      if (typeof cell !== 'string' || room < 4 || longestWord(cell) <= room || (cell.includes('#') && !/[ \t]/.test(cell))) return cell;
      return cell
        .split('\n')
        .map((line) => line.split(' ').map((word) => (word.includes('\x1b') || [...word].length <= room ? word : hyphenate(word, room))).join(' '))
        .join('\n');
    }),
  );
}

function hyphenate(word: string, room: number): string {
  const chars = [...word];
  const pieces: string[] = [];
  while (chars.length > room) pieces.push(`${chars.splice(0, room - 1).join('')}-`);
  pieces.push(chars.join(''));
  return pieces.join(' ');
}

/** A long id split after its record, and hard-wrapped at `width`, so a narrow column never cuts it off. */
export function idCell(raw: string, width = 24): string {
  const id = oneLine(raw);
  const hash = id.indexOf('#');
  // Most ids: a record of at most `width` characters and a point as short: the two lines, no arrays made.
  if (hash >= 0 && hash <= width && id.length - hash <= width) return hash === 0 ? id : `${id.slice(0, hash)}\n${id.slice(hash)}`;
  if (hash < 0 && id.length <= width) return id;
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
  const event = eventText(c.due, l.lang);
  if (event) lines.push(style.dim(oneLine(event)));
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
