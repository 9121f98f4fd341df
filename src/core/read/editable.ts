// The other readings of YAML text acta needs, kept in this room beside the record reader: a document to rewrite
// (fmt, done, extend, status, new), the comments of a text, and whether a plain scalar reads back as itself. All use
// the located path's own settings (YAML 1.2 core schema, duplicate keys reported by acta, no merge keys).
import type { Document } from 'yaml';
import { yaml } from './yaml-library.js';

export const PARSE_OPTIONS = { schema: 'core', version: '1.2', uniqueKeys: false, stringKeys: true, merge: false, prettyErrors: false } as const;

/** A document with its comments and layout, to be changed and written back. */
export function parseEditable(text: string): Document.Parsed {
  return yaml().parseDocument(text, PARSE_OPTIONS);
}

/** The comments of a text, trimmed. */
export function commentTokens(text: string): string[] {
  const out: string[] = [];
  const { CST, Lexer } = yaml();
  for (const token of new Lexer().lex(text)) if (CST.tokenType(token) === 'comment') out.push(token.trim());
  return out;
}

/** Whether a text written as a plain scalar reads back as that same string under YAML 1.1 and 1.2 (core). */
export function plainScalarReadsBack(value: string): boolean {
  try {
    const { parse } = yaml();
    return parse(value, { version: '1.1' }) === value && parse(value, { version: '1.2', schema: 'core' }) === value;
  } catch {
    return false;
  }
}
