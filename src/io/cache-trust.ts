// The cache folder is input like any other (issue 26, point 5). A folder (or a subfolder) that another user owns, or
// that others may write to, is not used — git refuses unsafe repositories on the same reasoning. Entries are signed
// with a secret only this user can read (an HMAC key, 32 random bytes in `<cache>/key`, mode 0600, created on first
// use): an entry anyone else made, or copied from elsewhere, does not verify and is a miss. A checksum anyone can
// compute proved nothing.
import { createHmac, randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { closeSync, constants, fstatSync, mkdirSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Said } from '../core/diagnostics.js';
import { say } from '../core/diagnostics.js';
import { deferNote } from './runtime.js';

export const KEY_FILE = 'key';
const KEY_BYTES = 32;

export interface CacheTrust {
  /** The HMAC of the parts, in order (each length-prefixed, so parts cannot be shifted into each other). */
  sign(...parts: readonly (string | Uint8Array)[]): Buffer;
}

// Said once per folder and reason in a run (in the run's language, by cli.ts): acta runs on without a cache, slower
// but right.
function refuse(folder: string, why: Said, fix: Said): undefined {
  deferNote(say('safety.cache.notUsing', { folder, why, fix }));
  return undefined;
}

const modeOf = (stat: Stats): string => (stat.mode & 0o777).toString(8).padStart(3, '0');
const myUid = (): number | undefined => (typeof process.getuid === 'function' ? process.getuid() : undefined);
// Windows has no owner uid in stat and reports every file as writable by all (mode 0o666): there the folder's ACLs
// are the operating system's business, and the HMAC key still keeps other people's entries out.
const POSIX = process.platform !== 'win32';

/** Why a folder (or key file) is unsafe, or undefined when it is this user's and no one else may write it. */
export function unsafeBecause(stat: Stats, uid: number | undefined = myUid()): Said | undefined {
  if (uid !== undefined && stat.uid !== uid) return say('safety.cache.otherUser', { uid: String(stat.uid) });
  if (POSIX && (stat.mode & 0o022) !== 0) return say('safety.cache.othersWrite', { mode: modeOf(stat) });
  return undefined;
}

/** Check (creating it, private, when missing) a folder of the cache; false when it must not be used. */
export function trustedFolder(folder: string, top: string = folder): boolean {
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
  } catch {
    return false; // a read-only or missing home: no cache, and nothing to say
  }
  const stat = statSync(folder, { throwIfNoEntry: false });
  if (!stat?.isDirectory()) return Boolean(refuse(folder, say('safety.cache.notFolder'), say('safety.cache.fixSetDir')));
  const why = unsafeBecause(stat);
  if (why) return Boolean(refuse(folder, why, say('safety.cache.fixPrivate', { top })));
  return true;
}

/** The trust of the cache folder `top`: its key, when the folder and the key are safe; undefined otherwise. */
export function openCacheTrust(top: string): CacheTrust | undefined {
  if (!trustedFolder(top)) return undefined;
  const key = readOrMakeKey(path.join(top, KEY_FILE), top);
  if (!key) return undefined;
  return {
    sign(...parts) {
      const mac = createHmac('sha256', key);
      for (const part of parts) {
        const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
        // The length as 8 bytes, big-endian (two 32-bit halves: BigInt conversion was a tenth of verifying 2,000 entries).
        const length = Buffer.alloc(8);
        length.writeUInt32BE(Math.floor(bytes.length / 0x1_0000_0000), 0);
        length.writeUInt32BE(bytes.length % 0x1_0000_0000, 4);
        mac.update(length).update(bytes);
      }
      return mac.digest();
    },
  };
}

function readOrMakeKey(file: string, top: string): Buffer | undefined {
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return refuse(file, say('safety.cache.keyUnreadable', { code: (e as NodeJS.ErrnoException).code ?? 'error' }), say('safety.cache.fixRemoveNew', { file }));
      try {
        const made = openSync(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o600);
        try {
          writeSync(made, randomBytes(KEY_BYTES));
        } finally {
          closeSync(made);
        }
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') return undefined; // cannot write: no cache
      }
      continue;
    }
    try {
      const stat = fstatSync(fd);
      if (!stat.isFile()) return refuse(file, say('safety.cache.keyNotFile'), say('safety.cache.fixRemove', { file }));
      const uid = myUid();
      if (uid !== undefined && stat.uid !== uid) return refuse(file, say('safety.cache.keyOtherUser', { uid: String(stat.uid) }), say('safety.cache.fixRemoveAll', { top }));
      if (POSIX && (stat.mode & 0o077) !== 0) return refuse(file, say('safety.cache.keyOpen', { mode: modeOf(stat) }), say('safety.cache.fixRemovePrivate', { file }));
      if (stat.size !== KEY_BYTES) {
        if (stat.size === 0 && attempt < 2) {
          closeSync(fd);
          fd = -1;
          // Being written by a concurrent first run: look again in a moment.
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
          continue;
        }
        return refuse(file, say('safety.cache.keySize', { size: stat.size, expected: KEY_BYTES }), say('safety.cache.fixRemoveNew', { file }));
      }
      const key = Buffer.alloc(KEY_BYTES);
      if (readSync(fd, key, 0, KEY_BYTES, 0) !== KEY_BYTES) return undefined;
      return key;
    } finally {
      if (fd >= 0) closeSync(fd);
    }
  }
  return undefined;
}
