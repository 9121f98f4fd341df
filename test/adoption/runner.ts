// What the end-to-end test needs to act as a runner: child processes, a clean environment, and a workflow's steps
// run as GitHub Actions runs them.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

export function ok(r: Run, what: string): Run {
  expect(r.code, `${what}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`).toBe(0);
  return r;
}

/** The environment of a runner: nothing from the npm run that started the tests, no dependency of acta on the PATH,
 * an empty HOME (no user npmrc or git config), git identity, and npm aimed at the local registry with a shared cache. */
export function cleanEnv(home: string, registry: string, cache: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(npm_|GITHUB_|RUNNER_|VITEST|NODE_OPTIONS$|INIT_CWD$)/i.test(k)) env[k] = v;
  env.PATH = (process.env.PATH ?? '').split(path.delimiter).filter((p) => !p.includes(`node_modules${path.sep}.bin`)).join(path.delimiter);
  writeFileSync(path.join(home, 'gitconfig'), '');
  return {
    ...env,
    HOME: home,
    NO_COLOR: '1',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: path.join(home, 'gitconfig'),
    GIT_AUTHOR_NAME: 'Secretariat',
    GIT_AUTHOR_EMAIL: 'st@example.org',
    GIT_COMMITTER_NAME: 'Secretariat',
    GIT_COMMITTER_EMAIL: 'st@example.org',
    npm_config_registry: registry,
    npm_config_cache: cache,
    npm_config_userconfig: path.join(home, '.npmrc'),
    npm_config_prefer_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    npm_config_loglevel: 'warn',
  };
}

export interface Step {
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly env?: Record<string, string>;
  readonly 'working-directory'?: string;
}

// The values of the GitHub expressions the steps may use, for a pull request from `change` into `main`.
const CONTEXT: Record<string, string> = { 'github.base_ref': 'main', 'github.head_ref': 'change', 'github.event_name': 'pull_request' };

function stepEnv(step: Step): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(step.env ?? {})) {
    env[k] = String(v).replace(/\$\{\{\s*([\w.]+)\s*\}\}/g, (_, expr: string) => {
      if (!(expr in CONTEXT)) throw new Error(`step "${step.name}": the test does not know \${{ ${expr} }}; add it to CONTEXT`);
      return CONTEXT[expr]!;
    });
  }
  return env;
}

/** What earlier steps wrote to the file named by GITHUB_ENV (`NAME=value` lines, or `NAME<<DELIMITER` … `DELIMITER`
 * blocks), which the runner sets in the environment of every later step. */
export function runnerEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const block = /^([A-Za-z_][A-Za-z0-9_]*)<<(.+)$/.exec(line);
    if (block) {
      const end = lines.indexOf(block[2]!, i + 1);
      if (end < 0) throw new Error(`GITHUB_ENV: ${block[1]} has no closing ${block[2]}`);
      out[block[1]!] = lines.slice(i + 1, end).join('\n');
      i = end;
      continue;
    }
    const eq = line.indexOf('=');
    if (eq > 0) out[line.slice(0, eq)] = line.slice(eq + 1);
    else if (line.trim() !== '') throw new Error(`GITHUB_ENV: a line that sets nothing: ${line}`);
  }
  return out;
}

/** Runs a step's script as GitHub Actions does for a step without `shell:` on Linux: `bash -e {0}`, with what the
 * earlier steps added to GITHUB_ENV. */
export async function runStep(step: Step, workspace: string, env: NodeJS.ProcessEnv, scripts: string): Promise<Run> {
  const file = path.join(scripts, `step-${readdirSync(scripts).filter((f) => f.startsWith('step-')).length}.sh`);
  writeFileSync(file, step.run!);
  const added = env['GITHUB_ENV'] && existsSync(env['GITHUB_ENV']) ? runnerEnvFile(readFileSync(env['GITHUB_ENV'], 'utf8')) : {};
  return run('bash', ['-e', file], path.join(workspace, step['working-directory'] ?? '.'), { ...env, ...added, ...stepEnv(step) });
}

