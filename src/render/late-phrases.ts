// Phrases of late and waiting follow-up (locales/<lang>/labels.yaml, `late`): "done late (13 days)", "waiting for the RCGM meeting
// expected in November 2016 — record that meeting or set a date".
import { formatDue } from '../core/dates.js';
import type { CommitmentState } from '../core/followup/index.js';
import type { Lang } from '../core/model.js';
import type { DueView } from '../core/queries/view.js';
import { t } from './catalog.js';
import { labels } from './i18n.js';

/** "waiting for the RCGM meeting expected in November 2016 — record that meeting or set a date". */
export function waitingText(due: DueView, lang: Lang): string {
  const e = due.event;
  if (due.kind !== 'waiting' || !e) return '';
  return e.expected ? t(lang, 'late.waitingExpected', { body: e.body.label, expected: formatDue(e.expected, lang) }) : t(lang, 'late.waiting', { body: e.body.label });
}

/** The dashboard's line under the most overdue: how many wait for a meeting past its expected period. */
export function waitingCountText(count: number, lang: Lang): string {
  return t(lang, 'late.waitingCount', { count });
}

/** The heading of `acta overdue`'s section of commitments waiting for a meeting past its expected period. */
export function waitingTitle(count: number, lang: Lang): string {
  return t(lang, 'late.waitingTitle', { count });
}

/** "done late (13 days)" / "cumplido con retraso (13 días)": a delivery or closure after its due day. */
export function lateText(days: number, lang: Lang): string {
  return t(lang, 'late.doneLate', { days });
}

/** "43 días de atraso" / "1 day late": an overdue commitment's days late in a sentence (calendars, the site's pages),
 * made once per number and language (an export writes one per overdue row). */
const OVERDUE_DAYS = new Map<string, string>();
export function overdueDaysText(days: number, lang: Lang): string {
  const key = `${lang}\u0000${days}`;
  let text = OVERDUE_DAYS.get(key);
  if (text === undefined) OVERDUE_DAYS.set(key, (text = t(lang, 'site.daysLate', { days })));
  return text;
}

/** "13 days late" / "13 días de retraso", beside one actor's delivery. */
export function daysLateText(days: number, lang: Lang): string {
  return t(lang, 'late.daysLate', { days });
}

/** A commitment's state for people: "done late (N days)" when it was closed after its due day. */
export function stateText(c: { readonly state: CommitmentState; readonly daysLateDelivered?: number }, lang: Lang): string {
  return c.state === 'done' && c.daysLateDelivered !== undefined ? lateText(c.daysLateDelivered, lang) : labels(lang).states[c.state];
}
