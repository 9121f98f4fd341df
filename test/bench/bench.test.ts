// The benchmark (npm run bench) is too slow for npm test: here its tables are checked on made-up figures, and the
// script itself runs once on a corpus of 5 meetings (a git repository with a second commit), 1 round, validate cold,
// warm and in CI with a restored cache — the shape of what it prints, not speed.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { Figure, Size } from '../../bench/bench-table.mjs';
import { baselineTable, formatsFromHelp, formRows, FORMS_HEADERS, GOAL_HEADERS, goalRows, growthTable, renderResults, roundRatios, SIZE_HEADERS, sizeRows, summarise } from '../../bench/bench-table.mjs';

// A made-up figure: its median, the medians of its per-round ratios to ajv-cli and to validate cold, its peak memory.
const fig = (median: number, perAjv: number, perValidate: number, rss = 100_000, cpu = median / 2): Figure => ({
  median, min: median, runs: 3, rss, cpu,
  perAjv: { median: perAjv, min: perAjv, max: perAjv, rounds: 3 },
  perValidate: { median: perValidate, min: perValidate, max: perValidate, rounds: 3 },
});

function size(meetings: number, k: number): Size {
  return {
    meetings, plans: 1, files: meetings + 6, bytes: meetings * 4700, asOf: '2017-01-01', runs: 3, loads: [1.25, 2, 3.5], ciCache: false,
    ajv: fig(1000 * k, 1, 0.5),
    rows: [
      { name: 'validate', label: 'acta validate', cold: fig(2000 * k, 2, 1), warm: fig(500 * k, 0.5, 0.25) },
      { name: 'diff', label: 'acta diff', cold: fig(3000 * k, 3, 1.5), warm: fig(1000 * k, 1, 0.5, 200_000) },
      { name: 'fmt-check', label: 'acta fmt --check', cold: { ...fig(2400 * k, 2.4, 1.2), perValidateCpu: { median: 0.9, min: 0.8, max: 1, rounds: 3 } }, warm: fig(400 * k, 0.4, 0.2) },
      { name: 'changed-since-ci', label: 'acta validate --changed-since HEAD~1 — CI, restored cache', ci: fig(400 * k, 0.4, 0.2, 600_000) },
      { name: 'site', label: 'acta site', skipped: 'no `acta site` in this build' },
    ],
  };
}

describe('bench tables', () => {
  it('with a baseline build: a table of this build ÷ that one by command and size, the rows without one left out', () => {
    const r = (wall: number, cpu?: number) => ({ wall: { median: wall, min: wall, max: wall, rounds: 3 }, ...(cpu === undefined ? {} : { cpu: { median: cpu, min: cpu, max: cpu, rounds: 3 } }) });
    const small = size(250, 1);
    const large = size(2000, 8);
    const sizes = [
      { ...small, rows: small.rows.map((row) => (row.name === 'validate' ? { ...row, perBase: r(0.9, 0.92) } : row)) },
      { ...large, rows: large.rows.map((row) => (row.name === 'validate' ? { ...row, perBase: r(1.031) } : row.name === 'diff' ? { ...row, perBase: r(0.5, 0.6) } : row)) },
    ];
    expect(baselineTable(sizes)).toEqual({
      headers: ['command (cold)', '250', '2,000'],
      rows: [
        ['acta validate', '0.90× (0.92×)', '1.03×'],
        ['acta diff', '—', '0.50× (0.60×)'],
      ],
    });
    expect(renderResults({ sizes, notes: [] }, { markdown: true })).toContain('#### This build ÷ the baseline build');
    expect(baselineTable([size(250, 1)])).toBeUndefined();
    expect(renderResults({ sizes: [size(250, 1)], notes: [] }, { markdown: true })).not.toContain('baseline');
  });

  it('summarises runs as median, minimum, the largest peak memory and the median CPU', () => {
    expect(summarise([3, 1, 2], [10, 30, undefined as unknown as number], [5, 7, 6])).toEqual({ median: 2, min: 1, runs: 3, rss: 30, cpu: 6 });
    expect(summarise([4, 1, 2, 3])?.median).toBe(2.5);
    expect(summarise([])).toBeUndefined();
  });

  it('takes each ratio inside a round, then the median over the rounds (a slow round moves both sides alike)', () => {
    // Round 2 ran at half speed: its ratio is still 2, and the median says 2 where a ratio of medians would not.
    const a = [{ ms: 200 }, { ms: 400 }, { ms: 260 }];
    const b = [{ ms: 100 }, { ms: 200 }, { ms: 100 }];
    expect(roundRatios(a, b)).toEqual({ median: 2, min: 2, max: 2.6, rounds: 3 });
    // A round where either side has no run counts for nothing.
    expect(roundRatios([{ ms: 300 }, undefined, { ms: 90 }], [{ ms: 100 }, { ms: 100 }])?.rounds).toBe(1);
    expect(roundRatios([], [{ ms: 1 }])).toBeUndefined();
  });

  it('gives each command its times, its per-round ratios to ajv-cli and to validate cold, and its peak memory', () => {
    const rows = sizeRows(size(250, 1));
    expect(rows.map((r) => r.length)).toEqual(rows.map(() => SIZE_HEADERS.length));
    expect(rows[0]).toEqual(['ajv-cli (same files)', '1.00 s', '—', '1.00×', '—', '0.50×', '—', '98 MB / —']);
    expect(rows[2]).toEqual(['acta diff', '3.00 s', '1.00 s', '3.00×', '1.00×', '1.50×', '0.50×', '98 MB / 195 MB']);
    // With CPU time measured, its per-round ratio in brackets.
    expect(rows[3]!.slice(5, 7)).toEqual(['1.20× (0.90×)', '0.20×']);
    // A CI row: its figures in the warm columns.
    expect(rows[4]).toEqual(['acta validate --changed-since HEAD~1 — CI, restored cache', '—', '0.40 s', '—', '0.40×', '—', '0.20×', '— / 586 MB']);
    expect(rows[5]![0]).toBe('acta site — skipped: no `acta site` in this build');
  });

  it('shows growth between sizes in wall and CPU time, the goals, and Markdown tables with the load of each round', () => {
    const sizes = [size(250, 1), size(2000, 4), size(8000, 20)];
    const g = growthTable(sizes);
    expect(g.headers).toEqual(['command (cold)', '250', '2,000', '8,000', '250 → 2,000', 'CPU', '2,000 → 8,000', 'CPU']);
    expect(g.rows[1]).toEqual(['acta validate', '2.00 s', '8.00 s', '40.0 s', '4.00×', '4.00×', '5.00×', '5.00×']);
    expect(g.rows.map((r) => r[0])).not.toContain('acta validate --changed-since HEAD~1 — CI, restored cache');
    const goals = goalRows({ sizes });
    expect(goals.every((r) => r.length === GOAL_HEADERS.length)).toBe(true);
    const verdict = (start: string): string[] => goals.find((r) => r[0]!.startsWith(start))!;
    expect(verdict('`validate` cold')).toEqual(['`validate` cold ≤ 1.0× ajv-cli at 2,000', '2.00×', '**missed**']);
    expect(verdict('`validate` warm')[2]).toBe('**missed**');
    expect(verdict('every read command')).toEqual(['every read command cold ≤ 1.5× `validate` cold', 'worst: diff at 250 1.50×', 'met']);
    expect(verdict('`fmt --check`').slice(1)).toEqual(['worst: fmt --check at 250 1.20× (CPU 0.90×)', 'met']);
    expect(verdict('`--changed-since`')[1]).toMatch(/worst: .* 0\.20× \(this build ignores ACTA_CACHE_DIR under CI=true: a cold run\)$/);
    expect(verdict('`site`')[2]).toBe('not measured');
    expect(verdict('peak memory')).toEqual(['peak memory ≤ 500 MB at 8,000, every command', 'over: validate --changed-since HEAD~1 — CI, restored cache 586 MB', '**missed**']);
    expect(verdict('growth')[1]).toBe('over: validate 5.00× (CPU 5.00×); diff 5.00× (CPU 5.00×); fmt --check 5.00× (CPU 5.00×)');
    expect(goalRows({ sizes: [size(250, 1)] }).filter((r) => r[2] === 'not measured')).toHaveLength(5);
    const md = renderResults({ sizes, notes: ['a note'] }, { markdown: true });
    const tables = md.split('\n').filter((l) => l.startsWith('| ---'));
    expect(tables).toHaveLength(5);
    expect(md).toContain('#### 2,000 meetings, 1 plans (2,006 files, 9.4 MB), --as-of 2017-01-01; 3 rounds, load average 1.3, 2.0, 3.5 at their starts');
    expect(md).toContain('#### Goals');
    expect(md).toContain('- a note');
  });

  it('reads the formats a command offers from its help, wrapped as commander wraps it, notes in brackets left out', () => {
    expect(formatsFromHelp('  -f, --format <format>  table | json | csv | md (default: "table")\n  -h, --help')).toEqual(['table', 'json', 'csv', 'md']);
    expect(formatsFromHelp('  -f, --format <format>  md | html | json | docx (Word: needs -o) (default:\n                         "md")')).toEqual(['md', 'html', 'json', 'docx']);
    expect(formatsFromHelp('  -f, --format <format>  table | md | html | json | docx (Word: needs --out);\n                         default: table\n  -o, --out <file>')).toEqual(['table', 'md', 'html', 'json', 'docx']);
    expect(formatsFromHelp('  -f, --format <format>  pretty | text | json | github (default: github under\n  CI)')).toEqual(['pretty', 'text', 'json', 'github']);
    expect(formatsFromHelp('Usage: acta fmt [options] [paths...]\n  --check  only list them')).toEqual([]);
  });

  it('lists every output form largest first, and counts each in the memory goal', () => {
    const forms = [
      { label: 'acta overdue', format: 'json', ms: 2000, cpu: 1500, rss: 300_000 },
      { label: 'acta report', format: 'docx', ms: 30_000, cpu: 12_000, rss: 1_800_000 },
      { label: 'acta list plans', format: 'csv', failed: 'exit 2: no such plan' },
    ];
    const rows = formRows(forms);
    expect(rows.every((r) => r.length === FORMS_HEADERS.length)).toBe(true);
    expect(rows.map((r) => r.slice(0, 2).join(' '))).toEqual(['acta report docx', 'acta overdue json', 'acta list plans csv']);
    expect(rows[0]).toEqual(['acta report', 'docx', '30.0 s', '12.0 s', '1758 MB']);
    expect(rows[2]!.slice(2)).toEqual(['failed (exit 2: no such plan)', '—', '—']);
    const big = { ...size(8000, 20), forms };
    const memory = goalRows({ sizes: [big] }).find((r) => r[0]!.startsWith('peak memory'))!;
    expect(memory[1]).toBe('over: report -f docx 1758 MB; validate --changed-since HEAD~1 — CI, restored cache 586 MB');
    const md = renderResults({ sizes: [big] }, { markdown: true });
    expect(md).toContain('#### Peak memory of every output form, 8,000 meetings (one cold run each, largest first)');
    expect(md).toContain('| acta report | docx | 30.0 s | 12.0 s | 1758 MB |');
  });
});

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe('npm run bench (bench/bench.mjs), on 5 meetings', () => {
  it('prints a table with ajv-cli and every command asked for, each timed cold and warm, and the CI case', async () => {
    const corpus = mkdtempSync(path.join(os.tmpdir(), 'acta-bench-'));
    temps.push(corpus);
    const args = ['bench/bench.mjs', '--sizes', '5', '--runs', '1', '--commands', 'validate,validate-ci', '--markdown', '--no-write', '--corpus', corpus];
    const { stdout } = await promisify(execFile)(process.execPath, args, { env: { ...process.env, ACTA_CACHE: undefined } });
    const lines = stdout.split('\n#### Goals')[0]!.split('\n').filter((l) => l.startsWith('| '));
    expect(lines[0]).toBe(`| ${SIZE_HEADERS.join(' | ')} |`);
    const rows = lines.slice(2).map((l) => l.split(' | ').map((c) => c.replace(/^\| | \|$/g, '')));
    expect(rows.map((r) => r[0])).toEqual(['ajv-cli (same files)', 'acta validate', 'acta validate — CI, restored cache']);
    expect(rows[1]).toHaveLength(SIZE_HEADERS.length);
    expect(rows[1]!.slice(1, 3)).toEqual([expect.stringMatching(/^\d+\.\d\d s$/), expect.stringMatching(/^\d+\.\d\d s$/)]);
    expect(rows[1]![5]).toBe('1.00× (1.00×)');
    expect(rows[1]![7]).toMatch(/^\d+ MB \/ \d+ MB$/);
    expect(rows[2]!.slice(1, 3)).toEqual(['—', expect.stringMatching(/^\d+\.\d\d s$/)]);
    expect(rows[2]![6]).toMatch(/^\d+\.\d\d× \(\d+\.\d\d×\)$/);
    expect(stdout).toMatch(/#### 5 meetings, 1 plans \(11 files, [\d.]+ MB\), --as-of [\d-]+; 1 round, load average [\d.]+ at their starts/);
    expect(stdout).toContain('#### Goals');
    expect(stdout).not.toContain('skipped');
  }, 120_000);
});

describe('the CI cases primed as the full bench primes them', () => {
  it('primes the CI cache with a full validate, then --changed-since, when only the --changed-since CI row is asked for', async () => {
    const corpus = mkdtempSync(path.join(os.tmpdir(), 'acta-bench-'));
    temps.push(corpus);
    // A stand-in for the build that logs each command line it is given and where (the cache folder), and exits 0: what
    // is checked is which command lines bench.mjs runs with which cache, not what acta does with them (the test above
    // runs the real build through every case; here each of its ~9 runs would cost a real acta's start and work).
    const log = path.join(corpus, 'runs.log');
    const wrapper = path.join(corpus, 'acta-logged.cjs');
    writeFileSync(wrapper, `require('node:fs').appendFileSync(${JSON.stringify(log)}, JSON.stringify({ args: process.argv.slice(2), cache: process.env.ACTA_CACHE_DIR }) + '\\n');\n`);
    const args = ['bench/bench.mjs', '--sizes', '5', '--runs', '1', '--commands', 'changed-since-ci', '--no-write', '--corpus', corpus, '--acta', wrapper];
    await promisify(execFile)(process.execPath, args, { env: { ...process.env, ACTA_CACHE: undefined } });
    const runs = readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { args: string[]; cache: string });
    const primers = runs.filter((r) => r.cache === path.join(corpus, 'ci-cache-5', 'primed')).map((r) => r.args.slice(2).join(' '));
    expect(primers).toEqual(['validate --format text', 'validate --format text --changed-since HEAD~1']);
  }, 120_000);
});
