// acta validate [paths…]: every problem in one run.
import { randomBytes } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { countDiagnostics } from '../core/diagnostics.js';
import { expandPaths, UsageError } from '../io/files.js';
import { loadRepository } from '../io/load.js';
import { runtime } from '../io/runtime.js';
import { findGitTop } from '../io/scaffold.js';
import { subsetSource } from '../io/source.js';
import type { DiagnosticFormat, ValidationResult } from '../render/diagnostics.js';
import { DIAGNOSTIC_FORMATTERS, formatMarkdownSummary } from '../render/diagnostics.js';
import { checkChoice } from './choices.js';
import { resolveAsOf, resolveLang, resolveRoot, resolveSource, resolveStyle, scopeChangedSince } from './context.js';
import type { GlobalOptions, Outcome } from './outcome.js';

export interface ValidateOptions extends GlobalOptions {
  readonly format?: string;
  readonly strict?: boolean;
  /** Validate only the files changed since this git revision, and the records that refer to them. */
  readonly changedSince?: string;
}

export function defaultFormat(env: NodeJS.ProcessEnv, isTTY: boolean): DiagnosticFormat {
  if (env['GITHUB_ACTIONS'] === 'true') return 'github';
  return isTTY ? 'pretty' : 'text';
}

/** The folder GitHub annotation paths are relative to: GITHUB_WORKSPACE when the records are inside it, else the top of
 * the git work tree holding the records, else where the user stands. */
export function annotationBase(env: NodeJS.ProcessEnv, root: string, cwd: string): string {
  const inside = (dir: string, at: string): boolean => {
    const rel = path.relative(dir, at);
    return !rel.startsWith('..') && !path.isAbsolute(rel);
  };
  const workspace = env['GITHUB_WORKSPACE'];
  if (workspace) {
    if (inside(workspace, root)) return workspace;
    // The same folders reached through a symbolic link: paths from the real workspace to the real root.
    if (inside(realpathOr(workspace), realpathOr(root))) return path.join(root, path.relative(realpathOr(root), realpathOr(workspace)));
  }
  return findGitTop(root) ?? cwd;
}

function realpathOr(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

export async function runValidate(paths: readonly string[], options: ValidateOptions): Promise<Outcome> {
  const { env, stdout: terminal, cwd } = runtime();
  const format = (options.format ?? defaultFormat(env, terminal.isTTY)) as DiagnosticFormat;
  checkChoice(`--format ${format}`, format, Object.keys(DIAGNOSTIC_FORMATTERS));
  const root = await resolveRoot(options, paths.length ? paths[0] : undefined);
  const source = await resolveSource(options, root);
  // --changed-since reads the files it reports on and those their checks consult; other records are known by id.
  const scope = options.changedSince !== undefined ? await scopeChangedSince(options, root, source) : undefined;
  const selected = scope ? scope.selected : paths.length ? await expandPaths(root, paths) : undefined;
  if (selected?.some((f) => f.startsWith('../'))) throw new UsageError(`paths must be inside the records root ${root}`);
  const from = scope && !scope.readAll ? subsetSource(source, [...scope.selected, ...scope.context]) : source;
  const repo = await loadRepository(from, selected ?? [], { ...(options.asOf !== undefined ? { asOf: resolveAsOf(options) } : {}), ...(scope && !scope.readAll ? { known: scope.known } : {}) });
  const wanted = selected ? new Set(selected) : undefined;
  // Paths are shown from where the user stands, so editors find them; annotations from the GitHub workspace or else the
  // git work tree, the only paths the runner places on a file (records in a subfolder included).
  const base = format === 'github' ? annotationBase(env, root, cwd) : cwd;
  // (A folder that could not be read keeps its trailing /.)
  const shown = (file: string): string => path.relative(base, path.join(root, file)).split(path.sep).join('/') + (file.endsWith('/') ? '/' : '');
  const diagnostics = (wanted ? repo.diagnostics.filter((d) => wanted.has(d.file)) : repo.diagnostics).map((d) => ({
    ...d,
    file: shown(d.file),
    ...(d.related ? { related: d.related.map((r) => ({ ...r, file: shown(r.file) })) } : {}),
  }));
  const result: ValidationResult = { root, files: selected ?? repo.fileNames, diagnostics, counts: countDiagnostics(diagnostics) };
  // The source text only of the files a diagnostic quotes (the pretty format's code frames): decoding every file again
  // for a map that is read for a few is most of a clean run's second pass over the bytes.
  const quoted = new Set(diagnostics.map((d) => d.file));
  const sources = new Map(format === 'pretty' ? repo.records.files.filter((f) => quoted.has(shown(f.file))).map((f) => [shown(f.file), f.text]) : []);
  // A fresh random token per run: record text cannot know it, so it cannot end the runner's stop-commands early.
  const stopToken = `acta-${randomBytes(16).toString('hex')}`;
  const lang = resolveLang(options, repo.records.config.lang);
  const stdout = DIAGNOSTIC_FORMATTERS[format](result, { style: resolveStyle(options), sources, stopToken, lang });
  if (format === 'github' && env['GITHUB_STEP_SUMMARY']) await appendFile(env['GITHUB_STEP_SUMMARY'], formatMarkdownSummary(result, lang));
  const failed = result.counts.errors > 0 || (options.strict === true && result.counts.warnings > 0);
  return { stdout, exitCode: failed ? 1 : 0 };
}
