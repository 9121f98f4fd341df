// Writes src/render/catalog-keys.ts: the sections and keys of the English catalog (locales/en/*.yaml) as types, so
// t(lang, 'section.key') and section(lang, 'name') are checked by the compiler. Run after adding a key:
//   node scripts/catalog-keys.mjs      (or ACTA_CATALOG_UPDATE=1 npx vitest run test/i18n)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const KEYS_FILE = `${ROOT}src/render/catalog-keys.ts`;

function flatten(node, at, out) {
  if (typeof node === 'string') out.push(at.join('.'));
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) flatten(v, [...at, k], out);
}

/** The text catalog-keys.ts should hold for the catalog in `folder`. */
export function catalogKeysSource(folder = `${ROOT}locales/en`) {
  const keys = [];
  for (const f of readdirSync(folder).filter((f) => f.endsWith('.yaml')).sort()) flatten(parse(readFileSync(`${folder}/${f}`, 'utf8')), [], keys);
  const sections = new Map();
  for (const k of keys) {
    const [s, ...rest] = k.split('.');
    sections.set(s, [...(sections.get(s) ?? []), rest.join('.')]);
  }
  const lines = [...sections].map(([s, ks]) => `  readonly ${JSON.stringify(s)}: ${ks.map((k) => `'${k}'`).join(' | ')};`);
  return [
    '// Generated from locales/en/*.yaml by scripts/catalog-keys.mjs: do not edit (add the key to the catalogs, then run',
    '// `node scripts/catalog-keys.mjs` or `ACTA_CATALOG_UPDATE=1 npx vitest run test/i18n`).',
    '/** Every section of the catalogs and the keys it holds. */',
    'export interface Sections {',
    ...lines,
    '}',
    '',
    "/** 'section.key': every message a catalog holds. */",
    'export type MessageKey = { [S in keyof Sections]: `${S & string}.${Sections[S]}` }[keyof Sections];',
    '',
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeFileSync(KEYS_FILE, catalogKeysSource());
