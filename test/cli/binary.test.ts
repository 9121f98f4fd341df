// The real binary, where the process is the point: exit codes as the shell sees them, a reader that closes the pipe
// early, colour when forced. Every other CLI test runs in-process (test/run-acta.ts).
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { actaProcess, BIN, REPO_ROOT, runActa } from '../run-acta.js';

describe('bin/acta.js', () => {
  it('exits 0, 1 and 2 as documented', () => {
    expect(actaProcess(['validate', '--root', 'data']).code).toBe(0);
    const errors = actaProcess(['validate', '--root', 'test/fixtures/validate-errors']);
    expect(errors.code).toBe(1);
    expect(errors.stdout).toContain('error');
    const usage = actaProcess(['shwo']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('orden desconocida: shwo');
  });

  // A reader that stops early (`| head -1`) is no error: exit 0, nothing on stderr. list writes 270 kB; export writes
  // as it makes its text (64 KB pieces, each awaited), so a closed pipe ends the run.
  it.each([
    ['list commitments -f json', ['list', 'commitments', '-f', 'json']],
    ['export -f json (streamed)', ['export', '-f', 'json']],
    ['export -f csv (streamed)', ['export', '-f', 'csv']],
  ])('%s to a reader that stops early: exit 0, nothing on stderr', async (_name, args) => {
    const child = spawn(process.execPath, [BIN, ...args, '--root', 'data', '--as-of', '2018-01-01'], { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: '1', ACTA_WORKERS: '0' } });
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

  // FORCE_COLOR=0 (Node's and chalk's "no colour") and TERM=dumb coloured a terminal anyway (nineteenth session's review).
  it('on a terminal: colour, but not under FORCE_COLOR=0 or false, nor on TERM=dumb', async () => {
    const args = ['overdue', '--root', 'data', '--as-of', '2017-08-01'];
    const tty = (env: Record<string, string | undefined>) => runActa(args, { columns: 140, env: { NO_COLOR: undefined, FORCE_COLOR: undefined, TERM: 'xterm', ...env } });
    expect((await tty({})).stdout).toContain('\x1b[');
    expect((await tty({ FORCE_COLOR: '0' })).stdout).not.toContain('\x1b[');
    expect((await tty({ FORCE_COLOR: 'false' })).stdout).not.toContain('\x1b[');
    expect((await tty({ TERM: 'dumb' })).stdout).not.toContain('\x1b[');
    expect((await tty({ TERM: 'dumb', FORCE_COLOR: '1' })).stdout).toContain('\x1b[');
  });
});
