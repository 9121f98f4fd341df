// `acta workplan` prints no diagnostics, so it loads the records as the follow-up commands do (`unchecked`: the schema
// decides which records count, the cross-record and per-record checks are not run) — checked, it ran validate's checks
// and threw their results away (docs/internals/performance.md, "Read commands, eighth round"). The matrix it prints
// from a set with problems of several kinds is the same either way.
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { meetingCorpus } from '../io/meeting-corpus.js';

const seen = vi.hoisted(() => ({ options: [] as unknown[] }));
vi.mock('../../src/io/load.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/io/load.js')>();
  return {
    ...real,
    loadRepository: async (...args: Parameters<typeof real.loadRepository>) => {
      seen.options.push(args[2]);
      return real.loadRepository(...args);
    },
  };
});

let root: string;
beforeAll(() => {
  // Problems the checks find (an unknown actor, a point number of the wrong type) beside valid meetings.
  root = meetingCorpus('acta-workplan-unchecked-', 30, (text, i) => {
    if (i % 5 === 0) text = text.replace('actors: [iom]', 'actors: [oim]');
    if (i % 11 === 0) text = text.replace('number: "1"', 'number: 1.10');
    return text;
  });
  cpSync(path.resolve('data/plans'), path.join(root, 'plans'), { recursive: true });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('workplan loads its records unchecked', () => {
  it('asks loadRepository for no checks, and prints what a checked load gives', async () => {
    vi.resetModules();
    seen.options.length = 0;
    const { runWorkplan } = await import('../../src/commands/workplan.js');
    const outcome = await runWorkplan(undefined, { root, asOf: '2018-01-01', format: 'json' });
    expect(seen.options).toEqual([{ unchecked: true }]);
    // The same plans and commitments from a checked load (the report's way of loading).
    const { loadReportInputs } = await import('../../src/commands/report-input.js');
    const { buildWorkplan } = await import('../../src/core/queries/workplan.js');
    const { jsonText } = await import('../../src/render/escape.js');
    const checked = await loadReportInputs({ root, asOf: '2018-01-01' });
    expect(checked.diagnostics.length).toBeGreaterThan(0);
    const plans = checked.records.plans.filter((p) => p.valid).map((p) => p.data).sort((a, b) => (a.id < b.id ? -1 : 1));
    const text = [...(outcome.stdout as Iterable<string>)].join('');
    expect(text).toContain('"2017-2022-red-nna"');
    expect(text).toBe(jsonText(buildWorkplan(plans, checked.commitments, {}, checked.ctx, checked.asOf)));
  });
});
