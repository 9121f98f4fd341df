// Who came: member countries × meetings, each cell present, observer, absent or unknown (no list on record), with totals.
import type { Day } from '../dates.js';
import type { Meeting } from '../model.js';
import type { ActorRef, ViewContext } from './view.js';
import { actorRefs } from './view.js';

export type Attendance = 'present' | 'observer' | 'absent' | 'unknown';

export interface ParticipationColumn {
  readonly id: string;
  readonly date: Day;
  readonly body: ActorRef;
  /** False when the record lists no participants: its cells are `unknown`, never `absent`. */
  readonly listed: boolean;
  /** Member countries present (participants or observers). */
  readonly present: number;
}

export interface ParticipationRow {
  readonly country: ActorRef;
  /** One cell per column, in column order. */
  readonly cells: readonly Attendance[];
  /** Meetings attended, as participant or observer. */
  readonly attended: number;
  /** Meetings with a list of participants on record (the most it could have attended). */
  readonly listed: number;
}

export interface ParticipationMatrix {
  readonly columns: readonly ParticipationColumn[];
  readonly rows: readonly ParticipationRow[];
}

function attendance(meeting: Meeting, code: string): Attendance {
  const listed = meeting.participants !== undefined || meeting.observers !== undefined;
  if (!listed) return 'unknown';
  if (meeting.participants?.includes(code)) return 'present';
  if (meeting.observers?.includes(code)) return 'observer';
  return 'absent';
}

/** Meetings in the order given; members are the registry's countries not marked `member: false`, in registry order. */
export function buildParticipation(meetings: readonly Meeting[], members: readonly string[], ctx: ViewContext): ParticipationMatrix {
  const rows = actorRefs(members, ctx).map((country) => {
    const cells = meetings.map((m) => attendance(m, country.id));
    return {
      country,
      cells,
      attended: cells.filter((c) => c === 'present' || c === 'observer').length,
      listed: cells.filter((c) => c !== 'unknown').length,
    };
  });
  const columns = meetings.map((m, i) => ({
    id: m.id,
    date: m.dates.start,
    body: actorRefs([m.body], ctx)[0]!,
    listed: m.participants !== undefined || m.observers !== undefined,
    present: rows.filter((r) => r.cells[i] === 'present' || r.cells[i] === 'observer').length,
  }));
  return { columns, rows };
}
