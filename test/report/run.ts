// Run the CLI in-process (test/run-acta.ts) over a fixture root, without colour or CI annotations.
import path from 'node:path';
import type { ActaRun, RunOptions } from '../run-acta.js';
import { runActa } from '../run-acta.js';

export { BIN } from '../run-acta.js';
export const FIXTURE = path.resolve('test/fixtures/report');
export const AS_OF = '2018-03-15';

export type Run = ActaRun;

export function acta(args: readonly string[], options: RunOptions = {}): Promise<Run> {
  return runActa(args, options);
}
