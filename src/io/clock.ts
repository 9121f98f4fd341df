// The only place that reads the real date. Everything else takes `asOf` as an input.
import { formatISO } from 'date-fns/formatISO';

/** Today in the machine's time zone, YYYY-MM-DD (formatISO: date-fns' formatter and its locales are not loaded at
 * every start). */
export function today(): string {
  return formatISO(new Date(), { representation: 'date' });
}

/** The real instant in ms since the epoch — for the age of files (the parse cache's pruning), never a record's date. */
export function nowMs(): number {
  return Date.now();
}
