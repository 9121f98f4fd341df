// Writers at the same time (issue 26, points 1 and 3), with real processes: two `acta done` on one file lose nothing
// (the records lock), and an edit racing a `done` never puts the entry on the wrong point (the point is located and
// the entry applied on the same bytes, written only if the file still holds them). 2 rounds in npm test;
// ACTA_LONG_RACES=1 runs the 50 rounds of the done-when.
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actaProcessAsync, REPO_ROOT } from '../run-acta.js';

const ROUNDS = process.env['ACTA_LONG_RACES'] ? 50 : 2;
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
  }, 120_000);
});

// Points 3 and 4 of the meeting, swapped in the text (an editor moving a block), written atomically as editors do.
function swapped(text: string): string {
  const start3 = text.indexOf('  - number: "3"\n');
  const start4 = text.indexOf('  - number: "4"\n');
  const end4 = text.indexOf('  - number: "5"\n');
  return text.slice(0, start3) + text.slice(start4, end4) + text.slice(start3, start4) + text.slice(end4);
}

describe('an edit racing acta done', () => {
  it(`never puts the entry on the wrong point: ${ROUNDS} rounds of swapping points 3 and 4 while done #4 runs`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      writeFileSync(file(), original);
      let stop = false;
      const versions = [swapped(original), original];
      let edits = 0;
      const editor = (async () => {
        // Swap back and forth, every few milliseconds, until done has finished.
        while (!stop) {
          writeFileSync(`${file()}.editor`, versions[edits++ % 2]!);
          renameSync(`${file()}.editor`, file());
          await new Promise((resolve) => setTimeout(resolve, 2 + (round % 5)));
        }
      })();
      const r = await acta('done', '2017-06-21-red-trata#4', '--on', '2017-08-01');
      stop = true;
      await editor;
      if (r.code !== 0) expect(r.stderr, `round ${round}`).toMatch(/changed on disk while acta was working: nothing written/);
      const withEntry = agreements().filter((a) => (a.followup ?? []).some((f) => f.date === '2017-08-01')).map((a) => a.number);
      // The entry is on point 4 or (when the editor's next save replaced the file) nowhere — never on point 3.
      expect(withEntry.filter((n) => n !== '4'), `round ${round}`).toEqual([]);
    }
  }, 120_000);
});
