// The nesting the composer will recurse into, measured on the parser's CST (which the yaml library builds without
// recursion) with a stack of our own. The lexer pre-scan reads nesting exactly for valid YAML; invalid YAML can make
// the parser nest where no indentation says so (`'x'k: "a⏎ b"` repeated nests one level per repeat), and a few
// thousand levels abort Node 20 outright. This is the guarantee; the pre-scan is the early, well-placed refusal.
import type { CST } from 'yaml';

/** Source offset of the first collection nested deeper than `limit`, or undefined. */
export function offsetPastDepth(tokens: readonly CST.Token[], limit: number): number | undefined {
  const stack: [CST.Token, number][] = tokens.map((t) => [t, 0]);
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    switch (token.type) {
      case 'document':
        if (token.value) stack.push([token.value, depth]);
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        const inner = depth + 1;
        if (inner > limit) return token.offset;
        // In a flow list, `a: b` is a mapping of its own: one level more.
        const pairLevel = token.type === 'flow-collection' && token.start.source === '[' ? 1 : 0;
        for (const item of token.items) {
          const at = inner + ('sep' in item && item.sep ? pairLevel : 0);
          if ('key' in item && item.key) stack.push([item.key, at]);
          if (item.value) stack.push([item.value, at]);
        }
        break;
      }
      default:
        break;
    }
  }
  return undefined;
}
