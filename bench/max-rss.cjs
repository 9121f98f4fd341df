// Preloaded into each timed process (node --require bench/max-rss.cjs …) by bench/bench.mjs: at exit, writes the
// process's peak resident memory (kB, the kernel's own count, worker threads included) and the CPU time it used
// (user + system, microseconds, worker threads included) to $ACTA_BENCH_RSS_FILE, as "KB MICROSECONDS".
// A preload instead of /usr/bin/time -v: the same figures for acta and ajv-cli on any system Node runs on.
'use strict';
const { isMainThread } = require('node:worker_threads');
const file = process.env.ACTA_BENCH_RSS_FILE;
if (file && isMainThread) {
  process.on('exit', () => {
    try {
      const usage = process.resourceUsage();
      require('node:fs').writeFileSync(file, `${usage.maxRSS} ${usage.userCPUTime + usage.systemCPUTime}`);
    } catch {
      // the bench then reports no figure for this run
    }
  });
}
