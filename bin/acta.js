#!/usr/bin/env node
// dist/bundle/: dist/cli.js and what it imports, bundled by the build (scripts/bundle.mjs) — it starts faster.
import { main } from '../dist/bundle/cli.js';
main(process.argv).then((code) => { process.exitCode = code; });
