// buildIndexes' refs: every agreement and activity ref once, in the order first met, each listed under its record (the
// text before its first `#`) — held to that rule written out ref by ref, over meetings and plans whose ids repeat or
// hold a `#`, and whose points repeat (an invalid record's points are not indexed).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildIndexes } from '../../src/core/checks/context.js';
import type { Meeting, Plan } from '../../src/core/model.js';
import type { ParsedFile } from '../../src/core/read/index.js';
import { emptyRegistries } from '../../src/core/records.js';
import type { RecordSet } from '../../src/core/records.js';
import { walkActivities, walkAgreements } from '../../src/core/walk.js';

function byRule(refs: readonly string[]): { all: string[]; byRecord: [string, string[]][] } {
  const all: string[] = [];
  const byRecord = new Map<string, string[]>();
  for (const ref of refs) {
    if (all.includes(ref)) continue;
    all.push(ref);
    const record = ref.slice(0, ref.indexOf('#'));
    byRecord.set(record, [...(byRecord.get(record) ?? []), ref]);
  }
  return { all, byRecord: [...byRecord] };
}

const id = fc.constantFrom('2020-01-01-a', '2020-01-01-b', 'x#y', 'x', '#', 'a#b#c');
const number = fc.constantFrom('1', '2', '3', 'a', 'b');
const agreement: fc.Arbitrary<{ number: string; items?: { number: string }[] }> = fc.record({ number, items: fc.option(fc.array(fc.record({ number }), { maxLength: 3 }), { nil: undefined }) }, { requiredKeys: ['number'] });
const meeting = fc.record({ id, valid: fc.boolean(), agreements: fc.array(agreement, { maxLength: 4 }) });
const plan = fc.record({ id, valid: fc.boolean(), activities: fc.array(number, { maxLength: 4 }) });
const parsed = { file: 'f.yaml', text: '', data: undefined, diagnostics: [] } as unknown as ParsedFile;

describe('buildIndexes', () => {
  it('lists every ref once, under its record, in the order first met', () => {
    fc.assert(
      fc.property(fc.array(meeting, { maxLength: 6 }), fc.array(plan, { maxLength: 4 }), (ms, ps) => {
        const meetings = ms.map((m) => ({ parsed, valid: m.valid, data: { id: m.id, dates: { start: '2020-01-01' }, agreements: m.agreements } as unknown as Meeting }));
        const plans = ps.map((p) => ({ parsed, valid: p.valid, data: { id: p.id, axes: [{ number: '1', objectives: [{ number: 'I', results: [{ number: '1', activities: p.activities.map((n) => ({ number: n })) }] }] }] } as unknown as Plan }));
        const set = { meetings, plans, registries: emptyRegistries(), registryFiles: [], config: {}, files: [], leftOut: [] } as unknown as RecordSet;
        const index = buildIndexes(set);
        const agreements = byRule(meetings.filter((m) => m.valid).flatMap((m) => walkAgreements(m.data).map((a) => a.ref)));
        const activities = byRule(plans.filter((p) => p.valid).flatMap((p) => walkActivities(p.data).map((a) => a.ref)));
        expect([...index.agreements]).toEqual(agreements.all);
        expect([...index.agreementsOf]).toEqual(agreements.byRecord);
        expect([...index.activities]).toEqual(activities.all);
        expect([...index.activitiesOf]).toEqual(activities.byRecord);
      }),
      { numRuns: 300 },
    );
  });
});

// --changed-since's records known by id only (KnownRecord: an id and its points, from the file's summary), among
// records read, in file order: their points are indexed by the same rule — a point not of the form `ID#…` (an id with a
// `#`, no id, a summary of another record's points) under the text before its first `#`, as any ref.
const part = fc.constantFrom('1', '2', '2.a', 'x#y', '');
const known = fc.record({ id: fc.option(id, { nil: undefined }), parts: fc.array(fc.oneof(part.map((p) => ({ own: true, p })), fc.constantFrom('x#1', 'xy#1', 'noHash', '#', '2020-01-01-a#1').map((p) => ({ own: false, p }))), { maxLength: 5 }) });
const entry = fc.oneof(meeting.map((m) => ({ read: m })), known.map((k) => ({ known: k })));

describe('buildIndexes with known records', () => {
  it('lists a known record\'s points by the same rule, in file order with the records read', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 8 }), (entries) => {
        const file = (i: number): string => `meetings/${String(i).padStart(2, '0')}.yaml`;
        const meetings: { parsed: ParsedFile; valid: boolean; data: Meeting }[] = [];
        const knownRecords: { file: string; kind: 'meeting'; id?: string; parts: string[] }[] = [];
        const refs: string[] = [];
        entries.forEach((e, i) => {
          if ('read' in e) {
            const m = { parsed: { ...parsed, file: file(i) }, valid: e.read.valid, data: { id: e.read.id, dates: { start: '2020-01-01' }, agreements: e.read.agreements } as unknown as Meeting };
            meetings.push(m);
            if (m.valid) refs.push(...walkAgreements(m.data).map((a) => a.ref));
            return;
          }
          const parts = e.known.parts.map(({ own, p }) => (own && e.known.id !== undefined ? `${e.known.id}#${p}` : p));
          knownRecords.push({ file: file(i), kind: 'meeting', ...(e.known.id !== undefined ? { id: e.known.id } : {}), parts });
          refs.push(...parts);
        });
        const set = { meetings, plans: [], registries: emptyRegistries(), registryFiles: [], config: {}, files: [], leftOut: [], known: knownRecords } as unknown as RecordSet;
        const index = buildIndexes(set);
        const agreements = byRule(refs);
        // What the checks ask (has, get) first: a known meeting's points may be looked up only then (lazy).
        if (!(index.agreementsOf instanceof Map)) lazy++;
        const byRecord = new Map(agreements.byRecord);
        for (const ref of [...refs, ...pool]) expect(index.agreements.has(ref)).toBe(agreements.all.includes(ref));
        for (const id of [...byRecord.keys(), ...ids]) {
          expect(index.agreementsOf.get(id)).toEqual(byRecord.get(id));
          expect(index.agreementsOf.has(id)).toBe(byRecord.has(id));
        }
        expect(index.agreements.size).toBe(agreements.all.length);
        expect([...index.agreements]).toEqual(agreements.all);
        expect([...index.agreementsOf]).toEqual(agreements.byRecord);
      }),
      { numRuns: 300, seed: 24 },
    );
    // (The lazy path was taken: known meetings with ids of their own and points of the form `ID#…`.)
    expect(lazy).toBeGreaterThan(10);
  });
});

let lazy = 0;
const ids = ['2020-01-01-a', '2020-01-01-b', 'x#y', 'x', '#', 'a#b#c', '', 'y', '2020-01-01'];
const pool = ids.flatMap((i) => ['1', '2', '2.a', 'x#y', '', '3'].map((p) => `${i}#${p}`)).concat(['noHash', '#', 'x', '']);
