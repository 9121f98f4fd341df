// The marks beside a work plan's schedule cell, for whoever does not see its colour (NO_COLOR terminals, the HTML grid):
// the terminal's matrix, `acta workplan -f html` and the site's plan page use the same ones, explained in their legend.
import type { CommitmentState } from '../core/followup/index.js';

export const STATE_MARKS: Partial<Record<CommitmentState, string>> = { overdue: '!', done: '✓', upcoming: '›' };

export const stateMark = (state: CommitmentState | undefined): string => (state ? (STATE_MARKS[state] ?? '') : '');
