// The fast path types a plain scalar by its first character before any expression (parse-fast.ts coreScalarOf):
// held here to the answer of the eight expressions tried in turn, the yaml library's core schema as parse-fast states
// it, over words, numbers in every notation, dates and ids, and random text made of the characters that matter.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CORE_SCALARS, coreScalarOf } from '../../src/core/read/parse-fast.js';

/** Every expression in turn (what coreScalarOf did before it looked at the first character). */
function byExpressions(s: string): (typeof CORE_SCALARS)[number] | undefined {
  if (!/^[-+.0-9~nNtTfF]/.test(s)) return undefined;
  return CORE_SCALARS.find((scalar) => scalar.test.test(s));
}

const NAMED = [
  '', '~', 'null', 'Null', 'NULL', 'nULL', 'nul', 'nulls', 'true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE', 'fals', 'falsey',
  'title', 'number', 'follows', 'Trata', 'no', 'n', 'F', 't', 'yes', 'on', 'off', '0', '-0', '+1', '007', '0o17', '0o8', '0x1F', '0xg', '.inf', '-.Inf',
  '+.INF', '.nan', '.NaN', '.NAN', '-.nan', '1.5', '1.', '.5', '1e3', '1.5E-3', '-.5e+2', '1e', '2016-05-29', '2016-05', '2016-05-29T10:00',
  'CRM-2016-01', '1234-x', '12345-6', '3.b', '#2', '- a', 'ES', 'NA', 'TRUEx',
];

// Text made of the characters core scalars are made of (and some that are not), up to twelve long.
const SCALAR_CHARS = fc.constantFrom(...'-+.0123456789~eEoxXabfFnNtTrRuUlLsSiI _#'.split(''));
const scalarText = fc.array(SCALAR_CHARS, { maxLength: 12 }).map((cs) => cs.join(''));

describe('coreScalarOf: the first-character dispatch', () => {
  it('answers as the expressions do on named cases', () => {
    for (const s of NAMED) expect(coreScalarOf(s), JSON.stringify(s)).toBe(byExpressions(s));
  });

  it('answers as the expressions do on random text of scalar characters', () => {
    fc.assert(
      fc.property(fc.oneof(scalarText, fc.string({ maxLength: 8 }), fc.constantFrom(...NAMED).chain((w) => scalarText.map((t) => w + t))), (s) => {
        expect(coreScalarOf(s)).toBe(byExpressions(s));
      }),
      { numRuns: 3000 },
    );
  });
});
