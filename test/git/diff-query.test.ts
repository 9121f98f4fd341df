// The semantic diff as a pure query: records in, a result object out — and it never throws on malformed records.
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseRecordFile } from '../../src/core/read/parse.js';
import { diffRecordSets } from '../../src/core/diff/diff.js';
import { buildRecordSet } from '../../src/core/records.js';
import type { RecordSet } from '../../src/core/records.js';
import { validator } from '../schema-validator.js';

const set = (files: Record<string, string>): RecordSet => buildRecordSet(Object.entries(files).map(([f, t]) => parseRecordFile(f, Buffer.from(t))), validator).records;
const SIDES = { base: { label: 'base' }, head: { label: 'head' } };

const plan = (objective: string, texts: [string, string]): string => `record: plan
id: p
body: red-nna
title: { es: Plan }
period: { start: "2017", end: "2018" }
columns: ["2017"]
source: { document: d }
axes:
  - number: "1"
    title: { es: Eje }
    objectives:
      - number: ${objective}
        text: { es: "${texts[0]}" }
        results:
          - number: "1"
            activities:
              - number: "1.1"
                text: { es: "${texts[1]}" }
`;

describe('diffRecordSets', () => {
  it('a renumbered plan level explains its activities new numbers', () => {
    const r = diffRecordSets(set({ 'plans/p.yaml': plan('VIII', ['Objetivo', 'Actividad']) }), set({ 'plans/p.yaml': plan('VIII.2', ['Objetivo', 'Actividad']) }), SIDES);
    expect(r.changes.map((c) => [c.kind, c.partKind, c.before, c.after])).toEqual([['part-renumbered', 'objective', '1/VIII', '1/VIII.2']]);
  });

  it('a translation added beside the adopted text is not flagged; an edit is', () => {
    const m = (text: string): string => `record: meeting\nid: 2017-01-01-x\nbody: x\ndates: { start: "2017-01-01" }\nsource: { document: d }\nagreements:\n  - number: "1"\n    text: ${text}\n`;
    const added = diffRecordSets(set({ 'm.yaml': m('{ es: Hola }') }), set({ 'm.yaml': m('{ es: Hola, en: Hello }') }), SIDES);
    expect(added.changes.map((c) => [c.kind, c.flagged])).toEqual([['translation-added', false]]);
    const edited = diffRecordSets(set({ 'm.yaml': m('{ es: Hola }') }), set({ 'm.yaml': m('{ es: Adiós }') }), SIDES);
    expect(edited.changes.map((c) => [c.kind, c.flagged, c.field])).toEqual([['text-edited', true, 'text.es']]);
  });

  it('a file that no longer parses is flagged, not reported as a removed record', () => {
    const m = 'record: meeting\nid: 2017-01-01-x\nbody: x\ndates: { start: "2017-01-01" }\nsource: { document: d }\nagreements: []\n';
    const r = diffRecordSets(set({ 'm.yaml': m }), set({ 'm.yaml': m + 'agreements: [\n' }), SIDES);
    expect(r.changes.map((c) => c.kind)).toEqual(['file-unreadable', 'record-removed']);
    expect(r.counts.flagged).toBe(2);
  });

  it('never throws, whatever shape the records have; a record set compared with itself has no changes', () => {
    const value = fc.letrec((tie) => ({
      any: fc.oneof({ depthSize: 'small' }, fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('any'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('number', 'text', 'es', 'items', 'followup', 'commitment', 'deadline', 'due', 'schedule', 'status', 'date', 'step', 'axes', 'objectives', 'results', 'activities', 'title', 'x'), tie('any'), { maxKeys: 4 })),
    })).any;
    const record = fc.record({ record: fc.constantFrom('meeting', 'plan'), id: fc.constantFrom('a', 'b'), agreements: value, axes: value, dates: value });
    fc.assert(
      fc.property(record, record, (a, b) => {
        const base = set({ 'x.yaml': stringify(a) });
        const head = set({ 'x.yaml': stringify(b) });
        const r = diffRecordSets(base, head, SIDES);
        expect(r.counts.changes).toBe(r.changes.length);
        expect(diffRecordSets(head, head, SIDES).changes).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('diffRecordSets over values with their own toString', () => {
  it('a registry entry or record field { toString: 1 } is compared, never converted with String()', () => {
    const countries = (code: string): string => `record: countries\ncountries:\n  - code: ${code}\n    name: { es: País }\n`;
    const meeting = (n: string): string => `record: meeting\nid: 2017-01-01-x\nagreements:\n  - number: ${n}\n    text: { es: T }\n`;
    const odd = 'record: { toString: 1 }\nid: 2017-01-02-y\n';
    const base = set({ 'registries/countries.yaml': countries('MX'), 'meetings/m.yaml': meeting('"1"') });
    const head = set({ 'registries/countries.yaml': countries('{ toString: 1 }'), 'meetings/m.yaml': meeting('{ toString: 1, valueOf: 2 }'), 'meetings/odd.yaml': odd });
    expect(() => diffRecordSets(base, head, SIDES)).not.toThrow();
    expect(() => diffRecordSets(head, base, SIDES)).not.toThrow();
  });
});
