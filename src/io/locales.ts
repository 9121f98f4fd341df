// The message catalogs on disk: locales/<lang>/*.yaml in the package, one folder per language, one file per area
// (labels, report, site, statement, diff, diagnostics, commands). Read once per folder, synchronously (they are the
// package's own small files, like its templates); ACTA_LOCALES names more folders of language folders, searched first
// — how a secretariat tries a third language without rebuilding acta (see docs/i18n.md).
// The package's own languages are compiled by the build (scripts/compile-catalogs.mjs) into dist/catalogs/<lang>.json,
// with a hash of the YAML files they were made from: a run whose YAML still hashes the same reads the JSON (no YAML
// parser loaded, no YAML parsed); any other run (a catalog edited since the build, vitest on src/) parses the YAML.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePlainYaml, parseSettingsYaml } from '../core/read/index.js';
import { UsageError } from './files.js';
import { fromCwd, runtime } from './runtime.js';

/** The package's catalogs (dist/io → locales, or src/io → locales under vitest). */
export const PACKAGE_LOCALES = fileURLToPath(new URL('../../locales/', import.meta.url));

/** The compiled catalogs (dist/io → dist/catalogs; src/catalogs, never there, under vitest). */
export const COMPILED_CATALOGS = fileURLToPath(new URL('../catalogs/', import.meta.url));

/** Key → ICU message, for one language; keys are `section.key` (the top-level mapping of a file is its sections). */
export type CatalogMessages = ReadonlyMap<string, string>;

/** A language folder compiled: the hash of its YAML files and its messages in catalog order. */
export interface CompiledCatalog {
  readonly source: string;
  readonly messages: readonly (readonly [string, string])[];
}

const READ = new Map<string, CatalogMessages>();

interface CatalogFile {
  readonly file: string;
  readonly bytes: Buffer;
}

function catalogFiles(folder: string): CatalogFile[] {
  return readdirSync(folder)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((name) => ({ file: path.join(folder, name), bytes: readFileSync(path.join(folder, name)) }));
}

function sourceHash(files: readonly CatalogFile[]): string {
  const hash = createHash('sha256');
  for (const { file, bytes } of files) hash.update(`${path.basename(file)}\0`).update(bytes).update('\0');
  return hash.digest('hex');
}

function parseCatalog(files: readonly CatalogFile[]): Map<string, string> {
  const messages = new Map<string, string>();
  for (const { file, bytes } of files) {
    let tree: unknown;
    try {
      tree = parsePlainYaml(bytes.toString('utf8'));
    } catch (e) {
      throw new UsageError(`catalog ${file}: not valid YAML: ${(e as Error).message.split('\n')[0]}`);
    }
    flatten(tree, [], file, messages);
  }
  return messages;
}

/** What the build writes for a language folder: its messages as the YAML reads, and the hash of that YAML. */
export function compileCatalogFolder(folder: string): CompiledCatalog {
  const files = catalogFiles(folder);
  return { source: sourceHash(files), messages: [...parseCatalog(files)] };
}

// The compiled form of a package language, when it was made from these very files.
function compiledFor(folder: string, files: readonly CatalogFile[], compiledDir: string): Map<string, string> | undefined {
  if (path.resolve(path.dirname(folder)) !== path.resolve(PACKAGE_LOCALES)) return undefined;
  let compiled: CompiledCatalog;
  try {
    compiled = JSON.parse(readFileSync(path.join(compiledDir, `${path.basename(folder)}.json`), 'utf8')) as CompiledCatalog;
  } catch {
    return undefined;
  }
  return compiled.source === sourceHash(files) ? new Map(compiled.messages) : undefined;
}

/** One language folder's messages, every file flattened into `section.key…`; a key in two files is an error. */
export function readCatalogFolder(folder: string, compiledDir: string = COMPILED_CATALOGS): CatalogMessages {
  const at = `${compiledDir}\0${folder}`;
  const cached = READ.get(at);
  if (cached) return cached;
  const files = catalogFiles(folder);
  const messages = compiledFor(folder, files, compiledDir) ?? parseCatalog(files);
  READ.set(at, messages);
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
    const data = parseSettingsYaml(readFileSync(path.join(root, 'acta.yaml'), 'utf8')) as { lang?: unknown } | null;
    return typeof data?.lang === 'string' ? data.lang : undefined;
  } catch {
    return undefined;
  }
}
