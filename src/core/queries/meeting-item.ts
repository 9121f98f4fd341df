// One meeting as the report lists it: when, which body, where, who came, how much was agreed and what became of it.
import type { Day } from '../dates.js';
import type { Commitment, StateSummary } from '../followup/index.js';
import { summariseStates } from '../followup/index.js';
import { attendanceOf } from '../attendance.js';
import type { AttendanceRecord, Meeting } from '../model.js';
import type { ActorRef, LocalText, ViewContext } from './view.js';
import { actorRefs, pickText } from './view.js';

export interface MeetingItem {
  readonly id: string;
  readonly start: Day;
  readonly end?: Day;
  readonly body: ActorRef;
  readonly title?: LocalText;
  readonly ordinal?: number;
  readonly session?: NonNullable<Meeting['session']>;
  readonly place: { readonly city?: string; readonly country?: ActorRef; readonly virtual: boolean };
  /** True only when the record lists the participants (attendance listed): then, and only then, `absent` is known. */
  readonly listed: boolean;
  /** listed, partial (the countries named present; the others not recorded) or not-recorded. */
  readonly attendance: AttendanceRecord;
  readonly participants: readonly ActorRef[];
  readonly observers: readonly ActorRef[];
  /** Member countries neither participant nor observer (empty unless attendance is listed: unknown is not absent). */
  readonly absent: readonly ActorRef[];
  /** How many member countries there are. */
  readonly members: number;
  /** Guests by actor label, else by name. */
  readonly guests: readonly string[];
  /** Agreement points adopted (headings that only introduce sub-items not counted). */
  readonly agreements: number;
  /** States of the commitments it holds. */
  readonly commitments: StateSummary;
  readonly source: { readonly document: string; readonly title?: LocalText; readonly url?: string };
}

export interface MeetingFacts {
  /** Agreement points counted (see countPoints). */
  readonly points: number;
  /** The commitments it holds. */
  readonly own: readonly Commitment[];
  /** Member country codes, in display order. */
  readonly members: readonly string[];
}

export function viewMeeting(m: Meeting, { points, own, members }: MeetingFacts, ctx: ViewContext): MeetingItem {
  const attendance = attendanceOf(m);
  const listed = attendance === 'listed';
  const came = new Set([...(m.participants ?? []), ...(m.observers ?? [])]);
  const title = pickText(m.title, ctx.lang, ctx.authentic);
  const sourceTitle = pickText(m.source.title, ctx.lang, ctx.authentic);
  const guests = (m.guests ?? []).map((g) => (g.actor ? actorRefs([g.actor], ctx)[0]!.label : (g.name ?? ''))).filter((g) => g !== '');
  return {
    id: m.id,
    start: m.dates.start,
    ...(m.dates.end && m.dates.end !== m.dates.start ? { end: m.dates.end } : {}),
    body: actorRefs([m.body], ctx)[0]!,
    ...(title ? { title } : {}),
    ...(m.ordinal !== undefined ? { ordinal: m.ordinal } : {}),
    ...(m.session ? { session: m.session } : {}),
    place: {
      ...(m.place?.city ? { city: m.place.city } : {}),
      ...(m.place?.country ? { country: actorRefs([m.place.country], ctx)[0]! } : {}),
      virtual: m.place?.virtual === true,
    },
    listed,
    attendance,
    participants: actorRefs(m.participants, ctx),
    observers: actorRefs(m.observers, ctx),
    absent: listed ? actorRefs(members.filter((c) => !came.has(c)), ctx) : [],
    members: members.length,
    guests,
    agreements: points,
    commitments: summariseStates(own),
    source: { document: m.source.document, ...(sourceTitle ? { title: sourceTitle } : {}), ...(m.source.url ? { url: m.source.url } : {}) },
  };
}
