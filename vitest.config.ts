import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import type { TestSpecification } from 'vitest/node';
import { BaseSequencer } from 'vitest/node';

// The end-to-end test of the npm package (the first week replayed against the packed tarball: three npm installs)
// is the slowest file: started first, it runs beside everything else instead of after it (a fresh clone has no
// timing cache).
// Next, the two files that force full garbage collections to measure the heap (io/heap.test.ts, parse/own-strings.test.ts):
// a full collection marks the worker's whole live heap, which grows as files load modules and keep their fixtures
// (isolate: false) — at a worker's start each costs a fraction of what it costs late in the run (own-strings alone
// 0.14–0.2 s of CPU, 1.25 s late in the whole suite; heap 1.8–2.0 s against 2.4 s). Then the LibreOffice test.
const FORCE_COLLECTIONS = ['/test/io/heap.test.ts', '/test/parse/own-strings.test.ts'];
class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    // The Word documents' LibreOffice test mostly waits for soffice: started early too, it waits beside the others.
    const first = (f: TestSpecification): number =>
      f.moduleId.includes('/test/adoption/') ? 0 : FORCE_COLLECTIONS.some((name) => f.moduleId.endsWith(name)) ? 1 : f.moduleId.endsWith('/test/docx/word-processor.test.ts') ? 2 : 3;
    return [...(await super.sort(files))].sort((a, b) => first(a) - first(b));
  }
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // fast-check's seed fixed for every test file (ACTA_RANDOM_SEEDS=1 for random seeds in a long run).
    setupFiles: ['test/fixed-seeds.ts'],
    // A folder the run shares (what a worker builds once for several files, e.g. the site of data/), removed at the end.
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    // A file's setup (a generated corpus, the bundle imported) as long as a test may take: vitest's default 10 s hook
    // bound failed test/io/read-workers.test.ts's beforeAll at load 20 on 2 cores, with nothing wrong.
    hookTimeout: 30_000,
    // vitest's default (cores - 1) is one worker on 2 cores, which left a core idle once CLI tests ran in-process
    // (test/run-acta.ts) instead of in child processes; two workers there measured ~10% faster under load.
    maxWorkers: Math.max(2, availableParallelism()),
    sequence: { sequencer: SlowestFirst },
    // Test files share a worker's module graph instead of re-importing src/ for each file (import time 21 s → 7 s,
    // the whole run 116 s → 81–88 s on 2 cores). Safe because no test leaves global state behind: CLI runs carry
    // their own cwd, env and streams (io/runtime.ts), and tests that change TZ or Date restore them.
    isolate: false,
    // No test shares a parse cache through ~/.cache (nor children they spawn): test/io/cache.test.ts opts in with its
    // own folder.
    env: { ACTA_CACHE: '0' },
  },
});
