// The package's Markdown overdue table is written by a plain function (report-template.ts overdueMarkdown), not
// through Handlebars: the same bytes as Handlebars gives for the same partial, on report models of the fixtures and
// data/ in both languages and on hand-made rows of every variant (hostile text, holes, several chunks), and only for the
// package's exact text (an edited copy goes through Handlebars).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportInputs } from '../../src/commands/report.js';
import { reportFromBasis } from '../../src/core/queries/report.js';
import type { TemplateSet } from '../../src/render/report-template.js';
import { fastRows, OVERDUE_MD, renderTemplateParts } from '../../src/render/report-template.js';
import { withCharts } from '../../src/render/svg/report-charts.js';
import { loadTemplateSet, PACKAGE_TEMPLATES } from '../../src/io/templates.js';
import { REPO_ROOT } from '../run-acta.js';

const render = (set: TemplateSet, model: { lang: 'es' | 'en' }): string => [...renderTemplateParts(set, model, 'md')].join('');

// The same partial with a comment at its end: Handlebars renders it to the same text, and it is not the package's text.
const throughHandlebars = (set: TemplateSet): TemplateSet => ({ ...set, partials: { ...set.partials, 'md/overdue': { name: 'md/overdue.hbs', text: `${OVERDUE_MD}{{!-- through Handlebars --}}` } } });

async function reportModel(root: string, asOf: string, lang: 'es' | 'en'): Promise<{ lang: 'es' | 'en' } & Record<string, unknown>> {
  const input = await reportInputs({ root: path.join(REPO_ROOT, root), asOf, lang });
  return withCharts(reportFromBasis(input.basis, { ...input, next: 90 })) as unknown as { lang: 'es' | 'en' } & Record<string, unknown>;
}

const row = (i: number, over: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: `2017-03-16-red-nna#${i}`,
  due: { kind: 'dated', day: '2017-04-01', period: { precision: 'day', start: '2017-04-01', end: '2017-04-01', label: '2017-04-01' } },
  daysLate: i * 3,
  task: { text: `Task ${i}`, lang: 'es' },
  pending: [{ id: 'MX', label: 'México' }],
  owners: [{ id: 'MX', label: 'México' }],
  earlier: i % 2 === 0,
  ...over,
});

describe('the Markdown overdue table without Handlebars', () => {
  it('is the package partial as shipped (else the rows would go through Handlebars unnoticed)', () => {
    expect(readFileSync(path.join(PACKAGE_TEMPLATES, 'report/partials/md/overdue.hbs'), 'utf8')).toBe(OVERDUE_MD);
  });

  it('gives the bytes Handlebars gives, on report models of the fixtures and data/ in both languages', async () => {
    const set = await loadTemplateSet('report', 'md', { root: REPO_ROOT });
    for (const [root, asOf, langs] of [['test/fixtures/report', '2018-03-01', ['es', 'en']], ['data', '2030-01-01', ['en']]] as const) {
      for (const lang of langs) {
        const model = await reportModel(root, asOf, lang);
        const before = fastRows.overdue;
        const fast = render(set, model);
        expect(fastRows.overdue - before, `${root} ${asOf}`).toBe((model['overdue'] as unknown[]).length);
        expect(fast, `${root} ${asOf} ${lang}`).toBe(render(throughHandlebars(set), model));
      }
    }
  });

  it('gives the bytes Handlebars gives on rows of every variant: hostile text, holes, missing members, many chunks', async () => {
    const set = await loadTemplateSet('report', 'md', { root: REPO_ROOT });
    const variants = [
      row(1, { deadlineText: { text: 'antes de | *la* reunión\nsiguiente #2 @x', lang: 'es' } }),
      row(2, { pending: [], inferred: true }),
      row(3, { inferred: true, owners: [{ id: 'grcm', label: 'GRCM', unsourced: true }, 'MX'] }),
      row(4, { daysLate: undefined, task: undefined, due: undefined, earlier: undefined }),
      row(5, { id: '-x`|<b>&', daysLate: 0, pending: 'text', deadlineText: null }),
      row(6, { pending: [{ label: '<i>' }, { id: 'GT' }] }),
      row(7, { task: { text: 'English', lang: 'en', translations: { es: 'Español' } } }),
    ];
    const many = Array.from({ length: 130 }, (_, i) => variants[i % variants.length]!);
    delete many[55];
    for (const lang of ['es', 'en'] as const) {
      for (const overdue of [many, variants, [], [row(9)], 'not a list', undefined]) {
        const model = { lang, asOf: '2017-06-01', overdue } as { lang: 'es' | 'en' };
        expect(render(set, model), `${lang} ${JSON.stringify(overdue)?.slice(0, 40)}`).toBe(render(throughHandlebars(set), model));
      }
    }
    const before = fastRows.overdue;
    render(throughHandlebars(set), { lang: 'es', overdue: many } as { lang: 'es' });
    expect(fastRows.overdue).toBe(before);
  });
});
