// Parsing in worker threads gives byte-for-byte the output of parsing on one thread, problems and positions included.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MEETING } from '../validate/harness.js';

function corpus(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'acta-pool-'));
  cpSync(path.resolve('test/fixtures/validate-errors/registries'), path.join(root, 'registries'), { recursive: true });
  writeFileSync(path.join(root, 'acta.yaml'), 'name: { es: Prueba }\n');
  mkdirSync(path.join(root, 'meetings'));
  for (let i = 0; i < 240; i++) {
    const day = `2017-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const id = `${day}-red-nna-${i}`;
    let text = MEETING.replace(/2017-03-16-red-nna/g, id).replace('start: 2017-03-16', `start: ${day}`).replace('end: 2017-03-17\n', '');
    if (i % 17 === 0) text = text.replace('actors: [iom]', 'actors: [oim]');
    if (i % 23 === 0) text = text.replace('body: red-nna', 'body: red-nna\nbody: grcm');
    if (i % 29 === 0) text = text.replace('number: "1"', 'number: 1.10');
    writeFileSync(path.join(root, 'meetings', `${id}.yaml`), text);
  }
  return root;
}

describe('parse workers', () => {
  it('give the same diagnostics, at the same positions, as one thread', () => {
    const root = corpus();
    const run = (workers: string): string => spawnSync(process.execPath, [path.resolve('bin/acta.js'), 'validate', '--root', root, '--format', 'json'], { encoding: 'utf8', env: { ...process.env, ACTA_WORKERS: workers } }).stdout;
    const serial = run('0');
    expect(JSON.parse(serial).summary.errors).toBeGreaterThan(20);
    expect(run('2')).toBe(serial);
  });
});

describe('a parse worker that dies', () => {
  it('leaves its files, and every later one, to the live workers or this thread: all answered, none hang', async () => {
    const { startParsePool } = await import('../../src/io/parse-pool.js');
    const { parseRecordFile } = await import('../../src/core/read/parse.js');
    const { Worker } = await import('node:worker_threads');
    // Two workers that exit at once (as an out-of-memory worker would), before or after jobs reach them.
    const pool = startParsePool(2, () => new Worker('process.exit(1)', { eval: true }));
    try {
      const bytes = new TextEncoder().encode(MEETING);
      const early = pool.parse('meetings/a.yaml', bytes);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const late = Array.from({ length: 5 }, (_, i) => pool.parse(`meetings/${i}.yaml`, bytes));
      const answers = await Promise.race([Promise.all([early, ...late]), new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 5_000))]);
      expect(answers).not.toBe('hung');
      expect((answers as { data: unknown }[]).map((a) => a.data)).toEqual(Array(6).fill(parseRecordFile('x.yaml', bytes).data));
    } finally {
      await pool.close();
    }
  });
});
