// Warm means incremental (issue 24 point 1): the per-record checks (core/pipeline.ts PER_RECORD) run one record at a
// time so that each record's results can be kept by its content and the context's hash. That is only sound if a check's
// diagnostics about a record depend on nothing but the record and the context: these tests hold every per-record check
// to its whole-set run — on every fixture of every rule, and on the real records of data/ — and show that a record
// whose results are kept is not checked again (work counted, not timed).
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostics.js';
import type { RecordChecks, RecordResults } from '../../src/core/pipeline.js';
import { checkByFacts } from '../../src/core/facts.js';
import { checkRecords, recordCheckCounts } from '../../src/core/pipeline.js';
import type { ParsedFile } from '../../src/core/read/index.js';
import { parseRecordFile } from '../../src/core/read/index.js';
import { readParsedFiles, schemaValidator } from '../../src/io/load.js';
import { diskSource } from '../../src/io/source.js';
import { countWork } from '../work-count.js';
import { CASES } from './cases.js';
import { MEETING, REGISTRIES } from './harness.js';

/** Kept results in memory, by context and file (the content of a file does not change within a test). */
function memory(): { open(context: string): RecordResults; forget(file: string): void; contexts: Set<string> } {
  const kept = new Map<string, RecordChecks>();
  const contexts = new Set<string>();
  return {
    contexts,
    open(context) {
      contexts.add(context);
      return { get: (file) => kept.get(`${context}\0${file}`), put: (file, results) => void kept.set(`${context}\0${file}`, results) };
    },
    forget(file) {
      for (const key of [...kept.keys()]) if (key.endsWith(`\0${file}`)) kept.delete(key);
    },
  };
}

const strip = (ds: readonly Diagnostic[]): unknown => JSON.parse(JSON.stringify(ds));

function threeWays(files: readonly ParsedFile[], asOf?: string): void {
  const options = { rootFile: 'acta.yaml', ...(asOf !== undefined ? { asOf } : {}) };
  const whole = checkRecords(files, schemaValidator(), options).diagnostics;
  const kept = memory();
  const first = checkRecords(files, schemaValidator(), { ...options, recordResults: (c) => kept.open(c) }).diagnostics;
  const again = checkRecords(files, schemaValidator(), { ...options, recordResults: (c) => kept.open(c) }).diagnostics;
  expect(strip(first)).toEqual(strip(whole));
  expect(strip(again)).toEqual(strip(whole));
}

const parse = (files: Record<string, string | Uint8Array>): ParsedFile[] =>
  Object.entries(files).map(([name, content]) => parseRecordFile(name, typeof content === 'string' ? new TextEncoder().encode(content) : content));

describe('per-record checks, one record at a time, say what the whole-set run says', () => {
  it.each(CASES.map((c) => [`${c.code}: ${c.name}`, c] as const))('%s', (_, c) => {
    threeWays(parse(c.withRegistries ?? true ? { ...REGISTRIES, ...c.files } : c.files), c.asOf);
  });

  it('across records: a supersession ring through two meetings, an id given twice, a point referred to from another meeting', () => {
    const other = MEETING.replace('id: 2017-03-16-red-nna', 'id: 2017-06-21-red-nna').replace('2017-03-16', '2017-06-21');
    const files = {
      ...REGISTRIES,
      'meetings/2017-03-16-red-nna.yaml': MEETING.replace('action: thank', 'action: thank\n    supersedes: "2017-06-21-red-nna#1"'),
      'meetings/2017-06-21-red-nna.yaml': other.replace('action: thank', 'action: thank\n    supersedes: "2017-03-16-red-nna#1"'),
      'meetings/2017-06-21-copy.yaml': other,
    };
    const whole = checkRecords(parse(files), schemaValidator(), { rootFile: 'acta.yaml' }).diagnostics.map((d) => d.code);
    expect(whole).toEqual(expect.arrayContaining(['id/duplicate', 'ref/supersession-cycle']));
    threeWays(parse(files));
    threeWays(parse(files), '2017-01-01');
  });

  it('a record that failed its schema with a TODO left in: the placeholder is reported once, whole, kept and by facts', () => {
    // A key the schema does not know, and a TODO where the source's document goes.
    const files = { ...REGISTRIES, 'meetings/2017-03-16-red-nna.yaml': MEETING.replace('body: red-nna\n', 'body: red-nna\ncolour: red\n').replace('document: informe.txt', 'document: "TODO: the report"') };
    const whole = checkRecords(parse(files), schemaValidator(), { rootFile: 'acta.yaml' }).diagnostics;
    expect(whole.some((d) => d.code.startsWith('schema/'))).toBe(true);
    expect(whole.filter((d) => d.code === 'record/placeholder')).toHaveLength(1);
    threeWays(parse(files));
    expect(strip(checkByFacts(parse(files), schemaValidator(), { rootFile: 'acta.yaml' })!.diagnostics)).toEqual(strip(whole));
  });

  it('on the real records of data/, with and without --as-of', async () => {
    const source = diskSource('data');
    const files = await readParsedFiles(source, await source.list());
    expect(files.length).toBeGreaterThanOrEqual(10);
    threeWays(files);
    threeWays(files, '2010-01-01');
  });
});

describe('a record whose results are kept is not checked again', () => {
  it('one record changed: its per-record checks run, no other record’s (counted, and the work of the whole run)', async () => {
    const source = diskSource('data');
    const files = await readParsedFiles(source, await source.list());
    const kept = memory();
    const run = (): readonly Diagnostic[] => checkRecords(files, schemaValidator(), { rootFile: 'acta.yaml', recordResults: (c) => kept.open(c) }).diagnostics;
    const before = { ...recordCheckCounts };
    let first: readonly Diagnostic[] = [];
    const all = countWork(() => void (first = run()));
    const records = recordCheckCounts.run - before.run;
    expect(records).toBeGreaterThanOrEqual(5);
    const none = countWork(() => expect(strip(run())).toEqual(strip(first)));
    expect(recordCheckCounts.run - before.run).toBe(records);
    const meeting = files.find((f) => f.file.startsWith('meetings/'))!.file;
    kept.forget(meeting);
    const one = countWork(() => expect(strip(run())).toEqual(strip(first)));
    expect(recordCheckCounts.run - before.run).toBe(records + 1);
    expect(kept.contexts.size).toBe(1);
    // What the one record costs is about a record's share of the per-record work, not the whole of it again.
    expect(one - none).toBeLessThan((3 * (all - none)) / records);
    expect(none).toBeLessThan(all);
  });
});
