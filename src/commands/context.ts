import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
// Shared wiring for commands: resolve the root, today's date and language from global options.
import { isRealDate, YEARS } from '../core/dates.js';
import type { Lang } from '../core/model.js';
import { today } from '../io/clock.js';
import { CONFIG_FILE } from '../core/config-file.js';
import { findRoot, followRecordsPointer, noRootHere, noRootMessage, SaidError, UsageError } from '../io/files.js';
import type { Said } from '../core/diagnostics.js';
import { say } from '../core/diagnostics.js';
import type { Output } from '../io/runtime.js';
import { fromCwd, noteLang, runtime } from '../io/runtime.js';
import type { Repository } from '../io/load.js';
import type { DiskReading, RecordSource } from '../io/source.js';
import type { ChangeScope } from '../core/change-scope.js';
import { styleFor, useColour } from '../io/terminal.js';
import type { Style } from '../render/style.js';
import { hasCatalog, t } from '../render/catalog.js';
import { availableLanguages, configuredLang } from '../io/locales.js';
import type { GlobalOptions } from './outcome.js';

/** The records root: --root DIR, else the nearest folder upwards (from `near`, else the working folder) holding
 * acta.yaml — never a guess. An acta.yaml with `records: DIR` sends on to DIR (see followRecordsPointer). */
export async function resolveRoot(options: GlobalOptions, near?: string): Promise<string> {
  if (options.root !== undefined) {
    const root = fromCwd(options.root);
    if (!existsSync(root)) throw new SaidError(say('usage.rootMissing', { root: options.root }));
    if (!statSync(root).isDirectory()) throw new SaidError(say('usage.rootNotFolder', { root: options.root }));
    // Refused as when no acta.yaml is found upwards (issue 23 point 1): a folder without one is not a records root.
    // (With --rev the revision's own acta.yaml counts, which the working tree may have lost: git reading decides.)
    if (options.rev === undefined && !existsSync(path.join(root, CONFIG_FILE))) throw new SaidError(noRootHere(options.root, root));
    return followRecordsPointer(root);
  }
  const full = near === undefined ? runtime().cwd : fromCwd(near);
  const start = near !== undefined && !(existsSync(full) && statSync(full).isDirectory()) ? path.dirname(full) : full;
  const found = await findRoot(start);
  if (found === undefined) throw new SaidError(noRootMessage(start));
  return followRecordsPointer(found);
}

/** "--as-of 2017-02-30: expected a real date as YYYY-MM-DD, in the years 1990–2100", in the catalog's words. */
export function badDate(option: string, value: string): Said {
  return say('usage.badDate', { option, value, first: String(YEARS.first), last: String(YEARS.last) });
}

export function resolveAsOf(options: GlobalOptions): string {
  if (options.asOf === undefined) return today();
  if (!isRealDate(options.asOf)) throw new SaidError(badDate('--as-of', options.asOf));
  return options.asOf;
}

/** The language record text is picked in (records hold Spanish and English): the output language, or English under a
 * third language's catalog (its text then shows marked with the language it is in). */
export function recordLang(lang: string): Lang {
  return lang === 'es' ? 'es' : 'en';
}

/** The language of everything acta prints, chosen once: --lang, else ACTA_LANG, else acta.yaml's `lang:` (passed as
 * `configured`), else Spanish. A language needs a catalog (locales/<lang>/, or a folder of ACTA_LOCALES); a language
 * other than es and en shows record text in its authentic language. */
export function resolveLang(options: GlobalOptions, configured: string = 'es'): Lang {
  const env = runtime().env['ACTA_LANG'];
  const [lang, from] = options.lang !== undefined ? [options.lang, `--lang ${options.lang}`] : env ? [env, `ACTA_LANG=${env}`] : [configured, `lang: ${configured} (acta.yaml)`];
  if (!hasCatalog(lang)) throw new SaidError(say('usage.noCatalog', { from, langs: availableLanguages().join(', ') }));
  noteLang(lang);
  return lang as Lang;
}

/** The language of a refusal said before the records are read: --lang, ACTA_LANG, acta.yaml's lang: in --root or the
 * working folder, Spanish. */
export function earlyLang(options: GlobalOptions): Lang {
  return resolveLang(options, configuredLang(options.root !== undefined ? fromCwd(options.root) : runtime().cwd));
}

/** A command that writes files refuses --rev (a git revision is for reading), in the officer's language. */
export function refuseRev(options: GlobalOptions, command: string): void {
  if (options.rev !== undefined) throw new UsageError(t(earlyLang(options), 'refusals.revWrites', { command }));
}

export function resolveStyle(options: GlobalOptions, stream: Pick<Output, 'isTTY'> = runtime().stdout): Style {
  return styleFor(options.color === false ? false : useColour(stream));
}

/** Where the records are read from: the git revision named by --rev (read through git, never checked out), else the disk. */
export async function resolveSource(options: GlobalOptions, root: string, reading: DiskReading = {}): Promise<RecordSource> {
  const { diskSource, gitSource } = await import('../io/source.js');
  if (options.rev === undefined) return diskSource(root, reading);
  const source = await gitSource(root, options.rev);
  // --root DIR at a revision whose DIR holds no acta.yaml: refused as on disk (issue 23 point 1).
  if (options.root !== undefined && !(await source.list()).includes(CONFIG_FILE)) throw new SaidError(noRootHere(options.root, root, options.rev));
  return source;
}

/** The one way a read-only command loads records: resolves --root (near a path, if given) and --rev, then loads.
 * `unchecked`: the command prints no diagnostics, so the cross-record checks are not run (io/load.ts LoadOptions). */
export async function loadFromOptions(options: GlobalOptions, load: { near?: string; extra?: readonly string[]; unchecked?: boolean; reading?: DiskReading } = {}): Promise<Repository> {
  const root = await resolveRoot(options, load.near);
  const { loadRepository } = await import('../io/load.js');
  return loadRepository(await resolveSource(options, root, load.reading), load.extra ?? [], load.unchecked ? { unchecked: true } : {});
}

/** For --changed-since REV: what to read and report on (see core/change-scope.ts), compared with `head`, what --rev
 * (or the disk) holds now. */
export async function scopeChangedSince(options: GlobalOptions & { readonly changedSince?: string }, root: string, head: RecordSource): Promise<ChangeScope> {
  const { gitSource } = await import('../io/source.js');
  const { scopeChangedSince: scope } = await import('../io/changed-since.js');
  // (Not awaited: the disk is walked and stat'ed while git resolves the revision.)
  return scope(gitSource(root, options.changedSince ?? 'HEAD'), head);
}
