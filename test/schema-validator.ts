// One schema validator for every test file of a worker that checks records against schemas/ (test files share a
// worker's modules: isolate: false in vitest.config.ts). Compiled at run time from schemas/ — what
// createSchemaValidator(readSchemas()) gives, without the build's precompiled validators (test/validate/precompiled.test.ts
// holds those to it) — and compiled once per worker instead of once per file or helper: ajv compiling the schemas is
// ~0.3 s of CPU each time, and eleven files and helpers made their own. A validator keeps no state between records
// (ajv's functions are compiled once per schema, and each call's errors are read at once).
import { createSchemaValidator } from '../src/core/schema.js';
import { readSchemas } from '../src/io/schemas.js';

export const validator = createSchemaValidator(readSchemas());
