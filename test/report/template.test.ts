// The template engine: HTML escaping by Handlebars, Markdown escaping of the whole view model, only http(s) links,
// errors that name the template; template lookup with overrides; chart geometry.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTemplateSet, PACKAGE_TEMPLATES } from '../../src/io/templates.js';
import { escapeMarkdownDeep, renderTemplate, TemplateError, templateRenderer } from '../../src/render/report-template.js';
import { layoutStateBars } from '../../src/render/svg/state-bars.js';
import { summariseStates } from '../../src/core/followup/index.js';

const render = (text: string, model: object, format: 'md' | 'html', partials: Record<string, string> = {}): string =>
  renderTemplate({ main: { name: 'main.hbs', text }, partials: Object.fromEntries(Object.entries(partials).map(([k, v]) => [k, { name: `${k}.hbs`, text: v }])) }, { lang: 'en', ...model }, format);

describe('renderTemplate', () => {
  const hostile = '<script>alert("x")</script> | *a* [b](javascript:c) & d';

  it('HTML: record text is escaped', () => {
    expect(render('<p>{{x}}</p>', { x: hostile }, 'html')).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; | *a* [b](javascript:c) &amp; d</p>');
  });

  it('Markdown: every string of the model is escaped once (HTML, pipes, emphasis, links), numbers are kept', () => {
    expect(render('| {{x}} | {{n}} |', { x: hostile, n: 3 }, 'md')).toBe('| &lt;script&gt;alert("x")&lt;/script&gt; \\| \\*a\\* \\[b\\](javascript:c) &amp; d | 3 |');
    expect(escapeMarkdownDeep({ a: ['x|y', 2, true], b: { c: 'line\none' } })).toEqual({ a: ['x\\|y', 2, true], b: { c: 'line one' } });
  });

  it('only http(s) links pass isHttp', () => {
    const t = '{{#each urls}}{{#if (isHttp this)}}<a href="{{this}}">ok</a>{{else}}no{{/if}} {{/each}}';
    expect(render(t, { urls: ['https://example.org/a?b=1&c=2', 'javascript:alert(1)', 'JAVASCRIPT:x', 'data:text/html,x', 'http://x y'] }, 'html')).toBe('<a href="https://example.org/a?b&#x3D;1&amp;c&#x3D;2">ok</a> no no no no ');
  });

  it('labels, dates and deadlines come from helpers in the model\u2019s language', () => {
    const t = '{{t "states" "overdue"}} · {{cap (t "actions" "take-note")}} · {{formatDay d}} · {{formatDays d e}} · {{t "report" "nope"}}';
    expect(render(t, { d: '2017-07-21', e: '2017-07-22' }, 'html')).toBe('overdue · Take note · 21 Jul 2017 · 21–22 Jul 2017 · nope');
    expect(renderTemplate({ main: { name: 'm', text: '{{t "states" "overdue"}} {{formatDay d}}' }, partials: {} }, { lang: 'es', d: '2017-07-21' } as { lang: 'es' }, 'html')).toBe('vencido 21 jul 2017');
  });

  it('a label asked again is the same label, per language and per list of keys (templateRenderer reused for many models)', () => {
    const main = { name: 'm', text: '{{t "states" "overdue"}}|{{t "a.b" "c"}}|{{t "a" "b.c"}}|{{t "states" "overdue"}}' };
    const renderer = templateRenderer({ main, partials: {} }, 'html');
    expect(renderer({ lang: 'es' })).toBe('vencido|c|b.c|vencido');
    expect(renderer({ lang: 'en' })).toBe('overdue|c|b.c|overdue');
    expect(renderer({ lang: 'es' })).toBe('vencido|c|b.c|vencido');
  });

  it('prototype properties are not reachable from a template', () => {
    expect(render('[{{constructor.name}}][{{__proto__.constructor}}]', {}, 'html')).toBe('[][]');
  });

  it('a broken template or a missing partial is a TemplateError naming the file', () => {
    expect(() => render('{{#if x}}open', {}, 'html')).toThrow(TemplateError);
    expect(() => render('{{#if x}}open', {}, 'html')).toThrow(/^main\.hbs: /);
    expect(() => render('{{> nowhere}}', {}, 'html')).toThrow(/main\.hbs: .*nowhere/);
  });

  it('partials are named by their path under partials/', () => {
    expect(render('{{> html/x}}', { a: '<b>' }, 'html', { 'html/x': '[{{a}}]' })).toBe('[&lt;b&gt;]');
  });
});

describe('loadTemplateSet', () => {
  it('takes the package templates, then the records repository\u2019s, file by file', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'acta-tpl-'));
    mkdirSync(path.join(root, 'templates/report/partials/html'), { recursive: true });
    writeFileSync(path.join(root, 'templates/report/partials/html/style.hbs'), '<style>/* mine */</style>');
    writeFileSync(path.join(root, 'templates/report/partials/html/extra.hbs'), 'extra');
    const set = await loadTemplateSet('report', 'html', { root });
    expect(set.main.name).toBe('(acta) templates/report/report.html.hbs');
    expect(set.partials['html/style']).toEqual({ name: 'templates/report/partials/html/style.hbs', text: '<style>/* mine */</style>' });
    expect(set.partials['html/extra']?.text).toBe('extra');
    expect(set.partials['html/meetings']?.name).toBe('(acta) templates/report/partials/html/meetings.hbs');
    expect(set.partials['md/summary']).toBeDefined();
    expect(PACKAGE_TEMPLATES.endsWith(`${path.sep}templates${path.sep}`)).toBe(true);
  });

  it('an explicit --template wins and a missing one is a usage error', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'acta-tpl-'));
    writeFileSync(path.join(root, 'mine.hbs'), 'mine');
    expect((await loadTemplateSet('report', 'md', { root, explicit: path.join(root, 'mine.hbs') })).main.text).toBe('mine');
    await expect(loadTemplateSet('report', 'md', { root, explicit: path.join(root, 'none.hbs') })).rejects.toMatchObject({ said: { say: 'usage.templateMissing' } });
  });
});

describe('state bars', () => {
  it('scales every bar to the largest total and stacks segments in state order', () => {
    const counts = (o: Record<string, number>) => summariseStates(Object.entries(o).flatMap(([state, n]) => Array.from({ length: n }, () => ({ state }) as never)));
    const chart = layoutStateBars(
      [
        { body: { id: 'a', label: 'A' }, counts: counts({ overdue: 2, done: 2 }) },
        { body: { id: 'b', label: 'A body with a name far too long to fit in the label column of the chart' }, counts: counts({ done: 1 }) },
      ],
      ['overdue', 'open', 'done'],
    );
    const [a, b] = chart.rows;
    expect(a!.segments.map((s) => s.state)).toEqual(['overdue', 'done']);
    expect(a!.segments[0]!.width).toBe(a!.segments[1]!.width);
    expect(b!.segments[0]!.width * 4).toBeCloseTo(a!.segments[0]!.width + a!.segments[1]!.width, 0);
    expect(b!.label.endsWith('…')).toBe(true);
    expect(b!.fullLabel).toContain('far too long');
    expect(chart.legend.map((l) => l.state)).toEqual(['overdue', 'done']);
  });
});
