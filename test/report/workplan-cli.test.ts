// Whole-CLI runs of `acta workplan` over test/fixtures/report: the matrix as a terminal table, Markdown, HTML, CSV and
// JSON (golden files), and the --axis, --period and --actor filters.
import { describe, expect, it } from 'vitest';
import { acta, AS_OF, FIXTURE } from './run.js';

const base = ['workplan', '--root', FIXTURE, '--as-of', AS_OF];

describe('acta workplan', () => {
  it.each([
    ['table', 'es'],
    ['table', 'en'],
    ['md', 'es'],
    ['csv', 'en'],
    ['json', 'en'],
    ['html', 'es'],
  ])('%s in %s (golden)', async (format, lang) => {
    const r = await acta([...base, '--format', format, '--lang', lang]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot(`../golden/report/workplan.${lang}.${format === 'table' ? 'txt' : format}`);
  });

  // "1 actividades" / "1 activities" in the matrix's counts, the dashboard and the site's list of plans (exploratory
  // review, nineteenth session): one activity is said in the singular.
  it('counts one activity in the singular (table, md, html)', async () => {
    const one = ['--actor', 'MX', '--as-of', '2018-07-01'];
    expect((await acta([...base.slice(0, 3), ...one, '--lang', 'en'])).stdout).toContain('\n1 activity\n');
    expect((await acta([...base.slice(0, 3), ...one, '-f', 'md'])).stdout).toMatch(/ · 1 actividad\b(?!es)/);
    expect((await acta([...base.slice(0, 3), ...one, '-f', 'html', '--lang', 'en'])).stdout).toMatch(/ · 1 activity\b/);
    expect((await acta([...base.slice(0, 3), '--as-of', AS_OF])).stdout).toMatch(/\n5 actividades · /);
  });

  it('colours cells by state through the Style (overdue in red)', async () => {
    const r = await acta([...base, '--lang', 'en'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(r.stdout).toContain('\u001b[31m\u001b[1m2×/yr!\u001b[22m\u001b[39m');
  });

  it('keeps one axis, the columns a period overlaps, or the activities an actor answers for', async () => {
    const json = async (args: string[]) => JSON.parse((await acta([...base, '--format', 'json', ...args])).stdout).plans[0];
    const axis = await json(['--axis', '2']);
    expect(axis.axes.map((a: { number: string }) => a.number)).toEqual(['2']);
    const period = await json(['--period', '2019']);
    expect(period.columns).toEqual(['2019']);
    expect(period.activities).toBe(2);
    const actor = await json(['--actor', 'OIM']);
    expect(actor.axes.flatMap((a: { objectives: { results: { activities: { ref: string }[] }[] }[] }) => a.objectives.flatMap((o) => o.results.flatMap((r) => r.activities.map((x) => x.ref))))).toEqual(['2017-2019-red-a#1/I/1/1.2']);
    const member = await json(['--actor', 'HN']);
    expect(member.activities).toBe(1);
  });

  it('names a plan by an unambiguous start of its id, and refuses what is not a plan', async () => {
    expect((await acta([...base, '2017-2019', '--format', 'json'])).code).toBe(0);
    const meeting = await acta([...base, '2017-02-10-grcm']);
    expect(meeting.code).toBe(2);
    expect(meeting.stderr).toContain('2017-02-10-grcm es una reunión, no un plan de trabajo');
    expect((await acta([...base, '2017-02-10-grcm', '--lang', 'en'])).stderr).toContain('2017-02-10-grcm is a meeting, not a work plan');
    const axis = await acta([...base, '--axis', '9']);
    expect(axis.code).toBe(2);
    expect(axis.stderr).toContain('--axis 9: no existe ese eje (el plan tiene 1, 2)');
  });
});
