// fmt --check with the cache on: contents found canonical are not formatted again; a changed byte is checked again.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runActa } from '../run-acta.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'acta-fmt-cache-'));
const root = path.join(dir, 'root');
const cache = path.join(dir, 'cache');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const check = (): ReturnType<typeof runActa> => runActa(['fmt', '--check'], { cwd: root, env: { ACTA_CACHE: '1', ACTA_CACHE_DIR: cache } });

describe('acta fmt --check and the cache', () => {
  it('a second run gives the same answer from what the first found canonical; an edited file is formatted again', async () => {
    cpSync(path.resolve('data'), root, { recursive: true });
    const plain = await runActa(['fmt', '--check'], { cwd: root });
    const first = await check();
    expect(first.stdout).toBe(plain.stdout);
    expect(first.code).toBe(0);
    expect(readdirSync(path.join(cache, 'fmt'))).toHaveLength(1);
    // The parse entries gone: had the second run parsed (and formatted) any file, it would have written one again.
    rmSync(path.join(cache, 'parse'), { recursive: true, force: true });
    mkdirSync(path.join(cache, 'parse'));
    const second = await check();
    expect(second.stdout).toBe(first.stdout);
    expect(readdirSync(path.join(cache, 'parse'))).toHaveLength(0);
    const meeting = path.join(root, 'meetings/2017-03-16-red-nna.yaml');
    writeFileSync(meeting, readFileSync(meeting, 'utf8').replace(/^record: meeting$/m, "record: 'meeting'"));
    const edited = await check();
    expect(edited.code).toBe(1);
    expect(edited.stdout).toContain('se reformatearía meetings/2017-03-16-red-nna.yaml');
  });
});
