// `export` lets its records go before its views are made: the collection it asks for right after loading
// (io/heap.ts collectIfLarge) must find them unreachable. Loaded in the command's own async body
// (`withoutRecords(await loadFollowup(…))`), they stayed in its frame until it returned, and that collection marked
// them all and freed nothing (docs/internals/performance.md, "Read commands, fourth round"). Counts heap bytes after
// full collections, never time.
import { rmSync } from 'node:fs';
import v8 from 'node:v8';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { meetingCorpus } from '../io/meeting-corpus.js';

const used = (): number => v8.getHeapStatistics().used_heap_size;

// The heap in use at each collection the command asks for, each made whatever the heap's size.
const atHandOver = vi.hoisted(() => [] as number[]);
vi.mock('../../src/io/heap.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/io/heap.js')>();
  return {
    ...real,
    collectIfLarge: (): boolean => {
      real.collectIfLarge(-Infinity);
      atHandOver.push(v8.getHeapStatistics().used_heap_size);
      return true;
    },
  };
});

let root: string;
beforeAll(() => {
  root = meetingCorpus('acta-records-freed-', 300, (text) => text);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('export lets the records go before its views', () => {
  it('the collection after loading frees them: none is freed later', async () => {
    // The command's modules evaluated afresh, with heap.js mocked: the suite runs files in one process (isolate:
    // false), and another file may have loaded export.js with the real heap.js already.
    vi.resetModules();
    const { collectIfLarge } = await vi.importActual<typeof import('../../src/io/heap.js')>('../../src/io/heap.js');
    const { runExport } = await import('../../src/commands/export.js');
    const outcome = await runExport({ root, asOf: '2018-01-01', format: 'json' });
    collectIfLarge(-Infinity);
    const after = used();
    // One collection asked for before the command returns (the one before the first part is made is collectedFirst's,
    // when the output is read).
    expect(atHandOver).toHaveLength(1);
    // What a later collection still frees: ~1 MB with 300 meetings (the records' data) when the command's frame kept
    // them, a few bytes either way when the hand-over's collection had freed them.
    expect(atHandOver[0]! - after).toBeLessThan(256 * 1024);
    expect(outcome.exitCode).toBe(0);
  });
});
