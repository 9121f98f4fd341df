// Mutations of a record's text (test/cli/fuzz.test.ts runs them through every command, test/parse/differential.test.ts
// through both parse paths): lines deleted, duplicated, swapped, re-indented, hostile text inserted or set as a value.
import fc from 'fast-check';

// Text a hostile contributor might type: YAML syntax, controls, bidi, formulas, workflow commands, huge numbers.
export const HOSTILE = ['', ':', '- ', '? ', '[', ']', '{', '}', ',', '&a ', '*a', '!!binary ', '!x ', '%YAML 1.1\n', '---\n', '#', '"', "'", '|\n', '>-\n',
  '\t', '\r\n', '\u0000', '\u001b[2J', '\u009b', '\u202e', '\ufeff', '=HYPERLINK("x")', '::error::x', '##[error]x', '@team',
  '9999-12-31', '0050-03', '2017-02-30', '2017-H3', '1e999', '-0', 'null', '~', 'true', 'toString', '__proto__', 'x'.repeat(200)];
export const hostileText = fc.array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 8 })), { maxLength: 4 }).map((parts) => parts.join(''));

export type Mutation =
  | { kind: 'delete' | 'duplicate' | 'swap'; line: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'value'; line: number; text: string }
  | { kind: 'indent'; line: number; by: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const, 'swap' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: hostileText }),
  fc.record({ kind: fc.constant('value' as const), line: fc.nat(), text: hostileText }),
  fc.record({ kind: fc.constant('indent' as const), line: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
);

export function mutate(source: string, ms: readonly Mutation[]): string {
  let out = source;
  for (const m of ms) {
    const lines = out.split('\n');
    if (m.kind === 'insert') {
      const at = m.at % (out.length + 1);
      out = out.slice(0, at) + m.text + out.slice(at);
      continue;
    }
    const i = m.line % lines.length;
    if (m.kind === 'delete') lines.splice(i, 1);
    else if (m.kind === 'duplicate') lines.splice(i, 0, lines[i]!);
    else if (m.kind === 'swap' && i + 1 < lines.length) [lines[i], lines[i + 1]] = [lines[i + 1]!, lines[i]!];
    else if (m.kind === 'value') lines[i] = lines[i]!.replace(/:\s.*$|$/, (found) => (found.startsWith(':') ? `: ${m.text}` : `: ${m.text}`));
    else if (m.kind === 'indent') lines[i] = m.by >= 0 ? ' '.repeat(m.by) + lines[i] : lines[i]!.replace(new RegExp(`^ {0,${-m.by}}`), '');
    out = lines.join('\n');
  }
  return out;
}
