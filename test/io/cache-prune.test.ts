// Pruning the parse cache (io/cache-prune.ts): past the cap the oldest-written entries go, down to 80 % of it; only
// files shaped like entries are touched; a prune runs at most once an hour; a real run keeps the folder under its cap.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheCap, DEFAULT_CACHE_MAX_MB, pruneCache, pruneIfDue } from '../../src/io/cache-prune.js';
import { runActa } from '../run-acta.js';

const temps: string[] = [];
function temp(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'acta-prune-'));
  temps.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const NOW = Date.UTC(2026, 0, 1);
const key = (n: number): string => n.toString(16).padStart(2, '0').repeat(32);

/** An entry of `size` bytes written `age` ms before NOW. */
function entry(dir: string, n: number, size: number, age: number, name = key(n)): string {
  const file = path.join(dir, key(n).slice(0, 2), name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, Buffer.alloc(size));
  utimesSync(file, (NOW - age) / 1000, (NOW - age) / 1000);
  return file;
}

describe('parse cache pruning', () => {
  it('leaves a folder under its cap alone', () => {
    const dir = temp();
    for (let n = 1; n <= 4; n++) entry(dir, n, 100, n * 1000);
    expect(pruneCache(dir, 1000, NOW)).toEqual({ kept: 4, removed: 0, bytes: 400 });
  });

  it('removes the oldest-written entries first, down to 80 % of the cap', () => {
    const dir = temp();
    const files = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => entry(dir, n, 100, n * 60_000)); // entry 10 is the oldest
    expect(pruneCache(dir, 900, NOW)).toEqual({ kept: 7, removed: 3, bytes: 700 });
    expect(files.map((f) => existsSync(f))).toEqual([true, true, true, true, true, true, true, false, false, false]);
  });

  it('touches only files shaped like its own: entries in their folder, and temporary files over an hour old', () => {
    const dir = temp();
    const foreign = [path.join(dir, 'notes.txt'), path.join(dir, 'zz', key(1)), path.join(dir, key(2).slice(0, 2), 'photo.jpg'), path.join(dir, '01', key(2))];
    for (const f of foreign) {
      mkdirSync(path.dirname(f), { recursive: true });
      writeFileSync(f, Buffer.alloc(500));
      utimesSync(f, 0, 0);
    }
    const stale = entry(dir, 3, 10, 2 * 3_600_000, `${key(3)}.123.abcdef.tmp`);
    const fresh = entry(dir, 4, 10, 60_000, `${key(4)}.123.abcdef.tmp`);
    expect(pruneCache(dir, 1, NOW)).toEqual({ kept: 0, removed: 0, bytes: 0 });
    expect(foreign.every((f) => existsSync(f))).toBe(true);
    expect([existsSync(stale), existsSync(fresh)]).toEqual([false, true]);
  });

  it('prunes at most once an hour (a stamp file), and never throws on a missing folder', () => {
    const dir = temp();
    const stamp = path.join(dir, 'parse.pruned');
    const parse = path.join(dir, 'parse');
    entry(parse, 1, 100, 10_000);
    entry(parse, 2, 100, 20_000);
    expect(pruneIfDue(parse, stamp, 150, NOW)).toEqual({ kept: 1, removed: 1, bytes: 100 });
    utimesSync(stamp, NOW / 1000, NOW / 1000);
    entry(parse, 3, 100, 0);
    expect(pruneIfDue(parse, stamp, 150, NOW + 59 * 60_000)).toBeUndefined();
    expect(pruneIfDue(parse, stamp, 150, NOW + 61 * 60_000)).toEqual({ kept: 1, removed: 1, bytes: 100 });
    expect(pruneIfDue(path.join(dir, 'none'), path.join(dir, 'none.pruned'), 1, NOW)).toEqual({ kept: 0, removed: 0, bytes: 0 });
    expect(pruneIfDue(parse, path.join(dir, 'no', 'such', 'stamp'), 1, NOW)).toBeUndefined();
  });

  it('takes its cap from ACTA_CACHE_MAX_MB when that is a positive number', () => {
    expect(cacheCap({})).toBe(DEFAULT_CACHE_MAX_MB * 1024 * 1024);
    expect(cacheCap({ ACTA_CACHE_MAX_MB: '0.5' })).toBe(512 * 1024);
    for (const bad of ['0', '-3', 'lots', '']) expect(cacheCap({ ACTA_CACHE_MAX_MB: bad })).toBe(DEFAULT_CACHE_MAX_MB * 1024 * 1024);
  });

  it('keeps a real cache folder under its cap after a run that wrote entries, with the same output', async () => {
    const args = ['validate', '--root', 'data', '--format', 'json'];
    const entrySizes = (dir: string): number[] => {
      const parse = path.join(dir, 'parse');
      return readdirSync(parse).flatMap((sub) => readdirSync(path.join(parse, sub)).map((f) => statSync(path.join(parse, sub, f)).size));
    };
    // The cap: under what data/'s entries take, and yet a prune (to 80 % of it) can keep the largest — whichever
    // entry is written last (the writes finish in any order), at least one stays.
    const unbounded = temp();
    await runActa(args, { env: { ACTA_CACHE: '1', ACTA_CACHE_DIR: unbounded } });
    const all = entrySizes(unbounded);
    const total = all.reduce((a, b) => a + b, 0);
    const floor = Math.max(...all) / 0.8;
    expect(floor).toBeLessThan(total);
    const cap = (floor + total) / 2 / (1024 * 1024); // MB
    const dir = temp();
    const without = await runActa(args, { env: { ACTA_CACHE: '0' } });
    const run = await runActa(args, { env: { ACTA_CACHE: '1', ACTA_CACHE_DIR: dir, ACTA_CACHE_MAX_MB: String(cap) } });
    expect(run).toEqual(without);
    const sizes = entrySizes(dir);
    expect(sizes.length).toBeGreaterThan(0);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(cap * 1024 * 1024 * 0.8);
    expect(existsSync(path.join(dir, 'parse.pruned'))).toBe(true);
  });
});
