// `prepare` and `pretest`: builds dist/ (npm run build) unless it was built after every file it is built from.
// `prepare` makes `npm install git+https://…/acta.git` work (npm builds a git dependency in its clone, where dist/,
// never committed, is missing); that a fresh dist/ is left alone keeps `npm ci` + `npm test` in CI at one build,
// as before: npm ci builds, npm test finds it fresh. `npm pack` still rebuilds from scratch (prepack).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** What dist/ is built from: the sources, the schemas (compiled into dist/validators.cjs), the build's own files. */
export const INPUTS = ['src', 'schemas', 'locales', 'scripts/compile-validators.mjs', 'scripts/compile-catalogs.mjs', 'scripts/compile-templates.mjs', 'scripts/bundle.mjs', 'scripts/code-cache.mjs', 'scripts/code-cache-worker.cjs', 'templates', 'tsconfig.json', 'package.json', 'package-lock.json'];
/** Written by the build's last step (scripts/compile-validators.mjs): when dist/ was last built whole. */
export const STAMP = 'dist/.built';

/** The newest modification time under `p` (a file or a folder), 0 when it does not exist. */
function newest(p) {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(p).map((e) => newest(path.join(p, e))));
}

/** The stamp's text: which Node built dist/. Its V8 code caches (scripts/code-cache.mjs) serve that V8 only. */
export function stampText(versions = process.versions) {
  return `dist/ built whole by npm run build (its time is what counts)\nnode ${versions.node} v8 ${versions.v8}\n`;
}

/** Why dist/ must be built in `root`, or undefined when it is fresh. */
export function staleReason(root = ROOT, versions = process.versions) {
  const stamp = path.join(root, STAMP);
  if (!existsSync(stamp) || !existsSync(path.join(root, 'dist/cli.js')) || !existsSync(path.join(root, 'dist/bundle/cli.js'))) return 'dist/ was never built here';
  // Another Node (nvm, a new major): its V8 rejects every code cache of the build, and the code-cache test fails.
  const by = /^node (\S+) v8 (\S+)$/m.exec(readFileSync(stamp, 'utf8'));
  if (by?.[2] !== versions.v8) return `dist/ was built by ${by ? `Node ${by[1]}` : 'another Node'}, this is Node ${versions.node}`;
  const built = statSync(stamp).mtimeMs;
  const changed = INPUTS.find((i) => newest(path.join(root, i)) > built);
  return changed === undefined ? undefined : `${changed} changed since dist/ was built`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const reason = staleReason();
  if (reason === undefined) process.exit(0);
  // Inside an npm script, npm_execpath is npm's own entry point: the same npm runs the build.
  const npm = process.env.npm_execpath;
  const r = npm
    ? spawnSync(process.execPath, [npm, 'run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' })
    : spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) {
    console.error(`acta: the build failed (${reason}); run npm run build to see why`);
    process.exit(r.status ?? 1);
  }
}
