// Part of `npm run build`: compiles the package's report, workplan and statement templates (templates/**/*.hbs, not
// init/) into dist/templates-compiled-md.js and -html.js — Handlebars' precompiled spec of each for that format, keyed by
// the SHA-256 of the template's whole text — so a run does not compile them (a third of a second of `report`). src/io/templates.ts uses
// a spec only for a text equal to the one it was made from: an edited template, or a records repository's own, is
// compiled at run time as before. Options: src/render/report-template.ts templateOptions, the same at run time.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { templateOptions } from '../dist/render/report-template.js';
import { compiledKey, compiledTemplatesFile, PACKAGE_TEMPLATES } from '../dist/io/templates.js';

function walk(dir, rel = '') {
  const out = [];
  for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const sub = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...walk(dir, sub));
    else if (e.name.endsWith('.hbs')) out.push(sub);
  }
  return out;
}

const files = walk(PACKAGE_TEMPLATES).filter((r) => !r.startsWith('init/'));
for (const format of ['md', 'html']) {
  const entries = [];
  for (const rel of files) {
    // Partials are loaded for either format; a main template only for the format its name says.
    const main = rel.includes('/partials/') ? null : /\.(md|html)\.hbs$/.exec(rel);
    if (main && main[1] !== format) continue;
    // As src/io/templates.ts reads it: UTF-8, without a byte-order mark.
    const text = readFileSync(path.join(PACKAGE_TEMPLATES, rel), 'utf8').replace(/^\uFEFF/, '');
    entries.push(`  // ${rel}\n  [${JSON.stringify(compiledKey(text))}, ${Handlebars.precompile(text, templateOptions(format))}],`);
  }
  writeFileSync(compiledTemplatesFile(format), `// Made by scripts/compile-templates.mjs (npm run build): do not edit.\nexport default new Map([\n${entries.join('\n')}\n]);\n`);
}
