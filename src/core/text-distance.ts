// Closest-match suggestions ("did you mean `responsible`?") for unknown names.

export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** The candidates close enough to `name` to be what was meant, best first. */
export function closestMatches(name: string, candidates: Iterable<string>, max = 3): string[] {
  const lower = name.toLowerCase();
  const scored: { c: string; d: number }[] = [];
  for (const c of candidates) {
    const cl = c.toLowerCase();
    const d = cl.startsWith(lower) || lower.startsWith(cl) ? Math.min(1, editDistance(lower, cl)) : editDistance(lower, cl);
    if (d <= Math.max(1, Math.floor(Math.max(name.length, c.length) / 3))) scored.push({ c, d });
  }
  scored.sort((x, y) => x.d - y.d || (x.c < y.c ? -1 : x.c > y.c ? 1 : 0));
  return scored.slice(0, max).map((s) => s.c);
}

export function didYouMean(name: string, candidates: Iterable<string>): string {
  const best = closestMatches(name, candidates, 1)[0];
  return best === undefined ? '' : ` (did you mean \`${best}\`?)`;
}
