// acta site holds its meetings as JSON text from the load to their pages (core/read/data-json.ts heldInBlocks, its bytes
// in blocks; core/queries/site.ts holdMeetings): a meeting's record is made again for its page in each
// language, the same record, and the objects the load made are let go — at 8,000 meetings they were ~90 MiB of what
// the site held live to its end. Asks the collector (a loaded meeting registered for finalisation), never a clock; the
// site's bytes are the same as with its meetings held as they are (site.test.ts and site-writer.test.ts compare whole
// sites).
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { heldInBlocks } from '../../src/core/read/data-json.js';
import { meetingCorpus } from '../io/meeting-corpus.js';

// Whether the first valid meeting the last load made was collected. A FinalizationRegistry, not a WeakRef: a WeakRef
// keeps its target to the end of the job that made or read it, and node ends that job only when no tick is queued —
// under the test runner, at no step a test can count on (tried: it failed one run in three).
const seen = vi.hoisted(() => ({ registered: false, freed: false, registry: new FinalizationRegistry<string>(() => (seen.freed = true)) }));
vi.mock('../../src/io/load.js', async (importOriginal) =>
  (await import('../io/after-load.js')).afterLoad(importOriginal, (repo) => {
    const first = repo.records.meetings.find((m) => m.valid);
    if (first) seen.registry.register(first.data, first.data.id);
    seen.registered = first !== undefined;
  }),
);

let root: string;
beforeAll(() => {
  root = meetingCorpus('acta-meetings-held-', 40, (text) => text);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a record held as JSON text', () => {
  it('is given back equal, key order kept, as new objects each time', () => {
    const record = { id: 'm', n: 3, none: null, ok: true, day: '2017-03-16', '2': 'whole-number key', title: 'Reunión — «Grupo» “ad hoc” 🚀 \u2028', list: [{ es: 'Acuerdo', en: 'Agreement' }], nested: { a: [1, [2, 'x']] } };
    const held = heldInBlocks()(record);
    const first = held();
    expect(first).toStrictEqual(record);
    expect(Object.keys(first)).toEqual(Object.keys(record));
    expect(first).not.toBe(record);
    expect(held()).not.toBe(first);
    // Changing what was given back changes neither the record nor what is given next.
    first.nested.a.push(9);
    expect(held().nested.a).toEqual([1, [2, 'x']]);
  });

  it('is held as it is when JSON would not give it back exactly', () => {
    for (const odd of [{ n: -0 }, { n: Infinity }, { n: NaN }, { list: [1, , 3] }, { when: new Date(0) }, Object.assign(Object.create(null), { a: 1 })]) {
      const held = heldInBlocks()(odd);
      expect(held()).toBe(odd);
    }
  });
});

describe('records held one after another in blocks', () => {
  // Records of many sizes (UTF-8 of one to four bytes a character) into blocks of 1,024 bytes: several to a block, each
  // written where the last ended, into a new block when the rest of this one is too short, and one alone, longer than a
  // block.
  const records = Array.from({ length: 60 }, (_, i) => ({ id: `m${i}`, n: i, title: i === 30 ? 'x'.repeat(2000) : 'Reunión «G» “ad hoc” 🚀 '.repeat(i % 4), list: Array.from({ length: i % 3 }, (_, k) => ({ es: 'Acuerdo', k })) }));

  it('gives each back equal, key order kept, as new objects each time', () => {
    const hold = heldInBlocks(1024);
    const held = records.map((r) => hold(r));
    held.forEach((h, i) => {
      const first = h();
      expect(first).toStrictEqual(records[i]);
      expect(Object.keys(first)).toEqual(Object.keys(records[i]!));
      expect(first).not.toBe(records[i]);
      expect(h()).not.toBe(first);
    });
    // The records written after one is given back are not changed by it, nor is it by them.
    expect(held.map((h) => h())).toStrictEqual(records);
  });

  it('holds a record as it is when JSON would not give it back exactly', () => {
    const hold = heldInBlocks(1024);
    const odd = { n: -0 };
    const [a, h, b] = [hold(records[1]), hold(odd), hold(records[2])];
    expect(h()).toBe(odd);
    expect([a(), b()]).toStrictEqual([records[1], records[2]]);
  });
});

describe("acta site's meetings", () => {
  it('are let go after the load: the pages are made from records held as JSON text, equal to those loaded', async () => {
    vi.resetModules();
    const { prepareSite } = await import('../../src/commands/site.js');
    const { loadRepository } = await import('../../src/io/load.js');
    const { collectIfLarge } = await import('../../src/io/heap.js');
    const { spec } = await prepareSite({ root, asOf: '2018-01-01' });
    expect(seen.registered).toBe(true);
    // A full collection, then a turn of the event loop for the registry's callback (V8 queues it as a task); a
    // meeting still held is never finalised, however many turns.
    for (let turn = 0; turn < 50 && !seen.freed; turn++) {
      collectIfLarge(-Infinity);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(seen.freed).toBe(true);
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
