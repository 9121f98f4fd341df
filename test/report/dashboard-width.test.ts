// The dashboard on an 80-column terminal (in-process, columns: 80): no line longer than the terminal, no id cut, the
// task clipped instead; and a meeting dated after --as-of is not counted as held nor called the latest (issue 23.3).
import { describe, expect, it } from 'vitest';
import { runActa } from '../run-acta.js';

const visible = (line: string): number => [...line.replace(/\x1b\[[0-9;]*m/g, '')].length;

describe('the dashboard at 80 columns and before a meeting', () => {
  it('fits 80 columns: every line, every id whole', async () => {
    const r = await runActa(['--root', 'data', '--as-of', '2017-08-01'], { columns: 80 });
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.filter((l) => visible(l) > 80)).toEqual([]);
    const json = JSON.parse((await runActa(['dashboard', '--root', 'data', '--as-of', '2017-08-01', '-f', 'json'])).stdout);
    for (const c of [...json.mostOverdue, ...json.nextDeadlines]) expect(r.stdout, c.id).toMatch(new RegExp(`${c.id.replace(/[.#/]/g, (x: string) => `\\${x}`)}[ \n]`));
    // Piped (no terminal): the wider layout as before.
    const piped = await runActa(['--root', 'data', '--as-of', '2017-08-01']);
    expect(Math.max(...piped.stdout.split('\n').map(visible))).toBeGreaterThan(80);
  });

  it('at 60 columns every line fits and every id stays whole (the task goes under it when it must)', async () => {
    const r = await runActa(['--root', 'data', '--as-of', '2017-08-01'], { columns: 60 });
    expect(r.stdout.split('\n').filter((l) => visible(l) > 60)).toEqual([]);
    const json = JSON.parse((await runActa(['dashboard', '--root', 'data', '--as-of', '2017-08-01', '-f', 'json'])).stdout);
    for (const c of [...json.mostOverdue, ...json.nextDeadlines]) expect(r.stdout, c.id).toMatch(new RegExp(`${c.id.replace(/[.#/]/g, (x: string) => `\\${x}`)}[ \n]`));
  });

  it('counts only the meetings held by --as-of; a later one is "still to come", not the latest', async () => {
    const json = JSON.parse((await runActa(['dashboard', '--root', 'data', '--as-of', '2017-05-01', '-f', 'json'])).stdout);
    expect(json).toMatchObject({ meetings: 3, latestMeeting: { id: '2017-03-16-red-nna' }, scheduled: 1, nextMeeting: { id: '2017-06-21-red-trata' } });
    const text = (await runActa(['--root', 'data', '--as-of', '2017-05-01'])).stdout;
    expect(text).toMatch(/Reuniones +3 +\(última: 16 mar 2017, Red NNA\)/);
    expect(text).toMatch(/Por celebrarse +1 +\(la próxima: 21 jun 2017, Red Trata y Tráfico\)/);
  });

  it.each([['overdue'], ['list', 'commitments', '--actor', 'MX'], ['statement', 'MX'], ['statement', 'ST']])('acta %s at 80 columns: no line over 80, no id cut, no header cut with "…", no empty column', async (...args) => {
    const r = await runActa([...args, '--root', 'data', '--as-of', '2017-08-01'], { columns: 80 });
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.filter((l) => visible(l) > 80)).toEqual([]);
    // No cell cut with "…" (a record's own "etc…)" is its text): acta list's six columns too, its task wraps instead.
    expect(lines.filter((l) => /\S…\s*│/.test(l))).toEqual([]);
    if (args[0] !== 'list') expect(lines.filter((l) => l.includes('…'))).toEqual([]);
    expect(lines.filter((l) => /│\s*│/.test(l) && /^│ *[^│ ]/.test(l) && /┌|Plazo|Deadline/.test(l))).toEqual([]);
    // An id stands whole: its record on one line, its number right under it.
    const ids = JSON.parse((await runActa([...args, '--root', 'data', '--as-of', '2017-08-01', '-f', 'json'])).stdout);
    const all: string[] = JSON.stringify(ids).match(/"id":"[^"]+#[^"]+"/g)?.map((m) => m.slice(6, -1)) ?? [];
    expect(all.length).toBeGreaterThan(0);
    for (const id of all) {
      const [record, key] = id.split('#');
      expect(r.stdout, id).toMatch(new RegExp(`${record!.replace(/[.]/g, '\\.')} *│[^\n]*\n[^\n]*#${key!.replace(/[.]/g, '\\.').replace(/\//g, '\\/')}`));
    }
  });

  it.each([
    ['es', /^│ Compromiso +│ Vence +│ Estado +│ Días +│ Tarea +│ A cargo +│$/],
    ['en', /^│ Commitment +│ Due +│ State +│ Days +│ Task +│ Owners +│$/],
  ])('acta list commitments at 80 columns (%s): every header whole on one line; a word longer than the task column broken with a hyphen', async (lang, header) => {
    const r = await runActa(['list', 'commitments', '--root', 'data', '--as-of', '2017-08-01', '--lang', lang], { columns: 80 });
    const lines = r.stdout.split('\n');
    expect(lines[1]).toMatch(header);
    expect(lines.filter((l) => /\S…\s*│/.test(l))).toEqual([]);
    // Every short cell (due, state, days) is as wide as its longest word: none is broken.
    const short = lines.slice(3).filter((l) => l.startsWith('│')).map((l) => l.split('│').slice(2, 5).join('│'));
    expect(short.filter((c) => /\w-\s*│|\w-\s*$/.test(c))).toEqual([]);
    if (lang === 'es') expect(r.stdout).toMatch(/│ interins[a-z]*- +│/); // "interinstitucionales", 20 letters
  });

  it('the statement has no empty count column where a section has no count', async () => {
    const r = await runActa(['statement', 'MX', '--root', 'data', '--as-of', '2017-08-01'], { columns: 80 });
    expect(r.stdout).toMatch(/│ Plazo +│ Compromiso +│ Tarea +│/);
    expect(r.stdout).not.toMatch(/│ +│ +│ Compromiso/);
  });
});
