// The files node loads at every start are ASCII (scripts/ascii-only.mjs, run by the build): node then reads the bundle
// as Latin-1, one byte a character, not as UTF-8 into a two-byte string. The escaping keeps each character's meaning
// where it stands — a string, a regular expression (with and without the u flag), a template's cooked text, an
// identifier — and refuses the two places it would not (a character after a backslash, a template's raw text).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a build script, plain JavaScript
import { asciiOnly } from '../../scripts/ascii-only.mjs';
import { REPO_ROOT } from '../run-acta.js';

const escape = asciiOnly as (text: string, name: string) => string;
const run = (code: string): unknown => vm.runInNewContext(code);

describe('the bundle in ASCII', () => {
  it('the built files node loads at start hold no other character', () => {
    for (const file of ['dist/bundle/cli.js', 'dist/bundle/parse-worker.code.js', 'dist/bundle/site-writer.code.js', 'dist/validators.cjs', 'dist/date-spelling.cjs']) {
      const bytes = readFileSync(path.join(REPO_ROOT, file));
      expect(bytes.findIndex((b) => b > 0x7f), file).toBe(-1);
    }
  });

  it('an escaped character means what it meant: strings, regular expressions, cooked template text, identifiers, comments', () => {
    const code = [
      '// Reunión — a comment',
      'const señal = "acción";',
      'const tag = (s, ...v) => s.join("|");',
      '[señal, /^reuni[óo]n$/i.test("REUNIÓN"), /[¿¡«]/u.test("«"), /\\p{Lu}ñ/u.test("Ññ"), `—${1}·`, tag`a–${2}é`, /😀/u.test("😀"), /^.$/u.test("😀"), "😀".length]',
    ].join('\n');
    const escaped = escape(code, 'code');
    expect(/[^\x00-\x7f]/.test(escaped)).toBe(false);
    expect(run(escaped)).toEqual(run(code));
    expect(run(escaped)).toEqual(['acción', true, true, true, '—1·', 'a–|é', true, true, 2]);
  });

  it('refuses a character after a backslash, and a file that reads template raw text', () => {
    expect(() => escape('const r = /\\é/;', 'f.js')).toThrow(/after a backslash/);
    expect(escape('const r = /\\\\é/;', 'f.js')).toBe('const r = /\\\\\\u00e9/;');
    expect(() => escape('String.raw`é`', 'f.js')).toThrow(/raw text/);
  });
});
