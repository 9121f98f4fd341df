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
