// Phrases of late and waiting follow-up, in Spanish and English: "done late (13 days)", "waiting for the RCGM meeting
// expected in November 2016 — record that meeting or set a date".
import { formatDue } from '../core/dates.js';
import type { CommitmentState } from '../core/followup/index.js';
import type { Lang } from '../core/model.js';
import type { DueView } from '../core/queries/view.js';
import { labels } from './i18n.js';

/** "waiting for the RCGM meeting expected in November 2016 — record that meeting or set a date". */
export function waitingText(due: DueView, lang: Lang): string {
  const e = due.event;
  if (due.kind !== 'waiting' || !e) return '';
  const when = e.expected ? formatDue(e.expected, lang) : '';
  return lang === 'es'
    ? `en espera de la reunión (${e.body.label})${when ? `, prevista para ${when}` : ''} — registre esa reunión o fije una fecha`
    : `waiting for the ${e.body.label} meeting${when ? ` expected in ${when}` : ''} — record that meeting or set a date`;
}

/** The dashboard's line under the most overdue: how many wait for a meeting past its expected period. */
export function waitingCountText(count: number, lang: Lang): string {
  return lang === 'es' ? `y ${count} en espera de una reunión que debía haberse celebrado y no consta (acta overdue)` : `and ${count} waiting for a meeting that was expected and is not on record (acta overdue)`;
}

/** The heading of `acta overdue`'s section of commitments waiting for a meeting past its expected period. */
export function waitingTitle(count: number, lang: Lang): string {
  return lang === 'es' ? `En espera de una reunión que no consta en los registros (su periodo previsto ya pasó) — ${count}` : `Waiting for a meeting that is not on record (its expected period has passed) — ${count}`;
}

/** "done late (13 days)" / "cumplido con retraso (13 días)": a delivery or closure after its due day. */
export function lateText(days: number, lang: Lang): string {
  return lang === 'es' ? `cumplido con retraso (${days} ${days === 1 ? 'día' : 'días'})` : `done late (${days} ${days === 1 ? 'day' : 'days'})`;
}

/** "13 days late" / "13 días de retraso", beside one actor's delivery. */
export function daysLateText(days: number, lang: Lang): string {
  return lang === 'es' ? `${days} ${days === 1 ? 'día' : 'días'} de retraso` : `${days} ${days === 1 ? 'day' : 'days'} late`;
}

/** A commitment's state for people: "done late (N days)" when it was closed after its due day. */
export function stateText(c: { readonly state: CommitmentState; readonly daysLateDelivered?: number }, lang: Lang): string {
  return c.state === 'done' && c.daysLateDelivered !== undefined ? lateText(c.daysLateDelivered, lang) : labels(lang).states[c.state];
}
