// The stat index and validate's cached results (io/cache-stat.ts, io/cache-results.ts): the racily clean rule, links,
// and stores that are corrupt, truncated, foreign or of another build — each a miss, never a crash, never trusted.
import { cpSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/core/read/index.js';
import { resultCounts } from '../../src/io/cache-results.js';
import type { StatEntry } from '../../src/io/cache-stat.js';
import { entryHolds, HASH_CAP, racilyClean, RACY_MS, snapshotRoot, statClock, statCounts } from '../../src/io/cache-stat.js';
import { BIN, runActa } from '../run-acta.js';
import { tempFolders } from './temp-folders.js';

const { temp, cleanup } = tempFolders();
afterEach(() => {
  statClock.now = () => Date.now();
  cleanup();
});

const SECOND = 1_000_000_000n;
const read = 1_700_000_000_000; // ms
const ns = (ms: number): bigint => BigInt(ms) * 1_000_000n;
const entry = (over: Partial<StatEntry> = {}): StatEntry => ({ size: 10, mtimeNs: ns(read) - 60n * SECOND, ctimeNs: ns(read) - 60n * SECOND, ino: 7n, dev: 1n, real: 'meetings/a.yaml', hash: 'a'.repeat(64), blob: 'b'.repeat(40), readAtMs: read, ...over });
const statOf = (e: StatEntry): Parameters<typeof entryHolds>[1] => ({ size: BigInt(e.size), mtimeNs: e.mtimeNs, ctimeNs: e.ctimeNs, ino: e.ino, dev: e.dev });

describe('the stat index', () => {
  it('believes an entry only with the same size, times, inode, device and real path, and not racily clean', () => {
    const e = entry();
    expect(entryHolds(e, statOf(e), e.real)).toBe(true);
    expect(entryHolds(e, { ...statOf(e), size: 11n }, e.real)).toBe(false);
    expect(entryHolds(e, { ...statOf(e), mtimeNs: e.mtimeNs + 1n }, e.real)).toBe(false);
    expect(entryHolds(e, { ...statOf(e), ctimeNs: e.ctimeNs + 1n }, e.real)).toBe(false);
    expect(entryHolds(e, { ...statOf(e), ino: 8n }, e.real)).toBe(false);
    expect(entryHolds(e, { ...statOf(e), dev: 2n }, e.real)).toBe(false);
    expect(entryHolds(e, statOf(e), 'meetings/b.yaml')).toBe(false);
  });

  it('reads again a file changed less than RACY_MS before it was read (git\'s racily clean), by its mtime or its ctime', () => {
    const limit = ns(read - RACY_MS);
    expect(racilyClean(entry({ mtimeNs: limit - 1n, ctimeNs: limit - 1n }))).toBe(false);
    expect(racilyClean(entry({ mtimeNs: limit, ctimeNs: limit - 1n }))).toBe(true);
    expect(racilyClean(entry({ mtimeNs: limit - 1n, ctimeNs: limit }))).toBe(true);
    // Changed in the very tick it was read: the same stat may hide a second change, so the stat is not enough.
    const same = entry({ mtimeNs: ns(read), ctimeNs: ns(read) });
    expect(entryHolds(same, statOf(same), same.real)).toBe(false);
  });

  it('hashes every file the reader would parse (HASH_CAP is at least LIMITS.bytes)', () => {
    expect(HASH_CAP).toBeGreaterThanOrEqual(LIMITS.bytes);
  });

  it('a real run: files just written are read again until they are old enough, then not', async () => {
    const root = temp('acta-stat-root-');
    cpSync('test/fixtures/validate-errors', root, { recursive: true });
    const env = { ACTA_CACHE: '1', ACTA_CACHE_DIR: temp('acta-stat-cache-') };
    const files = (await snapshotRoot(root, env)).files.length;
    const count = async (): Promise<number> => {
      const before = statCounts.hashed;
      (await snapshotRoot(root, env)).save();
      return statCounts.hashed - before;
    };
    expect(await count()).toBe(files); // nothing in the index
    expect(await count()).toBe(files); // all written a moment ago: racily clean
    statClock.now = () => Date.now() + 2 * RACY_MS;
    expect(await count()).toBe(files); // read once more, long after their last change…
    expect(await count()).toBe(0); // …and then believed
    writeFileSync(path.join(root, 'registries/bodies.yaml'), readFileSync(path.join(root, 'registries/bodies.yaml')));
    expect(await count()).toBe(1);
  });

  it('links: one inside the root is a file like another (retargeted, read again); one out of the root keys nothing', async () => {
    const root = temp('acta-stat-root-');
    cpSync('test/fixtures/validate-errors', root, { recursive: true });
    const env = { ACTA_CACHE: '1', ACTA_CACHE_DIR: temp('acta-stat-cache-') };
    statClock.now = () => Date.now() + 2 * RACY_MS;
    const link = path.join(root, 'meetings/link.yaml');
    symlinkSync('2017-06-21-red-trata.yaml', link);
    const args = ['validate', '--root', root, '--format', 'json'];
    const run = (): ReturnType<typeof runActa> => runActa(args, { env });
    const cold = (): ReturnType<typeof runActa> => runActa(args, { env: { ACTA_CACHE: '0' } });
    expect(await run()).toEqual(await cold());
    expect((await snapshotRoot(root, env)).hashes?.get('meetings/link.yaml')).toBe((await snapshotRoot(root, env)).hashes?.get('meetings/2017-06-21-red-trata.yaml'));
    rmSync(link);
    symlinkSync('2017-03-16-red-nna.yaml', link);
    expect(await run()).toEqual(await cold());
    const outside = temp('acta-stat-outside-');
    writeFileSync(path.join(outside, 'x.yaml'), 'record: meeting\n');
    rmSync(link);
    symlinkSync(path.join(outside, 'x.yaml'), link);
    expect((await snapshotRoot(root, env)).hashes).toBeUndefined();
    const warm = await run();
    expect(warm).toEqual(await cold());
    expect(warm.stdout).toContain('file/unreadable');
  });
});

describe('stores that cannot be trusted are misses', () => {
  it.each(['flipped', 'truncated', 'empty', 'garbage', 'foreign key'] as const)('%s stat index and results: the same output, no crash, written again', async (how) => {
    const root = temp('acta-stat-root-');
    cpSync('test/fixtures/validate-errors', root, { recursive: true });
    const cache = temp('acta-stat-cache-');
    const env = { ACTA_CACHE: '1', ACTA_CACHE_DIR: cache };
    statClock.now = () => Date.now() + 2 * RACY_MS;
    const args = ['validate', '--root', root, '--format', 'pretty'];
    const without = await runActa(args, { env: { ACTA_CACHE: '0' } });
    await runActa(args, { env });
    await runActa(args, { env });
    const stores = ['stat', 'results'].map((k) => path.join(cache, k, readdirSync(path.join(cache, k))[0]!));
    for (const store of stores) {
      const raw = readFileSync(store);
      if (how === 'flipped') raw[raw.length - 5]! ^= 1;
      writeFileSync(store, how === 'truncated' ? raw.subarray(0, raw.length >> 1) : how === 'empty' ? '' : how === 'garbage' ? Buffer.alloc(raw.length, 7) : raw);
    }
    // Another user's key (a store copied from elsewhere): nothing of it verifies.
    if (how === 'foreign key') writeFileSync(path.join(cache, 'key'), Buffer.alloc(32, 1), { mode: 0o600 });
    const [hits, hashed] = [resultCounts.hits, statCounts.hashed];
    expect(await runActa(args, { env })).toEqual(without);
    expect(resultCounts.hits - hits).toBe(0);
    expect(statCounts.hashed - hashed).toBe(7);
    // Written again, whole: the next run is answered from it.
    expect(await runActa(args, { env })).toEqual(without);
    expect(resultCounts.hits - hits).toBe(1);
  });
});

describe('a warm validate loads no record reader, schema or check', () => {
  it('the built acta, second run over the same files: ajv, the pipeline and the checks are not imported', () => {
    const root = temp('acta-stat-root-');
    cpSync('test/fixtures/validate-errors', root, { recursive: true });
    const log = path.join(temp('acta-stat-log-'), 'modules.txt');
    const hooks = path.join(path.dirname(log), 'hooks.mjs');
    writeFileSync(hooks, `import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) { appendFileSync(${JSON.stringify(log)}, url + '\\n'); return next(url, context); }\n`);
    const register = `data:text/javascript,import { register } from 'node:module'; register(${JSON.stringify(`file://${hooks}`)});`;
    const env = { ...process.env, CI: '', ACTA_CACHE: '1', ACTA_CACHE_DIR: temp('acta-stat-cache-'), NO_COLOR: '1' };
    // The modules tsc wrote, by their names (bin/acta.js runs them bundled, scripts/bundle.mjs, where each import() the
    // code makes is a chunk of its own: what is lazy here is lazy there).
    const entry = path.join(path.dirname(log), 'acta-modules.mjs');
    writeFileSync(entry, `import { main } from ${JSON.stringify(pathToFileURL(path.join(path.dirname(BIN), '..', 'dist', 'cli.js')).href)};\nmain(process.argv).then((code) => { process.exitCode = code; });\n`);
    const run = (): string => {
      rmSync(log, { force: true });
      const r = spawnSync(process.execPath, ['--import', register, entry, 'validate', '--root', root, '--format', 'text'], { env, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(1);
      return readFileSync(log, 'utf8');
    };
    const cold = run();
    for (const heavy of ['/dist/core/schema.js', '/dist/core/pipeline.js', '/dist/core/checks/', '/dist/io/load.js']) expect(cold).toContain(heavy);
    // A second run: too soon after the files were written for their stats to be believed, so they are hashed — and
    // still answered from the results, the content being the same.
    const warm = run();
    for (const heavy of ['node_modules/ajv/', '/dist/core/pipeline.js', '/dist/core/checks/', '/dist/core/schema.js', '/dist/io/load.js', '/dist/core/records.js']) expect(warm).not.toContain(heavy);
  });
});

describe("git's index, read for --changed-since (io/git.ts listIndex)", () => {
  it('parses `ls-files --stage --debug -z`: stage 0 under the folder only, flagged entries marked', async () => {
    const { parseIndexListing } = await import('../../src/io/git.js');
    const record = (mode: string, id: string, stage: number, file: string, flags = '0'): string =>
      `${mode} ${id} ${stage}\t${file}\0  ctime: 1796543746:650328104\n  mtime: 1796543745:5\n  dev: 65024\tino: 2411330\n  uid: 0\tgid: 0\n  size: 85\tflags: ${flags}\n`;
    const text = record('100644', 'a'.repeat(40), 0, 'records/acta.yaml') + record('100644', 'b'.repeat(40), 2, 'records/x.yaml') + record('100755', 'c'.repeat(40), 0, 'other/y.yaml') + record('100644', 'd'.repeat(40), 0, 'records/m/z.yaml', '4000');
    const entries = parseIndexListing(text, 'records');
    expect([...entries.keys()]).toEqual(['acta.yaml', 'm/z.yaml']);
    expect(entries.get('acta.yaml')).toEqual({ mode: '100644', object: 'a'.repeat(40), ctime: [1796543746n, 650328104n], mtime: [1796543745n, 5n], dev: 65024n, ino: 2411330n, size: 85n, flagged: false });
    expect(entries.get('m/z.yaml')?.flagged).toBe(true);
  });
});
