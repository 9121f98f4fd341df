// The package's templates are compiled at build time (scripts/compile-templates.mjs → dist/templates-compiled-*.js):
// the built binary renders with those specs, an in-process run (src/, no compiled file beside it) compiles the same
// templates at run time. The two outputs must be the same bytes, and every package template must have its spec.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compiledKey, compiledTemplates, compiledTemplatesFile, loadTemplateSet, PACKAGE_TEMPLATES } from '../../src/io/templates.js';
import { actaProcess, runActa } from '../run-acta.js';
import { AS_OF, FIXTURE } from './run.js';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const distFile = (format: 'md' | 'html'): string => path.join(DIST, `templates-compiled-${format}.js`);

describe('precompiled templates', () => {
  it('cover every package template, for each format it is rendered in', async () => {
    for (const format of ['md', 'html'] as const) {
      const specs = await compiledTemplates(format, distFile(format));
      for (const kind of ['report', 'workplan', 'statement']) {
        const mains = readdirSync(path.join(PACKAGE_TEMPLATES, kind)).filter((f) => f.endsWith(`.${format}.hbs`));
        if (mains.length === 0) continue;
        const set = await loadTemplateSet(kind, format, {});
        for (const t of [set.main, ...Object.values(set.partials)]) expect(specs.has(compiledKey(t.text)), `${format} ${t.name}`).toBe(true);
      }
    }
  });

  it('are used only for the text they were compiled from', async () => {
    const specs = await compiledTemplates('html', distFile('html'));
    const text = readFileSync(path.join(PACKAGE_TEMPLATES, 'report/report.html.hbs'), 'utf8');
    expect(specs.has(compiledKey(text))).toBe(true);
    expect(specs.has(compiledKey(`${text} `))).toBe(false);
  });

  it.each([
    ['report', '-f', 'md'],
    ['report', '-f', 'html', '--lang', 'en'],
    ['workplan', '-f', 'md'],
    ['statement', 'MX', '-f', 'html'],
  ])('render what the source templates render: acta %s %s %s', async (...args) => {
    const argv = [...args, '--root', FIXTURE, '--as-of', AS_OF];
    const built = actaProcess(argv);
    // In-process runs take dist/'s specs (test/run-acta.ts sets ACTA_COMPILED_TEMPLATES): this one compiles at run time.
    const source = await runActa(argv, { env: { ACTA_COMPILED_TEMPLATES: undefined } });
    const inProcess = await runActa(argv);
    expect(built.code).toBe(0);
    expect(source.code).toBe(0);
    expect(built.stdout.length).toBeGreaterThan(500);
    expect(built.stdout).toBe(source.stdout);
    expect(inProcess.stdout).toBe(source.stdout);
  });

  it('are read beside the running code, or from the folder ACTA_COMPILED_TEMPLATES names (the test runs\' hook)', () => {
    expect(compiledTemplatesFile('md', {})).toBe(fileURLToPath(new URL('../../src/templates-compiled-md.js', import.meta.url)));
    expect(compiledTemplatesFile('html', { ACTA_COMPILED_TEMPLATES: DIST })).toBe(distFile('html'));
  });
});
