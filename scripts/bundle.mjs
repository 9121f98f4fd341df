// Part of `npm run build`, after tsc: bundles dist/cli.js (and the parse worker) into dist/bundle/, what bin/acta.js
// runs. Why: loading validate's ~110 small ES modules one by one (resolve, read, compile, link each) cost ~190 ms of
// CPU on Node 20, measured alone (docs/internals/performance.md, "Start-up: one bundle"); the same code in a few files loads in a
// fraction of that. Every `import()` a command makes stays lazy: esbuild's code splitting makes each a chunk.
//
// The bundle sits one folder below dist/, as every module it is made from (dist/io/…, dist/core/…), so the paths
// they take from import.meta.url (../../locales/, ../validators.cjs, ../catalogs/, ./parse-worker.js) lead to the
// same places. dist/*/ stays as tsc wrote it: the cache keys hash it (io/cache.ts), the build scripts import it.
//
// Bundled: the small libraries on every run's path (commander, js-yaml, date-fns, chalk, intl-messageformat, …).
// Left to node_modules (external): what acta loads by require() at run time or shares between modules by identity —
// yaml (core/read/yaml-library.ts requires it; one instance for every yaml node), ajv (the precompiled validators
// require its runtime), handlebars (the precompiled templates import it), and the large ones only a few commands
// load (docx, mammoth, minisearch): nothing gained by copying them into dist/.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE_DIR = path.join(ROOT, 'dist', 'bundle');
export const EXTERNAL = ['yaml', 'ajv', 'ajv/*', 'ajv-formats', 'handlebars', 'handlebars/*', 'docx', 'docx/*', 'mammoth', 'minisearch'];

rmSync(BUNDLE_DIR, { recursive: true, force: true });
mkdirSync(BUNDLE_DIR, { recursive: true });
const bundled = await build({
  metafile: true,
  entryPoints: { cli: path.join(ROOT, 'dist', 'cli.js'), 'site-writer': path.join(ROOT, 'dist', 'io', 'site-writer.js') },
  outdir: BUNDLE_DIR,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunk-[hash]',
  external: EXTERNAL,
  // CommonJS libraries inside an ES module bundle call require() (node:tty, node:util): give them node's own.
  banner: { js: "import { createRequire as __actaCreateRequire } from 'node:module'; const require = __actaCreateRequire(import.meta.url);" },
  legalComments: 'eof', // a library's @license or /*! comments kept with its code
  logLevel: 'warning',
});

// The parse and check worker (io/parse-worker.ts) as one file of its own, not chunks shared with cli.js: a worker is a
// new Node environment that loads its modules again, and one file (217 KB) costs it fewer module jobs (resolve, read,
// link) than the eleven chunks it shared — 196 against 224 ms of CPU a worker, to its first 30 meetings checked
// (docs/internals/performance.md, "Cold validate, sixth round").
await build({
  entryPoints: { 'parse-worker': path.join(ROOT, 'dist', 'io', 'parse-worker.js') },
  outdir: BUNDLE_DIR,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  banner: { js: "import { createRequire as __actaCreateRequire } from 'node:module'; const require = __actaCreateRequire(import.meta.url);" },
  legalComments: 'eof',
  logLevel: 'warning',
});

// Spelling dates (core/dates.ts: date-fns' format and its Spanish and English locales, 43 CommonJS modules required on
// the first date a command spells) as one CommonJS file beside the modules: required from dist/core/ and
// dist/bundle/ alike as ../date-spelling.cjs.
const spelling = await build({
  metafile: true,
  stdin: {
    contents: "module.exports = { format: require('date-fns/format').format, es: require('date-fns/locale/es').es, enUS: require('date-fns/locale/en-US').enUS };",
    resolveDir: ROOT,
    loader: 'js',
  },
  outfile: path.join(ROOT, 'dist', 'date-spelling.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  legalComments: 'eof', // a library's @license or /*! comments kept with its code
  logLevel: 'warning',
});

// The libraries copied into the bundle travel without their own folders, so their licences go with them: one file
// beside the bundle, each bundled package's name, version and licence text (MIT and the like ask for the notice to
// go with every copy).
const packages = new Map();
for (const input of [...Object.keys(bundled.metafile.inputs), ...Object.keys(spelling.metafile.inputs)]) {
  const at = input.lastIndexOf('node_modules/');
  if (at < 0) continue;
  const parts = input.slice(at + 'node_modules/'.length).split('/');
  const name = parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  packages.set(name, path.join(ROOT, input.slice(0, at), 'node_modules', name));
}
const notices = [...packages].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, dir]) => {
  const { version, license } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
  const text = file && existsSync(path.join(dir, file)) ? readFileSync(path.join(dir, file), 'utf8').trim() : `License: ${license}`;
  return `${name} ${version}\n\n${text}\n`;
});
writeFileSync(path.join(BUNDLE_DIR, 'THIRD-PARTY-LICENSES.txt'), `Libraries bundled into dist/bundle/ and dist/date-spelling.cjs by scripts/bundle.mjs, with their licences.\n\n${notices.join('\n' + '-'.repeat(78) + '\n\n')}`);
