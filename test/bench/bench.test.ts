// The benchmark (npm run bench) is too slow for npm test: here its tables are checked on made-up figures, and the
// script itself runs once on a corpus of 5 meetings (a git repository with a second commit), 1 run, validate only — the shape of what it prints, not speed.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { Size } from '../../bench/bench-table.mjs';
import { growthTable, renderResults, SIZE_HEADERS, sizeRows, summarise } from '../../bench/bench-table.mjs';

const fig = (median: number, rss = 100_000): ReturnType<typeof summarise> => ({ median, min: median, runs: 1, rss });

function size(meetings: number, k: number): Size {
  return {
    meetings, plans: 1, files: meetings + 6, bytes: meetings * 4700, asOf: '2017-01-01', runs: 3,
    ajv: fig(1000 * k),
    rows: [
      { name: 'validate', label: 'acta validate', cold: fig(2000 * k), warm: fig(500 * k) },
      { name: 'diff', label: 'acta diff', cold: fig(3000 * k), warm: fig(1000 * k, 200_000) },
      { name: 'site', label: 'acta site', skipped: 'no `acta site` in this build' },
    ],
  };
}

describe('bench tables', () => {
  it('summarises runs as median, minimum and the largest peak memory', () => {
    expect(summarise([3, 1, 2], [10, 30, undefined as unknown as number])).toEqual({ median: 2, min: 1, runs: 3, rss: 30 });
    expect(summarise([4, 1, 2, 3])?.median).toBe(2.5);
    expect(summarise([])).toBeUndefined();
  });

  it('gives each command its times, ratios to ajv-cli and to validate cold, and its peak memory', () => {
    const rows = sizeRows(size(250, 1));
    expect(rows.map((r) => r.length)).toEqual([8, 8, 8, 8].map(() => SIZE_HEADERS.length));
    expect(rows[0]).toEqual(['ajv-cli (same files)', '1.00 s', '—', '1.00×', '—', '0.50×', '—', '98 MB / —']);
    expect(rows[2]).toEqual(['acta diff', '3.00 s', '1.00 s', '3.00×', '1.00×', '1.50×', '0.50×', '98 MB / 195 MB']);
    expect(rows[3]![0]).toBe('acta site — skipped: no `acta site` in this build');
  });

  it('shows growth between sizes, and prints Markdown tables with a row per command', () => {
    const sizes = [size(250, 1), size(2000, 4), size(8000, 20)];
    const g = growthTable(sizes);
    expect(g.headers).toEqual(['command (cold)', '250', '2,000', '8,000', '250 → 2,000', '2,000 → 8,000']);
    expect(g.rows[1]).toEqual(['acta validate', '2.00 s', '8.00 s', '40.0 s', '4.00×', '5.00×']);
    const md = renderResults({ sizes, notes: ['a note'] }, { markdown: true });
    const tables = md.split('\n').filter((l) => l.startsWith('| ---'));
    expect(tables).toHaveLength(4);
    expect(md).toContain('#### 2,000 meetings, 1 plans (2,006 files, 9.4 MB)');
    expect(md).toContain('- a note');
  });
});

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe('npm run bench (bench/bench.mjs), on 5 meetings', () => {
  it('prints a table with ajv-cli and every command asked for, each timed cold and warm', async () => {
    const corpus = mkdtempSync(path.join(os.tmpdir(), 'acta-bench-'));
    temps.push(corpus);
    const args = ['bench/bench.mjs', '--sizes', '5', '--runs', '1', '--commands', 'validate', '--markdown', '--no-write', '--corpus', corpus];
    const { stdout } = await promisify(execFile)(process.execPath, args, { env: { ...process.env, ACTA_CACHE: undefined } });
    const lines = stdout.split('\n').filter((l) => l.startsWith('| '));
    expect(lines[0]).toBe(`| ${SIZE_HEADERS.join(' | ')} |`);
    const rows = lines.slice(2).map((l) => l.split(' | ').map((c) => c.replace(/^\| | \|$/g, '')));
    expect(rows.map((r) => r[0])).toEqual(['ajv-cli (same files)', 'acta validate']);
    for (const row of rows.slice(1)) {
      expect(row).toHaveLength(SIZE_HEADERS.length);
      expect(row.slice(1, 3)).toEqual([expect.stringMatching(/^\d+\.\d\d s$/), expect.stringMatching(/^\d+\.\d\d s$/)]);
      expect(row[7]).toMatch(/^\d+ MB \/ \d+ MB$/);
    }
    expect(stdout).toContain('#### 5 meetings, 1 plans (11 files');
    expect(stdout).not.toContain('skipped');
  }, 120_000);
});
