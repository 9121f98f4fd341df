// Reports written as they are made (issue 24, memory): renderTemplateParts gives renderTemplate's text in bounded
// parts — each partial rendered when its turn comes — and `acta report -f md|html|json` hands the shell those parts,
// never one string. Counts parts and their sizes, never time.
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module without types (the benchmark's corpus generator)
import { generateCorpus } from '../../bench/generate-corpus.mjs';
import { main } from '../../src/cli.js';
import { loadTemplateSet } from '../../src/io/templates.js';
import type { TemplateSet } from '../../src/render/report-template.js';
import { PART_SIZE, renderTemplate, renderTemplateParts, TemplateError } from '../../src/render/report-template.js';
import { jsonText } from '../../src/render/escape.js';
import { MD_ROWS, mdTable, mdTableParts } from '../../src/render/markdown.js';
import { REPO_ROOT, runActa } from '../run-acta.js';

const set = (text: string, partials: Record<string, string> = {}): TemplateSet => ({ main: { name: 'main.hbs', text }, partials: Object.fromEntries(Object.entries(partials).map(([k, v]) => [k, { name: `${k}.hbs`, text: v }])) });
const rows = Array.from({ length: 3000 }, (_, i) => ({ id: `r${i}`, text: `row ${i} <&> | *x*`, items: [i, i + 1] }));
const FIXTURE = path.join(REPO_ROOT, 'test/fixtures/report');
const AS_OF = '2018-06-30';

describe('renderTemplateParts', () => {
  // Partials inside loops and inside partials, @index and @root, @../index of an outer loop, a hash argument, a
  // partial of a partial: the deferred calls see what the inline calls saw.
  const nested = set('# {{title}}\n{{#each rows}}{{> row this n=@index}}{{/each}}\n{{> tail}}\nend', {
    row: '<{{@index}}/{{n}}:{{id}} {{text}} {{@root.title}}{{#each items}}[{{@../index}}.{{@index}}={{this}}{{> cell}}]{{/each}}>\n',
    cell: '({{@index}}{{#if @first}}f{{/if}}{{#if @last}}l{{/if}})',
    tail: 'rows: {{rows.length}}',
  });

  for (const format of ['md', 'html'] as const) {
    it(`${format}: the parts join into renderTemplate's text; several parts, none much over PART_SIZE`, () => {
      const model = { lang: 'en' as const, title: 'T', rows };
      const whole = renderTemplate(nested, model, format);
      const parts = [...renderTemplateParts(nested, model, format)];
      expect(parts.join('')).toBe(whole);
      expect(whole.length).toBeGreaterThan(3 * PART_SIZE);
      expect(parts.length).toBeGreaterThanOrEqual(Math.floor(whole.length / PART_SIZE));
      for (const p of parts) expect(p.length).toBeLessThan(PART_SIZE + 200);
    });
  }

  // An inline partial ({{#*inline}}) is in scope only while the program that declares it runs: Handlebars swaps it in
  // and out around that program. The deferred calls (an {{#each}}'s chunks, a partial's call) run after it, and must
  // still see it — in the main template, in a partial (and the caller's), in a block, where one shadows a real partial
  // (and after the block, the real one again).
  const inline = set(
    [
      '{{#*inline "mcell"}}<main-cell {{id}}>{{/inline}}',
      '{{#each rows}}{{> mcell}}{{/each}}',
      '{{> table rows=rows}}',
      '{{#if title}}{{#*inline "cell"}}<if-cell {{id}}>{{/inline}}{{#each rows}}{{> cell}}{{/each}}{{/if}}',
      '{{#each rows}}{{> cell}}{{/each}}',
      '{{> plain}}',
    ].join('\n'),
    {
      cell: '<real-cell {{id}}>',
      table: '{{#*inline "item"}}[{{this}}]{{/inline}}{{#*inline "row"}}<row {{id}}{{> mcell}}{{#each items}}{{> item}}{{/each}}>{{/inline}}{{#each rows}}{{> row}}{{/each}}',
      plain: '{{#each rows}}{{> cell}}{{/each}}',
    },
  );

  for (const format of ['md', 'html'] as const) {
    it(`${format}: inline partials, declared in the main template, a partial or a block, are found by deferred calls`, () => {
      const model = { lang: 'en' as const, title: 'T', rows: rows.slice(0, 120) }; // chunks of EACH_CHUNK and a rest
      const whole = renderTemplate(inline, model, format);
      expect(whole).toContain('<main-cell r119>');
      expect(whole).toContain('<row r119<main-cell r119>[119][120]>');
      expect(whole).toContain('<if-cell r119>');
      expect(whole).toContain('<real-cell r119>');
      const parts = [...renderTemplateParts(inline, model, format)];
      expect(parts.join('')).toBe(whole);
    });
  }

  it('the package report templates: the same text as renderTemplate, in parts', async () => {
    for (const format of ['md', 'html'] as const) {
      const templates = await loadTemplateSet('report', format, { root: FIXTURE });
      const r = await runActa(['report', '--root', FIXTURE, '--as-of', AS_OF, '-f', 'json']);
      const view = JSON.parse(r.stdout) as { lang: 'es' };
      const parts = [...renderTemplateParts(templates, view, format)];
      expect(parts.join('')).toBe(renderTemplate(templates, view, format));
    }
  });

  it('a template that fails while a part is made is a TemplateError naming the file', () => {
    const broken = set('{{> row}}', { row: '{{#each x}}{{nohelper 1}}{{/each}}' });
    expect(() => [...renderTemplateParts(broken, { lang: 'en', x: [1] } as { lang: 'en' }, 'html')]).toThrow(TemplateError);
  });
});

describe('acta report writes its text in parts', () => {
  // The shell is handed parts: count the writes standard output gets for a report several times PART_SIZE (60
  // generated meetings: ~160 KB of Markdown).
  let corpus = '';
  beforeAll(() => {
    corpus = path.join(mkdtempSync(path.join(os.tmpdir(), 'acta-parts-corpus-')), 'r');
    generateCorpus(corpus, { meetings: 60, agreements: 6, seed: 11, registries: path.join(REPO_ROOT, 'data/registries') });
  });
  // What standard output is handed, write by write, by the command run in this process (exit 0 asserted).
  async function writesOf(args: readonly string[]): Promise<string[]> {
    const writes: string[] = [];
    const code = await main(['node', 'acta', ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, NO_COLOR: '1', CI: 'true', ACTA_CACHE: '0', ACTA_WORKERS: '0', ACTA_LANG: 'es' },
      stdout: { write: (s) => void writes.push(s), isTTY: false },
      stderr: { write: () => undefined, isTTY: false },
    });
    expect(code).toBe(0);
    return writes;
  }

  for (const format of ['md', 'html', 'json'] as const) {
    it(`-f ${format}: standard output gets several writes, which join into the whole text`, async () => {
      const writes = await writesOf(['report', '--root', corpus, '--as-of', '2001-01-01', '-f', format, '--annex', '--texts']);
      const text = writes.join('');
      expect(text.length).toBeGreaterThan(2 * PART_SIZE);
      expect(writes.length).toBeGreaterThan(2);
      expect(Math.max(...writes.map((w) => w.length))).toBeLessThan(text.length / 2);
    });
  }

  // The follow-up commands' JSON too (as one string, at 8,000 meetings: overdue 1.27 GB, list commitments 1.13 GB, a
  // statement 885 MB): several writes, none over half the text, which is jsonText's own of the same value.
  for (const command of [['overdue'], ['list', 'commitments'], ['statement', 'MX']]) {
    it(`${command.join(' ')} -f json: standard output gets several writes, which join into jsonText's text`, async () => {
      const writes = await writesOf([...command, '--root', corpus, '--as-of', '2099-01-01', '-f', 'json']);
      const text = writes.join('');
      expect(text.length).toBeGreaterThan(2 * PART_SIZE);
      expect(writes.length).toBeGreaterThan(2);
      expect(Math.max(...writes.map((w) => w.length))).toBeLessThan(text.length / 2);
      expect(jsonText(JSON.parse(text))).toBe(text);
    });
  }

  it('overdue -f csv: standard output gets a write for every few hundred rows, not one', async () => {
    const writes = await writesOf(['overdue', '--root', corpus, '--as-of', '2099-01-01', '-f', 'csv']);
    const text = writes.join('');
    // A header, then rows a few hundred at a time (csvParts): over 600 rows here, so three writes or more.
    expect(text.split('\r\n').length).toBeGreaterThan(600);
    expect(writes.length).toBeGreaterThan(2);
    for (const w of writes) expect(w.split('\r\n').length - 1).toBeLessThanOrEqual(500);
  });

  it('overdue -f md: standard output gets a write for every hundred table rows, not one', async () => {
    const writes = await writesOf(['overdue', '--root', corpus, '--as-of', '2099-01-01', '-f', 'md']);
    expect(writes.join('').split('\n').length).toBeGreaterThan(2 * MD_ROWS);
    expect(writes.length).toBeGreaterThan(2);
    for (const w of writes) expect(w.split('\n').length - 1).toBeLessThanOrEqual(MD_ROWS);
  });

  it('mdTableParts joins into mdTable, at and around its part size', () => {
    for (const n of [0, 1, MD_ROWS - 1, MD_ROWS, MD_ROWS + 1, 12 * MD_ROWS]) {
      const items = Array.from({ length: n }, (_, i) => i);
      const toRow = (i: number): string[] => [String(i), `r${i}`, i % 2 ? 'x' : ''];
      expect([...mdTableParts(['a', 'b', 'c'], items, toRow, [0])].join('')).toBe(mdTable(['a', 'b', 'c'], items.map(toRow), [0]));
    }
  });

  it('-o FILE: the file holds the same text as standard output, and no temporary file is left', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'acta-parts-'));
    const out = path.join(dir, 'r.html');
    const shown = await runActa(['report', '--root', FIXTURE, '--as-of', AS_OF, '-f', 'html', '--annex']);
    const written = await runActa(['report', '--root', FIXTURE, '--as-of', AS_OF, '-f', 'html', '--annex', '-o', out]);
    expect(written.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(shown.stdout);
    expect(readdirSync(dir)).toEqual(['r.html']);
  });
});
