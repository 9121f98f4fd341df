// Part of `npm run build`: compiles every record kind's JSON Schema ahead of time into dist/validators.cjs (ajv's
// standalone code), so a run does not compile them at start-up. The module carries the hash of what it was built
// from; acta compiles at run time instead when it does not match (src/io/schemas.ts).
import { writeFileSync } from 'node:fs';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { asciiOnly } from './ascii-only.mjs';
import { createAjv, SCHEMA_FILE } from '../dist/core/schema.js';
import { readSchemas, schemaHash, validatorName } from '../dist/io/schemas.js';

const ajv = createAjv(readSchemas(), { code: { source: true } });
const files = [...new Set(Object.values(SCHEMA_FILE))].sort();
const standalone = standaloneCode.default(ajv, Object.fromEntries(files.map((f) => [validatorName(f), f])));
// minLength and maxLength count characters (code points) with ajv's ucs2length, a loop over every code unit of every
// string checked: 2-3 % of a cold validate's CPU. A string without a high surrogate (nearly all of them) has one
// code unit a character, so its length is its .length; any other string is counted by ajv's own loop. Same answers.
const UCS2LENGTH = 'require("ajv/dist/runtime/ucs2length").default';
const FAST_UCS2LENGTH = `((slow, high) => (s) => (high.test(s) ? slow(s) : s.length))(${UCS2LENGTH}, /[\\uD800-\\uDBFF]/)`;
const code = standalone.includes(UCS2LENGTH) ? standalone.replace(UCS2LENGTH, FAST_UCS2LENGTH) : standalone;
// (In ASCII, scripts/ascii-only.mjs: the schemas' descriptions are Spanish too.)
writeFileSync(new URL('../dist/validators.cjs', import.meta.url), asciiOnly(`${code}\nexports.schemaHash = ${JSON.stringify(schemaHash())};\n`, 'dist/validators.cjs'));
// The code hash the cache keys validate's results with (io/cache-results.ts), hashed once here, not at every run.
(await import('../dist/io/cache-results.js')).writeCodeHash();
// The build's last step: the stamp scripts/build-if-stale.mjs compares with the sources.
writeFileSync(new URL('../dist/.built', import.meta.url), (await import('./build-if-stale.mjs')).stampText());
