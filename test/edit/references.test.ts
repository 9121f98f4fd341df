// Issue 26 point 18: references the write commands are given — an empty occurrence, step 0, an occurrence of a plan
// activity that recurs by year — and `extend --to` before the meeting, warned as validate warns.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runActa } from '../run-acta.js';

const TRATA = 'meetings/2017-06-21-red-trata.yaml';
const PLAN = 'plans/2017-2022-red-nna.yaml';
let dir: string;
const read = (file: string): string => readFileSync(path.join(dir, file), 'utf8');
// In English (data's acta.yaml says es): the messages below are the English catalog's.
const acta = (...args: string[]) => runActa([...args, '--root', dir, '--lang', 'en'], { cwd: dir });

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'acta-refs-'));
  cpSync(path.join(REPO_ROOT, 'data'), dir, { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('references refused as usage errors, nothing written', () => {
  it.each([
    ['an empty occurrence', '2017-06-21-red-trata#2.b@', /`2017-06-21-red-trata#2\.b@`: write one occurrence after @/],
    ['two occurrences', '2017-06-21-red-trata#2.b@2017@2018', /write one occurrence after @/],
    ['step 0 of a point with no schedule', '2017-06-21-red-trata#2.b/0', /2017-06-21-red-trata#2\.b has no schedule steps; leave \/0 out/],
    ['step 0 of a point with a schedule', '2017-06-21-red-trata#3/0', /2017-06-21-red-trata#3 has 2 schedule steps: \/1…\/2/],
    ['a step past the schedule', '2017-06-21-red-trata#3/3', /2017-06-21-red-trata#3 has 2 schedule steps/],
    ['an occurrence of a point that does not recur', '2017-06-21-red-trata#2.b@2017-H2', /2017-06-21-red-trata#2\.b does not recur/],
  ])('%s', async (_, ref, message) => {
    const before = read(TRATA);
    const r = await acta('done', ref, '--by', 'MX', '--on', '2017-07-20');
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(read(TRATA)).toBe(before);
  });
});

describe('a plan activity that recurs by year: done and validate agree', () => {
  const ACTIVITY = '2017-2022-red-nna#1/I/1/1.1';
  it('done without an occurrence lists the years; @2018-H1 is refused with the same list; @2018 is written and validates', async () => {
    const before = read(PLAN);
    const plain = await acta('done', ACTIVITY, '--on', '2018-03-01');
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain(`${ACTIVITY} recurs (2017, 2018, 2019, 2020, …)`);
    const half = await acta('done', `${ACTIVITY}@2018-H1`, '--on', '2018-03-01');
    expect(half.code).toBe(2);
    expect(half.stderr).toContain(`${ACTIVITY} has no occurrence 2018-H1: its occurrences are 2017, 2018, 2019, 2020, 2021`);
    expect(read(PLAN)).toBe(before);
    const year = await acta('done', `${ACTIVITY}@2018`, '--on', '2018-03-01');
    expect(year.code, year.stderr).toBe(0);
    const validate = await acta('validate', '-f', 'json');
    expect(JSON.stringify(JSON.parse(validate.stdout))).not.toContain('ref/unknown-occurrence');
  });
});

describe('extend --to a date before the meeting', () => {
  it('writes, and says at once the warning validate gives next', async () => {
    const r = await acta('extend', '2017-06-21-red-trata#2.b', '--to', '2017-01', '--on', '2017-07-01');
    expect(r.code, r.stderr).toBe(0);
    // Two warnings at once: the extension's own (earlier than the deadline in force) and the one validate gives next.
    expect(r.stderr).toMatch(/^acta extend: warning: 2017-06-21-red-trata#2\.b: the new deadline 2017-01 ends before the one in force/m);
    expect(r.stderr).toMatch(/^acta extend: written, with 1 warning `acta validate` will give:\n/m);
    expect(r.stderr).toMatch(/warning: the deadline 2017-01 ends before the meeting that set it \(2017-06-21\) \[deadline\/before-meeting\]/);
    const validate = await acta('validate');
    expect(validate.stdout + validate.stderr).toContain('the deadline 2017-01 ends before the meeting that set it (2017-06-21) [deadline/before-meeting]');
  });
});
