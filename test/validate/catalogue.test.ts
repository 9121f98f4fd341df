import { describe, expect, it } from 'vitest';
import { diagnosticText } from '../../src/render/diagnostic-text.js';
import { ALL_CODES } from '../../src/core/diagnostics.js';
import { CASES, CLI_ONLY } from './cases.js';
import { check } from './harness.js';

function where(text: string, token: string | undefined, fromLine = 1): { line: number; column: number } {
  if (token === undefined) return { line: 1, column: 1 };
  const lines = text.split(/\r?\n/);
  for (let i = fromLine - 1; i < lines.length; i++) {
    const c = lines[i]!.indexOf(token);
    if (c >= 0) return { line: i + 1, column: c + 1 };
  }
  throw new Error(`token ${JSON.stringify(token)} not found`);
}

describe('every diagnostic code has a fixture', () => {
  it.each(ALL_CODES)('%s', (code) => {
    expect(CASES.some((c) => c.code === code) || CLI_ONLY[code] !== undefined).toBe(true);
  });
});

describe('each fixture triggers exactly its code, at the right place', () => {
  it.each(CASES.map((c) => [`${c.code}: ${c.name}`, c] as const))('%s', (_, c) => {
    const found = check(c.files, c.withRegistries ?? true, c.asOf !== undefined ? { asOf: c.asOf } : {}).filter((d) => d.explained === undefined && d.code !== c.alongside);
    expect(found.map((d) => d.code)).toEqual([c.code]);
    const d = found[0]!;
    expect(d.file).toBe(c.file);
    const content = c.files[c.file];
    const text = typeof content === 'string' ? content.replace(/^\uFEFF/, '') : new TextDecoder().decode(content ?? new Uint8Array());
    const expected = where(text, c.token, c.fromLine);
    expect({ line: d.line, column: d.column }).toEqual({ line: expected.line, column: c.column ?? expected.column });
    for (const lang of ['es', 'en']) {
      const text = diagnosticText(d, lang);
      expect(text.message.length).toBeGreaterThan(10);
      expect(text.hint ?? '').not.toBe('');
    }
  });
});
