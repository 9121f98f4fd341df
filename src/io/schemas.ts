// Reads the JSON Schemas shipped in the package's schemas/ folder, and the validators compiled from them at build time.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { PrecompiledValidators, SchemaSet } from '../core/schema.js';

export const SCHEMA_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));

/** Written by `npm run build` (scripts/compile-validators.mjs): ajv's standalone code for every record kind's schema. */
const PRECOMPILED = fileURLToPath(new URL('../validators.cjs', import.meta.url));

function schemaFiles(): string[] {
  return readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.schema.json')).sort();
}

export function readSchemas(): SchemaSet {
  const out: Record<string, object> = {};
  for (const name of schemaFiles()) out[name] = JSON.parse(readFileSync(SCHEMA_DIR + name, 'utf8')) as object;
  return out;
}

/** What the precompiled validators were compiled from: the schema files' bytes and ajv's version. */
export function schemaHash(): string {
  const require = createRequire(import.meta.url);
  const hash = createHash('sha256').update(`ajv ${(require('ajv/package.json') as { version: string }).version}\0`);
  for (const name of schemaFiles()) hash.update(`${name}\0`).update(readFileSync(SCHEMA_DIR + name)).update('\0');
  return hash.digest('hex');
}

/** The export name of a schema file's validator in the precompiled module (meeting.schema.json → meeting). */
export function validatorName(file: string): string {
  return file.replace(/\.schema\.json$/, '').replace(/[^A-Za-z0-9_]/g, '_');
}

/** The precompiled validators, by schema file; none when the module is missing or was built from other schemas (the
 * schemas are then compiled at run time, as before: slower, same answers). */
export function precompiledValidators(file: string = PRECOMPILED): PrecompiledValidators {
  let module: Record<string, unknown>;
  try {
    module = createRequire(import.meta.url)(file) as Record<string, unknown>;
  } catch {
    return {};
  }
  if (module['schemaHash'] !== schemaHash()) return {};
  const out: Record<string, PrecompiledValidators[string]> = {};
  for (const file of schemaFiles()) {
    const fn = module[validatorName(file)];
    if (typeof fn === 'function') out[file] = fn as PrecompiledValidators[string];
  }
  return out;
}
