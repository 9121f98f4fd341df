import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // vitest's default (cores - 1) is one worker on 2 cores, which left a core idle once CLI tests ran in-process
    // (test/run-acta.ts) instead of in child processes; two workers there measured ~10% faster under load.
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
