// A read command that needs only the commitments lets its records go before its views are made: the collection it
// asks for right after loading (io/heap.ts collectIfLarge) must find them unreachable. Loaded in the command's own
// async body (`withoutRecords(await loadFollowup(…))`, `pickPlans(await loadReportInputs(…))`), they stayed in its
// frame until it returned, and that collection marked them all and freed nothing (docs/internals/performance.md, "Read
// commands, fourth round (the exports)"). Asks the collector (a WeakRef to the record set), never a clock.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { meetingCorpus } from '../io/meeting-corpus.js';

// The record set of the last load, held weakly; at each collection the command asks for (made whatever the heap's
// size), whether that set was still reachable.
const seen = vi.hoisted(() => ({ records: undefined as WeakRef<object> | undefined, atHandOver: [] as boolean[] }));
vi.mock('../../src/io/load.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/io/load.js')>();
  return {
    ...real,
    loadRepository: async (...args: Parameters<typeof real.loadRepository>) => {
      const repo = await real.loadRepository(...args);
      seen.records = new WeakRef(repo.records);
      // A WeakRef keeps its target alive to the end of the job that made it: the command goes on in a job of its own.
      await new Promise((resolve) => setImmediate(resolve));
      return repo;
    },
  };
});
vi.mock('../../src/io/heap.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/io/heap.js')>();
  return {
    ...real,
    collectIfLarge: (): boolean => {
      real.collectIfLarge(-Infinity);
      seen.atHandOver.push(seen.records?.deref() !== undefined);
      return true;
    },
  };
});

let root: string;
beforeAll(() => {
  root = meetingCorpus('acta-records-freed-', 300, (text) => text);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

// Each command that lets its records go before its views (export, list commitments, overdue and upcoming, workplan).
const COMMANDS: readonly (readonly [string, () => Promise<{ exitCode: number }>])[] = [
  ['export -f json', async () => (await import('../../src/commands/export.js')).runExport({ root, asOf: '2018-01-01', format: 'json' })],
  ['list commitments', async () => (await import('../../src/commands/list.js')).runList('commitments', { root, asOf: '2018-01-01', format: 'json' })],
  ['overdue', async () => (await import('../../src/commands/overdue.js')).runReport('overdue', { root, asOf: '2018-01-01', format: 'json' })],
  ['workplan', async () => (await import('../../src/commands/workplan.js')).runWorkplan(undefined, { root, asOf: '2018-01-01', format: 'json' })],
];

describe('a read command lets the records go before its views', () => {
  it.each(COMMANDS)('%s: the collection after loading finds the records unreachable', async (_name, run) => {
    // The command's modules evaluated afresh, with load.js and heap.js mocked: the suite runs files in one process
    // (isolate: false), and another file may have loaded them with the real ones already.
    vi.resetModules();
    seen.atHandOver.length = 0;
    const outcome = await run();
    expect(seen.records).toBeDefined();
    // One collection asked for before the command returns (the one before the output is made is collectedFirst's or
    // collectedThen's, when the output is read), and the records were garbage by then.
    expect(seen.atHandOver).toEqual([false]);
    expect(outcome.exitCode).toBe(0);
  });
});
