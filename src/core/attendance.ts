// Who attended, as the record states it: a list, a partial naming, or nothing. Unknown is never absent.
import type { AttendanceRecord, Meeting } from './model.js';

/** The record's attendance: `attendance` when given, else listed with `participants` and not-recorded without (observers make no list). */
export function attendanceOf(m: Pick<Meeting, 'participants' | 'attendance'>): AttendanceRecord {
  return m.attendance ?? (m.participants !== undefined ? 'listed' : 'not-recorded');
}

/** present / observer / absent / unknown for one member country: absent only when the record lists the participants. */
export function attendanceOfCountry(m: Pick<Meeting, 'participants' | 'observers' | 'attendance'>, code: string): 'present' | 'observer' | 'absent' | 'unknown' {
  if (m.participants?.includes(code)) return 'present';
  if (m.observers?.includes(code)) return 'observer';
  return attendanceOf(m) === 'listed' ? 'absent' : 'unknown';
}
