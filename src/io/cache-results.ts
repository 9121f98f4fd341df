// Validate's results, cached whole: the diagnostics of a run (sorted, limited, as data — the catalogs put them in words
// when printed), the files it read, the language acta.yaml sets, and the text of each file a diagnostic is in (for the
// code frames of --format pretty). Keyed by the hash of exactly what a run reads: every record file's name and content
// hash (io/cache-stat.ts), the folders that could not be listed, --as-of, and the code that reads and checks (every
// module of core/ and io/ as built, the compiled validators, the schemas, the versions of the YAML libraries, ajv,
// date-fns, acta and Node). The language is not in the key: diagnostics are data. One signed store per records root,
// holding the last result: a warm run over unchanged files answers from it without parsing a record or loading ajv,
// the YAML reader or the checks.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Diagnostic } from '../core/diagnostics.js';
import { dependencyPackageJson, isDiagnostic, readStore, storeFile, trustedStore, writeStore } from './cache-store.js';
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
 * validate's own command modules, the compiled validators, the schemas, and the versions of what they use — run from
 * the bundle (bin/acta.js), the bundle's files in their place (codeFiles). ~1.5 MB: read and hashed by the build
 * (writeCodeHash, dist/code-hash.json) and at run time only when a file differs, in size or time, from what the build
 * hashed — a build never serves a result another build made. */
export function codeHash(): string {
  if (code !== undefined) return code;
  const files = codeFiles();
  return (code = builtCodeHash(files) ?? hashCode(files));
}

/** The code hash read and hashed now, whatever the build wrote (for tests: the build's answer is this one). */
export function liveCodeHash(): string {
  return hashCode(codeFiles());
}

/** The build's last step (scripts/compile-validators.mjs): the code hash and the size and time of each file it read,
 * once as the modules compute it (a script importing dist/io/) and once as the bundle does (bin/acta.js). */
export function writeCodeHash(): void {
  const built: BuiltCodeHash[] = [HERE, BUNDLE].map((here) => {
    const files = codeFiles(here);
    return { hash: hashCode(files), files: files.map((f) => [f.name, ...statOf(f.full)]) };
  });
  writeFileSync(BUILT_CODE_HASH, `${JSON.stringify(built)}\n`);
}

interface CodeFile {
  /** As hashed: relative to io/. */
  readonly name: string;
  readonly full: string;
}
interface BuiltCodeHash {
  readonly hash: string;
  readonly files: readonly (readonly [name: string, size: number, mtimeMs: number])[];
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** dist/bundle/: what bin/acta.js runs, and all the code the installed package ships (package.json `files`). */
const BUNDLE = path.join(HERE, '..', 'bundle');
/** The bundle's files that hold the code of core/, io/ and commands/: the command line's and the parse worker's. */
const BUNDLE_CODE = ['cli.js', 'parse-worker.code.js'];
/** dist/code-hash.json (src/code-hash.json under vitest: never there, so the tests hash as they go). */
const BUILT_CODE_HASH = path.join(HERE, '..', 'code-hash.json');

/** Whether this code runs from the bundle (HERE is dist/bundle/: bin/acta.js, the workers), not from its modules. */
export function runsFromBundle(here: string = HERE): boolean {
  return path.basename(here) === 'bundle';
}

/**
 * What the code hash reads, as code at `here` runs. From the modules (src/ under the tests, dist/io/ imported by a
 * script): every module of core/ and io/, validate's command modules. From the bundle: the bundle files those modules
 * were built into — the installed package ships no modules (only dist/bundle/ and the files it reads), and a module
 * rebuilt alone (tsc) is not what bin/acta.js runs anyway. Then the compiled validators, the schemas, package.json and
 * the libraries loaded from node_modules (from the bundle: ajv, and the yaml library's own file, dist/yaml.cjs; js-yaml
 * and date-fns are in the bundle).
 */
function codeFiles(here: string = HERE): CodeFile[] {
  const io = path.join(here, '..', 'io');
  const files: CodeFile[] = [];
  const add = (full: string): void => {
    files.push({ name: path.relative(io, full), full });
  };
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(c?js|ts|json)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) add(full);
    }
  };
  const bundle = runsFromBundle(here);
  if (bundle) for (const name of BUNDLE_CODE) add(path.join(here, name));
  else {
    walk(path.join(io, '..', 'core'));
    walk(io);
    for (const name of readdirSync(path.join(io, '..', 'commands')).sort()) if (/^(validate|context)\.(js|ts)$/.test(name)) add(path.join(io, '..', 'commands', name));
  }
  add(path.join(io, '..', 'validators.cjs'));
  if (bundle) add(path.join(io, '..', 'yaml.cjs'));
  walk(path.join(io, '..', '..', 'schemas'));
  add(path.join(io, '..', '..', 'package.json'));
  const from = here === HERE ? import.meta.url : pathToFileURL(path.join(here, BUNDLE_CODE[0]!)).href;
  for (const dependency of bundle ? ['ajv'] : ['yaml', 'js-yaml', 'ajv', 'date-fns']) {
    const full = dependencyPackageJson(dependency, from);
    if (full === undefined) files.push({ name: `${dependency} ?`, full: '' });
    else add(full);
  }
  return files;
}

/** Code hashes computed from the files in this process (for tests: the build's answer is taken, not hashed again). */
export const codeHashCounts = { hashed: 0 };

function hashCode(files: readonly CodeFile[]): string {
  codeHashCounts.hashed++;
  const hash = createHash('sha256').update(`node ${process.versions.node}\0`);
  for (const { name, full } of files) {
    if (full === '') hash.update(`${name}\0`);
    else hash.update(`${name}\0`).update(existsSync(full) ? readFileSync(full) : '?').update('\0');
  }
  return hash.digest('hex');
}

function statOf(full: string): [size: number, mtimeMs: number] {
  if (full === '') return [-1, -1];
  try {
    const s = statSync(full);
    return [s.size, s.mtimeMs];
  } catch {
    return [-1, -1];
  }
}

// The build's hash, when it read exactly these files and each still has the size and time it had then.
function builtCodeHash(files: readonly CodeFile[]): string | undefined {
  let built: unknown;
  try {
    built = JSON.parse(readFileSync(BUILT_CODE_HASH, 'utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(built)) return undefined;
  const holds = (entry: BuiltCodeHash): boolean =>
    typeof entry?.hash === 'string' &&
    Array.isArray(entry.files) &&
    entry.files.length === files.length &&
    files.every((f, i) => {
      const listed = entry.files[i];
      if (!Array.isArray(listed) || listed[0] !== f.name) return false;
      const [size, mtimeMs] = statOf(f.full);
      return size >= 0 && listed[1] === size && listed[2] === mtimeMs;
    });
  return (built as BuiltCodeHash[]).find(holds)?.hash;
}
