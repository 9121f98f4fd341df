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

const UTF8 = new TextEncoder();
const TEXT = new TextDecoder();

/** A Hold (core/queries/site.ts holdMeetings): each record held as its JSON text in UTF-8 and made again, as new
 * objects, each time it is asked for — or held as it is when JSON would not give it back exactly (dataAsJson). Bytes a
 * record instead of its graph of objects: what a command holds from its start to its end but reads one at a time (the
 * site's meetings) costs the collector nothing to mark and its heap nothing (2,000 meetings: 7.5 MB of bytes for ~22
 * MiB of objects; as strings, 15 MB of the heap — a meeting with one character beyond Latin-1 is a two-byte string
 * whole, and every generated one was). The bytes are written one after another into blocks of `block` bytes (the last
 * block's unused end untouched): each record's own buffer was a small allocation of the C allocator's main heap, made
 * while the files' bytes still lay below them: at 8,000 meetings 32 MB of them above 44 MB of files' bytes let go at
 * the preparation's end, which the heap could then neither give back nor shrink over. A block as large as this is a
 * mapping of its own (glibc maps any request of 32 MiB or more apart from its heap), its untouched pages not resident
 * (docs/internals/performance.md, "`site`, thirteenth round"). */
export function heldInBlocks(block = HELD_BLOCK): <T>(record: T) => () => T {
  let bytes = new Uint8Array(0);
  let used = 0;
  return <T>(record: T): (() => T) => {
    const json = dataAsJson(record);
    if (json === undefined) return () => record;
    // UTF-8 is at most three bytes a UTF-16 unit: past that, a block too short for the text is known before writing.
    if (bytes.length - used < json.length * 3) {
      const fits = UTF8.encodeInto(json, bytes.subarray(used));
      if (fits.read === json.length) return heldAt(bytes, used, (used += fits.written));
      if (json.length * 3 > block) return fromJson<T>(UTF8.encode(json));
      bytes = new Uint8Array(block);
      used = 0;
    }
    const written = UTF8.encodeInto(json, bytes.subarray(used)).written;
    return heldAt(bytes, used, (used += written));
  };
}

/** heldInBlocks' block: 32 MiB, glibc's largest threshold for mapping a request apart from its heap. */
const HELD_BLOCK = 32 * 1024 * 1024;

function heldAt<T>(bytes: Uint8Array, start: number, end: number): () => T {
  return () => JSON.parse(TEXT.decode(bytes.subarray(start, end))) as T;
}

// Apart from heldInBlocks: a closure made there would keep its scope's `record` and `json` too (V8 gives a scope's
// closures one context), and so the objects it is held instead of.
function fromJson<T>(bytes: Uint8Array): () => T {
  return () => JSON.parse(TEXT.decode(bytes)) as T;
}
