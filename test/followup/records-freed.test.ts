// A read command that needs only the commitments lets its records go before its views are made: the collection it
// asks for right after loading (io/heap.ts collectIfLarge) must find them unreachable. Loaded in the command's own
// async body (`withoutRecords(await loadFollowup(…))`, `pickPlans(await loadReportInputs(…))`), they stayed in its
// frame until it returned, and that collection marked them all and freed nothing (docs/internals/performance.md, "Read
// commands, fourth round (the exports)"). Asks the collector (the record set registered for finalisation), never a
// clock.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { meetingCorpus } from '../io/meeting-corpus.js';

// Which loads' record sets were collected, and how many collections the command asked for. A FinalizationRegistry,
// not a WeakRef: a WeakRef keeps its target to the end of the job that made or read it, and node ends that job only
// when no tick is queued — under the test runner, at no step a test can count on (test/site/meetings-held.test.ts:
// it failed one run in three there).
const seen = vi.hoisted(() => ({ loads: 0, collections: 0, freed: new Set<number>(), registry: new FinalizationRegistry<number>((load) => void seen.freed.add(load)) }));
vi.mock('../../src/io/load.js', async (importOriginal) =>
  (await import('../io/after-load.js')).afterLoad(importOriginal, (repo) => void seen.registry.register(repo.records, ++seen.loads)),
);
// Each collection the command asks for is a full one (made whatever the heap's size): the only one this test makes.
vi.mock('../../src/io/heap.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/io/heap.js')>();
  return {
    ...real,
    collectIfLarge: (): boolean => {
      real.collectIfLarge(-Infinity);
      seen.collections++;
      return true;
    },
  };
});

let root: string;
let small: string;
beforeAll(() => {
  root = meetingCorpus('acta-records-freed-', 300, (text) => text);
  small = meetingCorpus('acta-records-freed-site-', 40, (text) => text);
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(small, { recursive: true, force: true });
});

// Each command that lets its records go before its views (export, list commitments, overdue and upcoming, workplan, site).
const COMMANDS: readonly (readonly [string, () => Promise<{ exitCode: number }>])[] = [
  ['export -f json', async () => (await import('../../src/commands/export.js')).runExport({ root, asOf: '2018-01-01', format: 'json' })],
  ['list commitments', async () => (await import('../../src/commands/list.js')).runList('commitments', { root, asOf: '2018-01-01', format: 'json' })],
  ['overdue', async () => (await import('../../src/commands/overdue.js')).runReport('overdue', { root, asOf: '2018-01-01', format: 'json' })],
  ['workplan', async () => (await import('../../src/commands/workplan.js')).runWorkplan(undefined, { root, asOf: '2018-01-01', format: 'json' })],
  // The site lets them go once its spec is prepared, before its first page (the spec holds the meetings as bytes):
  // over 40 of the meetings (a site of 300 is tens of seconds of pages).
  ['site', async () => (await import('../../src/commands/site.js')).runSite({ root: small, asOf: '2018-01-01' })],
];

describe('a read command lets the records go before its views', () => {
  it.each(COMMANDS)('%s: the collection after loading finds the records unreachable', async (_name, run) => {
    // The command's modules evaluated afresh, with load.js and heap.js mocked: the suite runs files in one process
    // (isolate: false), and another file may have loaded them with the real ones already.
    vi.resetModules();
    const loadsBefore = seen.loads;
    seen.collections = 0;
    const outcome = await run();
    expect(outcome.exitCode).toBe(0);
    expect(seen.loads).toBe(loadsBefore + 1);
    // One collection asked for before the command returns (the one before the output is made is collectedFirst's or
    // collectedThen's, when the output is read).
    expect(seen.collections).toBe(1);
    // Freed by that collection: V8 queues the registry's callback as a task, run within a few turns of the event loop.
    // No collection here: one now, after the command has returned, would free records it held to its end — the fault
    // this test is for. Records still held are never finalised, however many turns.
    for (let turn = 0; turn < 50 && !seen.freed.has(seen.loads); turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(seen.freed.has(seen.loads)).toBe(true);
  }, 120_000);
});
