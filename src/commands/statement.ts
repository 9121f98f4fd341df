// acta statement ACTOR: everything one country or organisation owes as of a date, in table, Markdown, HTML or JSON.
import { actorWords, findActors } from '../core/actors.js';
import { buildStatement } from '../core/queries/statement.js';
import { closestMatches } from '../core/text-distance.js';
import { UsageError } from '../io/files.js';
import { loadTemplateSet } from '../io/templates.js';
import { tableWidth } from '../io/terminal.js';
import { renderTemplate, TemplateError } from '../render/report-template.js';
import type { StatementFormat } from '../render/statement.js';
import { STATEMENT_FORMATTERS } from '../render/statement.js';
import { statementView } from '../render/statement-view.js';
import { resolveRoot, resolveStyle } from './context.js';
import type { FollowupOptions } from './followup.js';
import { loadFollowup, pickFormat } from './followup.js';
import type { Outcome } from './outcome.js';

const FORMATS = ['table', 'md', 'html', 'json'] as const;

export async function runStatement(args: readonly string[], options: FollowupOptions): Promise<Outcome> {
  const format = pickFormat(options.format, FORMATS, 'table');
  const word = args[0] ?? '';
  const input = await loadFollowup({ ...options, actor: undefined, state: undefined, status: undefined } as FollowupOptions);
  const found = findActors(input.dir, word);
  if (found.length === 0) {
    const near = closestMatches(word, actorWords(input.dir));
    throw new UsageError(`${word}: not a known country, organisation or organ${near.length ? ` (did you mean ${near.map((n) => `\`${n}\``).join(', ')}?)` : ''}`);
  }
  const actor = found[0]!;
  if (input.dir.groupMembers.has(actor)) throw new UsageError(`${word}: a group; a statement is for one of its members (e.g. acta statement ${input.dir.groupMembers.get(actor)![0]})`);
  const statement = buildStatement(input.commitments, input.ctx, { actor, asOf: input.asOf });
  const stdout = format === 'html' ? await renderHtml(statementView(statement), options) : STATEMENT_FORMATTERS[format as StatementFormat](statement, { style: resolveStyle(options), width: tableWidth() });
  return { stdout, ...(input.warning ? { stderr: input.warning } : {}), exitCode: 0 };
}

// The statement's own template, with the report's partials (its print stylesheet) beside its own.
async function renderHtml(view: { lang: 'es' | 'en' }, options: FollowupOptions): Promise<string> {
  const root = await resolveRoot(options);
  const report = await loadTemplateSet('report', 'html', { root });
  const own = await loadTemplateSet('statement', 'html', { root });
  try {
    return renderTemplate({ main: own.main, partials: { ...report.partials, ...own.partials } }, view, 'html');
  } catch (e) {
    if (e instanceof TemplateError) throw new UsageError(`template error: ${e.message}`);
    throw e;
  }
}
