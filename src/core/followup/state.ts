// A due date and "today" → the time-based state: overdue (days late), upcoming or open (days left), waiting, no date, continuous.
import type { Day } from '../dates.js';
import { daysBetween } from '../dates.js';
import type { CommitmentState, DueDate } from './types.js';

export interface TimeState {
  readonly state: CommitmentState;
  readonly daysLate?: number;
  readonly daysLeft?: number;
  readonly daysPastExpected?: number;
}

// Due at the end of the due day: overdue from the next day on; upcoming while the days left are within the window.
export function timeState(due: DueDate, asOf: Day, warnDays: number): TimeState {
  switch (due.kind) {
    case 'waiting':
      // The meeting was expected in a period now past, and no record of it exists: still waiting, but say since when.
      return due.expected && asOf > due.expected.end ? { state: 'waiting', daysPastExpected: daysBetween(due.expected.end, asOf) } : { state: 'waiting' };
    case 'continuous':
      return { state: 'continuous' };
    case 'none':
      return { state: 'no-date' };
    default: {
      if (asOf > due.day) return { state: 'overdue', daysLate: daysBetween(due.day, asOf) };
      const daysLeft = daysBetween(asOf, due.day);
      return { state: daysLeft <= warnDays ? 'upcoming' : 'open', daysLeft };
    }
  }
}
