// A record kept serialised until it is asked for: its bytes in V8's own format (every value the reader makes, exactly:
// strings, numbers, nested objects and arrays, shared parts shared), off the JavaScript heap, and made again as new
// objects each time it is asked for. For what a command holds from its start to its end but reads one at a time (the
// site's meetings, core/queries/site.ts): held as bytes, it costs its size, not a graph of objects the collector marks
// and V8 grows its heap by.
import { deserialize, serialize } from 'node:v8';
import type { Hold } from '../core/queries/site.js';

export const holdPacked: Hold = <T>(record: T): (() => T) => {
  const bytes = serialize(record);
  return () => deserialize(bytes) as T;
};
