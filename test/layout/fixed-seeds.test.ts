// Issue 26 point 19: every property test in `npm test` on a fixed seed; random seeds only behind ACTA_RANDOM_SEEDS.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIXED_SEED, propertyRuns, seedFromEnvironment } from '../fixed-seeds.js';
import { REPO_ROOT } from '../run-acta.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.(ts|mjs)$/.test(name) ? [full] : [];
  });
}

describe('property tests on fixed seeds', () => {
  it.skipIf(process.env['ACTA_RANDOM_SEEDS'] !== undefined)('fast-check runs on the fixed seed in every test file', () => {
    expect(fc.readConfigureGlobal().seed).toBe(FIXED_SEED);
    const draw = (): number[] => fc.sample(fc.integer(), { numRuns: 5 });
    expect(draw()).toEqual(draw());
    let first: number[] = [];
    let second: number[] = [];
    fc.assert(fc.property(fc.nat(), (n) => void first.push(n)), { numRuns: 5 });
    fc.assert(fc.property(fc.nat(), (n) => void second.push(n)), { numRuns: 5 });
    expect(second).toEqual(first);
  });

  it('the seed comes from ACTA_RANDOM_SEEDS only when asked: unset or 0 is the fixed seed, a number replays, anything else is random', () => {
    expect(seedFromEnvironment(undefined)).toBe(FIXED_SEED);
    expect(seedFromEnvironment('0')).toBe(FIXED_SEED);
    expect(seedFromEnvironment('1126370005')).toBe(1126370005);
    expect(seedFromEnvironment('1')).toBe(1);
    expect(seedFromEnvironment('yes')).toBe('random');
  });

  it('a costly property test draws a third of its cases (at least 10) on the fixed seed, all of them on any other', () => {
    expect([propertyRuns(300, true), propertyRuns(40, true), propertyRuns(14, true), propertyRuns(5, true)]).toEqual([100, 14, 10, 5]);
    expect([propertyRuns(300, false), propertyRuns(40, false)]).toEqual([300, 40]);
  });

  it('the setup file is loaded for every test file, and no test draws a seed from the clock or Math.random', () => {
    expect(readFileSync(path.join(REPO_ROOT, 'vitest.config.ts'), 'utf8')).toMatch(/setupFiles: \['test\/fixed-seeds\.ts'\]/);
    const users = files(path.join(REPO_ROOT, 'test')).filter((f) => /from 'fast-check'/.test(readFileSync(f, 'utf8')));
    expect(users.length).toBeGreaterThan(10);
    for (const f of files(path.join(REPO_ROOT, 'test'))) {
      const text = readFileSync(f, 'utf8');
      expect(/seed:\s*(?:Date\.now|Math\.random)/.test(text), path.relative(REPO_ROOT, f)).toBe(false);
      if (!f.endsWith('fixed-seeds.test.ts')) expect(/Math\.random\(/.test(text), `${path.relative(REPO_ROOT, f)} uses Math.random`).toBe(false);
    }
  });
});
