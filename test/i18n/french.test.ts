// A third language costs one folder: a French catalog for the statement's words (a test fixture, not shipped), picked
// with --lang fr once ACTA_LOCALES names the folder that holds it; keys it lacks fall back to English.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runActa } from '../run-acta.js';

const LOCALES = path.resolve('test/fixtures/i18n-fr/locales');
const statement = (lang: string, env: Record<string, string> = {}) => runActa(['statement', 'MX', '--as-of', '2017-08-01', '--root', 'data', '--lang', lang], { env });

describe('a French catalog in a folder of its own', () => {
  it('renders the statement in French: its words, its column words, its dates', async () => {
    const r = await statement('fr', { ACTA_LOCALES: LOCALES });
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot('../golden/statement/mx.fr.txt');
    expect(r.stdout).toMatch(/^Relevé des engagements — .* au 1 août 2017\n/);
    expect(r.stdout).toContain('En retard 4 · Échéances prochaines 0');
    expect(r.stdout).toMatch(/│ Échéance\s+│ Jours de\s+│ Engagement/);
    // Record text is in Spanish or English: shown as recorded, marked with its language.
    expect(r.stdout).toContain('[es]');
  });

  it('without the folder, --lang fr is refused with the languages acta has', async () => {
    const r = await statement('fr');
    expect(r.code).toBe(2);
    // Said in the language acta falls back to (Spanish), or in English when ACTA_LANG asks for it.
    expect(r.stderr).toBe('acta: --lang fr: no hay catálogo de mensajes para ese idioma (acta tiene: en, es)\n');
    expect((await statement('fr', { ACTA_LANG: 'en' })).stderr).toBe('acta: --lang fr: no message catalog for that language (acta has: en, es)\n');
  });
});
