// acta report: the consolidated report for a period — Markdown, HTML (fit to print) or JSON (the view model itself).
import { diagnosticText } from '../render/diagnostic-text.js';
import { expandActors } from '../core/actors.js';
import { parsePeriod } from '../core/dates.js';
import type { ActorId, Lang } from '../core/model.js';
import type { CommitmentLine, CommitmentView } from '../core/queries/view.js';
import type { Statement } from '../core/queries/statement.js';
import type { ReportBasis } from '../core/queries/report.js';
import { reportBasis, reportFromBasis } from '../core/queries/report.js';
import { parseWindow } from '../core/queries/selection.js';
import { say } from '../core/diagnostics.js';
import { SaidError } from '../io/files.js';
import { t } from '../render/catalog.js';
import type { TemplateLookup } from '../io/templates.js';
import { loadTemplateSet } from '../io/templates.js';
import { writeOutputFile } from '../io/write.js';
import { jsonTextParts } from '../render/escape.js';
import type { TemplateFormat, TemplateSet } from '../render/report-template.js';
import { renderTemplateParts, TemplateError } from '../render/report-template.js';
import { sitePaths } from '../render/site/paths.js';
import { readSources } from '../io/sources.js';
import { siteUrl } from './site-url.js';
import { resolveRoot } from './context.js';
import type { StatementView } from '../render/statement-view.js';
import { statementView } from '../render/statement-view.js';
import type { ReportView } from '../render/svg/report-charts.js';
import { withCharts } from '../render/svg/report-charts.js';
import { checkChoice } from './choices.js';
import { checkDocxOptions, documentMeta } from './document-options.js';
import type { GlobalOptions, Outcome } from './outcome.js';
import { checkOutput } from './output-file.js';
import type { ReportInputs } from './report-input.js';
import { loadReportInputs } from './report-input.js';
import { collectedFirst, collectIfLarge } from '../io/heap.js';

export interface ReportOptions extends GlobalOptions {
  readonly from?: string;
  readonly to?: string;
  readonly year?: string;
  readonly body?: string;
  readonly format?: string;
  readonly out?: string;
  readonly template?: string;
  readonly next?: string;
  readonly texts?: boolean;
  readonly annex?: boolean;
  readonly quality?: boolean;
  readonly actor?: string;
  readonly reference?: string;
  readonly issued?: string;
  /** The address the site (`acta site`) is published at: the HTML report links each source document to its page there. */
  readonly siteUrl?: string;
}

const FORMATS = ['md', 'html', 'json', 'docx'] as const;
type ReportFormat = (typeof FORMATS)[number];

function checkOptions(o: ReportOptions): { format: ReportFormat; next: number } {
  const format = (o.format ?? 'md') as ReportFormat;
  checkChoice(`--format ${o.format}`, format, FORMATS);
  if (o.year !== undefined && (o.from !== undefined || o.to !== undefined)) throw new SaidError(say('usage.yearWithRange'));
  if (o.year !== undefined && parsePeriod(o.year)?.precision !== 'year') throw new SaidError(say('usage.badYear', { value: o.year }));
  if (o.template !== undefined && (format === 'json' || format === 'docx')) throw new SaidError(say('usage.templateFormats', { format }));
  if (format === 'docx') checkDocxOptions(o);
  else if (o.reference !== undefined || o.issued !== undefined) throw new SaidError(say('usage.docxOnly', { option: o.reference !== undefined ? 'reference' : 'issued' }));
  const next = o.next === undefined ? 90 : parseWindow(o.next);
  if (next === undefined || next < 1) throw new SaidError(say('usage.badNext', { value: String(o.next) }));
  return { format, next };
}

export async function runReport(options: ReportOptions): Promise<Outcome> {
  const { format, next } = checkOptions(options);
  checkOutput('report', format, options.out);
  if (format === 'md' || format === 'html') return runTemplated(options, format, next);
  if (format === 'docx') return runDocx(options, next);
  // -f json prints the whole view: the documented contract.
  const { view, warning } = await reportView(await reportInputs(options), options, next);
  // Written as it is made (to standard output, or into -o's temporary file): the whole text is never one string.
  return written(collectedFirst(jsonTextParts(view)), view.lang, options.out, warning);
}

// The Word document reads only what the package's templates print of a commitment row (render/docx/report.ts
// DocumentView): it gets lean rows too.
async function runDocx(options: ReportOptions, next: number): Promise<Outcome> {
  const { view, warning, authentic } = await reportView(await reportInputs(options), options, next, true);
  // The hand-over, as the other forms' collectedFirst: one collection once the view is built (its garbage, at 8,000
  // meetings ~700 MB of heap V8 had let grow, is gone before the document is written; the heap's next limit is set
  // from the view).
  collectIfLarge();
  // The Word document's modules (the docx library: ~50 ms to load) only for this form.
  const [{ packDocx }, { reportDocument }] = await Promise.all([import('../io/docx-pack.js'), import('../render/docx/report.js')]);
  const bytes = await packDocx(reportDocument(view, documentMeta(view, options, authentic)), options.issued ?? view.asOf);
  await writeOutputFile(options.out!, bytes);
  return { stdout: '', stderr: `${warning ?? ''}${t(view.lang, 'written.file', { file: options.out! })}\n`, exitCode: 0 };
}

// Markdown and HTML through the templates. When every text of the template set is the package's, the view's
// commitment rows are the members those templates print (ReportInput.lean: core/queries/view.ts CommitmentLine), not
// whole views. The set is read while the records load (its ~30 files' reads otherwise left this thread idle between
// the derivation and the view: 40–110 ms at 2,000 meetings); a failure there is raised only once the records are
// read, by reading it again then, so a usage error about the records still comes first, as before.
async function runTemplated(options: ReportOptions, format: TemplateFormat, next: number): Promise<Outcome> {
  const lookup = (root: string): TemplateLookup => ({ root, ...(options.template !== undefined ? { explicit: options.template } : {}) });
  const early = resolveRoot(options).then((root) => loadTemplateSet('report', format, lookup(root)).then((set) => ({ root, set }))).catch(() => undefined);
  const input = await reportInputs(options);
  const read = await early;
  const set = read !== undefined && read.root === input.root ? read.set : await loadTemplateSet('report', format, lookup(input.root));
  const { view, root, warning } = await reportView(input, options, next, set.packaged === true);
  const links = format === 'html' ? await sourceLinks(view, root, siteUrl(options.siteUrl, view.lang, '--site-url')) : undefined;
  return written(renderWith(set, format, { ...withAnnexViews(view), ...(links ? { sourceLinks: links } : {}) }), view.lang, options.out, warning);
}

async function written(parts: Iterable<string>, lang: Lang, out: string | undefined, warning: string | undefined): Promise<Outcome> {
  if (out === undefined) return { stdout: parts, ...(warning ? { stderr: warning } : {}), exitCode: 0 };
  await writeOutputFile(out, parts);
  return { stdout: '', stderr: `${warning ?? ''}${t(lang, 'written.file', { file: out })}\n`, exitCode: 0 };
}

// The report's view, built in two steps so the records go first. reportInputs reads what the report needs of the
// records (its basis: the period's meetings and plans as data, the records' health) and returns without them; one
// collection then frees the files (their bytes and parse) and the derivation's garbage before the view is built in
// the pages they held. The commitments and the basis stay until the view is built, and go at the hand-over to the
// writing. With the collection between loading and derivation (collectAfterLoad), three at 8,000 meetings, none at
// 2,000 (io/heap.ts: only over 192 MB added); see docs/internals/performance.md, "The report's view after the records".
interface BuiltView<R extends CommitmentLine> {
  readonly view: ReportView<R>;
  readonly root: string;
  readonly warning?: string;
  readonly authentic?: Lang;
}

function reportView(input: ReportBasisInputs, options: ReportOptions, next: number): Promise<BuiltView<CommitmentView>>;
function reportView(input: ReportBasisInputs, options: ReportOptions, next: number, lean: boolean): Promise<BuiltView<CommitmentLine>>;
async function reportView(input: ReportBasisInputs, options: ReportOptions, next: number, lean = false): Promise<BuiltView<CommitmentLine>> {
  collectIfLarge();
  const report = reportFromBasis(input.basis, { ...input, ...(options.year !== undefined ? { year: options.year } : {}), next, ...(options.texts ? { texts: true } : {}), lean });
  return { view: { ...withCharts(report), ...(options.quality ? { quality: true as const } : {}) }, root: input.root, ...(input.warning ? { warning: input.warning } : {}), ...(input.ctx.authentic ? { authentic: input.ctx.authentic } : {}) };
}

/** What reportFromBasis reads: no record set (see ReportBasis). */
export type ReportBasisInputs = Omit<ReportInputs, 'records' | 'diagnostics'> & { readonly basis: ReportBasis; readonly annex?: { readonly actors?: readonly ActorId[] } };

/** What the report reads, with the records read and let go: the records and the diagnostics stay inside this function
 * (no closure made here outlives it). Exported for its test (test/report/records-go-first.test.ts). */
export async function reportInputs(options: ReportOptions): Promise<ReportBasisInputs> {
  const raw = { ...(options.actor !== undefined ? { actor: options.actor } : {}), ...(options.body !== undefined ? { body: options.body } : {}), ...(options.year !== undefined ? { from: options.year, to: options.year } : {}), ...(options.from !== undefined ? { from: options.from } : {}), ...(options.to !== undefined ? { to: options.to } : {}) };
  const input = await loadReportInputs(options, raw, { collectAfterLoad: true });
  if (input.sel.from !== undefined && input.sel.to !== undefined && input.sel.from > input.sel.to) throw new SaidError(say('usage.fromAfterTo', { from: String(options.from), to: String(options.to) }));
  const annex = options.annex || input.sel.actors ? { annex: input.sel.actors ? { actors: annexActors(input) } : {} } : {};
  const lang = input.lang;
  const basis = reportBasis({ ...input, describe: (d) => diagnosticText(d, lang).message, ...(options.year !== undefined ? { year: options.year } : {}) });
  const { records: _records, diagnostics: _diagnostics, ...rest } = input;
  return { ...rest, basis, ...annex };
}

// --site-url: each meeting's source document that the site ships (found in the records' sources/ folder, as acta site
// finds it) → its page on the published site. Without --site-url, or for a document not on disk, the report names it.
async function sourceLinks(view: ReportView<CommitmentLine>, root: string, url: string | undefined): Promise<Record<string, string> | undefined> {
  if (url === undefined) return undefined;
  const found = await readSources(root, [...new Set(view.meetings.map((m) => m.source.document))]);
  const base = url.replace(/\/+$/, '');
  return Object.fromEntries([...found.keys()].map((name) => [name, `${base}/${sitePaths.source(view.lang, name).split('/').map(encodeURIComponent).join('/')}`]));
}

/** Templates also get each annex statement laid out as `acta statement` lays it out (its StatementView). */
function withAnnexViews<V extends { readonly annex?: readonly Statement[]; readonly lang: 'es' | 'en' }>(view: V): V & { readonly annexViews?: readonly Omit<StatementView, 'statement'>[] } {
  if (!view.annex) return view;
  return { ...view, annexViews: view.annex.map((st) => {
    const { statement: _, ...laid } = statementView(st);
    return laid;
  }) };
}

// --actor: those actors, a group standing for its members (a statement is one actor's).
function annexActors(input: Pick<ReportInputs, 'dir' | 'sel'>): ActorId[] {
  return expandActors(input.dir, [...(input.sel.actors ?? [])]);
}

function renderWith(set: TemplateSet, format: TemplateFormat, view: { lang: 'es' | 'en' }): Iterable<string> {
  try {
    return saidParts(collectedFirst(renderTemplateParts(set, view, format)));
  } catch (e) {
    throw saidTemplateError(e);
  }
}

const saidTemplateError = (e: unknown): unknown => (e instanceof TemplateError ? new SaidError(say('usage.templateError', { message: e.message })) : e);

// A template that fails while its parts are made is a usage error, as one that fails to compile.
function* saidParts(parts: Iterable<string>): Generator<string> {
  try {
    yield* parts;
  } catch (e) {
    throw saidTemplateError(e);
  }
}
