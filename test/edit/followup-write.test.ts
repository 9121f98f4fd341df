// acta done | extend | status on a temporary copy of data/: one entry in the right place, comments kept, the layout
// canonical, refusals that change no byte, and overdue changing accordingly.
import { chmodSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TempRepo } from '../git/repo.js';
import { REPO_ROOT, runActa } from '../run-acta.js';

const TRATA = 'meetings/2017-06-21-red-trata.yaml';
let dir: string;
const read = (file = TRATA): string => readFileSync(path.join(dir, file), 'utf8');
const acta = (...args: string[]) => runActa([...args, '--root', dir], { cwd: dir });
const overdueIds = async (actor: string, asOf: string): Promise<string[]> => {
  const r = await acta('overdue', '--actor', actor, '--as-of', asOf, '-f', 'json');
  return (JSON.parse(r.stdout) as { groups: { rows: { id: string }[] }[] }).groups.flatMap((g) => g.rows.map((row) => row.id));
};
// The point 2.b of the anti-trafficking meeting, as data: agreements[1].items[1].
const point2b = (text: string): Record<string, unknown> => (parse(text) as { agreements: { items: Record<string, unknown>[] }[] }).agreements[1]!.items[1]!;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'acta-fwrite-'));
  cpSync(path.join(REPO_ROOT, 'data'), dir, { recursive: true });
  // A comment inside the record, beside the point that gets the entry: it must survive.
  const text = read().replace('      - number: "b"\n', '      # checked against the signed report\n      - number: "b"\n');
  writeFileSync(path.join(dir, TRATA), text);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));


/** The lines of validate's text output that report a problem (`file:line:col: severity: …`); a clean run may print
 * one summary line. */
const problemLines = (stdout: string): string[] => stdout.split('\n').filter((l) => /^\S+:\d+:\d+: /.test(l));

describe('acta done', () => {
  it("takes Mexico's share off overdue, keeps comments, leaves validate and fmt --check clean", async () => {
    expect(await overdueIds('MX', '2017-08-01')).toContain('2017-06-21-red-trata#2.b');
    const r = await acta('done', '2017-06-21-red-trata#2.b', '--by', 'MX', '--on', '2017-07-20', '--evidence', 'https://example.org/x');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2017-06-21-red-trata#2.b: entregado por MX (estado parcial)');
    expect(await overdueIds('MX', '2017-08-01')).not.toContain('2017-06-21-red-trata#2.b');
    expect(await overdueIds('GT', '2017-08-01')).toContain('2017-06-21-red-trata#2.b');
    const text = read();
    expect(text).toContain('# checked against the signed report');
    expect(text.startsWith('# yaml-language-server: $schema=../../schemas/meeting.schema.json\n')).toBe(true);
    expect(point2b(text)['followup']).toEqual([{ date: '2017-07-20', status: 'partial', delivered_by: ['MX'], evidence: { url: 'https://example.org/x' } }]);
    expect((await acta('validate')).code).toBe(0);
    expect(problemLines((await acta('validate')).stdout)).toEqual([]);
    const fmt = await acta('fmt', '--check');
    expect(fmt.code).toBe(0);
  });

  it('is refused, changing no byte, when the actor owes nothing there (--by iom)', async () => {
    const before = readFileSync(path.join(dir, TRATA));
    const r = await acta('done', '2017-06-21-red-trata#2.b', '--by', 'iom', '--on', '2017-07-20', '--evidence', 'https://example.org/x');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/rechazado, no se escribió nada/);
    expect(r.stderr).toMatch(/entregado por `iom`, que no debe este compromiso/);
    expect((await acta('done', '2017-06-21-red-trata#2.b', '--by', 'iom', '--on', '2017-07-20', '--lang', 'en')).stderr).toMatch(/refused, nothing written[\s\S]*delivered by `iom`, who does not owe this commitment[\s\S]*\[followup\/not-owed\]/);
    expect(r.stderr).toMatch(/\[followup\/not-owed\]/);
    expect(readFileSync(path.join(dir, TRATA)).equals(before)).toBe(true);
  });

  it('the last owing member delivering makes it done; with no --by it is done for everyone', async () => {
    const members = ['BZ', 'CA', 'CR', 'DO', 'GT', 'HN', 'MX', 'NI', 'PA', 'SV'];
    expect((await acta('done', '2017-06-21-red-trata#2.b', '--by', members.join(','), '--on', '2017-07-20')).stdout).toContain('(estado parcial)');
    expect((await acta('done', '2017-06-21-red-trata#2.b', '--by', 'US', '--on', '2017-07-21')).stdout).toContain('(estado cumplido)');
    const r = await acta('done', '2017-06-21-red-trata#3', '--on', '2017-07-20', '--note', 'todos enviaron');
    expect(r.code).toBe(0);
    const entry = (parse(read()) as { agreements: { followup?: unknown[] }[] }).agreements[2]!.followup;
    expect(entry).toEqual([{ date: '2017-07-20', status: 'done', note: { es: 'todos enviaron' } }]);
    expect(await overdueIds('MX', '2017-08-01')).not.toContain('2017-06-21-red-trata#3');
  });

  it('--dry-run prints a unified diff and writes nothing', async () => {
    const before = read();
    const r = await acta('done', '2017-06-21-red-trata#2.b', '--by', 'MX', '--on', '2017-07-20', '--dry-run');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^--- a\/.*2017-06-21-red-trata\.yaml\n\+\+\+ b\//);
    expect(r.stdout).toContain('+            delivered_by: [MX]\n');
    expect(read()).toBe(before);
  });

  it('prints record text through the terminal policy (no escape sequences, no bidi overrides)', async () => {
    const note = 'ok \u001b[31mred\u202e';
    const dry = await acta('done', '2017-06-21-red-trata#2.b', '--by', 'MX', '--on', '2017-07-20', '--note', note, '--dry-run');
    const done = await acta('done', '2017-06-21-red-trata#2.b', '--by', 'MX', '--on', '2017-07-20', '--note', note);
    for (const out of [dry.stdout, done.stdout]) {
      expect(out).toContain('red');
      expect(out).not.toMatch(/[\u001b\u202e]/);
    }
    expect((point2b(read())['followup'] as { note: { es: string } }[])[0]!.note.es).toBe(note);
  });

  it('takes an unambiguous start of the id, as show does, and suggests when there is none', async () => {
    expect((await acta('done', '2017-06#2.b', '--by', 'MX', '--on', '2017-07-20')).code).toBe(0);
    const miss = await acta('done', '2017-06-21-red-trata#2.x', '--on', '2017-07-20');
    expect(miss.code).toBe(2);
    expect(miss.stderr).toMatch(/los más parecidos: .*#2\.b/);
    const whole = await acta('done', '2017-06-21-red-trata', '--on', '2017-07-20');
    expect(whole.code).toBe(2);
    expect(whole.stderr).toMatch(/es una reunión entera/);
  });

  it('refuses --rev, an unknown actor and a date that is not real (exit 2), writing nothing', async () => {
    const before = read();
    for (const args of [['--rev', 'HEAD'], ['--by', 'XX'], ['--on', '2017-02-30']]) {
      const r = await acta('done', '2017-06-21-red-trata#2.b', ...(args[0] === '--on' ? [] : ['--on', '2017-07-20']), ...args);
      expect(r.code, args.join(' ')).toBe(2);
    }
    expect(read()).toBe(before);
  });

  it('refuses a read-only file (exit 2), leaving it as it was', async () => {
    const file = path.join(dir, TRATA);
    chmodSync(file, 0o444);
    const r = await acta('done', '2017-06-21-red-trata#2.b', '--by', 'MX', '--on', '2017-07-20');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/read-only|solo lectura/);
    chmodSync(file, 0o644);
  });

  it('--on defaults to --as-of', async () => {
    await acta('done', '2017-06-21-red-trata#2.b', '--by', 'MX', '--as-of', '2017-07-30');
    expect(point2b(read())['followup']).toEqual([{ date: '2017-07-30', status: 'partial', delivered_by: ['MX'] }]);
  });
});

describe('occurrences, dates and hand-written follow-up', () => {
  const PLAN = 'plans/2017-2022-red-nna.yaml';
  it('closes one occurrence of a plan activity (REF@2017-H1); an occurrence it does not have is refused', async () => {
    const ok = await acta('done', '2017-2022-red-nna#1/I/1/1.3@2017-H1', '--on', '2017-07-10');
    expect(ok.code).toBe(0);
    expect(read(PLAN)).toContain('occurrence: 2017-H1\n');
    const before = read(PLAN);
    const r = await acta('done', '2017-2022-red-nna#1/I/1/1.3', '--occurrence', '2030-H1', '--on', '2017-07-10');
    // Refused before planning, in validate's words (issue 26 point 18): a usage error.
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no tiene la ocurrencia 2030-H1: sus ocurrencias son 2017-H1, 2017-H2/);
    expect(read(PLAN)).toBe(before);
  });

  it('done on a recurring activity without an occurrence is refused: it would close every occurrence', async () => {
    const before = read(PLAN);
    const r = await acta('done', '2017-2022-red-nna#1/I/1/1.3', '--on', '2017-07-10');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/se repite \(2017-H1, 2017-H2, 2018-H1, 2018-H2, …\): diga qué ocurrencia/);
    expect(read(PLAN)).toBe(before);
    expect((await acta('status', '2017-2022-red-nna#1/I/1/1.3', 'done', '--on', '2017-07-10')).code).toBe(0);
  });

  it('an entry dated before its meeting is refused (followup/before-meeting)', async () => {
    const r = await acta('done', '2017-06-21-red-trata#2.b', '--by', 'MX', '--on', '2017-01-01');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\[followup\/before-meeting\]/);
  });

  it('validate --as-of warns of follow-up dated after it; without --as-of it does not', async () => {
    await acta('done', '2017-06-21-red-trata#2.b', '--by', 'MX', '--on', '2017-07-20');
    expect(problemLines((await acta('validate', '--as-of', '2017-08-01')).stdout)).toEqual([]);
    const late = await acta('validate', '--as-of', '2017-07-01', '--lang', 'en');
    expect(late.stdout).toMatch(/warning: follow-up dated 2017-07-20, after --as-of 2017-07-01.*\[followup\/after-as-of\]/);
    expect(late.code).toBe(0);
    expect(problemLines((await acta('validate')).stdout)).toEqual([]);
  });

  it('followup written inside the commitment says where it belongs', async () => {
    const text = read().replace('          owners: [member-countries]\n', '          owners: [member-countries]\n          followup:\n            - { date: "2017-07-20", status: done }\n');
    writeFileSync(path.join(dir, TRATA), text);
    const r = await acta('validate', '--lang', 'en');
    expect(r.stdout).toMatch(/follow-up goes beside `commitment`, not inside it/);
  });
});

describe('acta extend', () => {
  it('records the new deadline and who decided it, with no status, and overdue follows it', async () => {
    expect(await overdueIds('MX', '2017-08-01')).toContain('2017-06-21-red-trata#2.b');
    const r = await acta('extend', '2017-06-21-red-trata#2.b', '--to', '2017-09-30', '--decided-by', '2017-06-21', '--reason', 'a pedido de la red', '--on', '2017-07-25');
    expect(r.code).toBe(0);
    const entry = (parse(read()) as { agreements: { items: { followup?: unknown[] }[] }[] }).agreements[1]!.items[1]!.followup;
    expect(entry).toEqual([{ date: '2017-07-25', note: { es: 'a pedido de la red' }, deadline: { due: '2017-09-30' }, decided_by: '2017-06-21-red-trata' }]);
    expect(await overdueIds('MX', '2017-08-01')).not.toContain('2017-06-21-red-trata#2.b');
    expect(await overdueIds('MX', '2017-10-01')).toContain('2017-06-21-red-trata#2.b');
    expect((await acta('validate')).code).toBe(0);
    expect((await acta('fmt', '--check')).code).toBe(0);
  });

  it('needs --to, as a date or period', async () => {
    expect((await acta('extend', '2017-06-21-red-trata#2.b', '--on', '2017-07-25')).code).toBe(2);
    expect((await acta('extend', '2017-06-21-red-trata#2.b', '--to', 'soon', '--on', '2017-07-25')).code).toBe(2);
  });
});

describe('acta status', () => {
  it('no-information and not-applicable: one entry each', async () => {
    expect((await acta('status', '2017-06-21-red-trata#3', 'no-information', '--on', '2017-08-01')).code).toBe(0);
    expect((await acta('status', '2017-06-21-red-trata#3', 'not-applicable', '--on', '2017-08-02', '--note', 'ya no aplica')).code).toBe(0);
    const list = (parse(read()) as { agreements: { followup?: unknown[] }[] }).agreements[2]!.followup;
    expect(list).toEqual([{ date: '2017-08-01', status: 'no-information' }, { date: '2017-08-02', status: 'not-applicable', note: { es: 'ya no aplica' } }]);
    expect(await overdueIds('MX', '2017-09-01')).not.toContain('2017-06-21-red-trata#3');
  });

  it('superseded by a later point, in another file, which then points back', async () => {
    const r = await acta('status', '2017-03-16-red-nna#6', 'superseded', '--superseded-by', '2017-06-21-red-trata#3', '--on', '2017-07-01');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const later = (parse(read()) as { agreements: Record<string, unknown>[] }).agreements[2]!;
    expect(later['supersedes']).toBe('2017-03-16-red-nna#6');
    expect(read('meetings/2017-03-16-red-nna.yaml')).toContain('superseded_by: 2017-06-21-red-trata#3');
    expect((await acta('validate')).code).toBe(0);
    expect((await acta('fmt', '--check')).code).toBe(0);
  });

  it('superseded without --superseded-by: refused when no later point names it (nothing written), taken from the one that does', async () => {
    // PRODUCT.md: "a point superseded by a later one says so, and the later one points back". Written bare, the point
    // said it was replaced and never by what.
    const before = read('meetings/2017-03-16-red-nna.yaml');
    const refused = await acta('status', '2017-03-16-red-nna#6', 'superseded', '--on', '2017-07-01');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('ningún acuerdo posterior dice `supersedes: 2017-03-16-red-nna#6`');
    expect(refused.stderr).toContain('--superseded-by');
    expect(read('meetings/2017-03-16-red-nna.yaml')).toBe(before);
    const english = await acta('status', '2017-03-16-red-nna#6', 'superseded', '--on', '2017-07-01', '--lang', 'en');
    expect(english.stderr).toContain('no later agreement says `supersedes: 2017-03-16-red-nna#6`');
    // The later point already names it (written by hand): that is the one, and nothing else changes in its file.
    writeFileSync(path.join(dir, TRATA), read().replace('  - number: "3"\n', '  - number: "3"\n    supersedes: 2017-03-16-red-nna#6\n'));
    const later = read();
    const taken = await acta('status', '2017-03-16-red-nna#6', 'superseded', '--on', '2017-07-01');
    expect(taken.stderr).toBe('');
    expect(taken.code).toBe(0);
    expect(read('meetings/2017-03-16-red-nna.yaml')).toContain('superseded_by: 2017-06-21-red-trata#3');
    expect(read()).toBe(later);
    expect((await acta('validate')).code).toBe(0);
  });

  it('refuses a status outside the vocabulary, and --superseded-by without superseded', async () => {
    expect((await acta('status', '2017-06-21-red-trata#3', 'finished', '--on', '2017-08-01')).code).toBe(2);
    expect((await acta('status', '2017-06-21-red-trata#3', 'cancelled', '--superseded-by', '2017-06-21-red-trata#2.b', '--on', '2017-08-01')).code).toBe(2);
  });
});

describe('acta diff of a written extension', () => {
  it('reads "deadline extended", with no status change (an extension carries no status)', async () => {
    const repo = new TempRepo('acta-fwrite-diff-');
    try {
      cpSync(path.join(REPO_ROOT, 'data'), repo.dir, { recursive: true });
      repo.commit('the CRM records');
      expect((await repo.acta(['done', '2017-06-21-red-trata#2.b', '--by', 'MX', '--on', '2017-07-20'])).code).toBe(0);
      repo.commit('Mexico delivered');
      expect((await repo.acta(['extend', '2017-06-21-red-trata#2.b', '--to', '2017-09-30', '--on', '2017-07-25'])).code).toBe(0);
      const r = await repo.acta(['diff', 'HEAD', '--lang', 'en']);
      expect(r.stdout).toContain('agreement 2.b of the 2017-06-21-red-trata meeting: deadline extended 2017-07-21 → 2017-09-30 (follow-up of 2017-07-25)');
      expect(r.stdout).not.toMatch(/status/);
    } finally {
      repo.cleanup();
    }
  });
});
