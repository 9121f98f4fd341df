// What scaffolds need from the disk (acta new, acta init): the bundled templates, and the schemas folder a new
// record's editor modeline should point to.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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
