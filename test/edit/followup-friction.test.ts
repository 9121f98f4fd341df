// Friction in the follow-up commands (issue 23, points 5 and 11): extending a point that has steps extends each step
// (visibly), an extension to a day before the deadline in force or the meeting warns at once, a second delivery by the
// same actor needs --again, and a refusal of the default --on says to pass --on.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPO_ROOT, runActa } from '../run-acta.js';

const TRATA = 'meetings/2017-06-21-red-trata.yaml';
let dir: string;
const read = (): string => readFileSync(path.join(dir, TRATA), 'utf8');
const acta = (...args: string[]) => runActa([...args, '--root', dir, '--lang', 'en'], { cwd: dir });
type Entry = Record<string, unknown>;
const followupOf = (index: number, item?: number): Entry[] => {
  const a = (parse(read()) as { agreements: { followup?: Entry[]; items?: { followup?: Entry[] }[] }[] }).agreements[index]!;
  return (item === undefined ? a.followup : a.items![item]!.followup) ?? [];
};

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'acta-friction-'));
  cpSync(path.join(REPO_ROOT, 'data'), dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('extend a point that has steps', () => {
  it('extends each of its steps: one entry per step, and show has both steps due on the new day', async () => {
    const r = await acta('extend', '2017-06-21-red-trata#3', '--to', '2017-09-30', '--on', '2017-07-25');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('2017-06-21-red-trata#3: deadline extended to 2017-09-30, for each of its steps (2017-06-21-red-trata#3/1, 2017-06-21-red-trata#3/2)');
    expect(followupOf(2)).toEqual([
      { date: '2017-07-25', step: 1, deadline: { due: '2017-09-30' } },
      { date: '2017-07-25', step: 2, deadline: { due: '2017-09-30' } },
    ]);
    const show = JSON.parse((await acta('show', '2017-06-21-red-trata#3', '--as-of', '2017-08-01', '-f', 'json')).stdout) as { commitments: { id: string; due: { day?: string } }[] };
    const due = Object.fromEntries(show.commitments.map((c) => [c.id, c.due.day]));
    expect(due['2017-06-21-red-trata#3/1']).toBe('2017-09-30');
    expect(due['2017-06-21-red-trata#3/2']).toBe('2017-09-30');
  });
});

describe('extend to a day before the deadline in force, or before the meeting', () => {
  it('warns at once, and still writes', async () => {
    const early = await acta('extend', '2017-06-21-red-trata#3/1', '--to', '2017-07-10', '--on', '2017-07-05');
    expect(early.code).toBe(0);
    expect(early.stderr).toBe('acta extend: warning: 2017-06-21-red-trata#3/1: the new deadline 2017-07-10 ends before the one in force (2017-07-21) — an extension usually moves it later; check the date\n');
    const year = await acta('extend', '2017-06-21-red-trata#2.b', '--to', '2016-12', '--on', '2017-07-05');
    // Before the meeting: validate's own warning, said at once; and before the deadline in force, too.
    expect(year.stderr).toMatch(/^acta extend: warning: 2017-06-21-red-trata#2\.b: the new deadline 2016-12 ends before the one in force \(2017-07-21\)/);
    expect(year.stderr).toMatch(/the deadline 2016-12 ends before the meeting that set it \(2017-06-21\) \[deadline\/before-meeting\]/);
    const later = await acta('extend', '2017-06-21-red-trata#3/1', '--to', '2017-08-31', '--on', '2017-07-06');
    expect(later.stderr).toBe('');
  });
});

describe('a second done --by for what that actor already delivered', () => {
  it('is refused (exit 2, nothing written) unless --again', async () => {
    expect((await acta('done', '2017-06-21-red-trata#2.b', '--by', 'MX', '--on', '2017-07-20')).code).toBe(0);
    const before = read();
    const twice = await acta('done', '2017-06-21-red-trata#2.b', '--by', 'MX', '--on', '2017-07-22');
    expect(twice.code).toBe(2);
    expect(twice.stderr).toBe('acta: MX already delivered 2017-06-21-red-trata#2.b (entry of 2017-07-20): nothing written; to record another delivery, pass --again\n');
    expect(read()).toBe(before);
    const again = await acta('done', '2017-06-21-red-trata#2.b', '--by', 'MX', '--on', '2017-07-22', '--again');
    expect(again.code, again.stderr).toBe(0);
    expect(followupOf(1, 1).map((f) => f['date'])).toEqual(['2017-07-20', '2017-07-22']);
  });
});

describe('done refused for the default --on', () => {
  it('says to pass --on YYYY-MM-DD', async () => {
    const r = await acta('done', '2017-06-21-red-trata#2.c', '--as-of', '2017-06-01');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\[followup\/before-meeting\]/);
    expect(r.stderr.endsWith('--on was not given, so acta used 2017-06-01 (the --as-of date): pass --on YYYY-MM-DD with the day it happened\n')).toBe(true);
    const given = await acta('done', '2017-06-21-red-trata#2.c', '--on', '2017-06-01');
    expect(given.stderr).not.toMatch(/--on was not given/);
  });
});
