// Part of `npm run build`, after tsc: bundles dist/cli.js (and the workers) into dist/bundle/, what bin/acta.js runs.
// Why: loading validate's ~110 small ES modules one by one (resolve, read, compile, link each) cost ~190 ms of CPU on
// Node 20, measured alone (docs/internals/performance.md, "Start-up: one bundle"); the same code in one file loads in a
// fraction of that.
//
// Each bundle is ONE CommonJS file (dist/bundle/package.json says so for the folder), because Node 20 can keep V8's
// compiled code only for CommonJS (vm.Script's cachedData; an ES module's, through vm.SourceTextModule, needs a flag):
// scripts/code-cache.mjs then runs the commands once and keeps their bytecode beside each file (FILE.v8), and
// bin/acta.js and the workers load through dist/bundle/code-cache.js (src/io/code-cache.ts), which compiles nothing
// the build compiled ("Start-up: V8's code cache" in docs/internals/performance.md). A command's modules still
// evaluate only when it imports them: esbuild keeps each lazily imported module behind an init function.
//
// The bundle sits one folder below dist/, as every module it is made from (dist/io/…, dist/core/…), so the paths
// they take from import.meta.url (../../locales/, ../validators.cjs, ../catalogs/, ./parse-worker.js) lead to the
// same places. dist/*/ stays as tsc wrote it: the build scripts and some tests import it; the package does not ship
// it (package.json `files`: dist/bundle/ and the files beside dist/*/ that it reads).
//
// Bundled: the small libraries on every run's path (commander, js-yaml, date-fns, chalk, intl-messageformat, …), which
// are therefore devDependencies: an install of acta does not write them again (date-fns alone is 5,136 files).
// Left to node_modules (external), acta's only `dependencies`: what acta loads by require() at run time or shares
// between modules by identity — ajv (the precompiled validators require its runtime), handlebars (the precompiled
// templates import it), and the large ones only a few commands load (docx, mammoth, minisearch): nothing gained by
// copying them into dist/. A library imported by the code but in neither list fails the build (below).
//
// The yaml library is neither: bundled on its own into dist/yaml.cjs (one CommonJS file beside the modules, as the date
// spelling is), which every bundle requires where the code says `yaml` — one instance for every yaml node, loaded only
// when a command needs it (core/read/yaml-library.ts; validate's fast path never does). Its own 72 modules were loaded
// from node_modules and compiled cold by every write command (done, extend, status, new, fmt, import: 58–93 ms to
// require); one file under dist/ is compiled through the code cache as the bundle is (9–12 ms). The first parse stays
// as dear (75–120 ms: cold code's feedback, which a code cache does not keep).
// So yaml is a devDependency: the installed package has it in dist/yaml.cjs.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { asciiOnly } from './ascii-only.mjs';
import { JS_YAML_FILE, patchJsYaml } from './js-yaml-patch.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE_DIR = path.join(ROOT, 'dist', 'bundle');
export const EXTERNAL = ['ajv', 'ajv/*', 'handlebars', 'handlebars/*', 'docx', 'docx/*', 'mammoth', 'minisearch'];

rmSync(BUNDLE_DIR, { recursive: true, force: true });
mkdirSync(BUNDLE_DIR, { recursive: true });
writeFileSync(path.join(BUNDLE_DIR, 'package.json'), '{ "type": "commonjs" }\n');

// import.meta.url, the one ES module feature the sources use, is the bundle file's own URL (as it was in the ES module
// bundle: every module it holds sat one folder below dist/ too).
// io/import-module.js (the one import() of a file named at run time) stays a file of its own beside the bundles, required
// by them: code compiled from V8's code cache has no import() on Node 20 (src/io/import-module.ts).
const OWN_FILE = {
  name: 'import-module',
  setup(b) {
    b.onResolve({ filter: /[/\\]import-module\.js$/ }, () => ({ path: './import-module.js', external: true }));
  },
};
// js-yaml copied in with one allocation moved past an early return (scripts/js-yaml-patch.mjs says why; the build
// fails there if the code to change is not found).
// `yaml` in a bundle is dist/yaml.cjs (above): the static imports (core/format, core/edit, core/import) by name, and
// core/read/yaml-library.ts's lazy require (createRequire: esbuild does not follow it) by its one string, changed here
// (the build fails if it is not found once).
const YAML_FILE = '../yaml.cjs';
const YAML_LIBRARY = /[/\\]core[/\\]read[/\\]yaml-library\.js$/;
let yamlLibraryPatched = 0;
const YAML = {
  name: 'yaml-file',
  setup(b) {
    b.onResolve({ filter: /^yaml$/ }, () => ({ path: YAML_FILE, external: true }));
    b.onLoad({ filter: YAML_LIBRARY }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const found = source.split(`('yaml')`).length - 1;
      if (found !== 1) throw new Error(`scripts/bundle.mjs: ${path.relative(ROOT, args.path)} requires 'yaml' ${found} times, not once`);
      yamlLibraryPatched++;
      return { contents: source.replace(`('yaml')`, `(${JSON.stringify(YAML_FILE)})`), loader: 'js' };
    });
  },
};
let jsYamlPatched = 0;
const JS_YAML = {
  name: 'js-yaml-patch',
  setup(b) {
    b.onLoad({ filter: JS_YAML_FILE }, (args) => {
      jsYamlPatched++;
      return { contents: patchJsYaml(readFileSync(args.path, 'utf8')), loader: 'js' };
    });
  },
};
const COMMONJS = {
  bundle: true,
  plugins: [OWN_FILE, JS_YAML, YAML],
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  define: { 'import.meta.url': '__actaModuleUrl' },
  banner: { js: "const __actaModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  legalComments: 'eof', // a library's @license or /*! comments kept with its code
  logLevel: 'warning',
  metafile: true,
};

// The command line and the two workers, each one file. A worker is a new Node environment that loads its modules
// again; one file (the parse worker: 217 KB) costs it fewer module jobs than chunks shared with cli.js did — 196
// against 224 ms of CPU a worker, to its first 30 meetings checked (docs/internals/performance.md, "Cold validate,
// sixth round"). The workers' entry files (parse-worker.js, …) are the few lines below, which load the code
// (parse-worker.code.js) through the code cache.
const ENTRIES = { cli: 'cli.js', 'parse-worker': 'io/parse-worker.js', 'site-writer': 'io/site-writer.js' };
const WORKERS = Object.keys(ENTRIES).filter((name) => name !== 'cli');
const builds = await Promise.all([
  build({ ...COMMONJS, entryPoints: { cli: path.join(ROOT, 'dist', ENTRIES.cli) }, outdir: BUNDLE_DIR }),
  ...WORKERS.map((name) => build({ ...COMMONJS, entryPoints: { [`${name}.code`]: path.join(ROOT, 'dist', ENTRIES[name]) }, outdir: BUNDLE_DIR })),
  ...['code-cache', 'import-module'].map((name) => build({ ...COMMONJS, plugins: [], banner: {}, define: {}, external: [], entryPoints: { [name]: path.join(ROOT, 'dist', 'io', `${name}.js`) }, outdir: BUNDLE_DIR })),
]);
// Any other import() left in a bundle would fail there at run time (code from the cache): the build says so now.
for (const name of Object.keys(ENTRIES)) {
  const file = path.join(BUNDLE_DIR, `${name === 'cli' ? name : `${name}.code`}.js`);
  const left = readFileSync(file, 'utf8').match(/(?<![\w$.])import\((?!\))/g);
  if (left) throw new Error(`scripts/bundle.mjs: ${path.relative(ROOT, file)} keeps ${left.length} import() of a file named at run time; import it through io/import-module.ts`);
}
// In ASCII (scripts/ascii-only.mjs): node then reads each as Latin-1, one byte a character.
for (const name of Object.keys(ENTRIES)) {
  const file = path.join(BUNDLE_DIR, `${name === 'cli' ? name : `${name}.code`}.js`);
  writeFileSync(file, asciiOnly(readFileSync(file, 'utf8'), path.relative(ROOT, file)));
}
for (const name of WORKERS) {
  writeFileSync(
    path.join(BUNDLE_DIR, `${name}.js`),
    `// A worker's entry: its code (${name}.code.js) through V8's code cache (scripts/bundle.mjs, src/io/code-cache.ts).\n` +
      `const path = require('node:path');\nrequire('./code-cache.js').requireCached(path.join(__dirname, '${name}.code.js'), path.join(__dirname, '..'));\n`,
  );
}
const bundled = { metafile: { inputs: Object.assign({}, ...builds.map((b) => b.metafile.inputs)) } };
// The split between the bundle and node_modules is package.json's: every library a bundle leaves to node_modules is a
// dependency (the installed package has nothing else), and every dependency is one a bundle leaves there (a bundled
// one installed too would be written for nothing on every install).
const { dependencies = {} } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const packageOf = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
const leftOut = new Set(
  builds.flatMap((b) => Object.values(b.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external && !/^(node:|\.)/.test(i.path) && !builtinModules.includes(i.path)).map((i) => packageOf(i.path)))),
);
const notDependencies = [...leftOut].filter((name) => !(name in dependencies));
const notLeftOut = Object.keys(dependencies).filter((name) => !leftOut.has(name) && !EXTERNAL.includes(name));
if (notDependencies.length || notLeftOut.length) {
  throw new Error(`scripts/bundle.mjs: the bundles require ${notDependencies.join(', ') || 'nothing'} from node_modules without package.json's dependencies naming it; dependencies ${notLeftOut.join(', ') || 'none'} not left external (EXTERNAL)`);
}
// Every bundle that holds js-yaml got it through the patch (a js-yaml found by another path would go in unchanged).
const withJsYaml = builds.filter((b) => Object.keys(b.metafile.inputs).some((input) => /node_modules\/js-yaml\//.test(input))).length;
if (withJsYaml === 0 || Object.keys(bundled.metafile.inputs).some((input) => /node_modules\/js-yaml\//.test(input) && !JS_YAML_FILE.test(input)) || jsYamlPatched !== withJsYaml) {
  throw new Error(`scripts/bundle.mjs: js-yaml bundled ${withJsYaml} times, patched ${jsYamlPatched} (scripts/js-yaml-patch.mjs)`);
}
// And the yaml library in none of them: every bundle that holds yaml-library.js requires dist/yaml.cjs through it.
const withYamlLibrary = builds.filter((b) => Object.keys(b.metafile.inputs).some((input) => YAML_LIBRARY.test(input))).length;
if (withYamlLibrary === 0 || yamlLibraryPatched !== withYamlLibrary || Object.keys(bundled.metafile.inputs).some((input) => /node_modules\/yaml\//.test(input))) {
  throw new Error(`scripts/bundle.mjs: yaml-library.js in ${withYamlLibrary} bundles, its require changed in ${yamlLibraryPatched}; the yaml library must stay out of them (dist/yaml.cjs)`);
}

// Spelling dates (core/dates.ts: src/date-spelling.cjs, date-fns' format and its Spanish and English locales, 43
// CommonJS modules required on the first date a command spells) as one CommonJS file beside the modules: required from
// dist/core/ and dist/bundle/ alike as ../date-spelling.cjs.
const spelling = await build({
  metafile: true,
  entryPoints: [path.join(ROOT, 'src', 'date-spelling.cjs')],
  outfile: path.join(ROOT, 'dist', 'date-spelling.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  legalComments: 'eof', // a library's @license or /*! comments kept with its code
  logLevel: 'warning',
});
const spellingFile = path.join(ROOT, 'dist', 'date-spelling.cjs');
writeFileSync(spellingFile, asciiOnly(readFileSync(spellingFile, 'utf8'), 'dist/date-spelling.cjs'));

// The yaml library (its CommonJS build, the one node's `require('yaml')` loads: 72 modules) as one CommonJS file beside
// the modules, dist/yaml.cjs, required by the bundles (above) as ../yaml.cjs and compiled through the code cache.
const yamlFile = path.join(ROOT, 'dist', 'yaml.cjs');
const yamlBuild = await build({
  metafile: true,
  entryPoints: [createRequire(import.meta.url).resolve('yaml')],
  outfile: yamlFile,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  legalComments: 'eof',
  logLevel: 'warning',
});
writeFileSync(yamlFile, asciiOnly(readFileSync(yamlFile, 'utf8'), 'dist/yaml.cjs'));

// The libraries copied into the bundle travel without their own folders, so their licences go with them: one file
// beside the bundle, each bundled package's name, version and licence text (MIT and the like ask for the notice to
// go with every copy).
const packages = new Map();
for (const input of [...Object.keys(bundled.metafile.inputs), ...Object.keys(spelling.metafile.inputs), ...Object.keys(yamlBuild.metafile.inputs)]) {
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
writeFileSync(path.join(BUNDLE_DIR, 'THIRD-PARTY-LICENSES.txt'), `Libraries bundled into dist/bundle/, dist/date-spelling.cjs and dist/yaml.cjs by scripts/bundle.mjs, with their licences.\n\n${notices.join('\n' + '-'.repeat(78) + '\n\n')}`);
