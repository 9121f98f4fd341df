// `npm test`'s configuration plus test/cpu-account.ts: the CPU of every test file and test, written to a table (see
// there), and test/cpu-account-main.ts: vitest's own process's CPU. npx vitest run --config vitest.cpu.config.ts
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

export default mergeConfig(base, defineConfig({ test: { setupFiles: ['test/cpu-account.ts'], globalSetup: ['test/cpu-account-main.ts'] } }));
