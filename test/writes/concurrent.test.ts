// Writers at the same time (issue 26, points 1 and 3), with real processes: two `acta done` on one file lose nothing
// (the records lock), and an edit racing a `done` never puts the entry on the wrong point (the point is located and
// the entry applied on the same bytes, written only if the file still holds them). 2 rounds (3 of the race) in npm test;
// ACTA_LONG_RACES=1 runs the 50 rounds of the done-when.
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os, { hostname } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SaidError } from '../../src/io/files.js';
import { LOCK_FILE, withRecordsLock } from '../../src/io/lock.js';
import { saidText } from '../../src/render/diagnostic-text.js';
import { actaProcessAsync, REPO_ROOT } from '../run-acta.js';

const ROUNDS = process.env['ACTA_LONG_RACES'] ? 50 : 2;
// The race of an edit is a matter of timing: 3 rounds catch a misplacement most times, the 50 of the long run always.
const RACE_ROUNDS = process.env['ACTA_LONG_RACES'] ? 50 : 3;
// A round is two or three process starts: on a loaded machine, seconds each.
const TIMEOUT = 30_000 + Math.max(ROUNDS, RACE_ROUNDS) * 20_000;
const TRATA = 'meetings/2017-06-21-red-trata.yaml';
let dir: string;
let original: string;
const file = (): string => path.join(dir, TRATA);

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'acta-race-'));
  cpSync(path.join(REPO_ROOT, 'data'), dir, { recursive: true });
  original = readFileSync(file(), 'utf8');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Agreement = { number: string; items?: Agreement[]; followup?: { date: string; delivered_by?: string[] }[] };
const agreements = (): Agreement[] => (parse(readFileSync(file(), 'utf8')) as { agreements: Agreement[] }).agreements;
// No parse workers: each process parses five files, faster on its own thread.
const acta = (...args: string[]) => actaProcessAsync([...args, '--root', dir], { cwd: dir, env: { ACTA_WORKERS: '0' } });

describe('two acta done at once', () => {
  it(`lose nothing: both entries are in the file, ${ROUNDS} rounds`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      writeFileSync(file(), original);
      const [mx, gt] = await Promise.all([
        acta('done', '2017-06-21-red-trata#2.b', '--by', 'MX', '--on', '2017-07-20'),
        acta('done', '2017-06-21-red-trata#2.b', '--by', 'GT', '--on', '2017-07-21'),
      ]);
      expect([mx.code, mx.stderr, gt.code, gt.stderr]).toEqual([0, '', 0, '']);
      const entries = agreements()[1]!.items![1]!.followup ?? [];
      expect(entries.map((e) => `${e.date} ${e.delivered_by?.join(',')}`).sort(), `round ${round}`).toEqual(['2017-07-20 MX', '2017-07-21 GT']);
    }
    expect(existsSync(path.join(dir, '.acta.lock')), 'the lock is released').toBe(false);
  }, TIMEOUT);
});

// Points 3 and 4 of the meeting swapped in the text as it is now (an editor moving a block, whatever entries the
// blocks hold: an entry moves with its point), written atomically as editors do.
function swapped(text: string): string {
  const at = (n: string): number => text.indexOf(`\n  - number: "${n}"\n`) + 1;
  const [first, second] = [at('3'), at('4')].sort((a, b) => a - b) as [number, number];
  const end = at('5');
  return text.slice(0, first) + text.slice(second, end) + text.slice(first, second) + text.slice(end);
}

describe('an edit racing acta done', () => {
  it(`never puts the entry on the wrong point: ${RACE_ROUNDS} rounds of swapping points 3 and 4 while done #4 runs`, async () => {
    const outcomes = { written: 0, refused: 0 };
    for (let round = 0; round < RACE_ROUNDS; round++) {
      writeFileSync(file(), original);
      let stop = false;
      const editor = (async () => {
        // Swap back and forth, every few milliseconds, until done has finished.
        while (!stop) {
          writeFileSync(`${file()}.editor`, swapped(readFileSync(file(), 'utf8')));
          renameSync(`${file()}.editor`, file());
          await new Promise((resolve) => setTimeout(resolve, 2 + (round % 5)));
        }
      })();
      const r = await acta('done', '2017-06-21-red-trata#4', '--on', '2017-08-01');
      stop = true;
      await editor;
      outcomes[r.code === 0 ? 'written' : 'refused']++;
      if (r.code !== 0) expect(r.stderr, `round ${round}`).toMatch(/cambió en el disco mientras acta trabajaba: no se escribió nada/);
      const withEntry = agreements().filter((a) => (a.followup ?? []).some((f) => f.date === '2017-08-01')).map((a) => a.number);
      // The entry is on point 4 or (when the editor's next save replaced the file) nowhere — never on point 3.
      expect(withEntry.filter((n) => n !== '4'), `round ${round}`).toEqual([]);
    }
    if (process.env['ACTA_LONG_RACES']) console.log(`racing edits: ${RACE_ROUNDS} rounds, done wrote ${outcomes.written}, refused ${outcomes.refused} (file changed while it worked), misplaced 0`);
  }, TIMEOUT);
});

describe('a lock held by a live writer', () => {
  // This test process holds the lock (its own pid and host, as a running acta writes it): a writer that waits past
  // its time is refused, in the run's language, naming the holder and the lock file.
  it('refuses after the wait, in Spanish and in English, and writes nothing', async () => {
    const lock = path.join(dir, LOCK_FILE);
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname(), token: 'ab' }) + '\n');
    let ran = false;
    const refusal = await withRecordsLock(dir, async () => void (ran = true), { waitMs: 30 }).then(() => undefined, (e: unknown) => e);
    rmSync(lock);
    expect(ran).toBe(false);
    expect(refusal).toBeInstanceOf(SaidError);
    const said = (refusal as SaidError).said;
    expect(saidText(said, 'es')).toBe(`otro comando de acta está escribiendo en ${dir} (el proceso ${process.pid}): no se escribió nada; vuelva a ejecutar el comando cuando haya terminado — o, si no hay ningún comando de acta en marcha, borre ${lock}`);
    expect(saidText(said, 'en')).toBe(`another acta command is writing in ${dir} (process ${process.pid}): nothing written; run the command again when it has finished — or, if no acta command is running, remove ${lock}`);
  });

  it('an unreadable lock is named as such, on another host with its host', async () => {
    const lock = path.join(dir, LOCK_FILE);
    writeFileSync(lock, 'garbage');
    const unreadable = await withRecordsLock(dir, async () => undefined, { waitMs: 30 }).then(() => undefined, (e: unknown) => e);
    writeFileSync(lock, JSON.stringify({ pid: 4242, host: 'elsewhere.example', token: 'ab' }));
    const remote = await withRecordsLock(dir, async () => undefined, { waitMs: 30 }).then(() => undefined, (e: unknown) => e);
    rmSync(lock);
    expect(saidText((unreadable as SaidError).said, 'es')).toContain('(un bloqueo ilegible)');
    expect(saidText((unreadable as SaidError).said, 'en')).toContain('(an unreadable lock)');
    expect(saidText((remote as SaidError).said, 'es')).toContain('(el proceso 4242 en elsewhere.example)');
    expect(saidText((remote as SaidError).said, 'en')).toContain('(process 4242 on elsewhere.example)');
  });
});
