// The records lock: one writer at a time in a records root. A command that reads records, decides a change and writes
// it (done, extend, status, fmt) holds the lock for the whole read-check-write cycle, so two such commands never lose
// each other's work: the second waits, then reads what the first wrote. The lock is a file created with O_EXCL
// (atomic on every local file system) holding the owner's pid and host; a lock left by a process that is gone (a
// crash, a kill -9) on this host is taken over. Editors do not take the lock: writes also compare the bytes on disk
// with the bytes read just before renaming (io/write.ts), and refuse when they differ.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { say } from '../core/diagnostics.js';
import { SaidError } from './files.js';

export const LOCK_FILE = '.acta.lock';

export interface LockOptions {
  /** How long to wait for another writer, in milliseconds (default 30 s). */
  readonly waitMs?: number;
}

interface Holder { readonly pid: number; readonly host: string; readonly token: string }

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Run `work` holding the records lock of `root`; the lock is released however `work` ends. */
export async function withRecordsLock<T>(root: string, work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const release = await acquire(root, options.waitMs ?? 30_000);
  try {
    return await work();
  } finally {
    release();
  }
}

async function acquire(root: string, waitMs: number): Promise<() => void> {
  const file = path.join(root, LOCK_FILE);
  const me: Holder = { pid: process.pid, host: hostname(), token: randomBytes(8).toString('hex') };
  const deadline = Date.now() + waitMs;
  let pause = 5;
  for (;;) {
    const fd = tryCreate(file);
    if (fd === 'cannot') return () => undefined;
    if (fd !== undefined) {
      try {
        writeSync(fd, JSON.stringify(me) + '\n');
      } finally {
        closeSync(fd);
      }
      return () => releaseIfMine(file, me);
    }
    const holder = readHolder(file);
    if (holder === 'gone') continue; // released between our attempt and the read: try again at once
    if (holder && holder.host === me.host && !isAlive(holder.pid)) {
      // Left by a process that is gone: take it over (unlink, then the exclusive create above decides who wins).
      try {
        unlinkSync(file);
      } catch {
        /* someone else removed it first */
      }
      continue;
    }
    if (Date.now() >= deadline) {
      const who = !holder ? say('safety.lock.unreadable') : holder.host !== me.host ? say('safety.lock.holderOn', { pid: String(holder.pid), host: holder.host }) : say('safety.lock.holder', { pid: String(holder.pid) });
      throw new SaidError(say('safety.lock.busy', { root, who, file }));
    }
    await sleep(pause + Math.floor(Math.random() * pause));
    pause = Math.min(pause * 2, 100);
  }
}

// A root this user may not create files in (a shared root where only some folders are writable, a read-only
// mount) cannot hold the lock: acta then writes without it, still refusing a file whose bytes changed since read.
function tryCreate(file: string): number | undefined | 'cannot' {
  try {
    return openSync(file, 'wx', 0o644);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return undefined;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'cannot';
    throw new SaidError(say('safety.lock.cannotCreate', { file, code: code ?? 'error' }));
  }
}

function readHolder(file: string): Holder | undefined | 'gone' {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'gone' : undefined;
  }
  try {
    const h = JSON.parse(text) as Partial<Holder>;
    if (typeof h.pid === 'number' && Number.isInteger(h.pid) && h.pid > 0 && typeof h.host === 'string' && typeof h.token === 'string') return h as Holder;
  } catch {
    /* being written by its owner, or not ours */
  }
  return undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function releaseIfMine(file: string, me: Holder): void {
  const holder = readHolder(file);
  if (holder && holder !== 'gone' && holder.pid === me.pid && holder.host === me.host && holder.token === me.token) {
    try {
      unlinkSync(file);
    } catch {
      /* already gone */
    }
  }
}
