// Mutational fuzzing of whole commands: the bundled records, one file mutated per run, through every read command and
// fmt. Whatever the mutation: no command throws or reports an internal error, every run exits 0, 1 or 2, a JSON
// output parses, and fmt never changes what a file means. A few seconds in `npm test`; ACTA_FUZZ_RUNS=500 (and
// ACTA_FUZZ_SEED to replay a failure) for a longer run.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRecordFile } from '../../src/core/parse.js';
import { REPO_ROOT, runActa } from '../run-acta.js';

const RUNS = Number(process.env['ACTA_FUZZ_RUNS'] ?? 6);
const SEED = process.env['ACTA_FUZZ_SEED'] === undefined ? undefined : Number(process.env['ACTA_FUZZ_SEED']);

const home = mkdtempSync(path.join(os.tmpdir(), 'acta-fuzz-'));
const root = path.join(home, 'records');
cpSync(path.join(REPO_ROOT, 'data'), root, { recursive: true, filter: (src) => !src.includes(`${path.sep}sources`) });
afterAll(() => rmSync(home, { recursive: true, force: true }));

const FILES = ['acta.yaml', ...['meetings', 'plans', 'registries'].flatMap((d) => readdirSync(path.join(root, d)).map((f) => `${d}/${f}`))];
const ORIGINAL = new Map(FILES.map((f) => [f, readFileSync(path.join(root, f), 'utf8')]));

// Text a hostile contributor might type: YAML syntax, controls, bidi, formulas, workflow commands, huge numbers.
const HOSTILE = ['', ':', '- ', '? ', '[', ']', '{', '}', ',', '&a ', '*a', '!!binary ', '!x ', '%YAML 1.1\n', '---\n', '#', '"', "'", '|\n', '>-\n',
  '\t', '\r\n', '\u0000', '\u001b[2J', '\u009b', '\u202e', '\ufeff', '=HYPERLINK("x")', '::error::x', '##[error]x', '@team',
  '9999-12-31', '0050-03', '2017-02-30', '2017-H3', '1e999', '-0', 'null', '~', 'true', 'toString', '__proto__', 'x'.repeat(200)];
const text = fc.array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 8 })), { maxLength: 4 }).map((parts) => parts.join(''));

type Mutation =
  | { kind: 'delete' | 'duplicate' | 'swap'; line: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'value'; line: number; text: string }
  | { kind: 'indent'; line: number; by: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const, 'swap' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text }),
  fc.record({ kind: fc.constant('value' as const), line: fc.nat(), text }),
  fc.record({ kind: fc.constant('indent' as const), line: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
);

function mutate(source: string, ms: readonly Mutation[]): string {
  let out = source;
  for (const m of ms) {
    const lines = out.split('\n');
    if (m.kind === 'insert') {
      const at = m.at % (out.length + 1);
      out = out.slice(0, at) + m.text + out.slice(at);
      continue;
    }
    const i = m.line % lines.length;
    if (m.kind === 'delete') lines.splice(i, 1);
    else if (m.kind === 'duplicate') lines.splice(i, 0, lines[i]!);
    else if (m.kind === 'swap' && i + 1 < lines.length) [lines[i], lines[i + 1]] = [lines[i + 1]!, lines[i]!];
    else if (m.kind === 'value') lines[i] = lines[i]!.replace(/:\s.*$|$/, (found) => (found.startsWith(':') ? `: ${m.text}` : `: ${m.text}`));
    else if (m.kind === 'indent') lines[i] = m.by >= 0 ? ' '.repeat(m.by) + lines[i] : lines[i]!.replace(new RegExp(`^ {0,${-m.by}}`), '');
    out = lines.join('\n');
  }
  return out;
}

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
