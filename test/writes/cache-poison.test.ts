// The cache as untrusted input (issue 26, point 5): each attack of the issue, reproduced. An attacker who can write
// the cache folder but not read the user's key forges entries with the checksum the old format used (computable by
// anyone): none is used. Even entries signed with the key (the user's own hand) are bounded and shape-checked like
// parsed input: no hang, no internal error. A cache folder that is another user's, or writable by others, is not used.
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serialize } from 'node:v8';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseRecordFile } from '../../src/core/read/index.js';
import { parseSalt } from '../../src/io/cache.js';
import { openCacheTrust } from '../../src/io/cache-trust.js';
import { formatSalt, openRefsStore, storeFile } from '../../src/io/refs-cache.js';
import { REPO_ROOT, runActa } from '../run-acta.js';
import { countWorkAsync } from '../work-count.js';

const TRATA = 'meetings/2017-06-21-red-trata.yaml';
let root: string;
let cache: string;
const env = (): Record<string, string> => ({ ACTA_CACHE: '1', ACTA_CACHE_DIR: cache });
const acta = (args: string[], cached = true) => runActa([...args, '--root', root], { cwd: root, env: cached ? env() : { ACTA_CACHE: '0' } });
const sha = (...parts: (string | Uint8Array)[]): Buffer => parts.reduce((h, p) => h.update(p), createHash('sha256')).digest();

beforeEach(() => {
  const base = mkdtempSync(path.join(os.tmpdir(), 'acta-poison-'));
  root = path.join(base, 'records');
  cache = path.join(base, 'cache');
  cpSync(path.join(REPO_ROOT, 'data'), root, { recursive: true });
});
afterEach(() => rmSync(path.dirname(root), { recursive: true, force: true }));

type Sign = 'checksum' | 'key';
// A parse-cache entry for the file's bytes, as an attacker writes it: the old checksum (sha256 of key and payload),
// or signed with the user's own key.
function poison(file: string, entry: { data: unknown; diagnostics: unknown[] }, sign: Sign = 'checksum'): void {
  const bytes = readFileSync(path.join(root, file));
  const key = createHash('sha256').update(parseSalt()).update(bytes).digest('hex');
  const payload = serialize({ format: 2, ...entry });
  const mac = sign === 'key' ? openCacheTrust(cache)!.sign(key, payload) : sha(key, payload);
  mkdirSync(path.join(cache, 'parse', key.slice(0, 2)), { recursive: true, mode: 0o700 });
  writeFileSync(path.join(cache, 'parse', key.slice(0, 2), key), Buffer.concat([mac, payload]));
}
const parsed = (file: string): { agreements: Record<string, unknown>[] } => structuredClone(parseRecordFile(file, readFileSync(path.join(root, file))).data) as { agreements: Record<string, unknown>[] };

describe('forged parse-cache entries are never used', () => {
  it('overdue: a commitment taken out in a forged entry still counts', async () => {
    const honest = await acta(['overdue', '--as-of', '2017-08-01', '-f', 'json'], false);
    const data = parsed(TRATA);
    data.agreements = data.agreements.filter((a) => a['number'] !== '3');
    poison(TRATA, { data, diagnostics: [] });
    const r = await acta(['overdue', '--as-of', '2017-08-01', '-f', 'json']);
    expect(r.stdout).toBe(honest.stdout);
  });

  it('show: a forged "done" does not make it cumplido', async () => {
    const honest = await acta(['show', '2017-06-21-red-trata#3', '--as-of', '2017-08-01'], false);
    const data = parsed(TRATA);
    data.agreements[2]!['followup'] = [{ date: '2017-07-01', status: 'done' }];
    poison(TRATA, { data, diagnostics: [] });
    const r = await acta(['show', '2017-06-21-red-trata#3', '--as-of', '2017-08-01']);
    expect(r.stdout).toBe(honest.stdout);
    expect(r.stdout).not.toMatch(/cumplido/i);
  });

  it('validate: a file with a syntax error is not made clean by an entry of valid data', async () => {
    const data = parsed(TRATA);
    writeFileSync(path.join(root, TRATA), readFileSync(path.join(root, TRATA), 'utf8') + 'agreements: [\n');
    poison(TRATA, { data, diagnostics: [] });
    const r = await acta(['validate']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/2017-06-21-red-trata\.yaml:\d+:\d+/);
  });

  it.each(['checksum', 'key'] as const)('a 5,000,000-long sparse array (%s) is refused at once: no hang', async (sign) => {
    await acta(['validate']); // makes the key
    // "At once" as work, not time: the run with the entry refused walks arrays no more than a run that reads the
    // bytes without a cache (an array builtin or iteration over the 5,000,000 slots would add them all).
    const { work: plain, result: honest } = await countWorkAsync(() => acta(['overdue', '--as-of', '2017-08-01', '-f', 'json'], false));
    const data = parsed(TRATA) as unknown as Record<string, unknown>;
    const sparse: unknown[] = [];
    sparse.length = 5_000_000;
    sparse[4_999_999] = 'x';
    data['agreements'] = sparse;
    poison(TRATA, { data, diagnostics: [] }, sign);
    const { work, result: r } = await countWorkAsync(() => acta(['overdue', '--as-of', '2017-08-01', '-f', 'json']));
    expect([r.code, r.stdout, r.stderr]).toEqual([honest.code, honest.stdout, '']);
    expect(work).toBeLessThan(plain + sparse.length / 10);
  });

  it.each(['checksum', 'key'] as const)('malformed diagnostics (%s) give no internal error', async (sign) => {
    await acta(['validate']);
    const honest = await acta(['validate', '-f', 'json'], false);
    poison(TRATA, { data: parsed(TRATA), diagnostics: [{ code: 'no/such-code', severity: 'error', line: 'x', message: 7 }] }, sign);
    const r = await acta(['validate', '-f', 'json']);
    expect(r.stderr).not.toMatch(/internal error/);
    expect([r.code, r.stdout]).toEqual([honest.code, honest.stdout]);
  });
});

describe('forged stores beside the parse cache are never used', () => {
  it('fmt --check: a forged "canonical" list does not pass a file fmt would change', async () => {
    const file = path.join(root, TRATA);
    writeFileSync(file, readFileSync(file, 'utf8').replace('agreements:\n', 'agreements:   \n'));
    const store = storeFile(env(), 'fmt', root);
    const payload = serialize({ format: 3, salt: formatSalt(), entries: new Map([[sha(readFileSync(file)).toString('hex'), true]]) });
    mkdirSync(path.dirname(store), { recursive: true, mode: 0o700 });
    writeFileSync(store, Buffer.concat([sha(payload), payload]));
    const r = await acta(['fmt', '--check']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/2017-06-21-red-trata\.yaml/);
  });

  it('validate --changed-since: a forged reference store is not read; one the user wrote is', () => {
    const store = storeFile(env(), 'refs', root);
    const refs = { kind: 'meeting' as const, defines: [], mentions: [], supersedes: [], parts: [] };
    // The store's own format (a table of strings, indices: io/refs-cache.ts), with the checksum anyone can compute.
    const payload = serialize({ format: 4, salt: parseSalt(), keys: ['blob1'], strings: ['meeting'], data: Uint32Array.from([0, 0, 0, 0, 0, 0, 0]), offsets: Uint32Array.from([0, 7]) });
    mkdirSync(path.dirname(store), { recursive: true, mode: 0o700 });
    writeFileSync(store, Buffer.concat([sha(payload), payload]));
    expect(openRefsStore(root, env()).get('blob1')).toBeUndefined();
    // The same payload signed with the user's key is read: only the signature kept the forged one out.
    writeFileSync(store, Buffer.concat([openCacheTrust(cache)!.sign(path.basename(store), payload), payload]));
    expect(openRefsStore(root, env()).get('blob1')).toEqual(refs);
    const mine = openRefsStore(root, env());
    mine.put('blob2', refs);
    mine.save(['blob2']);
    expect(openRefsStore(root, env()).get('blob2')).toEqual(refs);
  });
});

describe('a cache folder that is not the user\'s alone is not used', () => {
  const isRoot = process.getuid?.() === 0;
  it.skipIf(!isRoot)('0777 and owned by another user: refused with one line, nothing read or written there', async () => {
    mkdirSync(cache, { mode: 0o777 });
    chmodSync(cache, 0o777);
    chownSync(cache, 65534, 65534);
    const honest = await acta(['overdue', '--as-of', '2017-08-01', '-f', 'json', '--lang', 'en'], false);
    const r = await acta(['overdue', '--as-of', '2017-08-01', '-f', 'json', '--lang', 'en']);
    expect(r.stdout).toBe(honest.stdout);
    expect(r.stderr).toBe(`acta: not using the cache folder ${cache}: it belongs to another user (uid 65534); acta runs without its cache (make it yours and private: chmod 700 ${cache}, or set ACTA_CACHE_DIR to a folder of yours)\n`);
    expect(readdirSync(cache)).toEqual([]);
  });

  it('writable by others, though the user\'s own: refused; made private, it is used', async () => {
    mkdirSync(cache);
    chmodSync(cache, 0o777);
    const r = await acta(['validate']);
    // data/ says lang: es; --lang en says it in English.
    expect(r.stderr).toBe(`acta: no se usa la carpeta de caché ${cache}: otros pueden escribir en ella (modo 777); acta funciona sin su caché (hágala suya y privada: chmod 700 ${cache}, o apunte ACTA_CACHE_DIR a una carpeta suya)\n`);
    const english = await acta(['validate', '--lang', 'en']);
    expect(english.stderr).toBe(`acta: not using the cache folder ${cache}: others may write to it (mode 777); acta runs without its cache (make it yours and private: chmod 700 ${cache}, or set ACTA_CACHE_DIR to a folder of yours)\n`);
    expect(existsSync(path.join(cache, 'parse'))).toBe(false);
    chmodSync(cache, 0o700);
    const ok = await acta(['validate']);
    expect(ok.stderr).toBe('');
    expect(readdirSync(cache).sort()).toEqual(['checks', 'key', 'parse', 'parse.pruned', 'refs', 'results', 'stat']);
    expect((readdirSync(path.join(cache, 'parse')).length)).toBeGreaterThan(0);
  });

  it('a key others can read is refused; a new folder is made private', async () => {
    await acta(['validate']);
    expect(readFileSync(path.join(cache, 'key')).length).toBe(32);
    expect((await import('node:fs')).statSync(cache).mode & 0o777).toBe(0o700);
    chmodSync(path.join(cache, 'key'), 0o644);
    const r = await acta(['validate']);
    expect(r.stderr).toMatch(/otros pueden leer o escribir la clave de la caché \(modo 644\)/);
    expect((await acta(['validate', '--lang', 'en'])).stderr).toMatch(/the cache key may be read or written by others \(mode 644\)/);
  });
});
