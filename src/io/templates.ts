// Template lookup: a records repository's templates/ overrides the package's templates/ file by file (same relative
// path); --template FILE names the main template explicitly. Templates from the records root are read like records:
// regular files only, never through a link that leads out of the root, and small.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TemplateFormat, TemplateSet, TemplateText } from '../render/report-template.js';
import { say } from '../core/diagnostics.js';
import { SaidError } from './files.js';
import { importModule } from './import-module.js';
import { fromCwd, runtime } from './runtime.js';
import { isInside } from './source.js';

/** The package's own templates (dist/io → templates, or src/io → templates under vitest). */
export const PACKAGE_TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

const MAX_BYTES = 512 * 1024;

/** The package's templates precompiled by the build for one format (scripts/compile-templates.mjs;
 * dist/templates-compiled-md.js and -html.js, absent under vitest, which runs src/: every template is then compiled at
 * run time). ACTA_COMPILED_TEMPLATES names another folder holding them — a testability hook: the test suite's
 * in-process runs (test/run-acta.ts) take the checkout's dist/, so that each run does not compile the package's
 * templates again; a spec is still used only for the exact text it was compiled from. */
export function compiledTemplatesFile(format: TemplateFormat, env: NodeJS.ProcessEnv = runtime().env): string {
  const folder = env['ACTA_COMPILED_TEMPLATES'];
  return folder ? path.join(folder, `templates-compiled-${format}.js`) : fileURLToPath(new URL(`../templates-compiled-${format}.js`, import.meta.url));
}

/** A precompiled spec's key: the SHA-256 of the whole text it was compiled from. */
export function compiledKey(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

const compiled = new Map<string, Promise<ReadonlyMap<string, object>>>();

/** The build's precompiled templates for a format (an empty map when there are none: a run from src/, or a build
 * without them); `file` names another build's. */
export function compiledTemplates(format: TemplateFormat, file = compiledTemplatesFile(format)): Promise<ReadonlyMap<string, object>> {
  let specs = compiled.get(file);
  if (!specs) compiled.set(file, (specs = importCompiled(file)));
  return specs;
}

async function importCompiled(file: string): Promise<ReadonlyMap<string, object>> {
  if (!(await exists(file))) return new Map();
  const mod = (await importModule(pathToFileURL(file).href)) as { default?: unknown };
  return mod.default instanceof Map ? (mod.default as ReadonlyMap<string, object>) : new Map();
}

/** The template with the build's compiled spec for `format` attached when its text is one the build compiled. */
function withCompiled(t: TemplateText, specs: ReadonlyMap<string, object>): TemplateText {
  const spec = specs.get(compiledKey(t.text));
  return spec ? { ...t, precompiled: spec } : t;
}

export interface TemplateLookup {
  /** The records root: its templates/ folder overrides the package's. */
  readonly root?: string;
  /** --template FILE: the main template, whatever the lookup would find. */
  readonly explicit?: string;
}

async function readTemplate(file: string, name: string, within?: string): Promise<TemplateText> {
  const real = await fs.realpath(file).catch(() => {
    throw new SaidError(say('usage.templateMissing', { name }));
  });
  if (within !== undefined && !isInside(await fs.realpath(within), real)) throw new SaidError(say('usage.templateOutside', { name }));
  const stat = await fs.stat(real);
  if (!stat.isFile()) throw new SaidError(say('usage.templateNotFile', { name }));
  if (stat.size > MAX_BYTES) throw new SaidError(say('usage.templateTooLarge', { name, size: stat.size, max: MAX_BYTES }));
  const bytes = await fs.readFile(real);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new SaidError(say('usage.templateNotUtf8', { name }));
  }
  return { name, text };
}

async function listPartials(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (sub: string): Promise<void> => {
    const entries = await fs.readdir(path.join(dir, sub), { withFileTypes: true }).catch(() => []);
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.name.startsWith('.')) continue;
      const rel = sub ? `${sub}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(rel);
      else if (e.name.endsWith('.hbs')) out.push(rel);
    }
  };
  await walk('');
  return out;
}

// The files read together (the report's ~30 partials: one after another, each read waited for this thread's turn
// between the load's messages and for the file system's threads behind the records' reads), given in `rels`' order;
// a failure is the first in that order, as reading them one by one would meet it.
async function readAll(rels: readonly string[], read: (rel: string) => Promise<TemplateText>): Promise<[string, TemplateText][]> {
  const settled = await Promise.allSettled(rels.map(read));
  return settled.map((r, i) => {
    if (r.status === 'rejected') throw r.reason;
    return [rels[i]!, r.value];
  });
}

const exists = (file: string): Promise<boolean> => fs.lstat(file).then(() => true, () => false);

/** The main template and every partial for `kind` (report, workplan) and format, overrides applied. */
export async function loadTemplateSet(kind: string, format: TemplateFormat, lookup: TemplateLookup): Promise<TemplateSet> {
  const relMain = `${kind}/${kind}.${format}.hbs`;
  const own = lookup.root ? path.join(lookup.root, 'templates') : undefined;
  let main: TemplateText;
  // Whether every text is the package's: no --template, no file under the records' templates/ for this kind.
  let packaged = false;
  if (lookup.explicit !== undefined) main = await readTemplate(fromCwd(lookup.explicit), lookup.explicit);
  else if (own && (await exists(path.join(own, relMain)))) main = await readTemplate(path.join(own, relMain), `templates/${relMain}`, lookup.root);
  else {
    main = await readTemplate(path.join(PACKAGE_TEMPLATES, relMain), `(acta) templates/${relMain}`);
    packaged = true;
  }
  const partials: Record<string, TemplateText> = {};
  const packageRels = await listPartials(path.join(PACKAGE_TEMPLATES, kind, 'partials'));
  for (const [rel, t] of await readAll(packageRels, (rel) => readTemplate(path.join(PACKAGE_TEMPLATES, kind, 'partials', rel), `(acta) templates/${kind}/partials/${rel}`))) partials[rel.replace(/\.hbs$/, '')] = t;
  if (own) {
    const ownRels = await listPartials(path.join(own, kind, 'partials'));
    if (ownRels.length) packaged = false;
    for (const [rel, t] of await readAll(ownRels, (rel) => readTemplate(path.join(own, kind, 'partials', rel), `templates/${kind}/partials/${rel}`, lookup.root))) partials[rel.replace(/\.hbs$/, '')] = t;
  }
  const specs = await compiledTemplates(format);
  const mark = packaged ? { packaged: true as const } : {};
  if (specs.size === 0) return { main, partials, ...mark };
  return { main: withCompiled(main, specs), partials: Object.fromEntries(Object.entries(partials).map(([name, t]) => [name, withCompiled(t, specs)])), ...mark };
}
