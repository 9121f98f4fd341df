// Mutational fuzzing of whole commands: the bundled records, one file mutated per run, through every read command and
// fmt. Whatever the mutation: no command throws or reports an internal error, every run exits 0, 1 or 2, a JSON
// output parses, and fmt never changes what a file means. A few seconds in `npm test`; ACTA_FUZZ_RUNS=500 (and
// ACTA_FUZZ_SEED to replay a failure) for a longer run.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRecordFile } from '../../src/core/read/parse.js';
import { mutate, mutation } from '../mutate.js';
import { REPO_ROOT, runActa } from '../run-acta.js';

const RUNS = Number(process.env['ACTA_FUZZ_RUNS'] ?? 6);
const SEED = process.env['ACTA_FUZZ_SEED'] === undefined ? undefined : Number(process.env['ACTA_FUZZ_SEED']);

const home = mkdtempSync(path.join(os.tmpdir(), 'acta-fuzz-'));
const root = path.join(home, 'records');
cpSync(path.join(REPO_ROOT, 'data'), root, { recursive: true, filter: (src) => !src.includes(`${path.sep}sources`) });
afterAll(() => rmSync(home, { recursive: true, force: true }));

const FILES = ['acta.yaml', ...['meetings', 'plans', 'registries'].flatMap((d) => readdirSync(path.join(root, d)).map((f) => `${d}/${f}`))];
const ORIGINAL = new Map(FILES.map((f) => [f, readFileSync(path.join(root, f), 'utf8')]));

const AS_OF = ['--as-of', '2017-08-01'];
const COMMANDS: { args: string[]; json: boolean }[] = [
  { args: ['validate', '-f', 'json'], json: true },
  { args: ['validate', '-f', 'github'], json: false },
  { args: ['overdue', '-f', 'json', ...AS_OF], json: true },
  { args: ['upcoming', '-f', 'md', ...AS_OF], json: false },
  { args: ['list', 'agreements', '-f', 'json', ...AS_OF], json: true },
  { args: ['show', '2017-06-21-red-trata', ...AS_OF], json: false },
  { args: ['export', '-f', 'ics', ...AS_OF], json: false },
  { args: ['report', '--year', '2017', '-f', 'json', ...AS_OF], json: true },
  { args: ['workplan', '-f', 'csv', ...AS_OF], json: false },
  { args: ['dashboard', '-f', 'json', ...AS_OF], json: true },
];

const dataOf = (file: string, source: string): unknown => parseRecordFile(file, new TextEncoder().encode(source)).data;

describe('mutated records through every command', () => {
  it(`no crash, exit 0/1/2, JSON parses, fmt keeps the meaning (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FILES), fc.array(mutation, { minLength: 1, maxLength: 3 }), async (file, ms) => {
        const full = path.join(root, file);
        const mutated = mutate(ORIGINAL.get(file)!, ms);
        writeFileSync(full, mutated);
        try {
          for (const { args, json } of COMMANDS) {
            const r = await runActa(['--root', root, ...args]);
            const what = `acta ${args.join(' ')} on ${file}`;
            expect([0, 1, 2], `${what}: exit ${r.code}\n${r.stderr}`).toContain(r.code);
            expect(r.stderr, what).not.toMatch(/internal error|bug in acta|at .*\.ts:\d+/);
            if (json && r.code !== 2) expect(() => JSON.parse(r.stdout), what).not.toThrow();
          }
          const fmt = await runActa(['--root', root, 'fmt', full]);
          expect([0, 1], `fmt: exit ${fmt.code}\n${fmt.stderr}`).toContain(fmt.code);
          const after = readFileSync(full, 'utf8');
          if (after !== mutated) expect(dataOf(file, after), `fmt changed the meaning of ${file}`).toEqual(dataOf(file, mutated));
        } finally {
          writeFileSync(full, ORIGINAL.get(file)!);
        }
      }),
      { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
  }, 600_000);
});
