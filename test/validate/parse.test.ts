// The parse layer on its own: what the lexer pre-scan refuses and what it must let through.
import { describe, expect, it } from 'vitest';
import { formatRecordText } from '../../src/core/format/format.js';
import { keyOrderFor } from '../../src/core/format/key-order.js';
import { LIMITS, parseRecordFile } from '../../src/core/parse.js';
import { readSchemas } from '../../src/io/schemas.js';
import { check, MEETING } from './harness.js';

const M = 'meetings/2017-03-16-red-nna.yaml';
const encode = (s: string): Uint8Array => new TextEncoder().encode(s);
const codes = (text: string): string[] => parseRecordFile(M, encode(text)).diagnostics.map((d) => d.code);
const sentence = 'Solicitar a la Secretaría Técnica que prepare, en consulta con los Países Miembros, un informe sobre la protección de la niñez migrante no acompañada. '.repeat(3);

describe('indentation is nesting only where a line holds content', () => {
  const literal = MEETING.replace('text: { es: Agradecer a las delegaciones. }', `text:\n      es: |\n        ${sentence}\n        Segunda línea.\n`);
  const folded = MEETING.replace('text: { es: Agradecer a las delegaciones. }', `text:\n      es: >-\n        ${sentence}\n${' '.repeat(120)}\n        Tras una línea de 120 espacios.\n`);

  it.each([['literal', literal], ['folded, with a blank line of 120 spaces', folded]])('a long %s block scalar validates clean', (_, text) => {
    expect(text.split('\n').some((l) => l.length > 120)).toBe(true);
    expect(check({ [M]: text })).toEqual([]);
  });

  it('fmt accepts a record with a long block scalar, keeping its text', () => {
    const parsed = parseRecordFile(M, encode(literal));
    expect(parsed.diagnostics).toEqual([]);
    const out = formatRecordText(literal, keyOrderFor(readSchemas(), 'meeting'));
    expect(out.ok).toBe(true);
    if (out.ok) expect(parseRecordFile(M, encode(out.text)).data).toEqual(parsed.data);
  });

  it('a comment or blank line indented past the limit is no nesting', () => {
    expect(codes(`a: 1\n${' '.repeat(300)}# note\n${' '.repeat(300)}\nb: 2\n`)).toEqual([]);
  });

  it('nesting by indentation is still counted, level by level', () => {
    const nested = (n: number): string => Array.from({ length: n }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' x\n';
    expect(codes(nested(LIMITS.depth - 5))).toEqual([]);
    expect(codes(nested(LIMITS.depth + 5))).toEqual(['yaml/too-deep']);
  });
});
