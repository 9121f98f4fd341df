// The catalogs are whole: every key in both languages with the same parameters, every message renders with sample
// parameters and leaves no placeholder, plural forms hold for 0, 1, 2, 21 and 1,000, and the typed key list is current.
import { readFileSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse, TYPE } from '@formatjs/icu-messageformat-parser';
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { PACKAGE_LOCALES, readCatalogFolder } from '../../src/io/locales.js';
import { message, t } from '../../src/render/catalog.js';
import { ALL_CODES } from '../../src/core/diagnostics.js';
import { diagnosticText } from '../../src/render/diagnostic-text.js';
import { REPO_ROOT } from '../run-acta.js';
import { diagnosticsDoc } from './diagnostics-doc.js';
// @ts-expect-error: a plain .mjs script without types
import { catalogKeysSource, KEYS_FILE } from '../../scripts/catalog-keys.mjs';

const LANGS = ['es', 'en'] as const;
const catalogs = Object.fromEntries(LANGS.map((l) => [l, readCatalogFolder(`${PACKAGE_LOCALES}${l}`)])) as Record<(typeof LANGS)[number], ReadonlyMap<string, string>>;

type Arg = { name: string; kind: 'text' | 'number' | 'select'; options?: string[] };
/** The arguments a message takes, with how it uses them (plural → number, select → its options). */
export function argumentsOf(text: string): Map<string, Arg> {
  const out = new Map<string, Arg>();
  const walk = (els: MessageFormatElement[]): void => {
    for (const el of els) {
      if (el.type === TYPE.argument) out.set(el.value, out.get(el.value) ?? { name: el.value, kind: 'text' });
      else if (el.type === TYPE.number || el.type === TYPE.plural) {
        out.set(el.value, { name: el.value, kind: 'number' });
        if (el.type === TYPE.plural) for (const o of Object.values(el.options)) walk(o.value);
      } else if (el.type === TYPE.select) {
        out.set(el.value, { name: el.value, kind: 'select', options: Object.keys(el.options) });
        for (const o of Object.values(el.options)) walk(o.value);
      } else if (el.type === TYPE.tag) walk(el.children);
    }
  };
  walk(parse(text));
  return out;
}

function sample(args: Map<string, Arg>, n = 3): Record<string, string | number> {
  return Object.fromEntries([...args.values()].map((a) => [a.name, a.kind === 'number' ? n : a.kind === 'select' ? (a.options!.find((o) => o !== 'other') ?? 'other') : `«${a.name}»`]));
}

describe('the catalogs', () => {
  it('hold the same keys in Spanish and English', () => {
    expect([...catalogs.es.keys()].sort()).toEqual([...catalogs.en.keys()].sort());
  });

  it('give each message the same parameters, used the same way, in both languages', () => {
    for (const [key, es] of catalogs.es) {
      const en = catalogs.en.get(key);
      if (en === undefined) continue;
      const [a, b] = [argumentsOf(es), argumentsOf(en)];
      const shape = (m: Map<string, Arg>) => Object.fromEntries([...m].map(([k, v]) => [k, v.kind])).valueOf();
      expect({ key, args: shape(a) }).toEqual({ key, args: shape(b) });
    }
  });

  it('render every message with sample parameters, leaving no placeholder', () => {
    for (const lang of LANGS)
      for (const [key, text] of catalogs[lang]) {
        const args = argumentsOf(text);
        for (const [name] of args) expect(text).toContain(name);
        for (const n of [0, 1, 2]) {
          const out = message(lang, key, sample(args, n))!;
          expect(out, `${lang} ${key}`).not.toMatch(/[{}]|undefined|NaN/);
          for (const a of args.values()) if (a.kind === 'text') expect(out, `${lang} ${key} shows {${a.name}}`).toContain(`«${a.name}»`);
        }
      }
  });

  it('say "1 compromiso", "2 compromisos", "0 compromisos" (and 21, 1,000) in the right form', () => {
    const forms: Record<number, [string, string]> = { 0: ['0 compromisos.', '0 commitments.'], 1: ['1 compromiso.', '1 commitment.'], 2: ['2 compromisos.', '2 commitments.'], 21: ['21 compromisos.', '21 commitments.'], 1000: ['1000 compromisos.', '1,000 commitments.'], 12345: ['12.345 compromisos.', '12,345 commitments.'] };
    for (const [n, [es, en]] of Object.entries(forms)) {
      expect(t('es', 'counts.commitments', { count: Number(n) })).toBe(es);
      expect(t('en', 'counts.commitments', { count: Number(n) })).toBe(en);
    }
  });

  it('pluralise by the number: one form for 1, the other for 0, 2, 21, 1,000 and any other count (fixed seed)', () => {
    const plurals = [...catalogs.es].filter(([, text]) => [...argumentsOf(text).values()].some((a) => a.kind === 'number'));
    expect(plurals.length).toBeGreaterThan(10);
    fc.assert(
      fc.property(fc.constantFrom(...plurals.map(([k]) => k)), fc.oneof(fc.constantFrom(0, 1, 2, 21, 1000), fc.integer({ min: 0, max: 100_000 })), (key, n) => {
        for (const lang of LANGS) {
          const text = catalogs[lang].get(key)!;
          const params = sample(argumentsOf(text), n);
          const out = message(lang, key, params)!;
          const shown = new Intl.NumberFormat(lang).format(n);
          // The singular noun never follows a number other than 1, and the number is written the language's way.
          if (n !== 1) expect(out, `${lang} ${key} ${n}`).not.toMatch(new RegExp(`(^|\\D)${shown.replace(/[.,]/g, '\\$&')} (día|compromiso|acuerdo|reunión|day|commitment|agreement|meeting)\\b(?!s)`));
          // Every count but 1 is written out (1 may be a word: "el próximo día"), and 0 unless it has its own sentence.
          if (n !== 1 && (!/=0/.test(text) || n !== 0)) expect(out, `${lang} ${key} ${n}`).toContain(shown);
        }
      }),
      { seed: 20, numRuns: 200 },
    );
  });

  it('give every diagnostic code a title, a message and a hint in both languages, and every variant a message', () => {
    for (const code of ALL_CODES)
      for (const lang of LANGS) {
        for (const part of ['title', 'message', 'hint']) expect(catalogs[lang].has(`diagnostics.${code}.${part}`), `${lang} ${code}.${part}`).toBe(true);
        expect(catalogs[lang].get(`diagnostics.${code}.message`), `${lang} ${code}`).not.toBe('');
      }
    for (const [key] of catalogs.en) {
      const m = /^diagnostics\.([a-z-]+\/[a-z-]+)\.([A-Za-z0-9]+)\.hint$/.exec(key);
      if (m) expect(catalogs.en.has(`diagnostics.${m[1]}.${m[2]}.message`), key).toBe(true);
    }
    for (const key of catalogs.en.keys()) if (key.startsWith('diagnostics.')) expect(ALL_CODES as readonly string[], key).toContain(key.split('.')[1]);
  });

  it('render every diagnostic of every code with sample parameters in both languages, no placeholder left', () => {
    for (const code of ALL_CODES) {
      const variants = [undefined, ...new Set([...catalogs.en.keys()].filter((k) => k.startsWith(`diagnostics.${code}.`) && k.split('.').length === 4).map((k) => k.split('.')[2]!))];
      for (const variant of variants) {
        const text = catalogs.en.get(`diagnostics.${code}${variant ? `.${variant}` : ''}.message`)!;
        const hints = [`diagnostics.${code}.hint`, `diagnostics.${code}.${variant}.hint`].map((k) => catalogs.en.get(k) ?? '');
        const params = sample(new Map([...argumentsOf(text), ...hints.flatMap((h) => [...argumentsOf(h)])]));
        for (const lang of LANGS) {
          const out = diagnosticText({ code, ...(variant ? { variant } : {}), params }, lang);
          expect(`${out.message} ${out.hint ?? ''}`, `${lang} ${code} ${variant ?? ''}`).not.toMatch(/[{}]|undefined|NaN/);
        }
      }
    }
  });

  it('are listed in docs/reference/diagnostics.md as they are (generated)', () => {
    const want = diagnosticsDoc(catalogs.es, catalogs.en);
    const file = `${REPO_ROOT}/docs/reference/diagnostics.md`;
    if (process.env['ACTA_CATALOG_UPDATE']) writeFileSync(file, want);
    expect(readFileSync(file, 'utf8'), 'run ACTA_CATALOG_UPDATE=1 npx vitest run test/i18n').toBe(want);
  });

  it('have their typed key list (src/render/catalog-keys.ts) current', () => {
    const want = catalogKeysSource() as string;
    if (process.env['ACTA_CATALOG_UPDATE']) writeFileSync(KEYS_FILE, want);
    expect(readFileSync(KEYS_FILE, 'utf8'), 'run ACTA_CATALOG_UPDATE=1 npx vitest run test/i18n').toBe(want);
  });
});
