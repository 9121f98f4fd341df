// Open-ended input: whatever bytes or shapes a file holds, the pipeline returns diagnostics and never throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ALL_CODES } from '../../src/core/diagnostics.js';
import { parseRecordFile } from '../../src/core/read/parse.js';
import { checkRecords } from '../../src/core/pipeline.js';
import { MEETING, REGISTRIES, validator } from './harness.js';

const encode = (s: string): Uint8Array => new TextEncoder().encode(s);
const registries = Object.entries(REGISTRIES).map(([n, t]) => parseRecordFile(n, encode(t)));

function run(name: string, bytes: Uint8Array) {
  const parsed = parseRecordFile(name, bytes);
  return checkRecords([...registries, parsed], validator).diagnostics;
}

describe('the pipeline never throws', () => {
  it('on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const ds = run('meetings/x.yaml', bytes);
        for (const d of ds) expect(d.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it('on arbitrary text spliced into a valid meeting', () => {
    fc.assert(
      fc.property(fc.nat({ max: MEETING.length }), fc.string({ maxLength: 40 }), (at, junk) => {
        run('meetings/2017-03-16-red-nna.yaml', encode(MEETING.slice(0, at) + junk + MEETING.slice(at)));
      }),
      { numRuns: 300 },
    );
  });

  it('on meetings of any shape', () => {
    const value = fc.letrec((tie) => ({
      any: fc.oneof({ depthSize: 'small' }, fc.string({ maxLength: 12 }), fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('any'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('number', 'text', 'es', 'actors', 'commitment', 'owners', 'deadline', 'due', 'event', 'schedule', 'followup', 'date', 'items', 'x'), tie('any'), { maxKeys: 4 })),
    })).any;
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('id', 'body', 'dates', 'place', 'participants', 'agreements', 'follows', 'notes', 'source'), value, { maxKeys: 6 }), (fields) => {
        const doc = { record: 'meeting', id: '2017-03-16-red-nna', ...fields };
        const ds = run('meetings/2017-03-16-red-nna.yaml', encode(stringify(doc)));
        for (const d of ds) expect(ALL_CODES).toContain(d.code);
      }),
      { numRuns: 300 },
    );
  });
});

