// Text → one YAML document with positions, in stages that each refuse what the next must not see: the lexer
// pre-scan (prescan.ts), the parser's tree and its depth (cst-depth.ts), then the yaml library's composer.
import type { CST, Document, LineCounter } from 'yaml';
import { offsetPastDepth } from './cst-depth.js';
import { findDuplicateKeys } from './duplicate-keys.js';
import type { PrescanLimits, Problem } from './prescan.js';
import { prescan } from './prescan.js';
import { syntaxVariant } from './yaml-messages.js';
import { yaml } from './yaml-library.js';

export interface Composed {
  /** The document (also when it has errors), or undefined when it was not composed. */
  readonly doc?: Document.Parsed;
  readonly lineCounter?: LineCounter;
  /** Plain data, only when the document has no error. */
  readonly data?: unknown;
}

/** Problems are pushed onto `problems`. */
export function composeRecord(text: string, problems: Problem[], limits: PrescanLimits): Composed {
  const tokens = scanTokens(text, problems, limits);
  if (!tokens) return {};
  const lineCounter = new (yaml().LineCounter)();
  const cst = parseTokens(tokens, lineCounter);
  const deep = offsetPastDepth(cst, limits.depth);
  if (deep !== undefined) {
    problems.push({ code: 'yaml/too-deep', offset: deep, variant: 'composed', params: { limit: limits.depth } });
    return {};
  }
  const { Composer } = yaml();
  const docs = withoutStackTraces(() => Array.from(new Composer({ schema: 'core', version: '1.2', uniqueKeys: false, stringKeys: true, merge: false }).compose(cst)));
  const [doc, second] = docs;
  if (!doc) {
    problems.push({ code: 'file/empty', offset: 0, variant: 'comments', params: {} });
    return {};
  }
  if (second) {
    problems.push({ code: 'yaml/multiple-documents', offset: second.range[0], params: {} });
  }
  return { doc, lineCounter, data: readDocument(doc, text, problems) };
}

// Lex once: the prescan reads the tokens as the lexer yields them (stopping at the first refusal), then the parser
// takes the same tokens (what parseAllDocuments does, less a second lexing).
function scanTokens(text: string, problems: Problem[], limits: PrescanLimits): string[] | undefined {
  const tokens: string[] = [];
  const lexed = function* (): Generator<string> {
    for (const token of new (yaml().Lexer)().lex(text)) {
      tokens.push(token);
      yield token;
    }
  };
  return prescan(lexed(), problems, limits) ? tokens : undefined;
}

function parseTokens(tokens: readonly string[], lineCounter: LineCounter): CST.Token[] {
  const parser = new (yaml().Parser)(lineCounter.addNewLine);
  lineCounter.addNewLine(0);
  const cst: CST.Token[] = [];
  for (const token of tokens) for (const node of parser.next(token)) cst.push(node);
  for (const node of parser.end()) cst.push(node);
  return cst;
}

// The document's errors and duplicate keys as problems; its data when it has none.
function readDocument(doc: Document.Parsed, text: string, problems: Problem[]): unknown {
  const reported = new Set<string>();
  for (const e of doc.errors) {
    const problem = yamlProblem(e.code, e.pos, e.message);
    // A key that is a mapping of a list-key is reported once per key, not once per level.
    const id = `${problem.code} ${problem.offset}`;
    if (reported.has(id)) continue;
    reported.add(id);
    problems.push(problem);
  }
  const duplicates = findDuplicateKeys(doc, text);
  for (const p of duplicates) problems.push(p);
  if (doc.errors.length > 0 || duplicates.length > 0) return undefined;
  if (doc.contents === null || (yaml().isScalar(doc.contents) && doc.contents.value === null)) {
    problems.push({ code: 'file/empty', offset: 0, variant: 'noRecord', params: {} });
    return undefined;
  }
  return doc.toJS({ maxAliasCount: 0 });
}

// Each syntax error the yaml library finds is an Error, and capturing its stack trace is nine tenths of the time
// of composing hostile input (95,000 stray brackets: 2.3 s against 0.26 s). Nothing reads those traces.
function withoutStackTraces<T>(run: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return run();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

function yamlProblem(code: string, pos: readonly [number, number], message: string): Problem {
  const at = { offset: pos[0], endOffset: pos[1] };
  const detail = cleanYamlMessage(message);
  if (code === 'TAB_AS_INDENT') return { code: 'yaml/tab', ...at, params: { detail } };
  if (code === 'NON_STRING_KEY') return { code: 'yaml/non-string-key', ...at, params: {} };
  const said = syntaxVariant(code, detail);
  return said ? { code: 'yaml/syntax', ...at, variant: said.variant, params: { detail, ...said.params } } : { code: 'yaml/syntax', ...at, params: { detail } };
}

function cleanYamlMessage(message: string): string {
  return message.replace(/\s+at line \d+, column \d+.*$/s, '').replace(/\s+/g, ' ').trim();
}
