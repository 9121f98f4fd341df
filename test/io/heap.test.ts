// The hand-over collection of the read commands (src/io/heap.ts): it runs only over its threshold, and then it frees
// what nothing holds any more (the records, in a command) before the first part is made. Counts bytes, never time.
import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { collectedFirst, collectedThen, collectIfLarge, noteRunStart, oldGenerationLimitOf } from '../../src/io/heap.js';

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

describe('the old generation limit the guard stops under (oldGenerationLimitOf)', () => {
  const MB = 1024 * 1024;
  it('is --max-old-space-size when it is given, whatever the young generation (Node 24: 192 MB of it)', () => {
    // Node 20 under --max-old-space-size=20: heap_size_limit 68 MB; Node 24 on a 24 GB machine: 212 MB.
    expect(oldGenerationLimitOf(68 * MB, ['--max-old-space-size=20'])).toBe(20 * MB);
    expect(oldGenerationLimitOf(212 * MB, ['--max-old-space-size=20'])).toBe(20 * MB);
    expect(oldGenerationLimitOf(212 * MB, ['--max_old_space_size', '20'])).toBe(20 * MB);
    expect(oldGenerationLimitOf(1216 * MB, [], '--max-old-space-size=1024')).toBe(1024 * MB);
    // The command line wins over NODE_OPTIONS, as node has it; the last of several wins.
    expect(oldGenerationLimitOf(212 * MB, ['--max-old-space-size=20'], '--max-old-space-size=1024')).toBe(20 * MB);
    expect(oldGenerationLimitOf(1216 * MB, ['--max-old-space-size=20', '--max-old-space-size=1024'])).toBe(1024 * MB);
  });

  it('is the limit less three semi-spaces when --max-semi-space-size is given', () => {
    expect(oldGenerationLimitOf(44 * MB, ['--max-semi-space-size=8'])).toBe(20 * MB);
    expect(oldGenerationLimitOf(212 * MB, [], '--max-semi-space-size=64 --stack-size=900')).toBe(20 * MB);
  });

  it('without a flag, never above the true limit: exact for Node 24 and a little under for Node 20 on a large machine', () => {
    expect(oldGenerationLimitOf(4288 * MB, [])).toBe(4096 * MB); // Node 24: 4096 + 3 × 64
    const node20 = oldGenerationLimitOf(4144 * MB, []); // Node 20: 4096 + 3 × 16
    expect(node20).toBeLessThanOrEqual(4096 * MB);
    expect(node20).toBeGreaterThan(0.95 * 4096 * MB);
    // A small heap (a container's memory sized it): at most 5 % taken off for the young generation.
    expect(oldGenerationLimitOf(262 * MB, [])).toBeGreaterThanOrEqual(0.95 * 262 * MB);
  });

  it('ignores flags that are not sizes, and values that are not positive numbers', () => {
    expect(oldGenerationLimitOf(4288 * MB, ['--max-old-space-size=lots', '--max-old-space-size-percentage=50', '--expose-gc'])).toBe(4096 * MB);
  });
});
