// The work plans: their list, each plan as a matrix (axis → objective → result → activity × period, each cell with
// its state) with its progress by axis, and a page per activity with its follow-up.
import type { ActivityShow, SitePlan } from '../../core/queries/site.js';
import type { Lang } from '../../core/model.js';
import type { TemplateSet } from '../report-template.js';
import { templateRenderer } from '../report-template.js';
import { t } from '../catalog.js';
import { labels, localText } from '../i18n.js';
import { reportLabels } from '../report-labels.js';
import { statementLabels } from '../statement-labels.js';
import type { LinkContext } from './components.js';
import { actorLink, actorLinks, commitmentTable, followupTable, recordText } from './components.js';
import { Html, html } from './html.js';
import { relativeHref, sitePaths } from './paths.js';
import { siteLabels } from './site-labels.js';
import { sourceLink } from './source-pages.js';

const keyOf = (ref: string): string => ref.slice(ref.indexOf('#') + 1);

/** A row of the plans list: what is kept of a plan once its pages are written. */
export interface PlanRow {
  readonly matrix: Pick<SitePlan['matrix'], 'id' | 'title' | 'body' | 'period' | 'activities'>;
}

export function planRow(p: SitePlan): PlanRow {
  const { id, title, body, period, activities } = p.matrix;
  return { matrix: { id, ...(title ? { title } : {}), body, period, activities } };
}

export function plansIndex(plans: readonly PlanRow[], lc: LinkContext): Html {
  const w = siteLabels(lc.lang);
  return html`<h1>${w.workplan}</h1>
${plans.length ? html`<ul>
${plans.map((p) => html`<li><a href="${relativeHref(lc.path, sitePaths.plan(lc.lang, p.matrix.id))}">${p.matrix.title ? recordText(p.matrix.title, lc.lang) : p.matrix.id}</a> — ${actorLink(p.matrix.body, lc)}, ${p.matrix.period.start}–${p.matrix.period.end} (${t(lc.lang, 'workplan.activityCount', { count: p.matrix.activities })})</li>
`)}</ul>` : html`<p>${w.nothing}</p>`}`;
}

export function planPage(p: SitePlan, lc: LinkContext, grid: TemplateSet): Html {
  const w = siteLabels(lc.lang);
  const l = labels(lc.lang);
  const r = reportLabels(lc.lang).report;
  const s = statementLabels(lc.lang);
  const m = p.matrix;
  return html`<h1>${m.title ? recordText(m.title, lc.lang) : m.id}</h1>
<dl class="facts">
<dt>${l.words.body}</dt><dd>${actorLink(m.body, lc)}</dd>
<dt>${l.words.period}</dt><dd>${m.period.start}–${m.period.end}</dd>
<dt>${l.words.source}</dt><dd>${sourceLink(p.source, lc)}</dd>
</dl>
<h2>${w.progress}</h2>
<section class="wide" tabindex="0" aria-label="${w.progress}">
<table class="progress">
<caption>${w.progress}: ${m.id}</caption>
<thead><tr><th scope="col">${l.words.axis}</th><th scope="col">${l.words.activities}</th><th scope="col">${r.scheduled}</th><th scope="col">${r.withFollowup}</th><th scope="col">${s.sections.delivered}</th><th scope="col">${s.sections.overdue}</th></tr></thead>
<tbody>
${p.progress.axes.map((a) => html`<tr><th scope="row"><a href="#axis-${a.number}">${a.number}</a>${a.title ? html` ${recordText(a.title, lc.lang)}` : ''}</th><td>${a.activities}</td><td>${a.scheduled}</td><td>${a.withFollowup} <meter min="0" max="${Math.max(a.scheduled, 1)}" value="${a.withFollowup}" aria-label="${r.withFollowup}: ${a.withFollowup} / ${a.scheduled}"></meter></td><td>${a.states.done}</td><td>${a.states.overdue}</td></tr>
`)}</tbody>
<tfoot><tr><th scope="row">${l.words.total.replace(/^./, (c) => c.toUpperCase())}</th><td>${p.progress.total.activities}</td><td>${p.progress.total.scheduled}</td><td>${p.progress.total.withFollowup}</td><td>${p.progress.total.states.done}</td><td>${p.progress.total.states.overdue}</td></tr></tfoot>
</table>
</section>
<h2>${w.matrix}</h2>
${planGrid(p, lc, grid)}`;
}

/** The plan's tab title: its title in the page's language (the id when it has none). */
export function planTitle(p: Pick<SitePlan, 'matrix'>, lang: Lang): string {
  return p.matrix.title ? localText(p.matrix.title, lang) : p.matrix.id;
}

// The matrix is `acta workplan -f html`'s own grid and legend (templates/workplan/partials grid.hbs and legend.hbs, through
// Handlebars, which escapes every value), given the site's links: each activity its anchor (PLAN#A/O/R/N's key, which the
// search and the follow-up link to) and, when it has one, its page; each responsible actor with a page, that page.
function planGrid(p: SitePlan, lc: LinkContext, grid: TemplateSet): Html {
  const m = p.matrix;
  const plan = {
    ...m,
    axes: m.axes.map((axis) => ({
      ...axis,
      anchor: `axis-${axis.number}`,
      objectives: axis.objectives.map((o) => ({
        ...o,
        results: o.results.map((r) => ({
          ...r,
          activities: r.activities.map((a) => ({
            ...a,
            anchor: keyOf(a.ref),
            ...(lc.activityPages.has(a.ref) ? { href: relativeHref(lc.path, sitePaths.activity(lc.lang, m.id, keyOf(a.ref))) } : {}),
            responsible: a.responsible.map((x) => (lc.actors.has(x.id) ? { ...x, href: relativeHref(lc.path, sitePaths.actor(lc.lang, x.id)) } : x)),
            // What the grid shows of a cell (its occurrences stay out: copied and escaped for nothing, they were most of
            // the page's cost at 250 meetings).
            cells: a.cells.map(({ column, cell, state }) => ({ column, ...(cell ? { cell } : {}), ...(state ? { state } : {}) })),
          })),
        })),
      })),
    })),
  };
  const model: { readonly lang: Lang; readonly plan: typeof plan } = { lang: lc.lang, plan };
  return new Html(gridRenderer(grid)(model));
}

// Compiled once per template set (once per site), not once per page.
const RENDERERS = new WeakMap<TemplateSet, (model: { readonly lang: Lang }) => string>();
function gridRenderer(grid: TemplateSet): (model: { readonly lang: Lang }) => string {
  let render = RENDERERS.get(grid);
  if (!render) {
    const main = { name: '(acta) site: the plan page\'s grid', text: '{{> legend}}\n{{#with plan}}{{> grid}}{{/with}}' };
    RENDERERS.set(grid, (render = templateRenderer({ main, partials: grid.partials }, 'html')));
  }
  return render;
}

export function activityPage(p: SitePlan, a: ActivityShow, lc: LinkContext): Html {
  const l = labels(lc.lang);
  const w = siteLabels(lc.lang);
  return html`<h1>${l.words.activity} ${keyOf(a.ref)}</h1>
<p class="subtitle"><a href="${relativeHref(lc.path, sitePaths.plan(lc.lang, p.matrix.id))}">${recordText(a.plan.title, lc.lang)}</a></p>
<blockquote><p>${recordText(a.text, lc.lang)}</p></blockquote>
<dl class="facts">
${a.axis ? html`<dt>${l.words.axis}</dt><dd>${recordText(a.axis, lc.lang)}</dd>` : ''}
${a.objective ? html`<dt>${l.words.objective}</dt><dd>${recordText(a.objective, lc.lang)}</dd>` : ''}
${a.result ? html`<dt>${l.words.result}</dt><dd>${recordText(a.result, lc.lang)}</dd>` : ''}
<dt>${l.words.responsible}</dt><dd>${actorLinks(a.responsible, lc)}</dd>
<dt>${l.words.schedule}</dt><dd>${a.schedule.length ? a.schedule.map((s, i) => html`${i ? ', ' : ''}${s.column}: ${l.cells[s.cell]}`) : '—'}</dd>
</dl>
<h2>${l.words.commitments}</h2>
${commitmentTable(a.commitments, lc, `${l.words.commitments} — ${keyOf(a.ref)}`)}
<h2>${l.words.followup}</h2>
${followupTable(a.followup, lc, `${l.words.followup} — ${keyOf(a.ref)}`)}
<p class="print-hide"><a href="${relativeHref(lc.path, sitePaths.plan(lc.lang, p.matrix.id))}">${w.workplan}</a></p>`;
}
