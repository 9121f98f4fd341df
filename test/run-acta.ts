// Whole-CLI runs. runActa calls the binary's own entry point (src/cli.ts main) in this process, with its own working
// folder, environment and captured output — as `node bin/acta.js ARGS` would, without ~400 ms of start-up.
// actaProcess starts the real binary, for the tests where the process is the point (exit codes, pipes, TZ, workers).
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { main } from '../src/cli.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = path.join(REPO_ROOT, 'bin/acta.js');

export interface ActaRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}

export interface RunOptions {
  readonly cwd?: string;
  /** Added to this process's environment (set a name to undefined to remove it). */
  readonly env?: Record<string, string | undefined>;
  /** Pretend standard output is a terminal this many columns wide. */
  readonly columns?: number;
}

/** The environment every CLI test starts from: no colour, no GitHub annotations, no parse workers (see below), no
 * parse cache (tests share no state through ~/.cache; test/io/cache.test.ts opts in with ACTA_CACHE=1 and its own
 * ACTA_CACHE_DIR). */
function testEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, GITHUB_ACTIONS: '', GITHUB_STEP_SUMMARY: '', CI: 'true', ACTA_CACHE: '0', ACTA_LANG: undefined, ACTA_LOCALES: undefined, ...extra };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  return env;
}

/** The build's precompiled templates (dist/templates-compiled-*.js, made by `npm test`'s pretest build). */
const COMPILED_TEMPLATES = path.join(REPO_ROOT, 'dist');

/** The run's folder for the tarball `acta init` vendors from this checkout (ACTA_PACKED_DIR): the first to pack
 * keeps it there for the rest (src/io/scaffold.ts vendorTarball; test/adoption/first-week.test.ts puts its own there). */
export const packedDir = (): string => path.join(inject('sharedFolder'), 'packed');

// In-process runs read src/ through vitest, where the parse worker (a .js file next to dist/) does not exist: they
// parse on this thread (ACTA_WORKERS=0) unless a test asks otherwise; test/io/parse-pool.test.ts runs the real pool.
// Nor are the package's templates compiled beside src/: runs take dist/'s specs (ACTA_COMPILED_TEMPLATES, used only for
// the exact text each was compiled from, as the built binary does) instead of compiling every template again in each
// run (0.83x the CPU of the report, statement and README tests); test/report/precompiled.test.ts compares them with
// templates compiled at run time. Without dist/, or for a template changed since the build, they compile as before.
// And `acta init` from this checkout packs acta once for the run (ACTA_PACKED_DIR, in the folder test/global-setup.ts
// shares), not once in each worker: test/io/vendor-refusal.test.ts checks the hook both ways.
export async function runActa(args: readonly string[], options: RunOptions = {}): Promise<ActaRun> {
  let stdout = '';
  let stderr = '';
  const tty = options.columns !== undefined;
  const code = await main(['node', BIN, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: testEnv({ ACTA_WORKERS: '0', ACTA_COMPILED_TEMPLATES: COMPILED_TEMPLATES, ACTA_PACKED_DIR: packedDir(), ...options.env }),
    stdout: { write: (s) => void (stdout += s), isTTY: tty, columns: options.columns },
    stderr: { write: (s) => void (stderr += s), isTTY: false },
  });
  return { stdout, stderr, code };
}

/** The real binary in a child process (bin/acta.js → dist/, built by `npm test`'s pretest). */
export function actaProcess(args: readonly string[], options: RunOptions = {}): ActaRun {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? REPO_ROOT, encoding: 'utf8', env: testEnv(options.env) });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status ?? -1 };
}

/** The real binary in a child process, without waiting: for tests of processes running at the same time. */
export function actaProcessAsync(args: readonly string[], options: RunOptions = {}): Promise<ActaRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? REPO_ROOT, env: testEnv(options.env) });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => void (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => void (stderr += s));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, stderr, code: code ?? -1 }));
  });
}
