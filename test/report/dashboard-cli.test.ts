// `acta` with no command (what `npm start` runs) shows the dashboard; golden screens at a fixed --as-of.
import { describe, expect, it } from 'vitest';
import { acta, AS_OF, FIXTURE } from './run.js';

describe('the dashboard', () => {
  it.each(['es', 'en'])('fits one screen (%s, golden)', async (lang) => {
    const r = await acta(['--root', FIXTURE, '--as-of', AS_OF, '--lang', lang]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.length).toBeLessThanOrEqual(40);
    expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(100);
    await expect(r.stdout).toMatchFileSnapshot(`../golden/report/dashboard.${lang}.txt`);
  });

  // "1 días" beside the most overdue, "(1 días)" in the report's due-next scope (exploratory review, nineteenth session).
  it('says one day in the singular, the ids still in one column; so does the report\'s due-next window', async () => {
    const followup = FIXTURE.replace(/report$/, 'followup');
    const lines = (await acta(['--root', followup, '--as-of', '2020-04-01', 'dashboard'])).stdout.split('\n');
    expect(lines).toContain('  32 días  2020-01-15-red-x#3  Preparar un borrador de hoja de ruta — ST');
    expect(lines.some((l) => l.startsWith('   1 día   2020-01-15-red-x#2  '))).toBe(true);
    expect((await acta(['--root', FIXTURE, '--as-of', AS_OF, 'report', '--next', '1'])).stdout).toMatch(/ \(1 día\)\.\n/);
    expect((await acta(['--root', FIXTURE, '--as-of', AS_OF, 'report', '--next', '1', '-f', 'html', '--lang', 'en'])).stdout).toMatch(/ \(1 day\)\.<\/p>/);
  });

  it('is what `acta dashboard` shows; JSON gives the model', async () => {
    const alone = await acta(['--root', FIXTURE, '--as-of', AS_OF]);
    expect((await acta(['dashboard', '--root', FIXTURE, '--as-of', AS_OF])).stdout).toBe(alone.stdout);
    const model = JSON.parse((await acta(['dashboard', '--root', FIXTURE, '--as-of', AS_OF, '--format', 'json'])).stdout);
    expect(model).toMatchObject({ kind: 'dashboard', meetings: 4, overdue: 6, records: { valid: true, warnings: 1 } });
    expect(model.mostOverdue).toHaveLength(5);
    expect(model.mostOverdue.map((c: { daysLate: number }) => c.daysLate)).toEqual([319, 196, 177, 74, 74]);
    expect(model.nextDeadlines[0]).toMatchObject({ id: '2017-06-05-red-a#5/2', daysLeft: 16 });
  });

  it('says when the records do not validate', async () => {
    const r = await acta(['--root', 'test/fixtures/validate-errors', '--as-of', AS_OF, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Records +✖ do not validate: \d+ errors/);
  });

  it('a word that is no command is still an error', async () => {
    const r = await acta(['--root', FIXTURE, 'reprot']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('acta: orden desconocida: reprot\n(¿quiso decir report?)\n(ejecute `acta --help` para ver el uso)\n');
  });
});
