// acta upcoming [--within 30d]: open commitments coming due within the warning window.
import type { Outcome } from './outcome.js';
import type { OverdueOptions } from './overdue.js';
import { runReport } from './overdue.js';

export async function runUpcoming(options: OverdueOptions): Promise<Outcome> {
  return runReport('upcoming', options);
}
