// Part of `npm run build`: compiles the package's message catalogs (locales/<lang>/*.yaml) into dist/catalogs/<lang>.json,
// each with the hash of the YAML it was made from, so a run reads one JSON file instead of parsing eight YAML files
// (and loading the YAML parser). src/io/locales.ts uses a compiled catalog only while its hash still matches.
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compileCatalogFolder, COMPILED_CATALOGS, PACKAGE_LOCALES } from '../dist/io/locales.js';

mkdirSync(COMPILED_CATALOGS, { recursive: true });
for (const lang of readdirSync(PACKAGE_LOCALES).sort()) {
  const folder = path.join(PACKAGE_LOCALES, lang);
  if (!statSync(folder).isDirectory()) continue;
  writeFileSync(path.join(COMPILED_CATALOGS, `${lang}.json`), `${JSON.stringify(compileCatalogFolder(folder))}\n`);
}
