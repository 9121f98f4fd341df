#!/usr/bin/env node
// dist/bundle/cli.js: dist/cli.js and what it imports, one file made by the build (scripts/bundle.mjs), compiled through
// the V8 code cache the build keeps beside it (src/io/code-cache.ts) — it starts faster. This file is CommonJS
// (bin/package.json): an ES module entry would start node's ES module loader for nothing (~8 ms of CPU a run).
const path = require('node:path');

const dist = path.join(__dirname, '..', 'dist') + path.sep;
const { main } = require('../dist/bundle/code-cache.js').requireCached(path.join(dist, 'bundle', 'cli.js'), dist);
main(process.argv).then((code) => {
  process.exitCode = code;
});
