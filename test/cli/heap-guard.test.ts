// Out of heap is a clear refusal, not V8's abort (io/heap.ts). A V8 heap that fills aborts the process — "FATAL ERROR:
// … JavaScript heap out of memory", a native stack trace, exit by signal 6 — which is what acta did on a set too large
// for the heap Node gave it. Here a real run on a real set under a heap too small for it (a subprocess: the heap's
// limit is a process's, and running out of it is the point) must end with the catalog's message, exit 2, no stack
// trace, and no file written, half or whole. Without the guard the same runs abort (checked: exit 134, FATAL ERROR).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module without types (the benchmark's corpus generator)
import { generateCorpus } from '../../bench/generate-corpus.mjs';
import { BIN, REPO_ROOT } from '../run-acta.js';

let base = '';
let corpus = '';
// 250 meetings, as the bench's smallest set: loaded, it holds more than 20 MB of heap.
beforeAll(() => {
  base = mkdtempSync(path.join(os.tmpdir(), 'acta-heap-guard-'));
  corpus = path.join(base, 'records');
  generateCorpus(corpus, { meetings: 250, agreements: 15, scale: 0.1, seed: 20170316, registries: path.join(REPO_ROOT, 'data/registries') });
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

function underHeap(mb: number, args: readonly string[], lang = 'es', v8Flags: readonly string[] = []) {
  return spawnSync(process.execPath, [`--max-old-space-size=${mb}`, ...v8Flags, BIN, '--root', corpus, '--as-of', '2002-01-20', '--lang', lang, ...args], { encoding: 'utf8', env: { ...process.env, ACTA_CACHE: '0', NO_COLOR: '1' }, timeout: 120_000 });
}

describe('a run that runs out of heap', () => {
  it.each([
    ['report -f docx, while its records load', 20, 'es', ['report', '-f', 'docx']],
    // 20 MB: the records load and are checked within it (statement MX -f json runs at 19 MB), the Word document does
    // not fit (it needs 21 MB since the bundle is ASCII, ~2 MB of heap less: its source one byte a character; 23–24 MB
    // before, and over 26 MB before the statement's table forms stopped loading Handlebars and the docx library).
    ['statement MX -f docx, after its records are checked', 20, 'en', ['statement', 'MX', '-f', 'docx']],
    // Node 24 on a large machine gives the young generation three 64 MB semi-spaces: V8's whole limit is then 212 MB
    // under --max-old-space-size=20, and a guard that took 48 MB off it for the young generation (Node 20's) never
    // stopped in time (V8 aborted: SIGABRT). The same young generation, set here on whatever Node runs the test.
    ['report -f docx under a young generation of 192 MB (Node 24\'s)', 20, 'es', ['report', '-f', 'docx'], ['--max-semi-space-size=64']],
  ])('%s: the catalog message, exit 2, no stack trace, no file written', (_what, mb, lang, args, v8Flags = []) => {
    const out = path.join(base, `out-${mb}-${(args as string[])[0]}-${(v8Flags as string[]).length}`);
    mkdirSync(out);
    const r = underHeap(mb as number, [...(args as string[]), '-o', path.join(out, 'informe.docx')], lang as string, v8Flags as string[]);
    expect(r.signal, r.stderr.slice(0, 400)).toBeNull();
    expect(r.status, r.stderr.slice(0, 400)).toBe(2);
    const words = lang === 'es' ? 'sin memoria: el montículo de Node' : "out of memory: Node's heap";
    expect(r.stderr).toContain(`acta: ${words} (${mb} MB)`);
    expect(r.stderr).toContain(`NODE_OPTIONS=--max-old-space-size=1024`);
    expect(r.stderr).not.toMatch(/FATAL ERROR|heap out of memory|^\s+at |Native stack/m);
    expect(r.stdout).toBe('');
    // Nothing in the output folder: neither the document nor its temporary file.
    expect(readdirSync(out)).toEqual([]);
  });
});
