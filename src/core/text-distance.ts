// Closest-match suggestions ("did you mean `responsible`?") for unknown names.

// Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours (oim → iom is 1).
// With a limit, it stops as soon as the distance must exceed it (and returns limit + 1): most candidates are far.
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    before = prev;
    prev = row;
  }
  const d = prev[b.length]!;
  return d > limit ? limit + 1 : d;
}

/** The candidates close enough to `name` to be what was meant, best first; one that differs only in case is what was
 * meant, alone (`cr` is `CR`, not also `CA`, one letter off). */
export function closestMatches(name: string, candidates: Iterable<string>, max = 3): string[] {
  const lower = name.toLowerCase();
  const scored: { c: string; d: number }[] = [];
  for (const c of candidates) {
    const cl = c.toLowerCase();
    const limit = Math.max(1, Math.floor(Math.max(name.length, c.length) / 3));
    const d = cl === lower ? 0 : cl.startsWith(lower) || lower.startsWith(cl) ? 1 : editDistance(lower, cl, limit);
    if (d <= limit) scored.push({ c, d });
  }
  scored.sort((x, y) => x.d - y.d || (x.c < y.c ? -1 : x.c > y.c ? 1 : 0));
  const same = scored.filter((s) => s.d === 0);
  return (same.length ? same : scored).slice(0, max).map((s) => s.c);
}
