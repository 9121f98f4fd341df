// A deterministic measure of work, for tests that a command stays linear without timing it: while `run` runs, each
// array builtin that walks an array (find, filter, some, map, sort, …) adds that array's length, and each iteration
// of an array, Map or Set adds its size. A search of every record inside a loop over records shows up as n².
const WALKERS = ['find', 'findIndex', 'findLast', 'filter', 'some', 'every', 'map', 'flatMap', 'forEach', 'reduce', 'indexOf', 'lastIndexOf', 'includes', 'sort', 'slice', 'concat', 'join'] as const;

type Patch = [target: object, key: string | symbol, original: unknown];

export function countWork(run: () => void): number {
  let work = 0;
  const patches: Patch[] = [];
  const patch = (target: object, key: string | symbol, size: (self: never) => number): void => {
    const original = (target as Record<string | symbol, (...args: unknown[]) => unknown>)[key]!;
    patches.push([target, key, original]);
    (target as Record<string | symbol, unknown>)[key] = function (this: never, ...args: unknown[]) {
      work += size(this);
      return original.apply(this, args);
    };
  };
  const length = (a: unknown[]): number => a.length;
  const size = (m: { size: number }): number => m.size;
  for (const name of WALKERS) patch(Array.prototype, name, length);
  patch(Array.prototype, Symbol.iterator, length);
  for (const proto of [Map.prototype, Set.prototype]) for (const key of ['keys', 'values', 'entries', 'forEach', Symbol.iterator]) patch(proto, key, size);
  try {
    run();
  } finally {
    for (const [target, key, original] of patches.reverse()) (target as Record<string | symbol, unknown>)[key] = original;
  }
  return work;
}
