// The catalogs' messages without ICU's number data where they do not need it (src/render/message-format.ts): the same
// text as intl-messageformat's own formatters give, for every whole number the light path writes and for the numbers,
// styles and languages it leaves to ICU; the same locale as its resolveLocale; and validate's summary line made
// without one Intl.NumberFormat (a new process, its Intl.NumberFormat counted).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { messageFormat } from '../../src/render/message-format.js';
import { BIN, REPO_ROOT } from '../run-acta.js';

const TEXT = '{n, plural, one {# archivo} other {# archivos}} · {n, number} · {n, number, integer} · {n, number, percent}';

describe('messages without ICU number data', () => {
  it('writes whole numbers as ICU does, in Spanish and English (grouped as ICU groups them)', () => {
    // Every number to 20,000 (one to five digits), the numbers around each power of ten to the largest safe integer,
    // and 2,000 random ones of 6 to 16 digits (a fixed seed: a linear congruential generator). Mismatches are
    // gathered and compared once (an expect per number is most of the test's time).
    let seed = 20261207;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const numbers: number[] = [];
    for (let n = 0; n <= 20_000; n++) numbers.push(n);
    for (let p = 5; p <= 15; p++) for (let d = -10; d <= 10; d++) numbers.push(10 ** p + d);
    numbers.push(Number.MAX_SAFE_INTEGER);
    for (let k = 0; k < 2000; k++) numbers.push(Math.floor(random() * 10 ** (6 + (k % 11))) % (Number.MAX_SAFE_INTEGER + 1));
    for (const lang of ['es', 'en']) {
      const ours = messageFormat(TEXT, lang);
      const icu = new IntlMessageFormat(TEXT, lang);
      const wrong = numbers.filter((n) => ours.format({ n }) !== icu.format({ n }));
      expect(wrong, lang).toEqual([]);
    }
  });

  it('leaves other numbers and languages to ICU: the same text', () => {
    for (const lang of ['es', 'en', 'fr', 'ar-EG', 'de-CH']) {
      const ours = messageFormat(TEXT, lang);
      const icu = new IntlMessageFormat(TEXT, lang);
      for (const n of [0, 7, 999, 1000, 4631, 12345, 1234567, -1, -0, 0.5, 2.25, 1e21]) expect(ours.format({ n }), `${lang} ${n}`).toBe(icu.format({ n }));
    }
  });

  it("takes the locale intl-messageformat's resolveLocale takes, without asking ICU which it supports", () => {
    const icu = (tag: string): string => new Intl.Locale(Intl.NumberFormat.supportedLocalesOf(tag)[0] ?? tag).toString();
    for (const tag of ['es', 'en', 'fr', 'es-419', 'EN-gb', 'en-US-u-nu-arab', 'zh-hant-tw', 'sr-Latn', 'xx', 'tlh']) {
      expect(IntlMessageFormat.resolveLocale(tag)?.toString(), tag).toBe(icu(tag));
    }
  });

  it("validate's summary lines make no Intl.NumberFormat (ICU's number data not loaded)", () => {
    // A preload that counts the Intl.NumberFormat made and the supportedLocalesOf asked, and says so at exit.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'acta-number-formats-'));
    const preload = path.join(dir, 'count.cjs');
    writeFileSync(preload, "let n = 0; const NF = Intl.NumberFormat; Intl.NumberFormat = new Proxy(NF, { construct(t, a) { n++; return new t(...a); }, apply(t, s, a) { n++; return t(...a); }, get(t, k) { if (k === 'supportedLocalesOf') n++; return Reflect.get(t, k); } }); process.on('exit', () => process.stderr.write(`number formats: ${n}\\n`));\n");
    try {
      const cases = [
        ['data', 'text', { es: /^ningún problema en \d+ archivos\n$/m, en: /^no problems in \d+ files\n$/m }],
        ['test/fixtures/report', 'pretty', { es: /0 errores, 1 advertencia en 10 archivos\n$/, en: /0 errors, 1 warning in 10 files\n$/ }],
      ] as const;
      for (const [root, format, said] of cases) {
        for (const lang of ['es', 'en'] as const) {
          const r = spawnSync(process.execPath, ['--require', preload, BIN, '--root', path.join(REPO_ROOT, root), '--lang', lang, 'validate', '--format', format], { encoding: 'utf8', env: { ...process.env, ACTA_CACHE: '0', NO_COLOR: '1' } });
          expect(r.stdout, `${root} ${lang}`).toMatch(said[lang]);
          expect(r.stderr, `${root} ${lang}`).toContain('number formats: 0');
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
