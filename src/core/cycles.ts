// Cycles in a graph of ids (groups in groups, agreements superseding agreements), found without recursion.

export interface Cycle {
  /** The ids around the cycle, starting where the search entered it: [a, b] for a → b → a, [a] for a → a. */
  readonly path: readonly string[];
  /** The edge that closes it: from the last id of `path`, its successor at this index leads back to `path[0]`. */
  readonly edge: number;
}

/**
 * Every cycle a depth-first search meets (each once), visiting `nodes` in the order given and successors in order:
 * linear in nodes and edges, and deterministic, so a report names the same edge every run.
 */
export function findCycles(nodes: Iterable<string>, successors: (id: string) => readonly string[]): Cycle[] {
  const done = new Set<string>();
  const onPath = new Map<string, number>();
  const out: Cycle[] = [];
  for (const root of nodes) {
    if (done.has(root)) continue;
    const stack: { id: string; next: number }[] = [{ id: root, next: 0 }];
    onPath.set(root, 0);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const list = successors(top.id);
      if (top.next >= list.length) {
        stack.pop();
        onPath.delete(top.id);
        done.add(top.id);
        continue;
      }
      const edge = top.next++;
      const to = list[edge]!;
      const at = onPath.get(to);
      if (at !== undefined) out.push({ path: stack.slice(at).map((s) => s.id), edge });
      else if (!done.has(to)) {
        onPath.set(to, stack.length);
        stack.push({ id: to, next: 0 });
      }
    }
  }
  return out;
}
