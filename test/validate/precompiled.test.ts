// The validators compiled at build time (dist/validators.cjs, ajv's standalone code) give every fixture the
// diagnostics that compiling the schemas at run time gives; a module built from other schemas is not used.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRecordFile } from '../../src/core/read/parse.js';
import { checkRecords } from '../../src/core/pipeline.js';
import { createSchemaValidator, SCHEMA_FILE } from '../../src/core/schema.js';
import { precompiledValidators, readSchemas } from '../../src/io/schemas.js';
import { REPO_ROOT } from '../run-acta.js';
import { CASES } from './cases.js';
import { REGISTRIES } from './harness.js';
import { validator } from '../schema-validator.js';

const BUILT = path.join(REPO_ROOT, 'dist', 'validators.cjs');

describe.skipIf(!existsSync(BUILT))('precompiled validators', () => {
  const precompiled = precompiledValidators(BUILT);
  const standalone = createSchemaValidator(readSchemas(), precompiled);
  // Compiled at run time from schemas/: the worker's one (test/schema-validator.ts), not a compile of this file's own.
  const compiled = validator;

  it('cover every record kind', () => {
    for (const file of Object.values(SCHEMA_FILE)) expect(typeof precompiled[file], file).toBe('function');
  });

  it.each(CASES.map((c) => [c.name, c] as const))('fixture %s: the same diagnostics as compiled at run time', (_, c) => {
    const files = c.withRegistries === false ? c.files : { ...REGISTRIES, ...c.files };
    const run = (validator: typeof compiled): unknown => checkRecords(Object.entries(files).map(([f, t]) => parseRecordFile(f, typeof t === 'string' ? new TextEncoder().encode(t) : t)), validator, c.asOf ? { asOf: c.asOf } : {}).diagnostics;
    expect(run(standalone)).toEqual(run(compiled));
  });

  // The build counts characters without ajv's loop when a string has no high surrogate (scripts/compile-validators.mjs):
  // lengths at and past the limits, in astral characters, lone surrogates and a mix, give what ajv's own count gives.
  it('minLength and maxLength: the same answers for astral characters and lone surrogates', () => {
    const base = parseRecordFile('meetings/2015-08-18-ad-hoc-nna.yaml', readFileSync(path.join(REPO_ROOT, 'data', 'meetings', '2015-08-18-ad-hoc-nna.yaml')));
    const strings = ['', 'a', '😀', '\uD800', '\uDC00', '\uDC00\uD800', 'a'.repeat(400), 'a'.repeat(401), '😀'.repeat(400), '😀'.repeat(401), '\uD800'.repeat(400), '\uD800'.repeat(401), 'a😀'.repeat(200), 'a😀'.repeat(200) + '\uD800', '😀'.repeat(200) + 'a'.repeat(200) + '\uDC00'];
    let failed = 0;
    for (const text of strings) {
      for (const field of ['title', '$schema']) {
        const data = { ...(base.data as Record<string, unknown>), ...(field === 'title' ? { title: { es: text } } : { $schema: text }) };
        const parsed = { ...base, data };
        const a = standalone.validate('meeting', parsed);
        expect(a, `${field} ${JSON.stringify(text.slice(0, 8))} × ${text.length}`).toEqual(compiled.validate('meeting', parsed));
        if (a.length) failed++;
      }
    }
    expect(failed).toBeGreaterThan(4);
  });

  it('built from other schemas (or another ajv): not used', () => {
    const stale = path.join(mkdtempSync(path.join(os.tmpdir(), 'acta-validators-')), 'validators.cjs');
    copyFileSync(BUILT, stale);
    writeFileSync(stale, readFileSync(stale, 'utf8').replace(/exports\.schemaHash = "[0-9a-f]+"/, 'exports.schemaHash = "0"'));
    expect(precompiledValidators(stale)).toEqual({});
    expect(precompiledValidators(path.join(path.dirname(stale), 'missing.cjs'))).toEqual({});
  });
});
