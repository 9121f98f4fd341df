// Who came: member countries × meetings, each cell present, observer, absent or unknown (no list on record), with totals.
import type { Day } from '../dates.js';
import { attendanceOf, attendanceOfCountry } from '../attendance.js';
import type { AttendanceRecord, Meeting } from '../model.js';
import type { ActorRef, ViewContext } from './view.js';
import { actorRefs } from './view.js';

export type Attendance = 'present' | 'observer' | 'absent' | 'unknown';

export interface ParticipationColumn {
  readonly id: string;
  readonly date: Day;
  readonly body: ActorRef;
  /** False unless the record lists the participants: the cells of members not named are then `unknown`, never `absent`. */
  readonly listed: boolean;
  /** listed, partial (some countries named present, the rest unknown) or not-recorded. */
  readonly attendance: AttendanceRecord;
  /** Member countries present (participants or observers); with partial attendance, the fewest there were. */
  readonly present: number;
}

export interface ParticipationRow {
  readonly country: ActorRef;
  /** One cell per column, in column order. */
  readonly cells: readonly Attendance[];
  /** Meetings attended, as participant or observer. */
  readonly attended: number;
  /** Meetings whose record says whether it attended (a list, or a partial naming that names it): the most it could have attended. */
  readonly listed: number;
}

export interface ParticipationMatrix {
  readonly columns: readonly ParticipationColumn[];
  readonly rows: readonly ParticipationRow[];
}

/** Meetings in the order given; members are the registry's countries not marked `member: false`, in registry order. */
export function buildParticipation(meetings: readonly Meeting[], members: readonly string[], ctx: ViewContext): ParticipationMatrix {
  const rows = actorRefs(members, ctx).map((country) => {
    const cells = meetings.map((m) => attendanceOfCountry(m, country.id));
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
    listed: attendanceOf(m) === 'listed',
    attendance: attendanceOf(m),
    present: rows.filter((r) => r.cells[i] === 'present' || r.cells[i] === 'observer').length,
  }));
  return { columns, rows };
}
