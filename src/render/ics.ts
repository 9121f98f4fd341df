// iCalendar (RFC 5545) feed of deadlines: one all-day VEVENT per dated commitment, stable UIDs, deterministic DTSTAMP.
import { t } from './catalog.js';
import { createHash } from 'node:crypto';
import { compactDay, shiftDays } from '../core/dates.js';
import type { ExportFeed } from '../core/queries/export.js';
import type { CommitmentView } from '../core/queries/view.js';
import { owersCell } from './commitment-cells.js';
import { icsText } from './escape.js';
import type { Labels } from './i18n.js';
import { dueText, extensionText, labels, localText } from './i18n.js';
import { overdueDaysText, stateText } from './late-phrases.js';

export { icsText };

const octets = (cp: number): number => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);

/** Fold a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character: walk code points, count bytes,
 * and cut the line by slices (a line of 25 UTF-16 units or fewer has at most 75 octets: it is returned as it is). */
export function foldLine(line: string): string {
  if (line.length <= 25) return line;
  let parts: string[] | undefined;
  let start = 0;
  let size = 0;
  let limit = 75; // continuation lines start with a space, which counts: 74 after the first
  for (let i = 0; i < line.length; ) {
    const cp = line.codePointAt(i)!;
    const n = octets(cp);
    if (size + n > limit) {
      (parts ??= []).push(line.slice(start, i));
      start = i;
      size = 0;
      limit = 74;
    }
    size += n;
    i += cp > 0xffff ? 2 : 1;
  }
  if (parts === undefined) return line;
  parts.push(line.slice(start));
  return parts.join('\r\n ');
}

/** A stable UID from the commitment id, so calendar apps update an event instead of adding a copy. */
export function icsUid(id: string): string {
  return `${createHash('sha1').update(id, 'utf8').digest('hex')}@acta`;
}

const CANCELLED = new Set(['cancelled', 'superseded', 'not-applicable']);

function event(c: CommitmentView, stamp: string, l: Labels): string[] {
  const dueDay = c.due.day!;
  const owners = owersCell(c, l.lang);
  const summary = `[${l.states[c.state]}${c.tentative ? ` ${t(l.lang, 'marks.tentative')}` : ''}] ${owners}: ${localText(c.task, l.lang)}`;
  const description = [c.id, `${l.words.deadline}: ${dueText(c.due, l.lang)}${c.tentative ? ` ${t(l.lang, 'marks.tentative')}` : ''}`, c.deadlineText ? `«${localText(c.deadlineText, l.lang)}»` : '', `${l.words.state}: ${stateText(c, l.lang)}${c.daysLate !== undefined ? ` (${overdueDaysText(c.daysLate, l.lang)})` : ''}`, `${l.words.owedBy}: ${owners}`, ...c.extensions.map((e) => extensionText(e, l.lang))].filter(Boolean).join('\n');
  return [
    'BEGIN:VEVENT',
    `UID:${icsUid(c.id)}`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${compactDay(dueDay)}`,
    `DTEND;VALUE=DATE:${compactDay(shiftDays(dueDay, 1))}`,
    `SUMMARY:${icsText(summary)}`,
    `DESCRIPTION:${icsText(description)}`,
    `CATEGORIES:${icsText(l.states[c.state])}`,
    ...(CANCELLED.has(c.state) ? ['STATUS:CANCELLED'] : []),
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ];
}

/** What a site's calendar says of itself: whose deadlines (X-WR-CALNAME) and, when the site's address is known, the
 * actor's page (URL, an absolute address: a calendar app has no page to resolve a relative one against). */
export interface IcsFeed {
  readonly actor: string;
  readonly url?: string;
}

// Dated commitments only (a rolling twice-a-year one at its next due day): waiting and undated ones have no day to show.
export function formatIcs(r: ExportFeed, feed?: IcsFeed): string {
  return [...icsParts(r, feed)].join('');
}

/** formatIcs's text in parts (the calendar's head, then a few hundred events at a time): each event made as written. */
export function* icsParts(r: ExportFeed, feed?: IcsFeed): Generator<string> {
  const l = labels(r.lang);
  const stamp = `${compactDay(r.asOf)}T000000Z`;
  const head = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:-//acta//follow-up//${r.lang.toUpperCase()}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${icsText(feed ? t(r.lang, 'site.calendarNameOf', { actor: feed.actor }) : t(r.lang, 'site.calendarName'))}`];
  if (feed?.url !== undefined) head.push(`URL:${feed.url}`);
  let lines = head;
  for (const c of r.commitments) {
    if (c.due.day === undefined) continue;
    for (const line of event(c, stamp, l)) lines.push(line);
    if (lines.length >= 2000) {
      yield lines.map((line) => `${foldLine(line)}\r\n`).join('');
      lines = [];
    }
  }
  lines.push('END:VCALENDAR');
  yield lines.map((line) => `${foldLine(line)}\r\n`).join('');
}
