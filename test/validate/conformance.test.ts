// The YAML test suite (outside the project, in ../shared/conformance/yaml-test-suite) through the parse layer, as
// `npm run conformance` classifies it: no valid case refused without a by-design code, no invalid case accepted,
// no crash, no value other than the expected one.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SUITE = path.resolve(process.env['ACTA_YAML_SUITE'] ?? path.join('..', 'shared', 'conformance', 'yaml-test-suite'));
const present = existsSync(SUITE);
if (!present) {
  const bar = '!'.repeat(78);
  console.warn(`\n${bar}\n!!! SKIPPED: the YAML test suite conformance test (test/validate/conformance.test.ts).\n!!! No suite at ${SUITE}: put yaml-test-suite there (CI has it at that path).\n${bar}\n`);
}

interface Result {
  readonly id: string;
  readonly outcome: string;
  readonly codes?: readonly string[];
  readonly detail?: string;
}

describe.skipIf(!present)('the YAML test suite', () => {
  it('meets the goal: every valid case accepted with its value or refused by design, every invalid one refused', () => {
    const run = spawnSync(process.execPath, ['scripts/conformance.mjs', '--json', '--suite', SUITE], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(run.stderr).toBe('');
    const results = JSON.parse(run.stdout) as Result[];
    expect(results.length).toBeGreaterThan(300);
    const failures = results.filter((r) => ['refused-undocumented', 'invalid-accepted', 'mismatch', 'crash'].includes(r.outcome));
    expect(failures).toEqual([]);
    expect(results.filter((r) => r.outcome === 'accepted').length).toBeGreaterThan(150);
    expect(run.status).toBe(0);
  });
});
