// The nodes of a `yaml` library document that can carry a comment before them (pairs' keys and values, items,
// collections), in document order: where the fmt tests put comments to check they are kept.
export function collect(node: unknown, out: { commentBefore?: string | null }[]): void {
  if (node === null || typeof node !== 'object') return;
  const n = node as { items?: unknown[]; key?: unknown; value?: unknown; commentBefore?: string | null };
  if ('commentBefore' in n || n.items || n.key !== undefined) out.push(n);
  for (const item of n.items ?? []) {
    const pair = item as { key?: unknown; value?: unknown };
    if (pair && typeof pair === 'object' && 'key' in pair) {
      collect(pair.key, out);
      collect(pair.value, out);
    } else collect(item, out);
  }
}
