// Parsing in worker threads gives byte-for-byte the output of parsing on one thread, problems and positions included.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MEETING } from '../validate/harness.js';
import { meetingCorpus } from './meeting-corpus.js';

// 240 meetings with problems: unknown actors, duplicate keys, numbers as points' numbers.
function corpus(): string {
  return meetingCorpus('acta-pool-', 240, (text, i) => {
    if (i % 17 === 0) text = text.replace('actors: [iom]', 'actors: [oim]');
    if (i % 23 === 0) text = text.replace('body: red-nna', 'body: red-nna\nbody: grcm');
    if (i % 29 === 0) text = text.replace('number: "1"', 'number: 1.10');
    return text;
  });
}

// The built binary's `validate --root CORPUS ARGS` under ACTA_WORKERS=workers (the parse cache off), its output. Each
// command runs once for the file: validate's workers are check workers, so the first two tests compare the same runs
// (0.8 s of CPU a run, most of it the process and its workers starting), on one corpus (written once, read only).
let sharedCorpus: string | undefined;
const validated = new Map<string, string>();
function validateOutput(workers: string, ...args: string[]): string {
  const key = [workers, ...args].join(' ');
  if (!validated.has(key)) {
    sharedCorpus ??= corpus();
    validated.set(key, spawnSync(process.execPath, [path.resolve('bin/acta.js'), 'validate', '--root', sharedCorpus, ...args], { encoding: 'utf8', env: { ...process.env, ACTA_CACHE: '0', ACTA_WORKERS: workers } }).stdout);
  }
  return validated.get(key)!;
}

describe('parse workers', () => {
  it('give the same diagnostics, at the same positions, as one thread', () => {
    const serial = validateOutput('0', '--format', 'json');
    expect(JSON.parse(serial).summary.errors).toBeGreaterThan(20);
    expect(validateOutput('2', '--format', 'json')).toBe(serial);
  });
});

describe('check workers (validate, the parse cache off)', () => {
  it('give the same output as one thread, problems and positions included, with and without --as-of', () => {
    const run = validateOutput;
    for (const [workers, ...args] of [['2', '--format', 'json'], ['1', '--format', 'text', '--as-of', '2017-06-01']] as const) {
      const serial = run('0', ...args);
      expect(serial.length).toBeGreaterThan(1000);
      expect(run(workers, ...args)).toBe(serial);
    }
  });

  it("the build's worker answers a valid meeting with its facts and results (not left to this thread)", async () => {
    const { startCheckPool } = await import('../../src/io/parse-pool.js');
    const { Worker } = await import('node:worker_threads');
    const pool = startCheckPool(1, () => new Worker(path.resolve('dist/bundle/parse-worker.js')));
    try {
      const registries = path.resolve('test/fixtures/validate-errors/registries');
      const { readdirSync, readFileSync } = await import('node:fs');
      pool.context(readdirSync(registries).map((f) => ({ file: `registries/${f}`, bytes: readFileSync(path.join(registries, f)) })), { asOf: '2017-06-01' });
      const alone = await pool.check('meetings/2017-03-16-red-nna.yaml', new TextEncoder().encode(MEETING.replace('actors: [iom]', 'actors: [oim]')));
      expect(alone?.kind).toBe('meeting');
      expect((alone?.facts as { id: string }).id).toBe('2017-03-16-red-nna');
      // The unknown actor is a Later (its "did you mean" waits for the run's end), as plain data.
      expect(alone?.results.flat()).toContainEqual(expect.objectContaining({ later: 'miss', code: 'ref/unknown-actor', value: 'oim' }));
      expect(await pool.check('meetings/x.yaml', new TextEncoder().encode('record: meeting\n'))).toBeUndefined();
      // The worker counts the bytes it has checked (the shared counter): a file larger than HAND_BYTES, once answered,
      // is no longer in its hand.
      const { HAND_BYTES } = await import('../../src/io/parse-pool.js');
      const big = new TextEncoder().encode(`${MEETING}${'# a long comment line\n'.repeat(Math.ceil((HAND_BYTES * 1.5) / 22))}`);
      const sent = pool.check('meetings/2017-03-16-red-nna.yaml', big);
      expect(pool.busy(0)).toBe(true);
      expect((await sent)?.kind).toBe('meeting');
      expect(pool.busy(0)).toBe(false);
    } finally {
      await pool.close();
    }
  });

  it('this thread checks a file itself when the worker has HAND_BYTES beyond that file in hand (bytes sent, not answered)', async () => {
    const { startCheckPool, HAND_BYTES } = await import('../../src/io/parse-pool.js');
    const { Worker } = await import('node:worker_threads');
    // A worker that takes every file and answers none: what it has in hand is what was sent.
    const pool = startCheckPool(1, () => new Worker("require('node:worker_threads').parentPort.on('message', () => {})", { eval: true }));
    try {
      pool.context([], {});
      expect(pool.busy(0)).toBe(false);
      void pool.check('meetings/a.yaml', new Uint8Array(HAND_BYTES - 1000));
      expect(pool.busy(0)).toBe(false);
      void pool.check('meetings/b.yaml', new Uint8Array(3000));
      // HAND_BYTES + 2,000 in hand: enough for a file of up to 2,000 bytes, not for a larger one.
      expect(pool.busy(0)).toBe(true);
      expect(pool.busy(2000)).toBe(true);
      expect(pool.busy(2001)).toBe(false);
    } finally {
      await pool.close();
    }
  });

  it("sends a file's own bytes, not the whole buffer a file read into a block is a view of", async () => {
    const { startCheckPool } = await import('../../src/io/parse-pool.js');
    const { Worker } = await import('node:worker_threads');
    // A worker that answers each file with the size of the buffer it was given and the bytes it holds.
    const echo = "const { parentPort } = require('node:worker_threads'); parentPort.on('message', (m) => { if (m.type !== 'context') parentPort.postMessage({ id: m.id, alone: { buffer: m.bytes.buffer.byteLength, text: Buffer.from(m.bytes).toString() } }); });";
    const pool = startCheckPool(1, () => new Worker(echo, { eval: true }));
    try {
      pool.context([], {});
      const block = new Uint8Array(1 << 20);
      block.set(Buffer.from('record: meeting\n'), 4096);
      const file = block.subarray(4096, 4096 + 16);
      expect(await pool.read('meetings/a.yaml', file, false)).toEqual({ buffer: 16, text: 'record: meeting\n' });
      expect(await pool.check('meetings/b.yaml', file)).toEqual({ buffer: 16, text: 'record: meeting\n' });
    } finally {
      await pool.close();
    }
  });
});

// A job given to workers that exit at once (as an out-of-memory worker would), and five more once they may be gone —
// before or after the jobs reach them, either way each must be answered; 'hung' if they are not within 20 s (a bound
// for a hang, not a speed: far above a worker's exit on a loaded machine, below vitest's 30 s test timeout).
async function earlyAndLate<T>(send: (file: string) => Promise<T>): Promise<T[] | 'hung'> {
  const early = send('meetings/a.yaml');
  await new Promise((resolve) => setTimeout(resolve, 200));
  const late = Array.from({ length: 5 }, (_, i) => send(`meetings/${i}.yaml`));
  return orHung(Promise.all([early, ...late]));
}

function orHung<T>(answer: Promise<T>): Promise<T | 'hung'> {
  return Promise.race([answer, new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 20_000))]);
}

describe('a check worker that dies', () => {
  it('leaves its files, and every later one, to this thread: all answered (undefined: check it here), none hang', async () => {
    const { startCheckPool } = await import('../../src/io/parse-pool.js');
    const { Worker } = await import('node:worker_threads');
    const pool = startCheckPool(2, () => new Worker('process.exit(1)', { eval: true }));
    try {
      pool.context([], {});
      const bytes = new TextEncoder().encode(MEETING);
      expect(await earlyAndLate((file) => pool.check(file, bytes))).toEqual(Array(6).fill(undefined));
      // Both are gone (each was given a file: the one with fewer in hand gets the next), so this thread checks the rest.
      expect(pool.busy(bytes.length)).toBe(true);
      expect(await pool.check('meetings/z.yaml', bytes)).toBeUndefined();
    } finally {
      await pool.close();
    }
  });

  it('one that throws on a file: that file and its later ones are checked on this thread, the answer the same', async () => {
    const { startCheckPool } = await import('../../src/io/parse-pool.js');
    const { Worker } = await import('node:worker_threads');
    // A worker that answers the context and then fails on the first file it is given.
    const pool = startCheckPool(1, () => new Worker("require('node:worker_threads').parentPort.on('message', (m) => { if (m.type === 'check') throw new Error('boom'); })", { eval: true }));
    try {
      pool.context([], {});
      expect(await orHung(pool.check('meetings/a.yaml', new TextEncoder().encode(MEETING)))).toBeUndefined();
      expect(pool.busy(0)).toBe(true);
    } finally {
      await pool.close();
    }
  });
});

describe('a parse worker that dies', () => {
  it('leaves its files, and every later one, to the live workers or this thread: all answered, none hang', async () => {
    const { startParsePool } = await import('../../src/io/parse-pool.js');
    const { parseRecordFile } = await import('../../src/core/read/parse.js');
    const { Worker } = await import('node:worker_threads');
    const pool = startParsePool(2, () => new Worker('process.exit(1)', { eval: true }));
    try {
      const bytes = new TextEncoder().encode(MEETING);
      const answers = await earlyAndLate((file) => pool.parse(file, bytes));
      expect(answers).not.toBe('hung');
      expect((answers as { data: unknown }[]).map((a) => a.data)).toEqual(Array(6).fill(parseRecordFile('x.yaml', bytes).data));
    } finally {
      await pool.close();
    }
  });
});

describe('how many check workers', () => {
  it('none under CHECK_WORKERS_FROM record files or on one core; one per core but this thread above; ACTA_WORKERS=N says', async () => {
    const { CHECK_WORKERS_FROM, checkPoolSize } = await import('../../src/io/parse-pool.js');
    expect(checkPoolSize(CHECK_WORKERS_FROM - 1, {}, 2)).toBe(0);
    expect(checkPoolSize(CHECK_WORKERS_FROM, {}, 2)).toBe(1);
    expect(checkPoolSize(CHECK_WORKERS_FROM, {}, 8)).toBe(3);
    expect(checkPoolSize(100_000, {}, 1)).toBe(0);
    expect(checkPoolSize(100_000, { ACTA_WORKERS: '0' }, 2)).toBe(0);
    expect(checkPoolSize(10, { ACTA_WORKERS: '2' }, 1)).toBe(2);
  });
});
