// acta workplan [PLAN]: a work plan as its matrix — terminal table, Markdown, HTML, CSV or JSON — filtered by axis,
// period and responsible actor, each schedule cell with its state as of --as-of.
import { saidText } from '../render/diagnostic-text.js';
import path from 'node:path';
import { parsePeriod } from '../core/dates.js';
import { findRecord } from '../core/queries/find-record.js';
import type { WorkplanFilters, WorkplanModel } from '../core/queries/workplan.js';
import { buildWorkplan } from '../core/queries/workplan.js';
import { say } from '../core/diagnostics.js';
import { SaidError, UsageError } from '../io/files.js';
import { t } from '../render/catalog.js';
import { fromCwd } from '../io/runtime.js';
import { loadTemplateSet } from '../io/templates.js';
import { writeFileAtomic } from '../io/write.js';
import { jsonText } from '../render/escape.js';
import { formatWorkplanCsv } from '../render/workplan-csv.js';
import { formatWorkplanTable } from '../render/workplan-table.js';
import { tableWidth } from '../io/terminal.js';
import { checkChoice } from './choices.js';
import { resolveStyle } from './context.js';
import type { GlobalOptions, Outcome } from './outcome.js';
import { checkOutput } from './output-file.js';
import type { ReportInputs } from './report-input.js';
import { loadReportInputs } from './report-input.js';
import type { Plan } from '../core/model.js';
import { collectedThen, collectIfLarge } from '../io/heap.js';

export interface WorkplanOptions extends GlobalOptions {
  readonly axis?: string;
  readonly period?: string;
  readonly actor?: string;
  readonly format?: string;
  readonly out?: string;
  readonly template?: string;
}

const FORMATS = ['table', 'md', 'html', 'csv', 'json'] as const;
type WorkplanFormat = (typeof FORMATS)[number];

export async function runWorkplan(planQuery: string | undefined, options: WorkplanOptions): Promise<Outcome> {
  const format = (options.format ?? 'table') as WorkplanFormat;
  checkChoice(`--format ${options.format}`, format, FORMATS);
  if (options.template !== undefined && format !== 'md' && format !== 'html') throw new SaidError(say('usage.templateFormats', { format: 'none' }));
  checkOutput('workplan', format, options.out);
  const period = options.period === undefined ? undefined : parsePeriod(options.period);
  if (options.period !== undefined && !period) throw new SaidError(say('usage.badPlanPeriod', { value: options.period }));
  // The plans picked, the records let go (and collected) before the model is built: it reads plans and commitments.
  const { input, plans } = await loadPlans(options, planQuery);
  collectIfLarge();
  const axes = options.axis === undefined ? undefined : new Set(options.axis.split(',').map((a) => a.trim()).filter(Boolean));
  if (axes && plans.length && ![...axes].every((a) => plans.some((p) => p.axes.some((x) => x.number === a)))) throw new SaidError(say('usage.noSuchAxis', { value: options.axis ?? '', axes: [...new Set(plans.flatMap((p) => p.axes.map((x) => x.number)))].join(', ') }));
  const filters: WorkplanFilters = { ...(axes ? { axes } : {}), ...(period ? { period: { from: period.start, to: period.end } } : {}), ...(input.sel.actors ? { actors: input.sel.actors } : {}) };
  const model = buildWorkplan(plans, input.commitments, filters, input.ctx, input.asOf);
  // To standard output, a table, CSV or JSON is made once this function has returned and its records are garbage.
  if (options.out === undefined && format !== 'md' && format !== 'html') return { stdout: collectedThen(formatPlain, format, model, options), ...(input.warning ? { stderr: input.warning } : {}), exitCode: 0 };
  const text = await formatWorkplan(format, model, input.root, options);
  if (options.out === undefined) return { stdout: text, ...(input.warning ? { stderr: input.warning } : {}), exitCode: 0 };
  const out = fromCwd(options.out);
  await writeFileAtomic(path.dirname(out), path.basename(out), text);
  return { stdout: '', stderr: `${input.warning ?? ''}${t(input.lang, 'written.file', { file: options.out })}\n`, exitCode: 0 };
}

/** The records loaded and the plans picked, from a frame of its own: an async function keeps what it awaited in its
 * frame until it returns, so `pickPlans(await loadReportInputs(…))` in runWorkplan's body kept the records reachable
 * through the collection meant to free them (see commands/followup.ts loadCommitments). */
async function loadPlans(options: WorkplanOptions, planQuery: string | undefined): Promise<ReturnType<typeof pickPlans>> {
  // Unchecked: a work plan prints no diagnostics (the records' schema still decides which plans and meetings count).
  // Checked, it ran validate's per-record checks on the workers and the cross-record ones here, and threw them away.
  return pickPlans(await loadReportInputs(options, options.actor !== undefined ? { actor: options.actor } : {}, { unchecked: true }), planQuery);
}

function pickPlans({ records, ...input }: ReportInputs, planQuery: string | undefined): { input: Omit<ReportInputs, 'records'>; plans: Plan[] } {
  const plans = records.plans.filter((p) => p.valid).map((p) => p.data).sort((a, b) => (a.id < b.id ? -1 : 1));
  if (planQuery === undefined) return { input, plans };
  const found = findRecord(records, planQuery);
  if (!found.ok) throw new UsageError(saidText(found.error, input.lang));
  if (found.value.kind !== 'plan') throw new SaidError(say('usage.meetingNotPlan', { query: planQuery }));
  const id = found.value.plan.id;
  return { input, plans: plans.filter((p) => p.id === id) };
}

function formatPlain(format: 'table' | 'csv' | 'json', model: WorkplanModel, options: WorkplanOptions): string {
  if (format === 'table') return formatWorkplanTable(model, { style: resolveStyle(options), width: tableWidth() });
  return format === 'csv' ? formatWorkplanCsv(model) : jsonText(model);
}

async function formatWorkplan(format: WorkplanFormat, model: WorkplanModel, root: string, options: WorkplanOptions): Promise<string> {
  switch (format) {
    case 'table':
    case 'csv':
    case 'json':
      return formatPlain(format, model, options);
    default: {
      const set = await loadTemplateSet('workplan', format, { root, ...(options.template !== undefined ? { explicit: options.template } : {}) });
      // Handlebars and the template runtime only for the forms a template renders (~30 ms of a table's start-up).
      const { renderTemplate, TemplateError } = await import('../render/report-template.js');
      try {
        return renderTemplate(set, model, format);
      } catch (e) {
        throw e instanceof TemplateError ? new SaidError(say('usage.templateError', { message: e.message })) : e;
      }
    }
  }
}
