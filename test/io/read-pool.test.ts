// Reading on a worker gives exactly what reading on the main thread gives: the same bytes, the same refusals,
// and so the same repository. Runs the built code (dist/): a worker thread cannot load TypeScript.
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

type ReadPool = typeof import('../../src/io/read-pool.js');
type Load = typeof import('../../src/io/load.js');
type Source = typeof import('../../src/io/source.js');
const built = async <T>(file: string): Promise<T> => (await import(pathToFileURL(path.resolve('dist', file)).href)) as T;

const ROOT = path.resolve('test/.tmp/read-pool');
// Bytes from a worker arrive as a Uint8Array, read here as a Buffer (a Uint8Array too): compare the bytes.
const plain = (o: { bytes: Uint8Array } | { reason: string }) => ('bytes' in o ? { bytes: [...o.bytes] } : o);
// Without its reference to an earlier meeting, which the copies would all report.
const MEETING = readFileSync('data/meetings/2017-03-16-red-nna.yaml', 'utf8').replace(/^ {2}- ref: .*\n/m, '');

beforeAll(() => {
  rmSync(ROOT, { recursive: true, force: true });
  mkdirSync(path.join(ROOT, 'meetings'), { recursive: true });
  mkdirSync(path.join(ROOT, 'registries'), { recursive: true });
  for (const f of ['bodies', 'countries', 'groups', 'organisations']) writeFileSync(path.join(ROOT, 'registries', `${f}.yaml`), readFileSync(`data/registries/${f}.yaml`));
  writeFileSync(path.join(ROOT, 'acta.yaml'), readFileSync('data/acta.yaml'));
  // 240 meetings (past the worker threshold), a few of them broken, plus files that must not be read.
  for (let i = 0; i < 240; i++) {
    const id = `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-16-red-nna`;
    let text = MEETING.replace(/^id: .*$/m, `id: ${id}`);
    if (i % 50 === 7) text = text.replace('session: ordinary', 'session: ordinary\nsession: twice');
    if (i % 50 === 9) text = text.replace('actors: [iom]', 'actors: [iom, nobody]');
    if (i % 50 === 11) text = '\ufeff' + text.replace(/\n/g, '\r\n');
    writeFileSync(path.join(ROOT, 'meetings', `${id}.yaml`), text);
  }
  writeFileSync(path.join(ROOT, 'meetings', 'empty.yaml'), '');
  symlinkSync('/nonexistent/x.yaml', path.join(ROOT, 'meetings', 'dangling.yaml'));
  symlinkSync(path.resolve('package.json'), path.join(ROOT, 'meetings', 'outside.yaml'));
});

afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

describe('reading on a worker', () => {
  it('gives every file the same outcome as reading on the main thread, in order', async () => {
    const { readAhead, readOnWorker } = await built<ReadPool>('io/read-pool.js');
    const { diskSource } = await built<Source>('io/source.js');
    const source = diskSource(ROOT);
    const names = await source.list();
    let started = 0;
    const emit = Worker.prototype.emit;
    Worker.prototype.emit = function (this: Worker, event: string | symbol, ...args: unknown[]) {
      if (event === 'online') started++;
      return emit.call(this, event, ...args);
    } as typeof emit;
    try {
      const onWorker = readOnWorker(ROOT, names);
      const here = readAhead(source, names, 8);
      for (let i = 0; i < names.length; i++) expect(plain(await onWorker.next(i)), names[i]).toEqual(plain(await here.next(i)));
      onWorker.close();
    } finally {
      Worker.prototype.emit = emit;
    }
    expect(started).toBe(1);
  });

  it('loads the same repository either way', async () => {
    const { loadRepository } = await built<Load>('io/load.js');
    const a = await loadRepository(ROOT, [], { readOnWorker: true });
    const b = await loadRepository(ROOT, [], { readOnWorker: false });
    expect(a.diagnostics.length).toBeGreaterThan(5);
    expect(a.diagnostics).toEqual(b.diagnostics);
    expect(a.fileNames).toEqual(b.fileNames);
    expect(a.records.files.map((f) => [f.file, f.data])).toEqual(b.records.files.map((f) => [f.file, f.data]));
  });
});
