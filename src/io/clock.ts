// The only place that reads the real date. Everything else takes `asOf` as an input.

/** Today in the machine's time zone, YYYY-MM-DD (what date-fns' format(now, 'yyyy-MM-dd') wrote, without loading its
 * formatter and locales at every start). */
export function today(): string {
  const now = new Date();
  const pad = (n: number, width: number): string => String(n).padStart(width, '0');
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1, 2)}-${pad(now.getDate(), 2)}`;
}

/** The real instant in ms since the epoch — for the age of files (the parse cache's pruning), never a record's date. */
export function nowMs(): number {
  return Date.now();
}
