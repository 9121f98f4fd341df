// The diff's pretty and Markdown outputs name the occurrence, who delivered and the evidence; its JSON has a version.
import { describe, expect, it } from 'vitest';
import { parseRecordFile } from '../../src/core/read/parse.js';
import { diffRecordSets } from '../../src/core/diff/diff.js';
import { buildRecordSet } from '../../src/core/records.js';
import type { RecordSet } from '../../src/core/records.js';
import { DIFF_FORMATTERS } from '../../src/render/diff.js';
import { PLAIN } from '../../src/render/style.js';
import { validator } from '../schema-validator.js';

const set = (files: Record<string, string>): RecordSet => buildRecordSet(Object.entries(files).map(([f, t]) => parseRecordFile(f, Buffer.from(t))), validator).records;
const SIDES = { base: { label: 'base' }, head: { label: 'head' } };

const meeting = (followup: string): string => `record: meeting
id: 2017-01-01-x
body: x
dates: { start: "2017-01-01" }
source: { document: d }
agreements:
  - number: "5"
    text: { es: Enviar informes }
    commitment:
      owners: [MX, GT]
      deadline: { due: twice-a-year, from: "2017", until: "2017" }
${followup}`;

const ADDED = `    followup:
      - date: "2017-07-03"
        status: done
        occurrence: 2017-H1
        delivered_by: [MX]
        evidence: { url: "https://example.org/informe" }
`;

describe('diff of an added follow-up entry', () => {
  const r = diffRecordSets(set({ 'm.yaml': meeting('') }), set({ 'm.yaml': meeting(ADDED) }), SIDES);

  it('names the occurrence, who delivered and the evidence (pretty, en)', () => {
    const out = DIFF_FORMATTERS.pretty(r, { style: PLAIN, lang: 'en' });
    expect(out).toContain('agreement 5 of the 2017-01-01-x meeting, 2017-H1 occurrence: status pending → done; delivered by MX; evidence: https://example.org/informe');
  });

  it('the same in Markdown, in Spanish', () => {
    const out = DIFF_FORMATTERS.md(r, { style: PLAIN, lang: 'es' });
    expect(out).toContain('ocurrencia 2017-H1');
    expect(out).toContain('entregado por MX');
    expect(out).toContain('evidencia: https://example.org/informe');
  });

  it('the JSON has version 1 and the occurrence', () => {
    const json = JSON.parse(DIFF_FORMATTERS.json(r, { style: PLAIN, lang: 'en' }));
    expect(json.version).toBe(1);
    expect(json.changes[0].occurrence).toBe('2017-H1');
  });
});
