// One full garbage collection at the hand-over from a read command's query to its writing, when the heap is large.
//
// A read command holds every record while it loads, checks and queries them (at 8,000 meetings ~260 MB of live
// heap); V8 then lets the heap grow to a multiple of that before its next full collection. Once the query is built
// the records are garbage, but the writing's own garbage fills the heap up to that limit first: that, not what is
// live, is the command's peak. A collection at the hand-over frees the records at once and sets the next limit from
// what is live then (the views), so writing stays below the peak of loading. It costs one marking of the live heap
// (~0.1 s at 8,000 meetings) and is skipped below COLLECT_ABOVE, where a peak is small anyway.
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Heap in use (bytes) above which the hand-over collects. */
export const COLLECT_ABOVE = 192 * 1024 * 1024;

let gc: (() => void) | undefined;

// The heap in use when the run began (cli.ts main): the threshold is on what the command added, not on the process's
// heap — an in-process run (the test suite runs hundreds in one process, whose heap is large) must not collect in
// every command, which cost the suite a full collection per read command.
let atStart = 0;

/** Notes the heap in use now as the run's start (cli.ts main calls it once a run). */
export function noteRunStart(): void {
  atStart = v8.getHeapStatistics().used_heap_size;
}

/** Collects once if the heap the run added is over `above`; says whether it did. */
export function collectIfLarge(above = COLLECT_ABOVE): boolean {
  if (v8.getHeapStatistics().used_heap_size - atStart <= above) return false;
  // --expose-gc set now gives a `gc` to contexts made from now on (not to this one's global): one is made to fetch it.
  if (!gc) {
    v8.setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
  return true;
}

/** The parts, with one collection (collectIfLarge) before the first is made: by then the command has returned and
 * its records are garbage. */
export function* collectedFirst(parts: Iterable<string>, above = COLLECT_ABOVE): Generator<string> {
  collectIfLarge(above);
  yield* parts;
}

/** `make(...args)`'s text as one part, made after one collection (collectIfLarge): for a command whose writing is one
 * string, made once the command has returned (`make` and `args` must not hold the records). */
export function* collectedThen<A extends unknown[]>(make: (...args: A) => string, ...args: A): Generator<string> {
  collectIfLarge();
  yield make(...args);
}
