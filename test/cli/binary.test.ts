// The real binary, where the process is the point: exit codes as the shell sees them, a reader that closes the pipe
// early, colour when forced. Every other CLI test runs in-process (test/run-acta.ts).
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { actaProcess, BIN, REPO_ROOT } from '../run-acta.js';

describe('bin/acta.js', () => {
  it('exits 0, 1 and 2 as documented', () => {
    expect(actaProcess(['validate', '--root', 'data']).code).toBe(0);
    const errors = actaProcess(['validate', '--root', 'test/fixtures/validate-errors']);
    expect(errors.code).toBe(1);
    expect(errors.stdout).toContain('error');
    const usage = actaProcess(['shwo']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("unknown command 'shwo'");
  });

  it('a reader that stops early (`| head -1`, 270 kB unread) is no error: exit 0, nothing on stderr', async () => {
    const child = spawn(process.execPath, [BIN, 'list', 'commitments', '-f', 'json', '--root', 'data', '--as-of', '2018-01-01'], { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: '1', ACTA_WORKERS: '0' } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  // export writes as it makes its text (64 KB pieces, each awaited): a closed pipe ends the run, quietly.
  it.each([['json'], ['csv']])('export -f %s, streamed in parts, to a reader that stops early: exit 0, nothing on stderr', async (format) => {
    const child = spawn(process.execPath, [BIN, 'export', '-f', format, '--root', 'data', '--as-of', '2018-01-01'], { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: '1', ACTA_WORKERS: '0' } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('colours when FORCE_COLOR asks, and never under NO_COLOR', () => {
    const args = ['overdue', '--root', 'data', '--as-of', '2017-08-01'];
    expect(actaProcess(args, { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout).toContain('\x1b[');
    expect(actaProcess(args, { env: { NO_COLOR: '1', FORCE_COLOR: '1' } }).stdout).not.toContain('\x1b[');
  });
});
