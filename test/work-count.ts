// A deterministic measure of work, for tests that a command stays linear without timing it: while `run` runs, each
// array builtin that walks an array (find, filter, some, map, sort, …) adds that array's length, and each iteration
// of an array, Map or Set adds its size. A search of every record inside a loop over records shows up as n².
const WALKERS = ['find', 'findIndex', 'findLast', 'filter', 'some', 'every', 'map', 'flatMap', 'forEach', 'reduce', 'indexOf', 'lastIndexOf', 'includes', 'sort', 'slice', 'concat', 'join'] as const;

type Patch = [target: object, key: string | symbol, original: unknown];

/** Patches the walkers to add to a counter; returns the counter's reader and the undo. */
function patchWalkers(): { work: () => number; restore: () => void } {
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
  return {
    work: () => work,
    restore: () => {
      for (const [target, key, original] of patches.reverse()) (target as Record<string | symbol, unknown>)[key] = original;
    },
  };
}

export function countWork(run: () => void): number {
  const counter = patchWalkers();
  try {
    run();
  } finally {
    counter.restore();
  }
  return counter.work();
}

/**
 * countWork for an asynchronous run (an in-process CLI run, test/run-acta.ts): the walkers stay patched until it
 * settles, so whatever else runs in the worker meanwhile counts too (vitest's own messages: little, and never a
 * walk of the run's data) — compare with a bound far above that, or with another run counted the same way.
 */
export async function countWorkAsync<T>(run: () => Promise<T>): Promise<{ work: number; result: T }> {
  const counter = patchWalkers();
  try {
    const result = await run();
    return { work: counter.work(), result };
  } finally {
    counter.restore();
  }
}
