// A real npm registry for the end-to-end test: verdaccio 5 on 127.0.0.1, its config and storage in a temp folder,
// serving acta-records from what the test publishes and every other package from the normal registry.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const VERDACCIO = path.resolve('node_modules/verdaccio/bin/verdaccio');
// Every other package comes from the registry this machine's npm is set to (a mirror in CI, if there is one).
const UPLINK = ((): string => {
  try {
    const configured = execFileSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8' }).trim();
    return /^https?:\/\//.test(configured) ? configured : 'https://registry.npmjs.org/';
  } catch {
    return 'https://registry.npmjs.org/';
  }
})();

export interface LocalRegistry {
  readonly url: string;
  /** An npm config line that authenticates to this registry, e.g. for `npm publish`. */
  readonly authFlag: string;
  stop(): Promise<void>;
}

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function config(dir: string): string {
  return [
    `storage: ${JSON.stringify(path.join(dir, 'storage'))}`,
    'auth:',
    '  htpasswd:',
    `    file: ${JSON.stringify(path.join(dir, 'htpasswd'))}`,
    'uplinks:',
    '  npmjs:',
    `    url: ${UPLINK}`,
    '    timeout: 60s',
    'packages:',
    // acta-records never comes from the uplink: only what the test publishes.
    "  'acta-records':",
    '    access: $all',
    '    publish: $authenticated',
    "  '**':",
    '    access: $all',
    '    proxy: npmjs',
    'web:',
    '  enable: false',
    'log: { type: stdout, format: pretty, level: warn }',
    '',
  ].join('\n');
}

async function waitUntilUp(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`verdaccio exited with ${child.exitCode}:\n${output()}`);
    const ok = await fetch(`${url}-/ping`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`verdaccio did not answer at ${url} within 60 s:\n${output()}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** Starts verdaccio with its config and storage under `dir`, and creates a user to publish with. */
export async function startLocalRegistry(dir: string, env: NodeJS.ProcessEnv): Promise<LocalRegistry> {
  mkdirSync(dir, { recursive: true });
  const configFile = path.join(dir, 'config.yaml');
  writeFileSync(configFile, config(dir));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const child = spawn(process.execPath, [VERDACCIO, '--config', configFile, '--listen', `127.0.0.1:${port}`], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  try {
    await waitUntilUp(url, child, () => log);
    // verdaccio's htpasswd auth: the first PUT of a user creates it and answers with a token (what `npm adduser` does).
    const res = await fetch(`${url}-/user/org.couchdb.user:acta-ci`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'acta-ci', password: 'acta-ci-password' }) });
    const { token } = (await res.json()) as { token?: string };
    if (!token) throw new Error(`verdaccio gave no token (${res.status}):\n${log}`);
    return { url, authFlag: `--//127.0.0.1:${port}/:_authToken=${token}`, stop: () => stopChild(child) };
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}
