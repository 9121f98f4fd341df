// Validate's results, cached whole: the diagnostics of a run (sorted, limited, as data — the catalogs put them in words
// when printed), the files it read, the language acta.yaml sets, and the text of each file a diagnostic is in (for the
// code frames of --format pretty). Keyed by the hash of exactly what a run reads: every record file's name and content
// hash (io/cache-stat.ts), the folders that could not be listed, --as-of, and the code that reads and checks (every
// module of core/ and io/ as built, the compiled validators, the schemas, the versions of the YAML libraries, ajv,
// date-fns, acta and Node). The language is not in the key: diagnostics are data. One signed store per records root,
// holding the last result: a warm run over unchanged files answers from it without parsing a record or loading ajv,
// the YAML reader or the checks.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../core/diagnostics.js';
import { isDiagnostic, readStore, storeFile, trustedStore, writeStore } from './cache-store.js';
import type { Snapshot } from './cache-stat.js';
import { runtime } from './runtime.js';

const FORMAT = 1;

export interface CachedResult {
  readonly diagnostics: readonly Diagnostic[];
  /** Every file read, relative to root (Repository.fileNames). */
  readonly fileNames: readonly string[];
  /** acta.yaml's `lang:` (RecordSet.config.lang). */
  readonly lang: string;
  /** The text of each file a diagnostic is in. */
  readonly texts: ReadonlyMap<string, string>;
}

/** Runs answered from the cache and results stored, in this process (for tests: work counted, not timed). */
export const resultCounts = { hits: 0, stored: 0 };

export interface ResultOptions {
  readonly asOf?: string;
}

/** The key of a run over this snapshot, or undefined when the snapshot keys nothing. */
export function resultKey(snapshot: Snapshot, options: ResultOptions): string | undefined {
  const hashes = snapshot.hashes;
  if (!hashes || !snapshot.files.every((f) => hashes.has(f))) return undefined;
  const hash = createHash('sha256').update(`acta-validate-results ${FORMAT}\0${codeHash()}\0as-of ${options.asOf ?? '-'}\0`);
  for (const file of snapshot.files) hash.update(`${file}\0${snapshot.hashes.get(file)}\n`);
  for (const f of snapshot.unreadableFolders) hash.update(`folder ${f.folder}\0${f.reason}\n`);
  return hash.digest('hex');
}

export function readResult(root: string, key: string, env: NodeJS.ProcessEnv = runtime().env): CachedResult | undefined {
  const file = storeFile(env, 'results', root);
  const trust = trustedStore(env, file);
  const stored = trust ? readStore(file, FORMAT, codeHash(), trust) : undefined;
  if (!stored || stored['key'] !== key) return undefined;
  const { diagnostics, fileNames, lang, texts } = stored;
  if (!Array.isArray(fileNames) || !fileNames.every((f) => typeof f === 'string') || typeof lang !== 'string' || !(texts instanceof Map)) return undefined;
  const bound = [...texts.values()].reduce((n: number, t: unknown) => (typeof t === 'string' ? Math.max(n, t.length) : Infinity), 0);
  if (!Number.isFinite(bound) || ![...texts.keys()].every((k) => typeof k === 'string')) return undefined;
  // Positions are bounded by the longest text a diagnostic is in (4 bytes a character at most), or by a small file.
  if (!Array.isArray(diagnostics) || !diagnostics.every((d) => isDiagnostic(d, 4 * Math.max(bound, 65_536)))) return undefined;
  resultCounts.hits++;
  return { diagnostics: diagnostics as Diagnostic[], fileNames: fileNames as string[], lang, texts: texts as Map<string, string> };
}

export function writeResult(root: string, key: string, result: CachedResult, env: NodeJS.ProcessEnv = runtime().env): void {
  const file = storeFile(env, 'results', root);
  const trust = trustedStore(env, file);
  if (!trust) return;
  const { diagnostics, fileNames, lang, texts } = result;
  try {
    writeStore(file, FORMAT, codeHash(), { key, diagnostics, fileNames, lang, texts: new Map(texts) }, trust);
    resultCounts.stored++;
  } catch {
    // Not plain data: not cached.
  }
}

let code: string | undefined;
/** A hash of the code a result depends on: every module of core/ and io/ (as built: dist/, or src/ under the tests),
 * validate's own command modules, the compiled validators, the schemas, and the versions of what they use. ~1 MB
 * read and hashed, a few ms: a build never serves a result another build made. */
export function codeHash(): string {
  if (code !== undefined) return code;
  const hash = createHash('sha256').update(`node ${process.versions.node}\0`);
  const here = path.dirname(fileURLToPath(import.meta.url));
  const add = (file: string): void => {
    hash.update(`${path.relative(path.join(here, '..', 'io'), file)}\0`).update(existsSync(file) ? readFileSync(file) : '?').update('\0');
  };
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(c?js|ts|json)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) add(full);
    }
  };
  walk(path.join(here, '..', 'core'));
  // io/ by name: run from dist/bundle/ (bin/acta.js, scripts/bundle.mjs) `here` is the bundle, made from these modules.
  walk(path.join(here, '..', 'io'));
  for (const name of readdirSync(path.join(here, '..', 'commands')).sort()) if (/^(validate|context)\.(js|ts)$/.test(name)) add(path.join(here, '..', 'commands', name));
  add(path.join(here, '..', 'validators.cjs'));
  walk(path.join(here, '..', '..', 'schemas'));
  add(path.join(here, '..', '..', 'package.json'));
  const require = createRequire(import.meta.url);
  for (const dependency of ['yaml', 'js-yaml', 'ajv', 'date-fns']) {
    try {
      add(require.resolve(`${dependency}/package.json`));
    } catch {
      hash.update(`${dependency} ?\0`);
    }
  }
  return (code = hash.digest('hex'));
}
