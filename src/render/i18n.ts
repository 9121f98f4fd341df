// Every label acta prints, in Spanish and English: states, statuses, actions, precisions, cells, column headers, phrases.
// The words are the catalog's (locales/<lang>/labels.yaml, through catalog.ts); dates go through core/dates.ts
// (date-fns locales es / enUS); record text is marked when shown in the other language.
import type { Day, Period, Precision } from '../core/dates.js';
import { formatDay, formatDue } from '../core/dates.js';
import type { CommitmentKind, CommitmentState } from '../core/followup/index.js';
import type { Action, Cell, Lang, Meeting, Status } from '../core/model.js';
import type { DueView, ExtensionView, LocalText } from '../core/queries/view.js';
import type { Sections, Tree } from './catalog.js';
import { section, t } from './catalog.js';

type Session = NonNullable<Meeting['session']>;

export interface Labels {
  readonly lang: Lang;
  readonly states: Record<CommitmentState, string>;
  readonly statuses: Record<Status, string>;
  readonly actions: Record<Action, string>;
  readonly precisions: Record<Precision, string>;
  readonly kinds: Record<CommitmentKind, string>;
  readonly sessions: Record<Session, string>;
  readonly cells: Record<Cell, string>;
  readonly words: Tree<Sections['words']>;
}

// Built once per language: formatters look labels up, never spell them (the words are locales/<lang>/labels.yaml's).
const BUILT = new Map<Lang, Labels>();
export function labels(lang: Lang): Labels {
  return BUILT.get(lang) ?? BUILT.set(lang, buildLabels(lang)).get(lang)!;
}

function buildLabels(lang: Lang): Labels {
  const s = <S extends 'states' | 'statuses' | 'actions' | 'precisions' | 'kinds' | 'sessions' | 'cells' | 'words'>(name: S) => section(lang, name);
  return { lang, states: s('states'), statuses: s('statuses'), actions: s('actions'), precisions: s('precisions'), kinds: s('kinds'), sessions: s('sessions'), cells: s('cells'), words: s('words') };
}

/** Record text, with " [es]" (or " [en]") when it is not in the language asked for, and a mark when it is not in its
 * authentic language (acta.yaml `authentic`). */
export function localText(text: LocalText | undefined, lang: Lang): string {
  if (!text) return '';
  const shown = text.lang === lang ? text.text : `${text.text} [${text.lang}]`;
  return text.translation ? `${shown} ${t(lang, 'marks.translation')}` : shown;
}

export const day = (d: Day, lang: Lang): string => formatDay(d, lang);
export const period = (p: Period, lang: Lang): string => formatDue(p, lang);

/** One or several days: "16–17 Mar 2017" is spelt out as "16 Mar 2017 – 17 Mar 2017" (plain and unambiguous). */
export function dayRange(start: Day, end: Day | undefined, lang: Lang): string {
  return end && end !== start ? t(lang, 'due.dayRange', { start: formatDay(start, lang), end: formatDay(end, lang) }) : formatDay(start, lang);
}

/** A deadline for people: the period; an event's meeting; waiting; continuous; every six months; no date. */
export function dueText(due: DueView, lang: Lang): string {
  switch (due.kind) {
    case 'dated': {
      const when = formatDue(due.period!, lang);
      if (due.within) return t(lang, 'due.within', { when, days: due.within.days, from: formatDay(due.within.from, lang) });
      if (!due.event) return when;
      return t(lang, 'due.event', { when, relation: due.event.relation, meeting: due.event.meeting ?? '' });
    }
    case 'waiting': {
      const e = due.event!;
      if (e.expected) return t(lang, 'due.waitingExpected', { relation: e.relation, body: e.body.label, expected: formatDue(e.expected, lang) });
      return t(lang, 'due.waiting', { relation: e.relation, body: e.body.label });
    }
    case 'continuous':
      return t(lang, 'due.continuous');
    case 'recurring':
      return t(lang, 'due.recurring', { day: formatDay(due.day!, lang) });
    case 'none':
      return t(lang, due.asap ? 'due.asap' : due.tbd ? 'due.tbd' : 'due.none');
  }
}

/** "the other countries: not recorded": after the countries a record names present without listing them all. */
export function othersNotRecorded(lang: Lang): string {
  return t(lang, 'marks.othersNotRecorded');
}

/** Who took part, as the record says: the list; those named present and "the others not recorded"; or "not recorded". */
export function participantsText(names: string, attendance: 'listed' | 'partial' | 'not-recorded', lang: Lang): string {
  if (attendance === 'listed') return names;
  if (!names) return t(lang, 'marks.notRecorded');
  return `${names} (${othersNotRecorded(lang)})`;
}

/** A deadline in a narrow column: like dueText, but a meeting-resolved date without its meeting (see eventText). */
export function dueShort(due: DueView, lang: Lang): string {
  return due.kind === 'dated' ? formatDue(due.period!, lang) : dueText(due, lang);
}

/** "before meeting 2020-04-20-grcm": where an event deadline took its date from; '' for other deadlines. */
export function eventText(due: DueView, lang: Lang): string {
  if (due.kind !== 'dated' || !due.event?.meeting) return '';
  return t(lang, 'due.eventMeeting', { relation: due.event.relation, meeting: due.event.meeting });
}

/** "extended from 21 Jul 2017 to 15 Aug 2017 by 2017-07-10-grcm (on 10 Jul 2017)". */
export function extensionText(e: ExtensionView, lang: Lang): string {
  const params = { from: dueText(e.from, lang), to: dueText(e.to, lang), date: formatDay(e.date, lang) };
  return e.decidedBy ? t(lang, 'due.extendedBy', { ...params, by: e.decidedBy }) : t(lang, 'due.extended', params);
}

/** Titles and sentences of the follow-up reports. */
export function reportTitle(kind: 'overdue' | 'upcoming', asOf: Day, within: number | undefined, lang: Lang): string {
  const date = formatDay(asOf, lang);
  if (kind === 'overdue') return t(lang, 'titles.overdue', { date });
  return within === undefined ? t(lang, 'titles.upcoming', { date }) : t(lang, 'titles.upcomingWithin', { date, within });
}

/** "2 meetings." — the closing line of a list. */
export function listCountLine(kind: 'meetings' | 'agreements' | 'commitments' | 'plans', count: number, lang: Lang): string {
  return t(lang, `counts.${kind}`, { count });
}

/** "2 overdue commitments." / "Nothing overdue." — the closing line of overdue and upcoming. */
export function countLine(kind: 'overdue' | 'upcoming', count: number, lang: Lang): string {
  return t(lang, `counts.${kind}`, { count });
}
