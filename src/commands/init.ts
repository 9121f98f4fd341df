// acta init [DIR]: a new records repository — acta.yaml, registries, an example meeting, the schemas (so editor
// modelines resolve) and a CI workflow. Writes only new files, and refuses a folder that is already in use.
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { say } from '../core/diagnostics.js';
import { SaidError, UsageError } from '../io/files.js';
import { fromCwd, runtime } from '../io/runtime.js';
import { actaOrigin, CRM_DATA_DIR, findGitTop, packageName, packageVersion, readTemplate, tarballName, vendorTarball } from '../io/scaffold.js';
import { SCHEMA_DIR } from '../io/schemas.js';
import { makeFolder, writeFileAtomic } from '../io/write.js';
import { configuredLang } from '../io/locales.js';
import { t } from '../render/catalog.js';
import { earlyLang, refuseRev, resolveLang } from './context.js';
import type { Lang } from '../core/model.js';
import type { GlobalOptions, Outcome } from './outcome.js';

export interface InitOptions extends GlobalOptions {
  readonly fromCrm?: boolean;
  readonly force?: boolean;
  /** false with --no-vendor: name the registry release even when acta runs from a checkout or a tarball. */
  readonly vendor?: boolean;
}

const REGISTRIES = ['countries', 'organisations', 'bodies', 'groups'];

export async function runInit(args: readonly string[], options: InitOptions): Promise<Outcome> {
  refuseRev(options, 'init');
  const dir = fromCwd(args[0] ?? options.root ?? '.');
  const early = earlyLang(options);
  await checkFolder(dir, Boolean(options.force), early);
  const gitTop = findGitTop(dir);
  const sub = gitTop !== undefined && path.resolve(gitTop) !== path.resolve(dir) ? path.relative(gitTop, dir).split(path.sep).join('/') : undefined;
  // Before a release, the package.json cannot name acta on the registry: the repository keeps acta's tarball itself.
  const origin = actaOrigin();
  const vendored = origin.kind === 'registry' || options.vendor === false ? undefined : `vendor/${tarballName()}`;
  const files = await plannedFiles(Boolean(options.fromCrm), vendored, sub);
  const taken = [...files.keys(), ...(vendored ? [vendored] : [])].filter((f) => existsSync(path.join(dir, f)));
  if (taken.length) throw new UsageError(t(early, 'refusals.initTaken', { dir, files: taken.join(', ') }));
  await fs.mkdir(dir, { recursive: true });
  if (vendored) await vendorTarball(origin, path.join(dir, 'vendor'), path.basename(vendored));
  for (const [file, text] of files) {
    await makeFolder(dir, path.dirname(file));
    await writeFileAtomic(dir, file, text, { exclusive: true });
  }
  const shown = path.relative(runtime().cwd, dir) || '.';
  const list = [...files.keys()].filter((f) => !f.startsWith('schemas/'));
  // The language of the repository just made (its acta.yaml), unless --lang or ACTA_LANG say otherwise.
  const lang = resolveLang(options, configuredLang(dir));
  const vendorLine = vendored ? `  ${t(lang, 'init.vendored', { file: vendored, name: packageName() })}\n` : '';
  const next = nextSteps(shown, gitTop === undefined, sub === undefined ? undefined : { sub, up: path.relative(dir, gitTop!) }, !options.fromCrm, lang)
    .map((n) => `  ${n}\n`)
    .join('');
  const schemas = t(lang, 'init.schemas', { count: files.size - list.length });
  return { stdout: `${t(lang, 'init.created', { dir: shown })}\n${list.map((f) => `  ${f}\n`).join('')}  ${schemas}\n${vendorLine}${t(lang, 'init.next')}\n${next}`, exitCode: 0 };
}

export const FIRST_COMMIT = 'git add -A && git commit -m "A records repository"';

/** The commands to run next, true for where the repository was made: `git init` only outside a git repository, a
 * word on the registries when they hold only the examples, and on moving the workflow when the records are a
 * subfolder of a repository (GitHub runs workflows only from its top). Every acta command as `npx --no acta`: never a
 * download of some other package named acta. */
export function nextSteps(shown: string, newRepository: boolean, subfolder: { sub: string; up: string } | undefined, exampleRegistries: boolean, lang: string): string[] {
  const steps = shown === '.' ? [] : [`cd ${shellWord(shown)}`];
  if (newRepository) steps.push('git init -b main');
  if (subfolder) {
    const target = shellWord(path.join(subfolder.up, '.github', 'workflows').split(path.sep).join('/'));
    steps.push(`mkdir -p ${target} && mv -n .github/workflows/acta.yml ${target}/   # ${t(lang, 'init.moveWorkflow', { sub: subfolder.sub })}`);
  }
  steps.push('npm install', 'npx --no acta validate', FIRST_COMMIT);
  if (exampleRegistries) steps.push(`# ${t(lang, 'init.exampleRegistries')}`);
  steps.push(`npx --no acta new meeting --body st --date ${t(lang, 'init.datePattern')}   # ${t(lang, 'init.firstMeeting', { example: 'meetings/2025-01-15-example.yaml' })}`);
  return steps;
}

// A path as one shell word: plain when it is safe, else single-quoted.
function shellWord(p: string): string {
  return /^[\w./@%+=:,-]+$/.test(p) ? p : `'${p.replace(/'/g, `'\\''`)}'`;
}

// A folder holding acta.yaml is refused; a non-empty one (a lone .git aside) needs --force.
async function checkFolder(dir: string, force: boolean, lang: Lang): Promise<void> {
  const stat = await fs.lstat(dir).catch(() => undefined);
  if (!stat) return;
  if (!stat.isDirectory()) throw new UsageError(t(lang, 'refusals.initNotFolder', { dir }));
  if (existsSync(path.join(dir, 'acta.yaml'))) throw new UsageError(t(lang, 'refusals.initAlreadyRecords', { dir }));
  const entries = (await fs.readdir(dir)).filter((e) => e !== '.git');
  if (entries.length && !force) throw new UsageError(t(lang, 'refusals.initNotEmpty', { dir, entries: entries.slice(0, 5).join(', '), more: entries.length > 5 ? 'yes' : 'no' }));
}

/** Every file to write, relative to the new root, with its contents. */
async function plannedFiles(fromCrm: boolean, vendored: string | undefined, sub: string | undefined): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  files.set('acta.yaml', fromCrm ? await crmFile('acta.yaml', 'schemas/config.schema.json') : readTemplate('init/acta.yaml'));
  for (const r of REGISTRIES) files.set(`registries/${r}.yaml`, fromCrm ? await crmFile(`registries/${r}.yaml`, '../schemas/registry.schema.json') : readTemplate(`init/registries/${r}.yaml`));
  files.set('meetings/2025-01-15-example.yaml', readTemplate('init/meetings/2025-01-15-example.yaml'));
  files.set('.github/workflows/acta.yml', workflowFor(readTemplate('init/github/workflows/acta.yml'), sub));
  files.set('package.json', readTemplate('init/package.json').replace('ACTA_PACKAGE', packageName()).replace('ACTA_VERSION', vendored ? `file:${vendored}` : `^${packageVersion()}`));
  files.set('.gitignore', readTemplate('init/gitignore'));
  files.set('.gitattributes', readTemplate('init/gitattributes'));
  for (const name of (await fs.readdir(SCHEMA_DIR)).filter((f) => f.endsWith('.schema.json')).sort()) files.set(`schemas/${name}`, await fs.readFile(path.join(SCHEMA_DIR, name), 'utf8'));
  return files;
}

// The bundled CRM file, its editor modeline pointed at the new repository's schemas/.
async function crmFile(file: string, schemaPath: string): Promise<string> {
  const text = await fs.readFile(path.join(CRM_DATA_DIR, file), 'utf8').catch(() => {
    throw new SaidError(say('usage.initNoBundled', { file }));
  });
  const body = text.replace(/^# yaml-language-server: \$schema=\S*\n/, '');
  return `# yaml-language-server: $schema=${schemaPath}\n${body}`;
}

/** The workflow for records in a subfolder of the repository: every job's `run:` steps there (a workflow-wide default),
 * the site's upload from there (`with: path` is not a `run:` step, so no default reaches it), and the cache keyed on
 * that folder's lock file. */
export function workflowFor(template: string, sub: string | undefined): string {
  if (sub === undefined) return template;
  const quoted = JSON.stringify(sub);
  const withDefaults = template.replace(/^jobs:$/m, `# The records are in ${sub}: every job's commands run there.\ndefaults:\n  run:\n    working-directory: ${quoted}\n\njobs:`);
  // hashFiles() takes paths from the top of the repository, not from the working directory.
  const lockFile = `${sub}/package-lock.json`.replace(/'/g, "''");
  return withDefaults.replace(/^(\s+path: )_site$/m, (_, lead: string) => `${lead}${JSON.stringify(`${sub}/_site`)}`).replaceAll("hashFiles('package-lock.json')", `hashFiles('${lockFile}')`);
}
