// acta validate [paths…]: every problem in one run.
import { randomBytes } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { countDiagnostics } from '../core/diagnostics.js';
import { say } from '../core/diagnostics.js';
import { expandPaths, SaidError } from '../io/files.js';
import type { ChangeScope } from '../core/change-scope.js';
import { cacheEnabled } from '../io/cache-store.js';
import type { CachedResult } from '../io/cache-results.js';
import type { Repository } from '../io/load.js';
import { runtime } from '../io/runtime.js';
import { findGitTop } from '../io/scaffold.js';
import type { RecordSource } from '../io/source.js';
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
  const asOf = options.asOf !== undefined ? resolveAsOf(options) : undefined;
  // The files on disk, whole (no --rev, no --changed-since), with the cache on: answered from the results of an
  // earlier run over the same contents when there is one (io/cache-results.ts), else checked and stored.
  const whole = options.rev === undefined && options.changedSince === undefined && cacheEnabled(env) ? await cachedRun(root, asOf) : undefined;
  const source = whole ? undefined : await resolveSource(options, root);
  // --changed-since reads the files it reports on and those their checks consult; other records are known by id.
  const scope = source && options.changedSince !== undefined ? await scopeChangedSince(options, root, source) : undefined;
  const selected = scope ? scope.selected : paths.length ? await expandPaths(root, paths) : undefined;
  if (selected?.some((f) => f.startsWith('../'))) throw new SaidError(say('usage.pathsOutsideRoot', { root }));
  const checked = whole ? await whole.check(selected ?? []) : await checkFrom(source!, scope, selected, asOf);
  const wanted = selected ? new Set(selected) : undefined;
  // Paths are shown from where the user stands, so editors find them; annotations from the GitHub workspace or else the
  // git work tree, the only paths the runner places on a file (records in a subfolder included).
  const base = format === 'github' ? annotationBase(env, root, cwd) : cwd;
  // (A folder that could not be read keeps its trailing /.)
  const shown = (file: string): string => path.relative(base, path.join(root, file)).split(path.sep).join('/') + (file.endsWith('/') ? '/' : '');
  const diagnostics = (wanted ? checked.diagnostics.filter((d) => wanted.has(d.file)) : checked.diagnostics).map((d) => ({
    ...d,
    file: shown(d.file),
    ...(d.related ? { related: d.related.map((r) => ({ ...r, file: shown(r.file) })) } : {}),
  }));
  const result: ValidationResult = { root, files: selected ?? checked.fileNames, diagnostics, counts: countDiagnostics(diagnostics) };
  const sources = new Map([...checked.texts].map(([file, text]) => [shown(file), text]));
  // A fresh random token per run: record text cannot know it, so it cannot end the runner's stop-commands early.
  const stopToken = `acta-${randomBytes(16).toString('hex')}`;
  const lang = resolveLang(options, checked.lang || undefined);
  const stdout = DIAGNOSTIC_FORMATTERS[format](result, { style: resolveStyle(options), sources, stopToken, lang });
  if (format === 'github' && env['GITHUB_STEP_SUMMARY']) await appendFile(env['GITHUB_STEP_SUMMARY'], formatMarkdownSummary(result, lang));
  const failed = result.counts.errors > 0 || (options.strict === true && result.counts.warnings > 0);
  return { stdout, exitCode: failed ? 1 : 0 };
}

/** What validate prints from: the diagnostics, the files read, acta.yaml's language, the text of each file a
 * diagnostic is in. */
type Checked = CachedResult;

async function checkFrom(source: RecordSource, scope: ChangeScope | undefined, selected: readonly string[] | undefined, asOf: string | undefined): Promise<Checked> {
  const { checkRepository } = await import('../io/load.js');
  const { subsetSource } = await import('../io/source.js');
  const from = scope && !scope.readAll ? subsetSource(source, [...scope.selected, ...scope.context]) : source;
  // Each record checked while fresh, only its facts kept (core/facts.ts): the whole-record path's answer.
  // (The scope's context files are read for what the selected ones' checks consult: their own checks are not run.)
  const repo = await checkRepository(from, selected ?? [], { ...(asOf !== undefined ? { asOf } : {}), ...(scope && !scope.readAll ? { known: scope.known, reported: new Set(scope.selected) } : {}) });
  return fromRepository(repo);
}

function fromRepository(repo: Repository): Checked {
  const withProblems = new Set(repo.diagnostics.map((d) => d.file));
  const texts = new Map(repo.records.files.filter((f) => withProblems.has(f.file)).map((f) => [f.file, f.text]));
  return { diagnostics: repo.diagnostics, fileNames: repo.fileNames, lang: repo.records.config.lang ?? '', texts };
}

// The records on disk through the stat index and the cached results: `check` answers from the results when the
// files are those of an earlier run, and otherwise reads them (the bytes the snapshot read are not read again),
// checks them and stores the result — unless a file changed while it ran.
async function cachedRun(root: string, asOf: string | undefined): Promise<{ check(extra: readonly string[]): Promise<Checked> }> {
  const [{ snapshotRoot }, results, { gitIndexVoucher }] = await Promise.all([import('../io/cache-stat.js'), import('../io/cache-results.js'), import('../io/git-voucher.js')]);
  // A file whose stat the index does not know (a fresh checkout in CI, a restored cache) is taken on git's index's
  // word when it holds there, and its hash from the index's entry for that blob (io/git-voucher.ts): not read.
  const snapshot = await snapshotRoot(root, undefined, gitIndexVoucher(root), { lazy: true, hashEvery: true });
  const key = results.resultKey(snapshot, asOf !== undefined ? { asOf } : {});
  return {
    async check(extra) {
      // Files named that the listing does not hold (in a dot-folder, say) are read too: such a run keys nothing.
      const listed = new Set(snapshot.files);
      const keyed = key !== undefined && extra.every((f) => listed.has(f)) ? key : undefined;
      const hit = keyed !== undefined ? results.readResult(snapshot.root, keyed) : undefined;
      if (hit) {
        snapshot.save();
        return hit;
      }
      const [{ loadRepository }, { snapshotSource }, { openFileResults }] = await Promise.all([import('../io/load.js'), import('../io/source.js'), import('../io/cache-checks.js')]);
      const source = snapshotSource(snapshot);
      // Some file changed (or the result was not kept): the schema and per-record results of the files that did not
      // change are reused (io/cache-checks.ts), so the run checks again only what the changes reach.
      const fileResults = keyed !== undefined && snapshot.hashes ? openFileResults(snapshot.root, snapshot.hashes) : undefined;
      const repo = await loadRepository(source, extra, { ...(asOf !== undefined ? { asOf } : {}), ...(fileResults ? { fileResults } : {}) });
      const checked = fromRepository(repo);
      if (keyed !== undefined && source.stable()) {
        fileResults?.save();
        results.writeResult(snapshot.root, keyed, checked);
        // And each file's summary, for a later --changed-since (io/changed-since.ts).
        (await import('../io/changed-since.js')).keepSummaries(snapshot.root, repo.records.files, snapshot.blobIds);
      }
      snapshot.save();
      return checked;
    },
  };
}
