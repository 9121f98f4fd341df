// fast-check's binary string unit (any code point but a lone surrogate) without its price: fc.string with that unit
// tokenises fast-check's dangerous strings (`__proto__`, `constructor`, …) against the unit the first time
// in a process, and the unit answers that by building a reverse map of every code point (1.1 million Map entries,
// ~1.5 s of CPU, once per test worker). BINARY draws the same values from the same random stream — it is the same
// `mapToConstant` of the same two ranges, generated and shrunk by it — and answers "is this one of my values" from the
// code point itself, so the dangerous strings are tokenised into the same slices, character by character, without the
// map: `fc.string({ unit: BINARY, … })` draws what fc.string with fast-check's binary unit draws, case for case
// (test/layout/binary-unit.test.ts holds every test to BINARY, and the two side by side in a long run).
import fc from 'fast-check';
import type { Arbitrary, Random, Value } from 'fast-check';

// fast-check's ranges for the binary unit of the full alphabet: every code point but the surrogates.
const RANGES = [[0, 0xd7ff], [0xe000, 0x10ffff]] as const;
const codePoints = fc.mapToConstant(...RANGES.map(([from, to]) => ({ num: to - from + 1, build: (i: number) => String.fromCodePoint(from + i) })));

class BinaryUnit extends fc.Arbitrary<string> {
  generate(mrng: Random, biasFactor: number | undefined): Value<string> {
    return codePoints.generate(mrng, biasFactor);
  }

  /** One code point of the ranges: what the map's unmapper accepts, without the map. */
  canShrinkWithoutContext(value: unknown): value is string {
    if (typeof value !== 'string' || value.length === 0 || value.length > 2) return false;
    const point = value.codePointAt(0)!;
    return String.fromCodePoint(point) === value && RANGES.some(([from, to]) => point >= from && point <= to);
  }

  shrink(value: string, context: unknown): fc.Stream<Value<string>> {
    return codePoints.shrink(value, context);
  }
}

/** The unit for `fc.string({ unit: BINARY })`, in place of fast-check's binary unit. */
export const BINARY: Arbitrary<string> = new BinaryUnit();
