// Preloaded into each timed process (node --require bench/max-rss.cjs …) by bench/bench.mjs: at exit, writes the
// process's peak resident memory (kB, the kernel's own count, worker threads included) to $ACTA_BENCH_RSS_FILE.
// A preload instead of /usr/bin/time -v: the same figure for acta and ajv-cli on any system Node runs on.
'use strict';
const { isMainThread } = require('node:worker_threads');
const file = process.env.ACTA_BENCH_RSS_FILE;
if (file && isMainThread) {
  process.on('exit', () => {
    try {
      require('node:fs').writeFileSync(file, String(process.resourceUsage().maxRSS));
    } catch {
      // the bench then reports no figure for this run
    }
  });
}
