// acta site holds its meetings serialised from the load to their pages (io/packed.ts, core/queries/site.ts
// holdMeetings): a meeting's record is made again for its page in each language, the same record, and the objects the
// load made are let go — at 8,000 meetings they were ~90 MiB of what the site held live to its end. Asks the collector
// (a WeakRef to a loaded meeting), never a clock; and the site's bytes are the same as with its meetings held as they
// are (site.test.ts and site-writer.test.ts compare whole sites).
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { holdPacked } from '../../src/io/packed.js';
import { meetingCorpus } from '../io/meeting-corpus.js';

// The first valid meeting of the last load, held weakly.
const seen = vi.hoisted(() => ({ meeting: undefined as WeakRef<object> | undefined }));
vi.mock('../../src/io/load.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/io/load.js')>();
  return {
    ...real,
    loadRepository: async (...args: Parameters<typeof real.loadRepository>) => {
      const repo = await real.loadRepository(...args);
      const first = repo.records.meetings.find((m) => m.valid);
      seen.meeting = first ? new WeakRef(first.data) : undefined;
      // A WeakRef keeps its target alive to the end of the job that made it: the command goes on in a job of its own.
      await new Promise((resolve) => setImmediate(resolve));
      return repo;
    },
  };
});

let root: string;
beforeAll(() => {
  root = meetingCorpus('acta-meetings-held-', 40, (text) => text);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a value held packed', () => {
  it('is given back equal, as new objects each time, its shared parts still shared', () => {
    const shared = { es: 'Acuerdo', en: 'Agreement' };
    const record = { id: 'm', n: 3, none: null, missing: undefined, day: '2017-03-16', list: [shared, shared], nested: { a: [1, [2, 'x']] } };
    const held = holdPacked(record);
    const first = held();
    const second = held();
    expect(first).toStrictEqual(record);
    expect(first).not.toBe(record);
    expect(second).not.toBe(first);
    expect(first.list[0]).toBe(first.list[1]);
    // Changing what was given back changes neither the record nor what is given next.
    first.nested.a.push(9);
    expect(held().nested.a).toEqual([1, [2, 'x']]);
  });
});

describe("acta site's meetings", () => {
  it('are let go after the load: the pages are made from records held serialised, equal to those loaded', async () => {
    vi.resetModules();
    const { prepareSite } = await import('../../src/commands/site.js');
    const { loadRepository } = await import('../../src/io/load.js');
    const { collectIfLarge } = await import('../../src/io/heap.js');
    const { spec } = await prepareSite({ root, asOf: '2018-01-01' });
    expect(seen.meeting).toBeDefined();
    collectIfLarge(-Infinity);
    expect(seen.meeting!.deref()).toBeUndefined();
    // What each page is made from: the record as loaded, for every meeting, in both languages' models.
    const loaded = new Map((await loadRepository(root)).records.meetings.filter((m) => m.valid).map((m) => [m.data.id, m.data]));
    expect(spec.models.es.meetings.length).toBe(40);
    for (const lang of ['es', 'en'] as const)
      for (const held of spec.models[lang].meetings) {
        const record = held.record();
        expect(record).toStrictEqual(loaded.get(held.id));
        expect([held.body, held.start]).toEqual([record.body, record.dates.start]);
      }
  });
});
