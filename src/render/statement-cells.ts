// The "when" cell of a statement row, shared by the table, Markdown and HTML views.
import type { Lang } from '../core/model.js';
import type { StatementRow, StatementSection } from '../core/queries/statement.js';
import { formatDue } from '../core/dates.js';
import { day, dueShort } from './i18n.js';
import { oneLine } from './escape.js';

/** Delivered: the day it was delivered; waiting: the period its meeting was expected in; else the deadline. */
export function dayOf(r: StatementRow, section: StatementSection, lang: Lang): string {
  const c = r.commitment;
  if (section === 'delivered') return r.deliveredOn ? day(r.deliveredOn, lang) : '';
  if (section === 'waiting') return c.due.event?.expected ? oneLine(formatDue(c.due.event.expected, lang)) : oneLine(dueShort(c.due, lang));
  return oneLine(dueShort(c.due, lang));
}
