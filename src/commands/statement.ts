// acta statement ACTOR: everything one country or organisation owes as of a date, in table, Markdown, HTML, JSON or
// Word (docx); --out writes it to a file. acta statement --all --out DIR: one statement per country that owes
// something (with --organisations, per organisation too), each in its language, and an index (CSV) of who got what.
import { quoted, say } from '../core/diagnostics.js';
import { actorWords, findActors } from '../core/actors.js';
import type { Lang } from '../core/model.js';
import type { Statement } from '../core/queries/statement.js';
import { buildStatement } from '../core/queries/statement.js';
import { batchActors, owesSomething, statementFileName, statementLang } from '../core/queries/statement-batch.js';
import { closestMatches } from '../core/text-distance.js';
import { SaidError } from '../io/files.js';
import { t } from '../render/catalog.js';
import { loadTemplateSet } from '../io/templates.js';
import { tableWidth } from '../io/terminal.js';
import { makeOutputFolder, writeFilesAtomic, writeOutputFile } from '../io/write.js';
import { csvTable } from '../render/csv.js';
import { documentWords } from '../render/docx/words.js';
import type { TemplateSet } from '../render/report-template.js';
import type { StatementFormat } from '../render/statement.js';
import { STATEMENT_FORMATTERS } from '../render/statement.js';
import { statementView } from '../render/statement-view.js';
import { resolveRoot, resolveStyle } from './context.js';
import type { DocumentOptions } from './document-options.js';
import { checkDocxOptions, documentMeta } from './document-options.js';
import type { FollowupInput, FollowupOptions } from './followup.js';
import { loadFollowup, pickFormat } from './followup.js';
import type { Outcome } from './outcome.js';
import { checkOutput } from './output-file.js';
import { collectedFirst, collectedThen, collectIfLarge } from '../io/heap.js';
import { jsonTextParts } from '../render/escape.js';

const FORMATS = ['table', 'md', 'html', 'json', 'docx'] as const;
type Format = (typeof FORMATS)[number];
/** What --all writes: files to send (a terminal table is not one). */
const FILE_FORMATS = ['docx', 'html', 'md', 'json'] as const;

export interface StatementOptions extends FollowupOptions, DocumentOptions {
  readonly all?: boolean;
  readonly organisations?: boolean;
}

export async function runStatement(args: readonly string[], options: StatementOptions): Promise<Outcome> {
  if (options.all) return runAll(args, options);
  if (options.organisations) throw new SaidError(say('usage.organisationsNeedAll'));
  const format = pickFormat(options.format, FORMATS, 'table');
  if (format === 'docx') checkDocxOptions(options, 'acta statement -f docx');
  else if (options.reference !== undefined || options.issued !== undefined) throw new SaidError(say('usage.docxOnly', { option: options.reference !== undefined ? 'reference' : 'issued' }));
  // -o into a folder that does not exist: refused before the records are read.
  if (options.out !== undefined) checkOutput('statement', format, options.out);
  const word = args[0] ?? '';
  if (!word) throw new SaidError(say('usage.statementWho'));
  // The records and every commitment stay inside statementOf: by the writing only this actor's statement is live.
  const { statement, authentic, lang, warning } = await statementOf(word, options);
  if (format === 'table' || options.out === undefined) {
    // The table is made once this function has returned and its records are garbage.
    // JSON in parts as it is made (as one string it peaked at 885 MB for a country at 8,000 meetings).
    const stdout = format === 'table' ? collectedThen(STATEMENT_FORMATTERS.table, statement, { style: resolveStyle(options), width: tableWidth() }) : format === 'json' ? collectedFirst(jsonTextParts(statement, 4)) : ((await render(statement, format, authentic, options)) as string);
    return { stdout, ...(warning ? { stderr: warning } : {}), exitCode: 0 };
  }
  // A Word document is written after one collection (collectIfLarge): the records are garbage by then, and the heap's
  // next limit is set from the statement, not from the records (at 8,000 meetings the library's garbage otherwise
  // filled a heap sized to the records: 1.1 GB).
  if (format === 'docx') collectIfLarge();
  await writeOutputFile(options.out, await render(statement, format, authentic, options));
  return { stdout: '', stderr: `${warning}${t(lang, 'written.file', { file: options.out })}\n`, exitCode: 0 };
}

/** One actor's statement, with what its writing needs of the input; the records and commitments are let go on return. */
async function statementOf(word: string, options: StatementOptions): Promise<{ statement: Statement; authentic?: Lang; lang: Lang; warning: string }> {
  const input = await loadStatementInput(options);
  const found = findActors(input.dir, word);
  if (found.length === 0) {
    const near = closestMatches(word, actorWords(input.dir));
    throw new SaidError(say('usage.unknownActor', { word, ...(near.length ? { didYouMean: quoted(near) } : {}) }));
  }
  const actor = found[0]!;
  if (input.dir.groupMembers.has(actor)) throw new SaidError(say('usage.groupNotActor', { word, member: input.dir.groupMembers.get(actor)![0]! }));
  // Record text is picked in es or en (ctx); the statement speaks the output language, a third one's catalog included.
  const statement = { ...buildStatement(input.commitments, input.ctx, { actor, asOf: input.asOf }), lang: input.lang };
  return { statement, ...(input.ctx.authentic ? { authentic: input.ctx.authentic } : {}), lang: input.lang, warning: input.warning ?? '' };
}

async function loadStatementInput(options: StatementOptions): Promise<FollowupInput> {
  return loadFollowup({ ...options, actor: undefined, state: undefined, status: undefined } as FollowupOptions);
}

async function render(statement: Statement, format: Exclude<Format, 'table'>, authentic: Lang | undefined, options: StatementOptions, templates?: TemplateSet): Promise<string | Uint8Array> {
  if (format === 'docx') {
    // The Word document's modules (the docx library, fflate) only for this form, as in report.
    const [{ packDocx }, { statementDocument }] = await Promise.all([import('../io/docx-pack.js'), import('../render/docx/statement.js')]);
    return packDocx(statementDocument(statementView(statement), documentMeta(statement, options, authentic)), options.issued ?? statement.asOf);
  }
  if (format === 'html') return await renderHtml(statementView(statement), templates ?? (await htmlTemplates(options)));
  return STATEMENT_FORMATTERS[format as StatementFormat](statement, { style: resolveStyle(options), width: tableWidth() });
}

// The statement's own template, with the report's partials (its print stylesheet) beside its own.
async function htmlTemplates(options: FollowupOptions): Promise<TemplateSet> {
  const root = await resolveRoot(options);
  const report = await loadTemplateSet('report', 'html', { root });
  const own = await loadTemplateSet('statement', 'html', { root });
  return { main: own.main, partials: { ...report.partials, ...own.partials } };
}

// Handlebars and the template runtime only for this form (~30 ms of the other forms' start-up).
async function renderHtml(view: { lang: Lang }, set: TemplateSet): Promise<string> {
  const { renderTemplate, TemplateError } = await import('../render/report-template.js');
  try {
    return renderTemplate(set, view, 'html');
  } catch (e) {
    if (e instanceof TemplateError) throw new SaidError(say('usage.templateError', { message: e.message }));
    throw e;
  }
}

const EXTENSION: Record<(typeof FILE_FORMATS)[number], string> = { docx: 'docx', html: 'html', md: 'md', json: 'json' };
export const INDEX_FILE = 'index.csv';

// --all: every statement built first (nothing is written when one fails), then all the files and the index at once.
async function runAll(args: readonly string[], options: StatementOptions): Promise<Outcome> {
  if (args.length) throw new SaidError(say('usage.allWithActor', { word: args[0]! }));
  if (options.out === undefined) throw new SaidError(say('usage.allNeedsOut'));
  const format = pickFormat(options.format, FILE_FORMATS, 'docx');
  if (format === 'docx') checkDocxOptions(options, '--all');
  else if (options.reference !== undefined || options.issued !== undefined) throw new SaidError(say('usage.docxOnly', { option: options.reference !== undefined ? 'reference' : 'issued' }));
  const input = await loadStatementInput(options);
  const fallback = input.records.config.lang ?? 'es';
  const templates = format === 'html' ? await htmlTemplates(options) : undefined;
  const taken = new Set<string>([INDEX_FILE]);
  const files: { name: string; data: string | Uint8Array; statement: Statement }[] = [];
  for (const a of batchActors(input.records.registries, { organisations: options.organisations === true })) {
    const lang = statementLang(a, options.lang, fallback);
    const statement = buildStatement(input.commitments, { ...input.ctx, lang }, { actor: a.actor, asOf: input.asOf });
    if (!owesSomething(statement)) continue;
    files.push({ name: statementFileName(a.actor, EXTENSION[format], taken), data: await render(statement, format, input.ctx.authentic, options, templates), statement });
  }
  const dir = await makeOutputFolder(options.out, say('safety.write.statementsFolder'));
  // All or nothing: the statements and the index checked, written beside, then renamed into place together.
  await writeFilesAtomic(dir, [...files.map((f) => ({ file: f.name, data: f.data })), { file: INDEX_FILE, data: indexCsv(files, input.lang) }]);
  const warning = input.warning ?? '';
  return { stdout: '', stderr: `${warning}${t(input.lang, 'written.statements', { count: files.length, index: INDEX_FILE, folder: options.out })}\n`, exitCode: 0 };
}

/** Who got what: one row per statement written, its language, file and counts. Headers in the command's language. */
function indexCsv(files: readonly { name: string; statement: Statement }[], lang: Lang): string {
  const w = documentWords(lang).index;
  return csvTable([
    [w.actor, w.name, w.lang, w.file, w.total, w.overdue, w.dueNext, w.delivered, w.waiting, w.noDate],
    ...files.map(({ name, statement: s }) => [s.actor.id, s.actor.label, s.lang, name, s.counts.total, s.counts.overdue, s.counts['due-next'], s.counts.delivered, s.counts.waiting, s.counts['no-date']]),
  ]);
}
