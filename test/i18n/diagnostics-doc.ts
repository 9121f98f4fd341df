// docs/reference/diagnostics.md, made from the catalogs: every code with its severity, and its title, message(s) and
// hint(s) in Spanish and English as locales/<lang>/diagnostics.yaml hold them ({name} is a parameter of the case).
import { ALL_CODES, defaultSeverity } from '../../src/core/diagnostics.js';
import type { CatalogMessages } from '../../src/io/locales.js';

const cell = (s: string | undefined): string => (s === undefined || s === '' ? '—' : s.replace(/\|/g, '\\|').replace(/\n/g, ' '));

export function diagnosticsDoc(es: CatalogMessages, en: CatalogMessages): string {
  const out = [
    '# Diagnostics',
    '',
    '<!-- Generated from locales/es/diagnostics.yaml and locales/en/diagnostics.yaml by test/i18n/diagnostics-doc.ts:',
    '     do not edit here; edit the catalogs, then run `ACTA_CATALOG_UPDATE=1 npx vitest run test/i18n`. -->',
    '',
    'Every problem `acta validate` (and every command that reads the records) can report, by its code. The code never',
    'changes with the language; the message and the hint (how to fix it) are printed in the language chosen with',
    '`--lang`, `ACTA_LANG` or `lang:` in acta.yaml (Spanish by default). `{name}` stands for a detail of the case: the',
    "value, the field, the file; a code with several messages lists each (the variant's name in brackets). The JSON",
    'format gives the same details as `params`, so tools need not read the words. See also [the i18n notes](../i18n.md).',
    '',
    '| code | severity | título | title |',
    '| --- | --- | --- | --- |',
    ...ALL_CODES.map((code) => `| [\`${code}\`](#${anchor(code)}) | ${defaultSeverity(code)} | ${cell(es.get(`diagnostics.${code}.title`))} | ${cell(en.get(`diagnostics.${code}.title`))} |`),
    '',
  ];
  for (const code of ALL_CODES) {
    const prefix = `diagnostics.${code}.`;
    const rows: string[] = [];
    for (const key of [...en.keys()].filter((k) => k.startsWith(prefix) && !k.endsWith('.title'))) {
      const rest = key.slice(prefix.length).split('.');
      const what = rest.length === 1 ? rest[0]! : `${rest[1]} [${rest[0]}]`;
      rows.push(`| ${what} | ${cell(es.get(key))} | ${cell(en.get(key))} |`);
    }
    out.push(`## \`${code}\``, '', `${defaultSeverity(code)} — ${cell(en.get(`${prefix}title`))}`, '', '| | español | English |', '| --- | --- | --- |', ...rows, '');
  }
  return out.join('\n');
}

// GitHub's heading anchors: lower case, punctuation dropped (the slash of a code too), spaces as hyphens.
function anchor(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
}
