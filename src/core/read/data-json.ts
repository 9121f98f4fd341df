// A record's data as JSON text, for a check worker to send to the main thread (io/parse-pool.ts): JSON.parse of it
// there is the same data, at a fraction of what parsing the YAML again costs (docs/internals/performance.md, "Read
// commands on the check workers"). Only when JSON gives the data back exactly: the fast path's data (parse-fast.ts)
// is plain objects, arrays, strings, booleans, null and numbers — and of those only a number that is not finite
// (.inf, .nan) or is -0 reads back as something else (null, 0). Such a record answers undefined: its file is parsed
// on the main thread, as without workers. Key order survives too: JSON.stringify writes a plain object's keys in the
// order it enumerates them (whole-number keys first, as V8 enumerates any object's), and JSON.parse adds them so.

/** `data` as JSON text, or undefined when JSON.parse of it would not give the same data. */
export function dataAsJson(data: unknown): string | undefined {
  return jsonSafe(data, 0) ? JSON.stringify(data) : undefined;
}

// Deeper than any record the fast path reads (its limit is LIMITS.depth, 100): deeper is refused, not walked.
const MAX_DEPTH = 200;

function jsonSafe(v: unknown, depth: number): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
  if (typeof v !== 'object' || depth > MAX_DEPTH) return false;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (!(i in v) || !jsonSafe(v[i], depth + 1)) return false;
    return true;
  }
  // JSON.parse makes plain objects: anything else (a null prototype, a class) would not come back as it was.
  if (Object.getPrototypeOf(v) !== Object.prototype) return false;
  for (const key in v) if (!jsonSafe((v as Record<string, unknown>)[key], depth + 1)) return false;
  return true;
}

/** A record held as its JSON text in UTF-8 and made again, as new objects, each time it is asked for — or held as it is
 * when JSON would not give it back exactly (dataAsJson). Bytes a record instead of its graph of objects: what a command
 * holds from its start to its end but reads one at a time (the site's meetings, core/queries/site.ts holdMeetings)
 * costs the collector nothing to mark and its heap nothing (2,000 meetings: 7.5 MB of bytes for ~22 MiB of objects; as
 * strings, 15 MB of the heap — a meeting with one character beyond Latin-1 is a two-byte string whole, and every
 * generated one was). */
export function heldAsJson<T>(record: T): () => T {
  const json = dataAsJson(record);
  return json === undefined ? () => record : fromJson<T>(UTF8.encode(json));
}

const UTF8 = new TextEncoder();
const TEXT = new TextDecoder();

// Apart from heldAsJson: a closure made there would keep its scope's `record` too (V8 gives a scope's closures one
// context), and so the objects it is held instead of.
function fromJson<T>(bytes: Uint8Array): () => T {
  return () => JSON.parse(TEXT.decode(bytes)) as T;
}
