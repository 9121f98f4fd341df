// --actor filters rows in every format: a group-owed commitment gives the chosen member's row only (issue 11, item 6).
import { describe, expect, it } from 'vitest';
import { runActa } from '../run-acta.js';

const AT = ['--root', 'data', '--as-of', '2017-08-01'];
const csvActors = (csv: string, column: string): string[] => {
  const [head, ...rows] = csv.trim().split('\r\n');
  const i = head!.split(',').indexOf(column);
  return rows.map((r) => r.split(',')[i]!);
};

describe('--actor MX', () => {
  it('acta overdue -f csv lists Mexico rows only', async () => {
    const r = await runActa(['overdue', '--actor', 'MX', '-f', 'csv', ...AT]);
    expect(r.code).toBe(0);
    const actors = csvActors(r.stdout, 'actor');
    expect(actors.length).toBeGreaterThan(0);
    expect(new Set(actors)).toEqual(new Set(['MX']));
  });

  it('acta export --state overdue lists Mexico rows only', async () => {
    const r = await runActa(['export', '--actor', 'MX', '--state', 'overdue', ...AT]);
    const actors = csvActors(r.stdout, 'actor');
    expect(actors.length).toBeGreaterThan(0);
    expect(new Set(actors)).toEqual(new Set(['MX']));
  });

  it('a group given as --actor keeps every member row', async () => {
    const r = await runActa(['overdue', '--actor', 'member-countries', '-f', 'csv', ...AT]);
    expect(new Set(csvActors(r.stdout, 'actor')).size).toBeGreaterThan(5);
  });
});
