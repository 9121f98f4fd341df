// Follow-up written by command into files as officers leave them (nineteenth session's exploratory review): CRLF line
// ends, other indentation, flow style. The file is written in the canonical layout (as documented); what acta says it
// wrote is the entry, not every line the layout changed.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPO_ROOT, runActa } from '../run-acta.js';
import { firstChange } from '../../src/commands/fmt.js';

const TRATA = 'meetings/2017-06-21-red-trata.yaml';
let dir: string;
const acta = (...args: string[]) => runActa([...args, '--root', dir], { cwd: dir });

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'acta-owrite-'));
  // Not a records lock another test's command may hold on data/ at that moment (acta import takes it): copied, it
  // would make this copy's writer wait for a live process that never lets go of it here.
  cpSync(path.join(REPO_ROOT, 'data'), dir, { recursive: true, filter: (from) => path.basename(from) !== '.acta.lock' });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('acta done on a file not in the canonical layout', () => {
  it('CRLF line ends: echoes the entry and says the rest was reformatted, not the whole file', async () => {
    const file = path.join(dir, TRATA);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n/g, '\r\n'));
    const r = await acta('status', '2017-06-21-red-trata#2.a', 'no-information', '--on', '2017-08-01');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      '2017-06-21-red-trata#2.a: estado sin información\n' +
        'meetings/2017-06-21-red-trata.yaml:\n' +
        '        followup:\n' +
        '          - date: "2017-08-01"\n' +
        '            status: no-information\n' +
        '(el resto del archivo se reescribió en el formato canónico, como lo hace `acta fmt`)\n',
    );
    expect(readFileSync(file, 'utf8')).not.toContain('\r');
  });

  it('a canonical file: the entry alone, no word on the layout', async () => {
    const r = await acta('status', '2017-06-21-red-trata#2.a', 'no-information', '--on', '2017-08-01', '--lang', 'en');
    expect(r.stdout).not.toContain('canonical');
    expect(r.stdout.split('\n')).toHaveLength(6);
  });
});

// `acta new plan --lang en` in a Spanish repository was refused (its title placeholder went into `en`, a translation
// with no authentic text), and `acta new plan` in a repository whose reports are adopted in English (`authentic: en`)
// always was (the skeleton's texts were `es`). A skeleton's texts are the source's own words: the authentic language.
describe('acta new in a language other than the records\' authentic one', () => {
  const written = (file: string): string => readFileSync(path.join(dir, file), 'utf8');
  it('--lang en in a Spanish repository: the plan is written, its placeholders Spanish keys', async () => {
    const r = await acta('new', 'plan', '--body', 'red-nna', '--period', '2026-2028', '--lang', 'en');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(written('plans/2026-2028-red-nna.yaml')).toContain("title:\n  es: \"TODO: the plan's title\"\n");
  });

  it('authentic: en: a plan, and a meeting with --title, are written with `en` texts', async () => {
    const config = path.join(dir, 'acta.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('authentic: es', 'authentic: en'));
    const plan = await acta('new', 'plan', '--body', 'red-nna', '--period', '2026-2028');
    expect(plan.stderr).toBe('');
    expect(plan.code).toBe(0);
    const text = written('plans/2026-2028-red-nna.yaml');
    expect(text).not.toMatch(/^\s+es:/m);
    expect(text).toContain('  en: "TODO: el título del eje"\n');
    const meeting = await acta('new', 'meeting', '--body', 'red-nna', '--date', '2026-05-04', '--title', 'Second meeting of the Network');
    expect(meeting.stderr).toBe('');
    expect(written('meetings/2026-05-04-red-nna.yaml')).toContain('title:\n  en: Second meeting of the Network\n');
  });
});

// `acta done --note … --lang en` in a Spanish repository was refused (exit 1): the note went in as `en`, which validate
// reads as a translation with no Spanish original. The officer's note is its own original: it says so.
describe('a note written in the other language', () => {
  it('done --note --lang en, extend --reason --lang en: written, marked as their own original, validate clean', async () => {
    const done = await acta('done', '2017-06-21-red-trata#2.b', '--by', 'MX', '--on', '2017-07-20', '--note', 'Report received', '--lang', 'en');
    expect(done.stderr).toBe('');
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('            note:\n              en: Report received\n              authentic: en\n');
    const extend = await acta('extend', '2017-06-21-red-trata#3', '--to', '2017-09-30', '--reason', 'Asked by the network', '--on', '2017-07-25', '--lang', 'en');
    expect(extend.code).toBe(0);
    expect((await acta('validate', '-f', 'text')).code).toBe(0);
  });

  it('in the authentic language, no mark', async () => {
    const done = await acta('done', '2017-06-21-red-trata#2.b', '--by', 'MX', '--on', '2017-07-20', '--note', 'Informe recibido');
    expect(done.stdout).toContain('            note:\n              es: Informe recibido\n            delivered_by');
  });
});

// The skeleton of `acta new` was English in a Spanish repository: its guiding comments and its TODO placeholders.
describe('acta new speaks the officer\'s language', () => {
  const written = (file: string): string => readFileSync(path.join(dir, file), 'utf8');
  it('Spanish by default here; English with --lang en', async () => {
    await acta('new', 'meeting', '--body', 'red-nna', '--date', '2026-05-04');
    const es = written('meetings/2026-05-04-red-nna.yaml');
    expect(es).toContain('# Un registro de reunión. Complételo a partir del informe adoptado');
    expect(es).toContain('document: "TODO: el nombre de archivo o la referencia del informe adoptado"');
    expect(es).not.toMatch(/^# [A-Z][a-z]+ (?:meeting|the|member)/m);
    await acta('new', 'plan', '--body', 'red-nna', '--period', '2026-2028', '--lang', 'en');
    const en = written('plans/2026-2028-red-nna.yaml');
    expect(en).toContain('# A work plan. Copy its matrix');
    expect(en).toContain("es: \"TODO: the axis's title\"");
  });
});

// `extend --to` takes twice-a-year and asap too; its refusal listed only continuous and tbd.
describe('extend --to in a form it does not take', () => {
  it('lists every form it takes', async () => {
    const r = await acta('extend', '2017-06-21-red-trata#3', '--to', 'junio 2017', '--on', '2017-07-25');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('continuous, twice-a-year, tbd o asap');
  });
});

// `fmt --check` says in words what no line shows: a file with a byte-order mark and CRLF line ends was said to have
// the mark only, and one that also needed other changes showed its first hunk with neither said.
describe('fmt --check on a file saved by a Windows editor', () => {
  it('says both the byte-order mark and the CRLF line ends, also beside a hunk', () => {
    expect(firstChange('\uFEFFa: 1\r\n', 'a: 1\n', 'en')).toEqual(['(a byte-order mark to drop)', '(CRLF line ends to make LF)']);
    expect(firstChange('\uFEFFa: 1\r\nb: 2\r\n', "a: 1\nb: '2'\n", 'en')).toEqual(['@@ line 1 @@', ' a: 1', '-b: 2', "+b: '2'", '(a byte-order mark to drop)', '(CRLF line ends to make LF)']);
    expect(firstChange('a: 1\nb: 2\n', "a: 1\nb: '2'\n", 'en')).toEqual(['@@ line 1 @@', ' a: 1', '-b: 2', "+b: '2'"]);
  });
});
