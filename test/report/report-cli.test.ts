// Whole-CLI runs of `acta report` over test/fixtures/report at a fixed --as-of: golden Markdown, JSON and HTML, in both
// languages; escaping of hostile record text; --out; template overrides; usage errors.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runActa } from '../run-acta.js';
import { acta, AS_OF, FIXTURE } from './run.js';

const base = ['report', '--root', FIXTURE, '--year', '2017', '--as-of', AS_OF];

function tempCopy(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'acta-report-'));
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

describe('acta report: golden outputs', () => {
  it.each([
    ['md', 'es'],
    ['md', 'en'],
    ['json', 'es'],
    ['json', 'en'],
    ['html', 'en'],
  ])('%s in %s', async (format, lang) => {
    const r = await acta([...base, '--format', format, '--lang', lang]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot(`../golden/report/fixture-2017.${lang}.${format}`);
  });

  it('prints the view model as JSON: every section, the same figures the templates show', async () => {
    const view = JSON.parse((await acta([...base, '--format', 'json', '--lang', 'en'])).stdout);
    expect(Object.keys(view)).toEqual(['version', 'kind', 'lang', 'asOf', 'secretariat', 'original', 'period', 'bodies', 'next', 'summary', 'meetings', 'participation', 'unsourcedMembership', 'agreements', 'recommendations', 'commitments', 'overdue', 'dueNext', 'delivered', 'workplan', 'records', 'charts', 'overdueOutside']);
    expect(view.recommendations).toEqual([{ ref: '2017-06-05-red-a#6', meeting: '2017-06-05-red-a', from: { id: 'red-a', label: expect.any(String) }, addressee: { id: 'grcm', label: 'RCGM' }, text: { text: 'Suggest that the RCGM approve the work plan.', lang: 'en', translation: true } }]);
    expect(view.period).toEqual({ from: '2017-01-01', to: '2017-12-31', year: '2017' });
    expect(view.summary.meetings).toBe(3);
    expect(view.participation.columns.map((c: { listed: boolean }) => c.listed)).toEqual([true, true, false]);
    expect(view.records.warnings).toBe(1);
    const md = (await acta([...base, '--format', 'md', '--lang', 'en'])).stdout;
    expect(md).toContain(`| Overdue commitments (from before the period: ${view.summary.overdueEarlier}) | ${view.summary.overdue} |`);
  });

  it('is deterministic and does not depend on the time zone', async () => {
    const a = (await acta([...base, '--format', 'html'], { env: { TZ: 'America/Tegucigalpa' } })).stdout;
    const b = (await acta([...base, '--format', 'html'], { env: { TZ: 'Pacific/Auckland' } })).stdout;
    expect(a).toBe(b);
  });
});

describe('acta report: record text is escaped', () => {
  it('HTML shows <script> and <img onerror> as text, never as markup', async () => {
    const html = (await acta([...base, '--format', 'html', '--to', '2018-12-31', '--from', '2017-01-01'].filter((a, i, all) => !(a === '--year' || all[i - 1] === '--year')))).stdout;
    expect(html).toContain('Enviar los datos &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; | tubería &amp; *estrellas*');
    expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toContain('javascript:');
  });

  it('Markdown escapes HTML, table pipes and emphasis', async () => {
    const md = (await acta(['report', '--root', FIXTURE, '--from', '2017', '--to', '2018', '--as-of', AS_OF])).stdout;
    expect(md).toContain('Enviar los datos &lt;script&gt;alert("x")&lt;/script&gt; \\| tubería &amp; \\*estrellas\\*');
    expect(md).not.toMatch(/<script/i);
  });
});

describe('acta report: options', () => {
  it('-f html with no -o: on a terminal, a hint to save it (exit 2, no markup); piped, the page as asked', async () => {
    const onTerminal = await runActa([...base, '--format', 'html'], { columns: 100 });
    expect(onTerminal.code).toBe(2);
    expect(onTerminal.stdout).toBe('');
    expect(onTerminal.stderr).toBe('acta: acta report -f html escribe una página HTML entera: guárdela con -o report.html (o redirija: acta report -f html > report.html) y ábrala en un navegador\n');
    expect((await runActa(['workplan', '--root', FIXTURE, '-f', 'html', '--lang', 'en'], { columns: 100 })).stderr).toBe('acta: acta workplan -f html writes a whole HTML page: save it with -o workplan.html (or redirect: acta workplan -f html > workplan.html), then open it in a browser\n');
    const piped = await acta([...base, '--format', 'html']);
    expect(piped.code).toBe(0);
    expect(piped.stdout).toMatch(/^<!doctype html>/i);
    // Markdown on a terminal is text to read: printed.
    expect((await runActa([...base, '--format', 'md'], { columns: 100 })).code).toBe(0);
  });

  it('-o into a folder that does not exist: refused at once, with the folder named (no ENOENT, no realpath)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'acta-report-'));
    for (const args of [[...base, '-o', 'missing/report.md'], ['workplan', '--root', FIXTURE, '-f', 'md', '-o', 'missing/plan.md']]) {
      const r = await runActa(args, { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^acta: -o missing\/\w+\.md: no existe la carpeta missing en que escribirlo \(créela antes\)\n$/);
      expect(r.stderr).not.toMatch(/ENOENT|realpath/);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('--out writes the file atomically (no temp file left) and prints nothing on stdout', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'acta-out-'));
    const out = path.join(dir, 'informe.html');
    const r = await acta([...base, '--format', 'html', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe((await acta([...base, '--format', 'html'])).stdout);
    expect(readdirSync(dir)).toEqual(['informe.html']);
  });

  it('--body keeps one body; --from/--to set the period', async () => {
    const view = JSON.parse((await acta(['report', '--root', FIXTURE, '--body', 'red-a', '--from', '2017-06', '--to', '2017-H2', '--as-of', AS_OF, '--format', 'json'])).stdout);
    expect(view.period).toEqual({ from: '2017-06-01', to: '2017-12-31' });
    expect(view.bodies.map((b: { id: string }) => b.id)).toEqual(['red-a']);
    expect(view.meetings.map((m: { id: string }) => m.id)).toEqual(['2017-06-05-red-a']);
    expect(view.overdue.every((r: { body: { id: string } }) => r.body.id === 'red-a')).toBe(true);
  });

  it.each([
    [['--year', '2017', '--from', '2017-01'], '--year no se combina con --from ni con --to'],
    [['--year', '2017', '--from', '2017-01', '--lang', 'en'], '--year cannot be combined with --from or --to'],
    [['--year', '17'], '--year 17'],
    [['--format', 'pdf'], '--format pdf'],
    [['--next', 'soon'], '--next soon'],
    [['--from', '2018', '--to', '2017'], '--from 2018 es posterior a --to 2017'],
    [['--from', '2018', '--to', '2017', '--lang', 'en'], '--from 2018 is after --to 2017'],
    [['--body', 'red-z'], '--body red-z: no se conoce'],
  ])('refuses %j (exit 2)', async (args, message) => {
    const r = await acta(['report', '--root', FIXTURE, '--as-of', AS_OF, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  });
});

describe('acta report: templates', () => {
  it("uses the records repository's templates/ over the package's, partial by partial", async () => {
    const root = tempCopy();
    mkdirSync(path.join(root, 'templates/report/partials/md'), { recursive: true });
    writeFileSync(path.join(root, 'templates/report/partials/md/summary.hbs'), '## Resumen propio: {{summary.meetings}} reuniones\n\n');
    const md = (await acta(['report', '--root', root, '--year', '2017', '--as-of', AS_OF])).stdout;
    expect(md).toContain('## Resumen propio: 3 reuniones');
    expect(md).toContain('## 1. Reuniones celebradas');
    expect(md).not.toContain('## En síntesis');
  });

  it('--template FILE picks the main template explicitly', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'acta-tpl-'));
    const file = path.join(dir, 'mini.hbs');
    writeFileSync(file, '{{t "report" "title"}}: {{#each meetings}}{{id}} {{/each}}\n');
    const r = await acta([...base, '--lang', 'en', '--template', file]);
    expect(r.stdout).toBe('Consolidated report: 2017-02-10-grcm 2017-06-05-red-a 2017-09-20-grcm \n');
  });

  it('a broken template is a usage error naming the file, not a stack trace', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'acta-tpl-'));
    const file = path.join(dir, 'broken.hbs');
    writeFileSync(file, '{{#each meetings}}{{id}}\n');
    const r = await acta([...base, '--template', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error de plantilla: ${file}`);
    expect(r.stderr).not.toContain('    at ');
    // Where: handlebars' line and the caret under the place, not "Parse error on line 1:" and nothing after it
    // (exploratory review, nineteenth session).
    writeFileSync(file, '{{#each meetings}\n');
    expect((await acta([...base, '--template', file])).stderr).toBe(`acta: error de plantilla: ${file}: Parse error on line 1:\n{{#each meetings}\n----------------^\n`);
  });

  it('refuses a template that links out of the records root', async () => {
    const root = tempCopy();
    const outside = path.join(mkdtempSync(path.join(os.tmpdir(), 'acta-outside-')), 'secret.hbs');
    writeFileSync(outside, 'secret\n');
    mkdirSync(path.join(root, 'templates/report/partials/md'), { recursive: true });
    symlinkSync(outside, path.join(root, 'templates/report/partials/md/summary.hbs'));
    const r = await acta(['report', '--root', root, '--year', '2017', '--as-of', AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('un enlace que sale de la raíz de los registros');
    expect(existsSync(outside)).toBe(true);
  });

  // The partials are read together (io/templates.ts readAll): of several it refuses, the first in their order is
  // named, as when they were read one by one — the large one first, though the link is refused sooner.
  it('of several partials it refuses, names the first in their order', async () => {
    const root = tempCopy();
    const outside = path.join(mkdtempSync(path.join(os.tmpdir(), 'acta-outside-')), 'secret.hbs');
    writeFileSync(outside, 'secret\n');
    mkdirSync(path.join(root, 'templates/report/partials/md'), { recursive: true });
    writeFileSync(path.join(root, 'templates/report/partials/md/a-large.hbs'), 'x'.repeat(600 * 1024));
    symlinkSync(outside, path.join(root, 'templates/report/partials/md/b-link.hbs'));
    const r = await acta(['report', '--root', root, '--year', '2017', '--as-of', AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('a-large.hbs');
    expect(r.stderr).not.toContain('b-link.hbs');
  });
});
