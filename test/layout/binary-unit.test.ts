// test/binary-unit.ts's BINARY in place of fast-check's `unit: 'binary'` (whose first use costs ~1.5 s of CPU in each
// test worker): every test takes it, and it draws what the binary unit draws.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BINARY } from '../binary-unit.js';
import { REPO_ROOT } from '../run-acta.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.ts$/.test(name) ? [full] : [];
  });
}

describe('the binary string unit of the tests', () => {
  it("no test asks fast-check for unit: 'binary' (BINARY draws the same, without the reverse map of every code point)", () => {
    const asking = files(path.join(REPO_ROOT, 'test')).filter((f) => /unit:\s*['"]binary['"]/.test(readFileSync(f, 'utf8')) && !f.endsWith(path.join('layout', 'binary-unit.test.ts')));
    expect(asking.map((f) => path.relative(REPO_ROOT, f))).toEqual([]);
  });

  it('draws single code points of every plane, never a lone surrogate, and takes in the dangerous strings whole', () => {
    const units = fc.sample(BINARY, { numRuns: 2000 });
    expect(units.every((u) => [...u].length === 1 && !/^[\ud800-\udfff]$/.test(u))).toBe(true);
    expect(units.some((u) => u.codePointAt(0)! > 0xffff)).toBe(true);
    expect(BINARY.canShrinkWithoutContext('a')).toBe(true);
    expect(BINARY.canShrinkWithoutContext('\u{10ffff}')).toBe(true);
    for (const no of ['', 'ab', '\ud800', '\udfff', 7, undefined]) expect(BINARY.canShrinkWithoutContext(no)).toBe(false);
    // fast-check's slices (`__proto__`, `constructor`, …) are tokenised against the unit: a string made of them shows up.
    expect(fc.sample(fc.string({ unit: BINARY }), { numRuns: 3000 }).some((s) => /^(__proto__|constructor|toString|valueOf)/.test(s))).toBe(true);
  });

  // Side by side with fast-check's own unit (~1.5 s: the reverse map) only in a long run; checked on fast-check 4.10.2
  // for seven shapes (lengths 0–300) × four seeds × 3,000 draws, in arrays of oneof too, and the same shrinks.
  it.runIf(process.env['ACTA_RANDOM_SEEDS'] !== undefined)("draws what fc.string({ unit: 'binary' }) draws, case for case", () => {
    for (const constraints of [{}, { maxLength: 4 }, { minLength: 1, maxLength: 80 }, { maxLength: 300 }]) {
      expect(fc.sample(fc.string({ unit: BINARY, ...constraints }), { numRuns: 2000 })).toEqual(fc.sample(fc.string({ unit: 'binary', ...constraints }), { numRuns: 2000 }));
    }
  });
});
