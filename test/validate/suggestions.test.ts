// "Did you mean" for unknown references stays linear in the records: each unknown name is searched once per run, and
// past MAX_SUGGESTED different names of a kind no more are searched (a search walks every meeting id).
import { diagnosticText } from '../../src/render/diagnostic-text.js';
const en = (d: Parameters<typeof diagnosticText>[0]): string => diagnosticText(d, 'en').message;
import { describe, expect, it } from 'vitest';
import { MAX_SUGGESTED, Suggestions } from '../../src/core/checks/references.js';
import { parseRecordFile } from '../../src/core/read/parse.js';
import { checkRecords } from '../../src/core/pipeline.js';
import { countWork } from '../work-count.js';
import { MEETING, REGISTRIES, validator } from './harness.js';

const day = (i: number): string => new Date(Date.UTC(2000, 0, 3 + i)).toISOString().slice(0, 10);

// n meetings, each following a meeting that has no record: its own id with an "x" added (so the nearest is itself).
function corpus(n: number, unknown: (i: number) => string) {
  const files: Record<string, string> = { ...REGISTRIES };
  for (let i = 0; i < n; i++) {
    const id = `${day(i)}-red-nna`;
    files[`meetings/${id}.yaml`] = MEETING.replace('id: 2017-03-16-red-nna', `id: ${id}`).replace('start: 2017-03-16\n  end: 2017-03-17', `start: ${day(i)}`).replace('due: 2017-07-21', 'due: 2030-07-21').replace('source:', `follows: [{ ref: ${unknown(i)} }]\nsource:`);
  }
  return Object.entries(files).map(([name, text]) => parseRecordFile(name, new TextEncoder().encode(text)));
}

describe('did you mean, for many unknown references', () => {
  it('suggests for the first MAX_SUGGESTED different names, then names the rest without a search', () => {
    const n = MAX_SUGGESTED + 50;
    const found = checkRecords(corpus(n, (i) => `${day(i)}-red-nnax`), validator).diagnostics.filter((d) => d.code === 'ref/unknown-meeting');
    expect(found).toHaveLength(n);
    expect(found.filter((d) => en(d).includes('did you mean'))).toHaveLength(MAX_SUGGESTED);
    expect(en(found[0]!)).toContain(`did you mean \`${day(0)}-red-nna\``);
  });

  it('gives one name the same suggestion in every file that uses it (searched once)', () => {
    const found = checkRecords(corpus(MAX_SUGGESTED + 50, () => `${day(3)}-red-nnax`), validator).diagnostics.filter((d) => d.code === 'ref/unknown-meeting');
    expect(new Set(found.map((d) => en(d))).size).toBe(1);
    expect(en(found[found.length - 1]!)).toContain('did you mean');
  });

  it('costs 4× the work for 4× the records, each naming a different missing meeting', () => {
    const work = (n: number): number => {
      const ids = Array.from({ length: n }, (_, i) => `${day(i)}-red-nna`);
      const suggestions = new Suggestions();
      // Names far from every id (a search then walks the ids without aligning any): the count is the walking.
      return countWork(() => ids.forEach((_, i) => suggestions.near('ref/unknown-meeting', `m${i}`, () => ids)));
    };
    expect(work(2000) / work(500)).toBeLessThanOrEqual(4.5);
  });
});
