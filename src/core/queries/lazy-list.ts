// A list made as it is read: each item built when an output reaches it, so a long list (every commitment's view for
// `acta export`) never exists whole. It serialises as an array (toJSON), so JSON.stringify of a value holding one
// gives the same text as with the array; render/escape.ts jsonTextParts writes it item by item instead.
export class LazyList<T> implements Iterable<T> {
  constructor(
    /** How many items it yields (known before any is made: the JSON's `count` comes first). */
    readonly length: number,
    private readonly make: () => Iterator<T>,
  ) {}

  /** Each item of `source` through `map`, made when read (again on each reading: nothing is kept). */
  static map<S, T>(source: readonly S[], map: (item: S) => T): LazyList<T> {
    return new LazyList(source.length, function* () {
      for (const item of source) yield map(item);
    });
  }

  [Symbol.iterator](): Iterator<T> {
    return this.make();
  }

  toJSON(): T[] {
    return [...this];
  }
}
