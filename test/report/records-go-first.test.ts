// `acta report` builds its view in two steps so the records can go first (src/commands/report.ts): what reportInputs
// hands on — the basis (the period's meetings and plans as data, the records' health) and the commitments — must
// not reach the record set, any file's parse or its bytes, or the collection before the view frees nothing.
import { describe, expect, it } from 'vitest';
import { reportInputs } from '../../src/commands/report.js';
import { loadReportInputs } from '../../src/commands/report-input.js';
import { buildReport, reportFromBasis } from '../../src/core/queries/report.js';
import { diagnosticText } from '../../src/render/diagnostic-text.js';
import { AS_OF, FIXTURE } from './run.js';

// Every object reachable from `root` through own properties, array items, Map and Set entries.
function reachable(root: unknown): Set<object> {
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length) {
    const v = stack.pop();
    if (v === null || (typeof v !== 'object' && typeof v !== 'function') || seen.has(v as object)) continue;
    seen.add(v as object);
    if (ArrayBuffer.isView(v)) continue;
    if (v instanceof Map) for (const [k, x] of v) stack.push(k, x);
    else if (v instanceof Set) for (const x of v) stack.push(x);
    if (typeof v === 'object') for (const k of Object.getOwnPropertyNames(v)) stack.push(Object.getOwnPropertyDescriptor(v, k)?.value);
  }
  return seen;
}

const options = { root: FIXTURE, asOf: AS_OF, year: '2017' };
// Loaded once for both tests: the whole inputs as report-input.ts gives them, and what reportInputs hands on.
const loaded = Promise.all([loadReportInputs(options, { from: '2017', to: '2017' }), reportInputs(options)]);

describe('report: the records go before the view is built', () => {
  it('what reportInputs hands on reaches no record file, parse or bytes, and holds the period\'s meetings', async () => {
    const [full, inputs] = await loaded;
    const files = new Set<object>(full.records.files);
    const held = reachable(inputs);
    expect([...held].filter((o) => files.has(o))).toEqual([]);
    expect([...held].some((o) => ArrayBuffer.isView(o))).toBe(false);
    expect([...held].some((o) => 'lineCounter' in o || 'parsed' in o)).toBe(false);
    // The loaded set itself does reach them (so the walk above can see a file when one is held).
    const all = reachable(full);
    expect([...all].filter((o) => files.has(o)).length).toBe(files.size);
    const in2017 = full.records.meetings.filter((m) => m.valid && m.data.dates.start.startsWith('2017')).map((m) => m.data);
    expect(in2017.length).toBeGreaterThan(0);
    expect(new Set(inputs.basis.meetings)).toEqual(new Set(in2017));
  });

  it('the view built from the basis is the view built from the records', async () => {
    const [full, inputs] = await loaded;
    const whole = buildReport({ ...full, describe: (d) => diagnosticText(d, full.lang).message, year: '2017', next: 90 });
    expect(reportFromBasis(inputs.basis, { ...inputs, year: '2017', next: 90 })).toEqual(whole);
  });
});
