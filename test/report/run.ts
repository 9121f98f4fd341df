// Run the built CLI (bin/acta.js → dist/) over a fixture root, without colour or CI annotations.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const BIN = path.resolve('bin/acta.js');
export const FIXTURE = path.resolve('test/fixtures/report');
export const AS_OF = '2018-03-15';

export interface Run {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}

export function acta(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? process.cwd(),
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', GITHUB_ACTIONS: '', CI: 'true', ...options.env },
  });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status ?? -1 };
}
