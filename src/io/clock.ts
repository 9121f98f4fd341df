// The only place that reads the real date. Everything else takes `asOf` as an input.
import { format } from 'date-fns/format';

export function today(): string {
  return format(new Date(), 'yyyy-MM-dd');
}

/** The real instant in ms since the epoch — for the age of files (the parse cache's pruning), never a record's date. */
export function nowMs(): number {
  return Date.now();
}
