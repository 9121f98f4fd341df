// acta init [DIR]: a new records repository — acta.yaml, registries, an example meeting, the schemas (so editor
// modelines resolve) and a CI workflow. Writes only new files, and refuses a folder that is already in use.
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../io/files.js';
import { fromCwd, runtime } from '../io/runtime.js';
import { CRM_DATA_DIR, findGitTop, packageName, packageVersion, readTemplate } from '../io/scaffold.js';
import { SCHEMA_DIR } from '../io/schemas.js';
import { makeFolder, writeFileAtomic } from '../io/write.js';
import type { GlobalOptions, Outcome } from './outcome.js';

export interface InitOptions extends GlobalOptions {
  readonly fromCrm?: boolean;
  readonly force?: boolean;
}

const REGISTRIES = ['countries', 'organisations', 'bodies', 'groups'];

export async function runInit(args: readonly string[], options: InitOptions): Promise<Outcome> {
  if (options.rev !== undefined) throw new UsageError('acta init writes files: --rev is for read-only commands');
  const dir = fromCwd(args[0] ?? options.root ?? '.');
  await checkFolder(dir, Boolean(options.force));
  const files = await plannedFiles(Boolean(options.fromCrm));
  const taken = [...files.keys()].filter((f) => existsSync(path.join(dir, f)));
  if (taken.length) throw new UsageError(`${dir} already has ${taken.join(', ')}: acta init writes only new files, so nothing was written`);
  await fs.mkdir(dir, { recursive: true });
  for (const [file, text] of files) {
    await makeFolder(dir, path.dirname(file));
    await writeFileAtomic(dir, file, text, { exclusive: true });
  }
  const shown = path.relative(runtime().cwd, dir) || '.';
  const list = [...files.keys()].filter((f) => !f.startsWith('schemas/'));
  const next = nextSteps(shown, dir, findGitTop(dir)).map((n) => `  ${n}\n`).join('');
  return { stdout: `created a records repository in ${shown}:\n${list.map((f) => `  ${f}\n`).join('')}  schemas/ (${files.size - list.length} JSON Schemas, for editors)\nnext:\n${next}`, exitCode: 0 };
}

export const FIRST_COMMIT = 'git add -A && git commit -m "A records repository"';

/** The commands to run next, true for where the repository was made: no `git init` inside a git repository, and a
 * word on the workflow when the records are not at the repository's top (GitHub runs workflows only from there). */
export function nextSteps(shown: string, dir: string, gitTop: string | undefined): string[] {
  const steps = shown === '.' ? [] : [`cd ${shellWord(shown)}`];
  if (gitTop === undefined) steps.push('git init -b main');
  steps.push('npm install', 'npx acta validate', FIRST_COMMIT);
  steps.push('npx acta new meeting --body st --date YYYY-MM-DD   # your first meeting; then git rm meetings/2025-01-15-example.yaml');
  if (gitTop !== undefined && path.resolve(gitTop) !== path.resolve(dir)) {
    const sub = path.relative(gitTop, dir).split(path.sep).join('/');
    steps.push(`# GitHub runs workflows only from ${path.join(path.relative(dir, gitTop) || '.', '.github/workflows')}/: move ${path.join('.github', 'workflows', 'acta.yml')} there and add \`defaults: { run: { working-directory: ${sub} } }\` to its job`);
  }
  return steps;
}

// A path as one shell word: plain when it is safe, else single-quoted.
function shellWord(p: string): string {
  return /^[\w./@%+=:,-]+$/.test(p) ? p : `'${p.replace(/'/g, `'\\''`)}'`;
}

// A folder holding acta.yaml is refused; a non-empty one (a lone .git aside) needs --force.
async function checkFolder(dir: string, force: boolean): Promise<void> {
  const stat = await fs.lstat(dir).catch(() => undefined);
  if (!stat) return;
  if (!stat.isDirectory()) throw new UsageError(`${dir} exists and is not a folder`);
  if (existsSync(path.join(dir, 'acta.yaml'))) throw new UsageError(`${dir} is already a records repository (it has acta.yaml)`);
  const entries = (await fs.readdir(dir)).filter((e) => e !== '.git');
  if (entries.length && !force) throw new UsageError(`${dir} is not empty (${entries.slice(0, 5).join(', ')}${entries.length > 5 ? ', …' : ''}): use an empty folder, or --force to add acta's files beside what is there (existing files are never overwritten)`);
}

/** Every file to write, relative to the new root, with its contents. */
async function plannedFiles(fromCrm: boolean): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  files.set('acta.yaml', fromCrm ? await crmFile('acta.yaml', 'schemas/config.schema.json') : readTemplate('init/acta.yaml'));
  for (const r of REGISTRIES) files.set(`registries/${r}.yaml`, fromCrm ? await crmFile(`registries/${r}.yaml`, '../schemas/registry.schema.json') : readTemplate(`init/registries/${r}.yaml`));
  files.set('meetings/2025-01-15-example.yaml', readTemplate('init/meetings/2025-01-15-example.yaml'));
  files.set('.github/workflows/acta.yml', readTemplate('init/github/workflows/acta.yml'));
  files.set('package.json', readTemplate('init/package.json').replace('ACTA_PACKAGE', packageName()).replace('ACTA_VERSION', `^${packageVersion()}`));
  files.set('.gitignore', readTemplate('init/gitignore'));
  files.set('.gitattributes', readTemplate('init/gitattributes'));
  for (const name of (await fs.readdir(SCHEMA_DIR)).filter((f) => f.endsWith('.schema.json')).sort()) files.set(`schemas/${name}`, await fs.readFile(path.join(SCHEMA_DIR, name), 'utf8'));
  return files;
}

// The bundled CRM file, its editor modeline pointed at the new repository's schemas/.
async function crmFile(file: string, schemaPath: string): Promise<string> {
  const text = await fs.readFile(path.join(CRM_DATA_DIR, file), 'utf8').catch(() => {
    throw new UsageError(`--from-crm: this installation of acta has no bundled ${file}`);
  });
  const body = text.replace(/^# yaml-language-server: \$schema=\S*\n/, '');
  return `# yaml-language-server: $schema=${schemaPath}\n${body}`;
}
