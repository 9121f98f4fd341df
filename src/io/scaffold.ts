// What scaffolds need from the disk (acta new, acta init): the bundled templates, and the schemas folder a new
// record's editor modeline should point to.
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { say } from '../core/diagnostics.js';
import { SaidError, UsageError } from './files.js';
import { runtime } from './runtime.js';
import { SCHEMA_DIR } from './schemas.js';

export const TEMPLATE_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/** A bundled template file, e.g. new/meeting.yaml. */
export function readTemplate(name: string): string {
  return readFileSync(path.join(TEMPLATE_DIR, name), 'utf8');
}

/** The schemas/ folder of the records root (as acta init makes it) or of a folder above it within the same project
 * (up to the one holding .git or package.json), else the bundled one. */
export function findSchemasFolder(root: string): string {
  for (let dir = path.resolve(root); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'schemas');
    if (existsSync(path.join(candidate, 'meeting.schema.json'))) return candidate;
    const top = existsSync(path.join(dir, '.git')) || existsSync(path.join(dir, 'package.json'));
    if (top || path.dirname(dir) === dir) return path.resolve(SCHEMA_DIR);
  }
}

/** The modeline path from a file to a schema: ../schemas/meeting.schema.json (POSIX separators). */
export function schemaPathFrom(file: string, schemasFolder: string, schemaFile: string): string {
  return path.relative(path.dirname(file), path.join(schemasFolder, schemaFile)).split(path.sep).join('/');
}

/** This package's name and version (its own package.json), for the package.json that acta init writes. */
function ownPackage(): { name?: string; version?: string } {
  return JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { name?: string; version?: string };
}

export function packageName(): string {
  return ownPackage().name ?? 'acta-records';
}

export function packageVersion(): string {
  return ownPackage().version ?? '0.0.0';
}

/** The top folder of the git repository holding `dir` (its nearest ancestor, or itself, with a .git entry). */
export function findGitTop(dir: string): string | undefined {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (existsSync(path.join(d, '.git'))) return d;
    if (path.dirname(d) === d) return undefined;
  }
}

/** The CRM's registries and acta.yaml, bundled in data/ (for acta init --from-crm); undefined when not installed. */
export const CRM_DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

/** This package's own folder (a checkout, or the installed package). */
export const PACKAGE_DIR = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Where this acta came from, as far as the disk tells: a checkout of its source (a .git or src/ beside dist/), a
 * tarball or folder installed with a `file:` spec (the `resolved` of npm's hidden lockfile in the node_modules holding
 * it, where npx and npm install both write it), or the registry (anything else: a release a package.json can name).
 */
export type ActaOrigin = { readonly kind: 'registry' } | { readonly kind: 'checkout' } | { readonly kind: 'file'; readonly tarball?: string };

export function actaOrigin(dir = PACKAGE_DIR, name = packageName()): ActaOrigin {
  if (existsSync(path.join(dir, '.git')) || existsSync(path.join(dir, 'src', 'cli.ts'))) return { kind: 'checkout' };
  const modules = path.resolve(dir, ...name.split('/').map(() => '..'));
  if (path.basename(modules) !== 'node_modules') return { kind: 'registry' };
  let resolved: unknown;
  try {
    const lock = JSON.parse(readFileSync(path.join(modules, '.package-lock.json'), 'utf8')) as { packages?: Record<string, { resolved?: unknown }> };
    resolved = lock.packages?.[`node_modules/${name}`]?.resolved;
  } catch {
    return { kind: 'registry' };
  }
  if (typeof resolved !== 'string' || !resolved.startsWith('file:')) return { kind: 'registry' };
  const target = path.resolve(path.dirname(modules), resolved.slice('file:'.length));
  return target.endsWith('.tgz') && existsSync(target) ? { kind: 'file', tarball: target } : { kind: 'file' };
}

/** The file name npm gives this package's tarball: acta-records-0.1.0.tgz (a scope becomes a prefix). */
export function tarballName(): string {
  return `${packageName().replace(/^@/, '').replace('/', '-')}-${packageVersion()}.tgz`;
}

/**
 * Puts this acta's tarball in `folder` (made if missing) as `name`: the tarball it was installed
 * from, copied, or else `npm pack` of its own folder as it runs (scripts off: a checkout's dist/ is what runs now).
 */
export async function vendorTarball(origin: ActaOrigin, folder: string, name = tarballName()): Promise<void> {
  mkdirSync(folder, { recursive: true });
  if (origin.kind === 'file' && origin.tarball) {
    copyFileSync(origin.tarball, path.join(folder, name));
    return;
  }
  // ACTA_PACKED_DIR names a folder where a tarball packed from this checkout is kept for other processes — a
  // testability hook: the test suite's in-process runs (test/run-acta.ts) name the run's shared folder, so its workers
  // pack once between them, not once each (1.2 s of CPU). The first to pack moves its copy there whole (a rename).
  const keptDir = runtime().env['ACTA_PACKED_DIR'];
  const kept = keptDir ? path.join(keptDir, name) : undefined;
  if (kept && existsSync(kept)) {
    copyFileSync(kept, path.join(folder, name));
    return;
  }
  // A process packs its own folder once (1.2 s of CPU): a later init in the same process (a script calling main()
  // for several repositories; the test suite) writes the same bytes. The code that runs is the one loaded at the
  // start anyway, whatever happens to the folder meanwhile.
  if (packed?.name !== name) {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    try {
      // The run's environment (PATH, npm's settings), as git gets it: not this process's, which a run may not share.
      await promisify(execFile)(npm, ['pack', '--ignore-scripts', '--silent', '--pack-destination', folder, PACKAGE_DIR], { cwd: folder, env: runtime().env, shell: process.platform === 'win32' });
    } catch (e) {
      throw new SaidError(say('usage.initPackFailed', { folder, dir: PACKAGE_DIR, reason: (e as { stderr?: string }).stderr?.trim() || (e as Error).message }));
    }
    if (!existsSync(path.join(folder, name))) throw new SaidError(say('usage.initPackMissing', { name, folder }));
    packed = { name, bytes: readFileSync(path.join(folder, name)) };
  } else writeFileSync(path.join(folder, name), packed.bytes);
  if (kept) {
    mkdirSync(keptDir!, { recursive: true });
    const part = `${kept}.${process.pid}.part`;
    writeFileSync(part, packed.bytes);
    renameSync(part, kept);
  }
}

// Kept with the name it was asked for and found under: a call asking for another name packs again, and is refused
// as before when npm pack writes no file of that name.
let packed: { readonly name: string; readonly bytes: Uint8Array } | undefined;
