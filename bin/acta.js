#!/usr/bin/env node
// dist/bundle/cli.js: dist/cli.js and what it imports, one file made by the build (scripts/bundle.mjs), compiled through
// the V8 code cache the build keeps beside it (src/io/code-cache.ts) — it starts faster.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const { main } = require('../dist/bundle/code-cache.js').requireCached(`${dist}bundle/cli.js`, dist);
main(process.argv).then((code) => { process.exitCode = code; });
