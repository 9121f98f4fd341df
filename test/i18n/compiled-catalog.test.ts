// The catalogs the build compiles (scripts/compile-catalogs.mjs → dist/catalogs/<lang>.json) are the YAML of locales/
// read once ahead: the same messages in the same order, used by a run only while the hash of the YAML they were made
// from still matches (an edited catalog is read from its YAML until the next build).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileCatalogFolder, PACKAGE_LOCALES, readCatalogFolder } from '../../src/io/locales.js';
import { REPO_ROOT } from '../run-acta.js';

const LANGS = ['es', 'en'] as const;
const scratch = mkdtempSync(path.join(tmpdir(), 'acta-catalogs-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('compiled catalogs', () => {
  it.each(LANGS)('%s: the compiled messages are the YAML\'s, in order', (lang) => {
    const folder = path.join(PACKAGE_LOCALES, lang);
    const fromYaml = readCatalogFolder(folder, path.join(scratch, 'none'));
    expect(compileCatalogFolder(folder).messages).toEqual([...fromYaml]);
  });

  it('a run reads the compiled form when its hash matches, and the YAML when it does not', () => {
    const folder = path.join(PACKAGE_LOCALES, 'en');
    const compiled = compileCatalogFolder(folder);
    const marked = compiled.messages.map(([k, v]) => [k, k === 'validate.error' ? 'FROM-JSON' : v] as const);
    const fresh = path.join(scratch, 'fresh');
    const stale = path.join(scratch, 'stale');
    for (const [dir, source] of [[fresh, compiled.source], [stale, '0'.repeat(64)]] as const) {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'en.json'), JSON.stringify({ source, messages: marked }));
    }
    expect(readCatalogFolder(folder, fresh).get('validate.error')).toBe('FROM-JSON');
    expect(readCatalogFolder(folder, stale).get('validate.error')).not.toBe('FROM-JSON');
    expect(readCatalogFolder(folder, stale).get('validate.error')).toBe(new Map(compiled.messages).get('validate.error'));
  });

  it.skipIf(!existsSync(path.join(REPO_ROOT, 'dist/catalogs')))('dist/catalogs is current: built from locales/ as it is now', () => {
    for (const lang of LANGS) {
      const built = JSON.parse(readFileSync(path.join(REPO_ROOT, 'dist/catalogs', `${lang}.json`), 'utf8')) as unknown;
      expect(built, `dist/catalogs/${lang}.json is stale: npm run build`).toEqual(compileCatalogFolder(path.join(PACKAGE_LOCALES, lang)));
    }
  });
});
