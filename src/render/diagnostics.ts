// Formatters for validation results: pure (result, options) → string, picked by name from one table. Messages and hints
// are rendered in the chosen language (diagnostic-text.ts); the text and github formats keep the severity keywords
// (error, warning) that problem matchers parse, and every format keeps the code.
import type { Diagnostic, DiagnosticCounts } from '../core/diagnostics.js';
import { t } from './catalog.js';
import { diagnosticText, relatedText } from './diagnostic-text.js';
import { githubData, githubProperty, jsonText, markdownText, oneLine, terminalSafe } from './escape.js';
import type { Style } from './style.js';

export interface ValidationResult {
  readonly root: string;
  readonly files: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
  readonly counts: DiagnosticCounts;
}

export interface FormatOptions {
  readonly style: Style;
  /** The language of messages, hints and summaries. */
  readonly lang: string;
  /** Source text per file, for code frames. */
  readonly sources?: ReadonlyMap<string, string>;
  /** github: an unguessable token for the runner's `::stop-commands::` around the log (randomness stays at the edge). */
  readonly stopToken?: string;
}

export type DiagnosticFormat = 'pretty' | 'text' | 'json' | 'github';

export const DIAGNOSTIC_FORMATTERS: Record<DiagnosticFormat, (r: ValidationResult, o: FormatOptions) => string> = {
  pretty: formatPretty,
  text: formatText,
  json: formatJson,
  github: formatGithub,
};

function label(d: Diagnostic): string {
  return d.explained !== undefined ? 'explained' : d.severity;
}

/** One line per problem (grep-friendly); with none, the one summary line, so a clean run still says what it checked. */
export function formatText(r: ValidationResult, o: Pick<FormatOptions, 'lang'>): string {
  if (r.diagnostics.length === 0) return `${summaryLine(r, o.lang)}\n`;
  return r.diagnostics.map((d) => `${oneLine(d.file)}:${d.line}:${d.column}: ${label(d)}: ${oneLine(diagnosticText(d, o.lang).message)} [${d.code}]\n`).join('');
}

export function summaryLine(r: ValidationResult, lang: string): string {
  const { errors, warnings, explained } = r.counts;
  const files = r.files.length;
  if (errors + warnings + explained === 0) return t(lang, 'validate.noProblems', { files });
  return explained ? t(lang, 'validate.summaryExplained', { errors, warnings, explained, files }) : t(lang, 'validate.summary', { errors, warnings, files });
}

export function formatPretty(r: ValidationResult, o: FormatOptions): string {
  const s = o.style;
  const w = (key: 'error' | 'warning' | 'info' | 'explained' | 'hint'): string => t(o.lang, `validate.${key}`);
  const out: string[] = [];
  for (const d of r.diagnostics) {
    const sev = d.explained !== undefined ? s.dim(w('explained')) : d.severity === 'error' ? s.red(s.bold(w('error'))) : d.severity === 'warning' ? s.yellow(s.bold(w('warning'))) : s.blue(w('info'));
    const text = diagnosticText(d, o.lang);
    out.push(`${s.bold(`${oneLine(d.file)}:${d.line}:${d.column}`)} ${sev} ${oneLine(text.message)} ${s.dim(`[${d.code}]`)}`);
    const src = o.sources?.get(d.file);
    if (src !== undefined && d.explained === undefined) out.push(...codeFrame(src, d, s));
    if (text.hint) out.push(`  ${s.cyan(w('hint'))} ${oneLine(text.hint)}`);
    if (d.explained !== undefined) out.push(`  ${s.dim(t(o.lang, 'validate.note', { note: oneLine(d.explained) }))}`);
    for (const rel of d.related ?? []) out.push(`  ${s.dim(`${oneLine(rel.file)}:${rel.line}:${rel.column}: ${oneLine(relatedText(rel, o.lang))}`)}`);
    out.push('');
  }
  const line = summaryLine(r, o.lang);
  out.push(r.counts.errors ? s.red(s.bold(`✖ ${line}`)) : r.counts.warnings ? s.yellow(`⚠ ${line}`) : s.green(`✔ ${line}`));
  return out.join('\n') + '\n';
}

// A frame shows at most FRAME_WIDTH characters of each line, from one place for all its lines: the start, or just
// before the column when it lies further in. A record's 40,000-character text is one line; it was printed whole.
const FRAME_WIDTH = 200;
const FRAME_LEAD = 60;

function codeFrame(source: string, d: Diagnostic, s: Style): string[] {
  const lines = source.split(/\r?\n/);
  const first = Math.max(1, d.line - 2);
  const last = Math.min(lines.length, d.line + 1);
  const width = String(last).length;
  const from = d.column - 1 > FRAME_WIDTH - FRAME_LEAD ? d.column - 1 - FRAME_LEAD : 0;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const text = terminalSafe(framed(lines[n - 1] ?? '', from)).replace(/\t/g, ' ');
    const mark = n === d.line ? s.red('>') : ' ';
    out.push(`  ${mark} ${s.dim(String(n).padStart(width) + ' |')} ${text}`);
    if (n === d.line) {
      const span = d.endLine === d.line && d.endColumn > d.column ? d.endColumn - d.column : 1;
      const pad = d.column - 1 - from + (from > 0 ? 1 : 0);
      out.push(`    ${' '.repeat(width)} ${s.dim('|')} ${' '.repeat(Math.max(0, pad))}${s.red('^'.repeat(Math.min(span, 80)))}`);
    }
  }
  return out;
}

/** The part of a line a frame shows, "…" where it was cut (never inside a surrogate pair). */
function framed(line: string, from: number): string {
  if (from === 0 && line.length <= FRAME_WIDTH) return line;
  let start = from;
  let end = Math.min(line.length, from + FRAME_WIDTH);
  if (start > 0 && /[\udc00-\udfff]/.test(line[start] ?? '')) start++;
  if (end < line.length && /[\ud800-\udbff]/.test(line[end - 1] ?? '')) end--;
  return `${start > 0 ? '…' : ''}${line.slice(start, end)}${end < line.length ? '…' : ''}`;
}

/** The JSON contract (version 1): stable keys, documented in the README. `message` and `hint` are in the chosen
 * language; `code`, `variant` and `params` say the same without words, for tools. */
export function formatJson(r: ValidationResult, o: Pick<FormatOptions, 'lang'>): string {
  const body = {
    version: 1,
    summary: { files: r.files.length, ...r.counts },
    diagnostics: r.diagnostics.map((d) => {
      const text = diagnosticText(d, o.lang);
      return {
      file: d.file,
      line: d.line,
      column: d.column,
      endLine: d.endLine,
      endColumn: d.endColumn,
      severity: d.severity,
      code: d.code,
      message: text.message,
      hint: text.hint ?? null,
      pointer: d.pointer,
      explained: d.explained ?? null,
      related: (d.related ?? []).map(({ note, ...at }) => ({ ...at, message: relatedText({ ...at, note }, o.lang) })),
      params: d.params,
      ...(d.variant ? { variant: d.variant } : {}),
      };
    }),
  };
  return jsonText(body);
}

/** GitHub workflow-command annotations, one per problem, then the full list as plain lines (GitHub shows only 10 per kind).
 * The list is record text in a log the runner parses for commands: it is wrapped in `::stop-commands::TOKEN` … `::TOKEN::`,
 * and its lines are terminal-safe besides (no line can start a command). */
export function formatGithub(r: ValidationResult, o: FormatOptions): string {
  const token = o.stopToken ?? '';
  if (!/^[A-Za-z0-9-]{16,}$/.test(token)) throw new Error('formatGithub needs a random stop token of 16 or more letters, digits or hyphens');
  const annotations = r.diagnostics
    .filter((d) => d.explained === undefined)
    .map((d) => {
      const kind = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
      const props = [`file=${githubProperty(d.file)}`, `line=${d.line}`, `col=${d.column}`, `endLine=${d.endLine}`, `endColumn=${d.endColumn}`, `title=${githubProperty(`acta ${d.code}`)}`].join(',');
      const text = diagnosticText(d, o.lang);
      const message = text.hint ? `${text.message}\n${text.hint}` : text.message;
      return `::${kind} ${props}::${githubData(message)}\n`;
    })
    .join('');
  const log = r.diagnostics.length ? `::group::${t(o.lang, 'validate.allProblems', { count: r.diagnostics.length })}\n::stop-commands::${token}\n${formatText(r, o)}::${token}::\n::endgroup::\n` : '';
  return annotations + log + summaryLine(r, o.lang) + '\n';
}

/** Markdown for GITHUB_STEP_SUMMARY: the full list, as a table. */
export function formatMarkdownSummary(r: ValidationResult, lang: string): string {
  const cell = markdownText;
  const w = (key: 'where' | 'severity' | 'code' | 'problem' | 'error' | 'warning' | 'info' | 'explained'): string => t(lang, `validate.${key}`);
  const rows = r.diagnostics.map((d) => `| ${cell(d.file)}:${d.line}:${d.column} | ${w(label(d) as 'error' | 'warning' | 'info' | 'explained')} | \`${d.code}\` | ${cell(diagnosticText(d, lang).message)} |`);
  return [`### ${t(lang, 'validate.summaryTitle', { summary: summaryLine(r, lang) })}`, '', ...(rows.length ? [`| ${w('where')} | ${w('severity')} | ${w('code')} | ${w('problem')} |`, '| --- | --- | --- | --- |', ...rows] : []), ''].join('\n') + '\n';
}
