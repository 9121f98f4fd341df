// Reads the JSON Schemas shipped in the package's schemas/ folder.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SchemaSet } from '../core/schema.js';

export const SCHEMA_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));

export function readSchemas(): SchemaSet {
  const out: Record<string, object> = {};
  for (const name of readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.schema.json')).sort()) {
    out[name] = JSON.parse(readFileSync(SCHEMA_DIR + name, 'utf8')) as object;
  }
  return out;
}
