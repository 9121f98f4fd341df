// The hand-over collection of the read commands (src/io/heap.ts): it runs only over its threshold, and then it frees
// what nothing holds any more (the records, in a command) before the first part is made. Counts bytes, never time.
import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { collectedFirst, collectedThen, collectIfLarge, noteRunStart } from '../../src/io/heap.js';

const used = (): number => v8.getHeapStatistics().used_heap_size;

describe('collectIfLarge', () => {
  it('does nothing while the heap in use is under the threshold', () => {
    expect(collectIfLarge(Number.MAX_SAFE_INTEGER)).toBe(false);
  });

  it('over it, collects: 32 MB that nothing holds any more are freed before the first part', () => {
    // The run starts here, as main() notes it: the threshold is on what the run added, and an earlier in-process run in
    // this worker (files share it) may have noted a larger heap than this test's. The garbage earlier files left goes
    // first: noted with it, the start could be above the heap once a collection took it, and nothing would be collected
    // (a flake under load: 476 MB noted, the 32 MB still there).
    expect(collectIfLarge(-Infinity)).toBe(true);
    noteRunStart();
    let garbage: number[] | undefined = new Array<number>(4 * 1024 * 1024).fill(0); // small integers: 8 bytes a slot
    const before = used();
    expect(garbage.length).toBe(4 * 1024 * 1024);
    garbage = undefined;
    const seen: number[] = [];
    const parts = collectedFirst((function* () {
      seen.push(used());
      yield 'a';
      yield 'b';
    })(), 0);
    expect([...parts]).toEqual(['a', 'b']);
    expect(seen[0]!).toBeLessThan(before - 24 * 1024 * 1024);
  });

  it('collectedThen makes its one part after collecting, from the arguments given', () => {
    expect([...collectedThen((a: string, n: number) => a.repeat(n), 'ab', 3)]).toEqual(['ababab']);
  });
});

describe('the threshold is on what the run added', () => {
  it('a process whose heap is already large does not collect in every run (the test suite runs commands in-process)', () => {
    // 48 MB held before the run starts, and still held: over a 16 MB threshold for the process, not for the run. Small
    // integers in one array's 6 Mi slots of 8 bytes (made in ~0.17 s; the doubles of `.map((_, i) => i + 0.5)` took
    // ~1.3 s each to make, for the same 48 MB).
    const held = new Array<number>(6 * 1024 * 1024).fill(0);
    // The garbage made so far goes first (a threshold below any heap collects), so the run starts from what is live.
    expect(collectIfLarge(-Infinity)).toBe(true);
    noteRunStart();
    expect(collectIfLarge(16 * 1024 * 1024)).toBe(false);
    // What the run itself adds counts.
    const added = new Array<number>(6 * 1024 * 1024).fill(0);
    expect(collectIfLarge(16 * 1024 * 1024)).toBe(true);
    expect(held.length + added.length).toBe(12 * 1024 * 1024);
  });
});
