// "As of" a date means as known then (exploratory review, nineteenth session): a meeting whose record exists but that
// starts after --as-of has adopted nothing yet, so it owes nothing, is due nothing and is not a meeting held; and a
// follow-up entry dated after --as-of, which the states leave out, is not in the history shown beside them either.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/core/queries/report.js';
import { load, meeting as reportMeeting } from '../report/records.js';
import { FIXTURE, acta, derive, meeting } from './harness.js';

const LATER = meeting(`  - number: "1"
    action: send
    text: { es: Enviar el informe a más tardar el 10 de febrero de 2020. }
    commitment:
      owners: [MX]
      deadline: { due: "2020-02-10" }
`, '2020-01-15-red-x', 'red-x', '2020-01-15');

describe('a meeting not yet held as of --as-of', () => {
  it('gives no commitment before its first day, and its commitments from that day', () => {
    expect(derive(LATER, '2020-01-14').map((c) => c.id)).toEqual([]);
    expect(derive(LATER, '2020-01-15').map((c) => [c.id, c.state])).toEqual([['2020-01-15-red-x#1', 'upcoming']]);
  });

  it('is not among the meetings a report says were held, nor are its commitments counted', () => {
    const held = reportMeeting('2017-02-10', 'grcm', '', `  - { number: "1", action: thank, text: { es: Agradecer. } }\n`);
    const ahead = reportMeeting('2017-09-01', 'red-nna', '', `  - number: "1"
    action: request
    text: { es: Solicitar a México datos. }
    commitment:
      owners: [MX]
      deadline: { due: "2017-10" }
`);
    const loaded = load({ 'meetings/a.yaml': held, 'meetings/b.yaml': ahead }, '2017-03-01');
    const report = buildReport({ ...loaded, sel: { from: '2017-01-01', to: '2017-12-31' }, asOf: '2017-03-01', next: 30 });
    expect(report.meetings.map((m) => m.id)).toEqual(['2017-02-10-grcm']);
    expect(report.summary).toMatchObject({ meetings: 1, agreements: 1 });
  });
});

describe('the follow-up history shown as of a date', () => {
  it('leaves out the entries dated after it, as the states beside it do (show, agreement and activity)', async () => {
    const before = await acta(['--root', FIXTURE, 'show', '2020-01-15-red-x#2', '--as-of', '2020-03-25', '-f', 'json']);
    const shown = JSON.parse(before.stdout) as { followup: { date: string }[]; commitments: { delivered: unknown[] }[] };
    expect(shown.followup.map((f) => f.date)).toEqual(['2020-03-20']);
    expect(shown.commitments[0]!.delivered).toHaveLength(1);
    const after = JSON.parse((await acta(['--root', FIXTURE, 'show', '2020-01-15-red-x#2', '--as-of', '2020-04-02', '-f', 'json'])).stdout) as typeof shown;
    expect(after.followup.map((f) => f.date)).toEqual(['2020-03-20', '2020-04-02']);
    const text = (await acta(['--root', FIXTURE, 'show', '2020-01-15-red-x#3', '--as-of', '2020-03-01', '--lang', 'en'])).stdout;
    expect(text).not.toContain('20 Apr 2020');
    const activity = JSON.parse((await acta(['--root', FIXTURE, 'show', '2020-2021-red-x#1/I/1/1.1', '--as-of', '2020-05-14', '-f', 'json'])).stdout) as typeof shown;
    expect(activity.followup).toEqual([]);
  });
});

describe('the site as of a date before a meeting on record', () => {
  // Its point with a commitment is not "not a commitment": the page says the meeting was not yet held on that day.
  it('says the meeting was not held yet, and calls none of its points "not a commitment"', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'acta-not-held-'));
    try {
      expect((await acta(['--root', FIXTURE, '--as-of', '2020-03-01', 'site', '--out', out])).status).toBe(0);
      const page = readFileSync(path.join(out, 'es/meetings/2020-04-20-grcm.html'), 'utf8');
      expect(page).toContain('Aún no se había celebrado el 1 mar 2020, fecha de este sitio');
      expect(page).not.toContain('No es un compromiso.');
      const held = readFileSync(path.join(out, 'es/meetings/2020-01-15-red-x.html'), 'utf8');
      expect(held).not.toContain('Aún no se había celebrado');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('show of a meeting not yet held as of --as-of', () => {
  // Its points had no deadline or state and no word why (nineteenth session's review).
  it('says the meeting was not yet held on that day (meeting and point), and says nothing of the kind once it is', async () => {
    const meeting = await acta(['--root', FIXTURE, 'show', '2020-04-20-grcm', '--as-of', '2020-03-01']);
    expect(meeting.stdout).toContain('\nAún no se había celebrado el 1 mar 2020 (--as-of): sus acuerdos se siguen desde su primer día.\n');
    expect((await acta(['--root', FIXTURE, 'show', '2020-04-20-grcm#2', '--as-of', '2020-03-01', '--lang', 'en'])).stdout).toContain('\nNot yet held on 1 Mar 2020 (--as-of): ');
    expect((await acta(['--root', FIXTURE, 'show', '2020-04-20-grcm', '--as-of', '2020-04-20'])).stdout).not.toContain('Aún no se había celebrado');
  });
});
