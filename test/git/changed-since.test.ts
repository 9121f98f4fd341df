// acta validate --changed-since REV: the files changed since REV and the records that refer to them, nothing else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factCounts } from '../../src/core/facts.js';
import { TempRepo } from './repo.js';

const meeting = (id: string, extra = ''): string => `record: meeting
id: ${id}
body: red-nna
dates:
  start: "${id.slice(0, 10)}"
source:
  document: informe.txt
agreements:
  - number: "1"
    action: thank
    text:
      es: "Agradecer a las delegaciones."
${extra}`;

const REFERS = `  - number: "2"
    action: take-note
    text:
      es: "Tomar nota del acuerdo anterior."
    supersedes: "2017-03-16-red-nna#1"
`;

let repo: TempRepo;
beforeAll(() => {
  repo = new TempRepo('acta-changed-');
  repo
    .withRegistries()
    .write({
      'meetings/2017-03-16-red-nna.yaml': meeting('2017-03-16-red-nna'),
      'meetings/2017-06-21-red-nna.yaml': meeting('2017-06-21-red-nna', REFERS),
      'meetings/2018-01-10-red-nna.yaml': meeting('2018-01-10-red-nna'),
    })
    .commit('records', 'v1');
});
afterAll(() => repo.cleanup());

interface Json { summary: { files: number }; diagnostics: { file: string; code: string }[] }
const validate = async (...args: string[]): Promise<{ json: Json; code: number }> => {
  const r = await repo.acta(['validate', '--format', 'json', ...args]);
  return { json: JSON.parse(r.stdout) as Json, code: r.code };
};

describe('acta validate --changed-since', () => {
  it('nothing changed: nothing to check', async () => {
    const r = await validate('--changed-since', 'v1');
    expect(r.code).toBe(0);
    expect(r.json.summary.files).toBe(0);
  });

  it('checks a changed record and the records that refer to it, with the same diagnostics as a full run', async () => {
    // Renumbering point 1 breaks the reference from 2017-06-21, which did not change itself.
    repo.write({
      'meetings/2017-03-16-red-nna.yaml': meeting('2017-03-16-red-nna').replace('number: "1"', 'number: "9"'),
      'meetings/2018-01-10-red-nna.yaml': meeting('2018-01-10-red-nna').replace('body: red-nna', 'body: no-such-body'),
    });
    try {
      repo.commit('edits', 'v2');
      // In the working tree, 2018-01-10 is back as it was at v1 (but still wrong at v2).
      repo.write({ 'meetings/2018-01-10-red-nna.yaml': meeting('2018-01-10-red-nna') });
      const since = await validate('--changed-since', 'v1', '--rev', 'v2');
      const full = await validate('--rev', 'v2');
      expect(since.code).toBe(1);
      expect(since.json.summary.files).toBe(3);
      expect(since.json.diagnostics.map((d) => `${d.file} ${d.code}`)).toEqual(['meetings/2017-06-21-red-nna.yaml ref/unknown-agreement', 'meetings/2018-01-10-red-nna.yaml ref/unknown-body']);
      expect(since.json.diagnostics).toEqual(full.json.diagnostics.filter((d) => d.file.startsWith('meetings/')));
      // Against the working tree: only the meeting still changed since v1, and its referrer.
      const now = await validate('--changed-since', 'v1');
      expect(now.json.summary.files).toBe(2);
      expect(now.json.diagnostics.some((d) => d.file.includes('2018-01-10'))).toBe(false);
    } finally {
      repo.git('checkout', '-q', '--', '.');
    }
  });

  it("reads a record the changed one names for what its checks consult, and does not run that record's own checks", async () => {
    // 2017-03-16 has a problem of its own (an unknown body, found by its per-record checks) and is named by 2017-06-21
    // (supersedes its point 1): an edit of 2017-06-21 reads it as context. The same answer as a full run for the
    // changed file; the context record's schema and facts only (its own per-record checks would find its problem, which
    // is not reported).
    repo.write({ 'meetings/2017-03-16-red-nna.yaml': meeting('2017-03-16-red-nna').replace('body: red-nna', 'body: no-such-body') });
    try {
      repo.commit('a wrong body', 'v3');
      repo.write({ 'meetings/2017-06-21-red-nna.yaml': meeting('2017-06-21-red-nna', REFERS).replace('Tomar nota', 'Tomar debida nota') });
      repo.commit('an edit that names it', 'v4');
      const before = factCounts.factsOnly;
      const since = await validate('--changed-since', 'v3');
      const factsOnly = factCounts.factsOnly - before;
      const full = await validate();
      expect(since.json.summary.files).toBe(1);
      expect(full.json.diagnostics.map((d) => `${d.file} ${d.code}`)).toContain('meetings/2017-03-16-red-nna.yaml ref/unknown-body');
      expect(since.json.diagnostics).toEqual(full.json.diagnostics.filter((d) => d.file === 'meetings/2017-06-21-red-nna.yaml'));
      expect(factsOnly).toBe(1);
    } finally {
      repo.git('checkout', '-q', 'v1', '--', '.');
      repo.commit('back to v1', 'v5');
    }
  });
});
