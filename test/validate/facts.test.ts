// validate keeps facts, not records (core/facts.ts): each record checked while fresh, its data dropped, what the whole
// set decides resolved at the end — and every diagnostic the whole-record pipeline's (checkRecords), byte for byte, in
// the same order: over every fixture of the catalogue, across records, on the bundled records, on generated sets of
// records (fixed seed in npm test), with the fast parse path (data dropped) and the located one (kept whole).
import { cpSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReadAlone } from '../../src/core/facts.js';
import { checkByFacts, factCounts, fromAnswers, looksLikeContext, startFacts } from '../../src/core/facts.js';
import { checkRecords } from '../../src/core/pipeline.js';
import type { ParsedFile } from '../../src/core/read/index.js';
import { parseRecordFile, readRecordFile, withTreeOnDemand } from '../../src/core/read/index.js';
import { checkRepository, loadRepository, readParsedFiles, schemaValidator } from '../../src/io/load.js';
import { diskSource } from '../../src/io/source.js';
import { propertyRuns } from '../fixed-seeds.js';
import { mutate, mutation } from '../mutate.js';
import { CASES } from './cases.js';
import { MEETING, REGISTRIES } from './harness.js';

const encode = (s: string | Uint8Array): Uint8Array => (typeof s === 'string' ? new TextEncoder().encode(s) : s);
const sorted = (files: Record<string, string | Uint8Array>): [string, string | Uint8Array][] => Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
const located = (files: Record<string, string | Uint8Array>): ParsedFile[] => sorted(files).map(([n, c]) => parseRecordFile(n, encode(c)));
const fast = (files: Record<string, string | Uint8Array>): ParsedFile[] => sorted(files).map(([n, c]) => readRecordFile(n, encode(c)));

/** What validate prints from: the diagnostics (as JSON gives them), the text of each file they are in, the language. */
function printed(checked: { diagnostics: readonly unknown[]; records: { files: readonly ParsedFile[]; leftOut: readonly unknown[]; config: { lang?: string } } }): string {
  const withProblems = new Set((checked.diagnostics as { file: string }[]).map((d) => d.file));
  const texts = checked.records.files.filter((f) => withProblems.has(f.file)).map((f) => [f.file, f.text]);
  return JSON.stringify({ diagnostics: checked.diagnostics, texts, leftOut: checked.records.leftOut, lang: checked.records.config.lang ?? '' });
}

/** The read commands' path with check workers (io/load.ts loadRepository): another run given the same context reads
 * each record file alone (core/facts.ts `read`: its data as JSON text, its per-record results; cloned, as across a
 * thread), and this thread keeps the file made from the same bytes and that data — what readRecordFile makes of it —
 * and gives the answers to checkRecords as its schema's and per-record checks' results. Files not answered are kept as
 * parsed here. */
function byAnswers(files: readonly ParsedFile[], options: { rootFile: string; asOf?: string }): ReturnType<typeof checkRecords> & { answered: number } {
  const worker = startFacts(schemaValidator(), options);
  const bytes = (f: ParsedFile): Uint8Array => new TextEncoder().encode(f.text);
  files.forEach((f, i) => looksLikeContext(f.file) && worker.context(readRecordFile(f.file, bytes(f)), i));
  const answers = new Map<string, ReadAlone>();
  const kept = files.map((f) => {
    if (looksLikeContext(f.file) || f.positions?.() === undefined) return f;
    const answer = worker.read(readRecordFile(f.file, bytes(f)), true);
    if (!answer) return f;
    answers.set(f.file, structuredClone(answer));
    return withTreeOnDemand(f.file, bytes(f), undefined, JSON.parse(answer.json), []);
  });
  const { validator, workerResults } = fromAnswers(answers, new Map(kept.map((f) => [f.file, f])), schemaValidator());
  return { ...checkRecords(kept, validator, { ...options, workerResults }), answered: answers.size };
}

/** Both paths on the same files (each parsed anew: a file's positions are made once, on demand). */
function same(files: Record<string, string | Uint8Array>, asOf?: string): void {
  const options = { rootFile: 'acta.yaml', ...(asOf !== undefined ? { asOf } : {}) };
  for (const parse of [fast, located]) {
    const whole = checkRecords(parse(files), schemaValidator(), options);
    const facts = checkByFacts(parse(files), schemaValidator(), options);
    expect(facts).toBeDefined();
    expect(printed(facts!)).toBe(printed(whole));
    // As check workers do it (io/check-pool.ts): each record checked alone by another run, its answer cloned across.
    const workers = checkByFacts(parse(files), schemaValidator(), options, structuredClone);
    expect(printed(workers!)).toBe(printed(whole));
    // The read commands' path with workers: the same diagnostics, and the same records (whole, with their data).
    const read = byAnswers(parse(files), options);
    expect(printed(read)).toBe(printed(whole));
    expect(read.records.meetings.map((m) => m.data)).toEqual(whole.records.meetings.map((m) => m.data));
    expect(read.records.plans.map((p) => p.data)).toEqual(whole.records.plans.map((p) => p.data));
    // Key order too (what JSON and templates print in): the same text.
    expect(JSON.stringify([read.records.meetings.map((m) => m.data), read.records.plans.map((p) => p.data)])).toBe(JSON.stringify([whole.records.meetings.map((m) => m.data), whole.records.plans.map((p) => p.data)]));
    expect(read.records.leftOut).toEqual(whole.records.leftOut);
  }
}

describe('the facts path says what the whole-record path says', () => {
  it.each(CASES.map((c) => [`${c.code}: ${c.name}`, c] as const))('%s', (_, c) => {
    same(c.withRegistries ?? true ? { ...REGISTRIES, ...c.files } : c.files, c.asOf);
  });

  it('across records: a ring of supersessions, an id given twice, points and meetings referred to, found and not', () => {
    const other = MEETING.replace('id: 2017-03-16-red-nna', 'id: 2017-06-21-red-nna').replace('2017-03-16', '2017-06-21');
    const files = {
      ...REGISTRIES,
      'meetings/2017-03-16-red-nna.yaml': MEETING.replace('action: thank', 'action: thank\n    supersedes: "2017-06-21-red-nna#1"'),
      'meetings/2017-06-21-red-nna.yaml': other.replace('action: thank', 'action: thank\n    supersedes: "2017-03-16-red-nna#1"').replace('record: meeting', 'record: meeting\nfollows:\n  - ref: 2017-03-16-red-nna\n  - ref: 2017-03-16-red-nnb\n  - ref: "2017-03-16-red-nna#9"'),
      'meetings/2017-06-21-copy.yaml': other,
    };
    const codes = checkRecords(fast(files), schemaValidator(), { rootFile: 'acta.yaml' }).diagnostics.map((d) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['id/duplicate', 'ref/supersession-cycle', 'ref/unknown-meeting', 'ref/unknown-agreement']));
    same(files);
    same(files, '2017-01-01');
  });

  it('on the bundled records of data/, with and without --as-of; each valid record checked fresh and its data dropped', async () => {
    const source = diskSource('data');
    const files = await readParsedFiles(source, await source.list());
    const before = factCounts.fresh;
    const facts = checkByFacts(files, schemaValidator(), { rootFile: 'acta.yaml' })!;
    expect(printed(facts)).toBe(printed(checkRecords(files, schemaValidator(), { rootFile: 'acta.yaml' })));
    const meetings = facts.records.meetings.filter((m) => m.valid);
    expect(meetings.length).toBeGreaterThanOrEqual(4);
    expect(factCounts.fresh - before).toBe(meetings.length + facts.records.plans.filter((p) => p.valid).length);
    // What is kept of a meeting: its id, start date, points' numbers and supersessions, notes — no text, no commitment.
    for (const m of meetings) {
      expect(Object.keys(m.data).every((k) => ['id', 'dates', 'agreements', 'notes'].includes(k))).toBe(true);
      expect(m.parsed.data).toBeUndefined();
    }
    // Through workers (each valid record checked alone, its answer cloned): the same, and every one of them sent.
    const sent = factCounts.byWorker;
    expect(printed(checkByFacts(files, schemaValidator(), { rootFile: 'acta.yaml' }, structuredClone)!)).toBe(printed(facts));
    expect(factCounts.byWorker - sent).toBe(meetings.length + facts.records.plans.filter((p) => p.valid).length);
    const read = byAnswers(files, { rootFile: 'acta.yaml', asOf: '2010-01-01' });
    expect(read.answered).toBe(meetings.length + facts.records.plans.filter((p) => p.valid).length);
    expect(printed(read)).toBe(printed(checkRecords(files, schemaValidator(), { rootFile: 'acta.yaml', asOf: '2010-01-01' })));
    const again = await readParsedFiles(source, await source.list());
    expect(printed(checkByFacts(again, schemaValidator(), { rootFile: 'acta.yaml', asOf: '2010-01-01' })!)).toBe(printed(checkRecords(again, schemaValidator(), { rootFile: 'acta.yaml', asOf: '2010-01-01' })));
  });

  it('on generated sets: fixtures of the catalogue side by side, copies of a meeting that refer to one another, mutated', () => {
    const refs = ['2017-03-16-red-nna', '2017-03-16-red-nna#1', '2017-03-16-red-nna#7', '2016-01-01-none', 'PLAN#1/I/1/1.1', 'ZZ', 'OIM'];
    const copy = fc.record({
      id: fc.constantFrom('2017-03-16-red-nna', '2017-06-21-red-nna', '2018-01-10-red-nna'),
      follows: fc.array(fc.constantFrom(...refs), { maxLength: 3 }),
      participant: fc.constantFrom('MX', 'ZZ', 'QQ', 'OIM', 'oim', 'XX'),
      todo: fc.boolean(),
      mutations: fc.array(mutation, { maxLength: 2 }),
    });
    const set = fc.record({ cases: fc.array(fc.nat(CASES.length - 1), { minLength: 1, maxLength: 3 }), copies: fc.array(copy, { maxLength: 4 }), asOf: fc.option(fc.constantFrom('2017-01-01', '2018-06-30'), { nil: undefined }) });
    fc.assert(
      fc.property(set, ({ cases, copies, asOf }) => {
        const files: Record<string, string | Uint8Array> = { ...REGISTRIES };
        cases.forEach((n, j) => {
          for (const [name, content] of Object.entries(CASES[n]!.files)) files[j === 0 ? name : `s${j}/${name}`] = content;
        });
        copies.forEach((c, j) => {
          let text = MEETING.replace(/2017-03-16-red-nna/g, c.id).replace('record: meeting', `record: meeting\nfollows:\n${c.follows.map((r) => `  - ref: "${r}"`).join('\n') || '  []'}`);
          text = text.replace(/^participants: \[/m, `participants: [${c.participant}, `);
          if (c.todo) text = text.replace('Agradecer a las delegaciones.', '"TODO: check"');
          files[`meetings/copy-${j}/${c.id}.yaml`] = mutate(text, c.mutations);
        });
        same(files, asOf);
      }),
      // Each case checks a set of up to seven files four times (two parse paths, two pipelines): few on the fixed seed.
      { numRuns: propertyRuns(30) },
    );
  });
});

describe('the order of reading', () => {
  it('acta.yaml and files named like a registry first; a meeting among them waits for the rest of the context', () => {
    expect(['acta.yaml', 'registries/x.yaml', 'lists/countries.yaml', 'a/groups.yml'].every(looksLikeContext)).toBe(true);
    expect(['meetings/acta.yaml', 'meetings/2017-03-16-red-nna.yaml', 'registries.yaml', 'plans/bodies-plan.yaml'].some(looksLikeContext)).toBe(false);
    const files = { ...REGISTRIES, 'registries/2017-03-16-red-nna.yaml': MEETING.replace(/^participants: \[/m, 'participants: [ZZ, '), 'a/plan-first.yaml': 'record: plan\nid: x\n' };
    same(files);
  });

  it('a registry not named like one: the core path says so, and validate takes the whole-record path (the same answer)', async () => {
    const renamed = Object.fromEntries(Object.entries(REGISTRIES).map(([n, t]) => [n.replace('registries/countries.yaml', 'lists/paises.yaml'), t]));
    const files = { ...renamed, 'meetings/2017-03-16-red-nna.yaml': MEETING.replace(/^participants: \[/m, 'participants: [ZZ, ') };
    expect(checkByFacts(fast(files), schemaValidator(), { rootFile: 'acta.yaml' })).toBeUndefined();
    const root = mkdtempSync(path.join(os.tmpdir(), 'acta-facts-'));
    try {
      cpSync(path.resolve('test/fixtures/validate-errors'), root, { recursive: true });
      rmSync(path.join(root, 'registries'), { recursive: true, force: true });
      for (const [name, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
        writeFileSync(path.join(root, name), text);
      }
      const whole = await loadRepository(root);
      const facts = await checkRepository(root);
      expect(whole.diagnostics.map((d) => d.code)).toContain('ref/unknown-country');
      expect(printed(facts)).toBe(printed(whole));
      expect(facts.fileNames).toEqual(whole.fileNames);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
