// One schema validator for every test file of a worker that checks records against schemas/ (test files share a
// worker's modules: isolate: false in vitest.config.ts). Compiled at run time from schemas/ — what
// createSchemaValidator(readSchemas()) gives, without the build's precompiled validators (test/validate/precompiled.test.ts
// holds those to it) — and compiled once per worker: ajv compiling the schemas is ~0.4 s of CPU each time. It is the
// product's own (src/io/load.ts schemaValidator(), which the worker's in-process runs use too): under vitest, which
// runs src/, no precompiled validators lie beside it, so it is compiled at run time — one compile per worker for the
// tests and the runs, where a second validator of the tests' own compiled the same schemas again. A validator keeps
// no state between records (ajv's functions are compiled once per schema, and each call's errors are read at once).
import { schemaValidator } from '../src/io/load.js';
import { precompiledValidators } from '../src/io/schemas.js';

// Should src/ ever find precompiled validators, the tests would stop holding the run-time compile to schemas/: say so.
if (Object.keys(precompiledValidators()).length > 0) throw new Error('test/schema-validator.ts: src/io/schemas.ts found precompiled validators under vitest; the tests want the schemas compiled at run time');

export const validator = schemaValidator();
