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
import { isMainThread } from 'node:worker_threads';
import { say } from '../core/diagnostics.js';
import { SaidError } from './files.js';
import { processRuntime } from './runtime.js';

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
  if (guardHeap()) return true; // it has just collected
  if (v8.getHeapStatistics().used_heap_size - atStart <= above) return false;
  collectNow();
  return true;
}

function collectNow(): void {
  // --expose-gc set now gives a `gc` to contexts made from now on (not to this one's global): one is made to fetch it.
  if (!gc) {
    v8.setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
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

// The heap guard. When V8's heap is full it aborts the process: "FATAL ERROR: … JavaScript heap out of memory" and a
// native stack trace, exit by signal, nothing a person can act on. A run that nears the limit stops here instead, with
// the catalog's message (what ran out, how to give Node more) and exit 2, through the one path every refusal takes
// (a -o file's temporary file removed, nothing renamed into place). It is looked at between stages and pieces: per
// file read (io/load.ts), at every hand-over collection (collectIfLarge: the Word document's pieces too), per part of
// output written (cli.ts, io/write.ts), per site file — each look a getHeapStatistics, ~0.4 µs.
//
// What runs out is the old generation: V8's limit (heap_size_limit) is the old generation's (--max-old-space-size)
// plus the young generation's three semi-spaces (oldGenerationLimitOf, below). Past NEAR of the old generation's limit
// (counted on the whole heap in use: the cheap look) one full collection is made (V8 would make it too, a few
// allocations later); if the old generation still holds more than STOP of its limit, the run stops. V8 itself gives
// up ("ineffective mark-compacts") after four collections in a row that leave the old generation past 80 % of its
// limit with the program running less than 40 % of the time, and aborts: the stop is below that line, with room for
// what is made between two looks. Workers are not guarded here: a worker out of heap ends with
// ERR_WORKER_OUT_OF_MEMORY, which its owner catches (the parse workers' files are read again here; cli.ts says the
// site writer's as this message).
const NEAR = 0.8;
const STOP = 0.75;

const MB = 1024 * 1024;

// The young generation's part of V8's limit when no flag says it: V8 sizes a semi-space from the old generation (at
// most old/64, so the three at most ~4.5 % of the whole) up to a cap that depends on V8's version and the machine —
// 16 MB on Node 20 and 22, 64 MB on Node 24 on a 24 GB machine — so the part taken off is the smaller of the largest
// cap known (3 × 64 MB) and 5 % of the limit: exact or a little too much (a stop a little early), never too little.
const YOUNG_MAX = 3 * 64 * MB;
const YOUNG_SHARE = 0.05;

/**
 * The old generation's limit (bytes), from V8's whole limit and the V8 flags the process was given (node's own
 * arguments, then NODE_OPTIONS: the command line wins). `--max-old-space-size` given is the limit itself (what the
 * refusal advises setting); `--max-semi-space-size` given, the young generation is three of it. A fixed young
 * generation of 48 MB (Node 20's) made the limit 164 MB on Node 24 under --max-old-space-size=20, whose young
 * generation is 192 MB: the guard never looked in time and V8 aborted.
 */
export function oldGenerationLimitOf(heapSizeLimit: number, execArgv: readonly string[], nodeOptions = ''): number {
  const flags = [...nodeOptions.split(/\s+/).filter(Boolean), ...execArgv];
  const old = flagMb(flags, 'max-old-space-size');
  if (old !== undefined) return Math.min(old * MB, heapSizeLimit);
  const semi = flagMb(flags, 'max-semi-space-size');
  const young = semi !== undefined ? 3 * semi * MB : Math.min(YOUNG_MAX, YOUNG_SHARE * heapSizeLimit);
  // (A floor in case V8 clamped a semi-space flag larger than it allows.)
  return Math.max(heapSizeLimit - young, heapSizeLimit / 16);
}

// A V8 size flag's last value in MB (`--name=N`, `--name N`, underscores for dashes), if a positive number.
function flagMb(flags: readonly string[], name: string): number | undefined {
  let value: number | undefined;
  for (let i = 0; i < flags.length; i++) {
    const m = /^--([a-z_-]+)(?:=(.*))?$/.exec(flags[i]!);
    if (!m || m[1]!.replaceAll('_', '-') !== name) continue;
    const n = Number(m[2] ?? flags[i + 1]);
    if (Number.isFinite(n) && n > 0) value = n;
  }
  return value;
}

let processLimit: number | undefined;

/** The old generation's limit (bytes) as V8 set it for this process when it started (it does not change after). */
export function oldGenerationLimit(): number {
  // (The process's own NODE_OPTIONS, not a run's: V8 took its flags from it when the process started.)
  return (processLimit ??= oldGenerationLimitOf(v8.getHeapStatistics().heap_size_limit, process.execArgv, processRuntime().env['NODE_OPTIONS']));
}

/** The refusal said when the heap runs out: how much Node gave, and the setting that gives more (twice, rounded). */
export function heapRefusal(where: 'main' | 'worker', limit = oldGenerationLimit()): SaidError {
  const limitMb = Math.round(limit / MB);
  const more = Math.max(1024, Math.ceil((2 * limitMb) / 512) * 512);
  return new SaidError(say(where === 'main' ? 'safety.memory.heap' : 'safety.memory.worker', { limit: String(limitMb), more: String(more) }));
}

/** Stops the run with heapRefusal when the heap is nearly full even after a collection (see above); says whether it
 * collected (near the limit, and the run goes on). */
export function guardHeap(): boolean {
  if (!isMainThread) return false; // a worker's end is its owner's to say (ERR_WORKER_OUT_OF_MEMORY, above)
  const limit = oldGenerationLimit();
  if (v8.getHeapStatistics().used_heap_size < NEAR * limit) return false;
  collectNow();
  if (oldGenerationUsed() >= STOP * limit) throw heapRefusal('main', limit);
  return true;
}

// What the old generation holds (every space but the young generation's): what V8's limit is on.
function oldGenerationUsed(): number {
  let used = 0;
  for (const space of v8.getHeapSpaceStatistics()) if (!space.space_name.startsWith('new_')) used += space.space_used_size;
  return used;
}
