// Every refusal acta says is in the officer's language: a UsageError or DocxRefused is built from the catalogs
// (t(lang, …), say(…)), never from words written in the code. The one exception is the catalog loader
// (src/io/locales.ts): a broken catalog cannot word its own refusal.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../run-acta.js';

const SRC = path.join(REPO_ROOT, 'src');
const EXEMPT = new Set(['io/locales.ts']);

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? tsFiles(full) : name.endsWith('.ts') ? [full] : [];
  });
}

/** The words written in a string or template literal that starts at `at` (the text of its `${…}` parts left out). */
export function literalWords(text: string, at: number): string {
  const quote = text[at];
  let out = '';
  let depth = 0;
  for (let i = at + 1; i < text.length; i++) {
    const c = text[i]!;
    if (depth > 0) {
      if (c === '{') depth++;
      else if (c === '}') depth--;
      continue;
    }
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === quote) break;
    if (quote === '`' && c === '$' && text[i + 1] === '{') {
      depth = 1;
      i++;
      continue;
    }
    out += c;
  }
  return out;
}

/** Each `new UsageError(` or `new DocxRefused(` whose first argument is a literal with words in it. */
export function literalRefusals(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/new (?:UsageError|DocxRefused)\(\s*([`'"])/g)) {
    const words = literalWords(text, m.index + m[0].length - 1);
    if (/[A-Za-z]{2,}/.test(words)) found.push(words.trim());
  }
  return found;
}

describe('refusals come from the catalogs', () => {
  it('the check finds words in a literal, and none in a template of catalog text', () => {
    expect(literalRefusals("throw new UsageError('--only goes with --accept RECORD');")).toEqual(['--only goes with --accept RECORD']);
    expect(literalRefusals('throw new UsageError(`${flag} ${v}: give a day as ${fmt({ a: 1 })}`);')).toEqual([': give a day as']);
    expect(literalRefusals("throw new UsageError(`${t(lang, 'newRecord.invalid', { kind })}\\n${errors.join('\\n')}`);")).toEqual([]);
    expect(literalRefusals("throw new UsageError(t(lang, 'refusals.revWrites', { command }));")).toEqual([]);
  });

  it('no refusal in src/ is worded in the code (but the catalog loader)', () => {
    const offenders = tsFiles(SRC).flatMap((file) => {
      const rel = path.relative(SRC, file).split(path.sep).join('/');
      return EXEMPT.has(rel) ? [] : literalRefusals(readFileSync(file, 'utf8')).map((w) => `${rel}: ${w}`);
    });
    expect(offenders).toEqual([]);
  });
});
