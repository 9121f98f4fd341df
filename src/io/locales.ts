// The message catalogs on disk: locales/<lang>/*.yaml in the package, one folder per language, one file per area
// (labels, report, site, statement, diff, diagnostics, commands). Read once per folder, synchronously (they are the
// package's own small files, like its templates); ACTA_LOCALES names more folders of language folders, searched first
// — how a secretariat tries a third language without rebuilding acta (see docs/i18n.md).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePlainYaml } from '../core/read/index.js';
import { UsageError } from './files.js';
import { fromCwd, runtime } from './runtime.js';

/** The package's catalogs (dist/io → locales, or src/io → locales under vitest). */
export const PACKAGE_LOCALES = fileURLToPath(new URL('../../locales/', import.meta.url));

/** Key → ICU message, for one language; keys are `section.key` (the top-level mapping of a file is its sections). */
export type CatalogMessages = ReadonlyMap<string, string>;

const READ = new Map<string, CatalogMessages>();

/** One language folder's messages, every file flattened into `section.key…`; a key in two files is an error. */
export function readCatalogFolder(folder: string): CatalogMessages {
  const cached = READ.get(folder);
  if (cached) return cached;
  const messages = new Map<string, string>();
  for (const name of readdirSync(folder).filter((f) => f.endsWith('.yaml')).sort()) {
    const file = path.join(folder, name);
    let tree: unknown;
    try {
      tree = parsePlainYaml(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new UsageError(`catalog ${file}: not valid YAML: ${(e as Error).message.split('\n')[0]}`);
    }
    flatten(tree, [], file, messages);
  }
  READ.set(folder, messages);
  return messages;
}

function flatten(node: unknown, at: readonly string[], file: string, into: Map<string, string>): void {
  if (typeof node === 'string') {
    const key = at.join('.');
    if (at.length < 2) throw new UsageError(`catalog ${file}: \`${key}\` is a message outside any section`);
    if (into.has(key)) throw new UsageError(`catalog ${file}: \`${key}\` is defined twice`);
    into.set(key, node);
  } else if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
    for (const [k, v] of Object.entries(node)) flatten(v, [...at, k], file, into);
  } else if (node !== null && node !== undefined) {
    throw new UsageError(`catalog ${file}: \`${at.join('.')}\` must be text (quote it) or a mapping of messages`);
  }
}

/** The folders that hold language folders, first match wins: ACTA_LOCALES (path-list), then the package's. */
export function localeRoots(): string[] {
  const extra = (runtime().env['ACTA_LOCALES'] ?? '').split(path.delimiter).filter(Boolean).map((d) => fromCwd(d));
  return [...extra, PACKAGE_LOCALES];
}

/** Each run's catalogs by language, found once: every message lookup asks, and looking for the folder (the roots from
 * the environment, a stat per root) cost more than the message itself — 12 % of `acta site`, per row of every table. */
const FOUND = new WeakMap<object, Map<string, CatalogMessages | undefined>>();

/** The messages of `lang`: its folder under the first root that has one; undefined when no root has it. */
export function readCatalog(lang: string, roots?: readonly string[]): CatalogMessages | undefined {
  if (roots !== undefined) return findCatalog(lang, roots);
  const rt = runtime();
  let found = FOUND.get(rt);
  if (!found) FOUND.set(rt, (found = new Map()));
  if (found.has(lang)) return found.get(lang);
  const messages = findCatalog(lang, localeRoots());
  found.set(lang, messages);
  return messages;
}

function findCatalog(lang: string, roots: readonly string[]): CatalogMessages | undefined {
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(lang)) return undefined;
  for (const root of roots) {
    const folder = path.join(root, lang);
    if (existsSync(folder) && statSync(folder).isDirectory()) return readCatalogFolder(folder);
  }
  return undefined;
}

/** Every language some root has a folder for, sorted. */
export function availableLanguages(roots: readonly string[] = localeRoots()): string[] {
  const langs = new Set<string>();
  for (const root of roots) if (existsSync(root)) for (const d of readdirSync(root)) if (statSync(path.join(root, d)).isDirectory()) langs.add(d);
  return [...langs].sort();
}

/** acta.yaml's `lang:` for commands that do not load the records (fmt): undefined when absent or unreadable (the
 * validator reports a broken acta.yaml; here it only means the default language). */
export function configuredLang(root: string): string | undefined {
  try {
    const data = parsePlainYaml(readFileSync(path.join(root, 'acta.yaml'), 'utf8')) as { lang?: unknown } | null;
    return typeof data?.lang === 'string' ? data.lang : undefined;
  } catch {
    return undefined;
  }
}
