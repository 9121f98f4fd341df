// The report's sections for a document to circulate, over records written inline: what was delivered in the period
// (by whom, when, on time or late, evidence), the adopted texts (--texts) and the statement of each country (--annex,
// --actor), and through the CLI in Markdown and HTML.
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/core/queries/report.js';
import { acta, AS_OF, FIXTURE } from './run.js';
import { load, meeting } from './records.js';

const GRCM = meeting('2017-02-10', 'grcm', 'participants: [GT, HN]', `  - number: "1"
    action: thank
    text: { es: Agradecer a Guatemala. }
  - number: "2"
    text: { es: Respecto de los informes, }
    items:
      - number: "a"
        action: request
        text: { es: Solicitar a los Países Miembros sus informes. }
        commitment:
          owners: [member-countries]
          deadline: { due: "2017-04-30" }
        followup:
          - { date: "2017-04-20", status: partial, delivered_by: [GT], evidence: { url: "https://example.org/gt" } }
          - { date: "2017-05-10", status: partial, delivered_by: [HN] }
  - number: "3"
    action: entrust
    text: { es: Encomendar a la ST un informe. }
    commitment:
      owners: [st]
      deadline: { due: "2017-06" }
    followup:
      - { date: "2017-06-15", status: done, evidence: { document: informe-st.pdf } }
`);

const NNA = meeting('2016-05-02', 'red-nna', 'participants: [MX]', `  - number: "1"
    action: request
    text: { es: Solicitar a México datos. }
    commitment:
      owners: [MX]
      deadline: { due: "2016-07" }
    followup:
      - { date: "2016-08-01", status: done, delivered_by: [MX] }
  - number: "2"
    action: request
    text: { es: Solicitar a la OIM un estudio. }
    commitment:
      owners: [iom]
      deadline: { due: "2016-12" }
    followup:
      - { date: "2017-03-01", status: done }
`);

const loaded = load({ 'meetings/a.yaml': GRCM, 'meetings/b.yaml': NNA }, '2017-07-01');
const base = { ...loaded, sel: { from: '2017-01-01', to: '2017-12-31' }, asOf: '2017-07-01', next: 30 } as const;

describe('the delivered list', () => {
  const report = buildReport(base);

  it('lists each delivery dated in the period: what, by whom, when, on time or late, evidence', () => {
    expect(report.delivered.map((r) => [r.date, r.commitment.id, r.by.map((a) => a.id), r.daysLate ?? 'on time', r.evidence])).toEqual([
      ['2017-03-01', '2016-05-02-red-nna#2', ['iom'], 60, []],
      ['2017-04-20', '2017-02-10-grcm#2.a', ['GT'], 'on time', [{ url: 'https://example.org/gt' }]],
      ['2017-05-10', '2017-02-10-grcm#2.a', ['HN'], 10, []],
      ['2017-06-15', '2017-02-10-grcm#3', ['st'], 'on time', [{ document: 'informe-st.pdf' }]],
    ]);
  });

  it('leaves out deliveries before the period and bodies not reported on', () => {
    expect(report.delivered.some((r) => r.commitment.id === '2016-05-02-red-nna#1')).toBe(false);
    const grcm = buildReport({ ...base, sel: { ...base.sel, bodies: new Set(['grcm']) } });
    expect(grcm.delivered.map((r) => r.commitment.id)).toEqual(['2017-02-10-grcm#2.a', '2017-02-10-grcm#2.a', '2017-02-10-grcm#3']);
  });
});

describe('--texts: the adopted texts', () => {
  it('gives every point of the meetings held in the period, sub-items nested, commitments marked; absent without it', () => {
    expect(buildReport(base).texts).toBeUndefined();
    const texts = buildReport({ ...base, texts: true }).texts!;
    expect(texts.map((t) => t.meeting)).toEqual(['2017-02-10-grcm']);
    expect(texts[0]!.points.map((p) => [p.number, p.depth, p.text?.text, p.commitment])).toEqual([
      ['1', 0, 'Agradecer a Guatemala.', false],
      ['2', 0, 'Respecto de los informes', false],
      ['2.a', 1, 'Solicitar a los Países Miembros sus informes.', true],
      ['3', 0, 'Encomendar a la ST un informe.', true],
    ]);
  });
});

describe('--annex: a statement per country', () => {
  it('is of every country that took part in the period or owes something overdue, or of the actors asked for; absent without it', () => {
    expect(buildReport(base).annex).toBeUndefined();
    const annex = buildReport({ ...base, annex: {} }).annex!;
    // MX took part in no meeting of the period but still owes (issue 22: Annex B left out Belize's 4 overdue).
    expect(annex.map((s) => s.actor.id)).toEqual(['GT', 'HN', 'MX']);
    expect(annex[1]!.counts).toMatchObject({ delivered: 1 });
    expect(annex[1]!.sections.find((s) => s.section === 'delivered')!.groups[0]!.rows[0]).toMatchObject({ deliveredOn: '2017-05-10', deliveredLate: 10 });
    expect(buildReport({ ...base, annex: { actors: ['MX'] } }).annex!.map((s) => [s.actor.id, s.counts.delivered])).toEqual([['MX', 1]]);
  });
});

describe('acta report: the new sections through the CLI', () => {
  const args = ['report', '--root', FIXTURE, '--year', '2017', '--as-of', AS_OF, '--lang', 'en'];

  it('Markdown: delivered always; texts and the annex only when asked for', async () => {
    const plain = (await acta(args)).stdout;
    expect(plain).toContain('## 5. Delivered in the period');
    expect(plain).toContain('| 10 Jul 2017 | 2017-06-05-red-a#2 | Circulate the minutes (unofficial translation) — _evidence: https://example.org/acta-red-a-1_ | TS | on time |');
    expect(plain).not.toContain('Annex');
    const full = await acta([...args, '--texts', '--annex']);
    expect(full.code).toBe(0);
    expect(full.stdout).toContain('## Annex: adopted texts');
    expect(full.stdout).toContain('- **1.** Thank Costa Rica for hosting the meeting. (unofficial translation)');
    expect(full.stdout).toContain('## Annex: statement by country');
    expect(full.stdout).toContain('### Statement — Mexico (MX) as of 15 Mar 2018');
  });

  it('--actor: the annex has those actors only (a group: its members)', async () => {
    const view = JSON.parse((await acta([...args, '--actor', 'MX', '--format', 'json'])).stdout);
    expect(view.annex.map((s: { actor: { id: string } }) => s.actor.id)).toEqual(['MX']);
    expect(view.overdue.length).toBeGreaterThan(1); // --actor picks the annex, it does not filter the report
    const group = JSON.parse((await acta([...args, '--actor', 'member-countries', '--format', 'json'])).stdout);
    expect(group.annex.length).toBeGreaterThan(1);
  });

  it('HTML: the annexes are sections of their own, each statement with its tables', async () => {
    const html = (await acta([...args, '--texts', '--annex', '--format', 'html'])).stdout;
    expect(html).toContain('<section id="texts" class="annex"');
    expect(html).toContain('<section id="annex" class="annex"');
    expect(html.match(/<article class="country-statement">/g)!.length).toBeGreaterThan(1);
    expect(html).toContain('<section id="delivered"');
  });
});
