// The bundled CRM records, counted the way a person would count them in the source documents (../shared/seeds).
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/core/dates.js';
import { pickText } from '../../src/core/local-text.js';
import type { Deadline, Meeting, Text } from '../../src/core/model.js';
import { walkActivities, walkAgreements } from '../../src/core/walk.js';
import type { Repository } from '../../src/io/load.js';
import { loadRepository } from '../../src/io/load.js';

let repo: Repository;
// The extraction's bookmark markers are not text; whitespace runs are compared as one space.
const normaliseSource = (s: string): string => s.replace(/\[bookmark: [^\]]*\]/g, '').replace(/\[footnoteRef:\d+\]/g, '').replace(/\s+/g, ' ').trim();
beforeAll(async () => {
  repo = await loadRepository(path.resolve('data'));
});
const meeting = (id: string): Meeting => {
  const m = repo.records.meetings.find((x) => x.data.id === id);
  if (!m) throw new Error(`no meeting ${id}`);
  return m.data;
};

describe('data/ validates', () => {
  it('has no errors and no unexplained warnings', () => {
    expect(repo.diagnostics.filter((d) => d.explained === undefined).map((d) => `${d.file}:${d.line} ${d.code}`)).toEqual([]);
  });
});

describe('meetings, as the documents number them', () => {
  it.each([
    ['2015-08-18-ad-hoc-nna', ['1', '2', '3', '4', '5', '6', 'A', 'B'], 2],
    ['2016-06-08-red-consular', ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11'], 9],
    ['2017-03-16-red-nna', ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13'], 10],
    ['2017-06-21-red-trata', ['1', '2', '3', '4', '5', '6', '7'], 9],
  ])('%s: top-level points %j, %i participating countries', (id, points, participants) => {
    const m = meeting(id);
    expect(m.agreements.map((a) => a.number)).toEqual(points);
    expect(m.participants?.length ?? 0).toBe(participants);
  });

  it('attendance is what the sources say: 2015 names El Salvador and Mexico present and lists no one (001, lines 13 and 36)', () => {
    expect(meeting('2015-08-18-ad-hoc-nna')).toMatchObject({ participants: ['SV', 'MX'], attendance: 'partial', observers: ['unhcr', 'icrc', 'iom'] });
    expect(repo.records.meetings.filter((m) => m.data.attendance !== undefined).map((m) => m.data.id)).toEqual(['2015-08-18-ad-hoc-nna']);
  });

  it('2017-06-21-red-trata restores the repeated "1." and keeps the printed number', () => {
    const m = meeting('2017-06-21-red-trata');
    expect(walkAgreements(m).map((a) => a.key)).toEqual(['1', '2', '2.a', '2.b', '2.c', '2.d', '2.e', '3', '4', '4.a', '4.b', '4.c', '5', '5.a', '5.b', '5.c', '5.d', '6', '7', '7.a', '7.b']);
    expect(m.agreements.slice(1).map((a) => a.printed)).toEqual(['1', '1', '1', '1', '1', '1']);
  });

  it('dates and places', () => {
    expect(meeting('2015-08-18-ad-hoc-nna').dates).toEqual({ start: '2015-08-18', end: '2015-08-19' });
    expect(meeting('2016-06-08-red-consular').dates).toEqual({ start: '2016-06-08' });
    expect(meeting('2017-03-16-red-nna').dates).toEqual({ start: '2017-03-16', end: '2017-03-17' });
    expect(meeting('2017-03-16-red-nna').place).toMatchObject({ city: 'Tegucigalpa', country: 'HN' });
    expect(meeting('2017-06-21-red-trata').place).toMatchObject({ city: 'San Salvador', country: 'SV' });
  });

  it('point 6 of 2017-03-16 carries the four-step schedule', () => {
    const six = meeting('2017-03-16-red-nna').agreements[5]!;
    expect(six.commitment?.schedule?.map((s) => s.deadline?.due)).toEqual(['2017-03-24', '2017-03-31', '2017-04-05', '2017-04-06', undefined]);
  });

  it('point 6 of 2017-03-16 ends, like 2015 #6, with the GRCM approval step (source 000, line 18)', () => {
    const step = meeting('2017-03-16-red-nna').agreements[5]!.commitment!.schedule![4]!;
    expect(step.deadline?.event).toEqual({ body: 'grcm', relation: 'at' });
    expect(step.deadline?.text?.es).toBe('discutida y aprobada durante la próxima reunión del Grupo Regional de Consulta sobre Migración (GRCM)');
  });

  it('session is recorded only where the source states it (2016: «celebró su reunión ordinaria»)', () => {
    expect(repo.records.meetings.map((m) => [m.data.id, m.data.session ?? null])).toEqual([
      ['2015-08-18-ad-hoc-nna', null],
      ['2016-06-08-red-consular', 'ordinary'],
      ['2017-03-16-red-nna', null],
      ['2017-06-21-red-trata', null],
    ]);
  });

  it('observers only where the source lists them (2015, line 13); no follow-up or antecedent without a source', () => {
    expect(repo.records.meetings.filter((m) => m.data.observers?.length).map((m) => m.data.id)).toEqual(['2015-08-18-ad-hoc-nna']);
    expect(repo.records.meetings.flatMap((m) => walkAgreements(m.data).filter((a) => a.agreement.followup?.length).map((a) => a.ref))).toEqual([]);
    expect(meeting('2017-03-16-red-nna').follows?.some((f) => f.ref !== undefined)).toBe(false);
    expect(repo.records.registries.bodies.some((b) => b.became !== undefined)).toBe(false);
  });

  it('suggestions to the GRCM are recommendations with an addressee, not commitments (2017-06-21 #5.a–c, #7, #7.a, #7.b: 004 line 39)', () => {
    const recs = walkAgreements(meeting('2017-06-21-red-trata')).filter((a) => a.agreement.addressee !== undefined);
    expect(recs.map((a) => `${a.key} ${a.agreement.action} ${a.agreement.addressee}`)).toEqual(['5.a recommend grcm', '5.b recommend grcm', '5.c recommend grcm', '7 recommend grcm', '7.a recommend grcm', '7.b recommend grcm']);
    expect(recs.some((a) => a.agreement.commitment !== undefined)).toBe(false);
  });

  it('2015 conclusions A and B are petitions raised to the Vice-Ministers (001, line 89), not commitments', () => {
    const recs = walkAgreements(meeting('2015-08-18-ad-hoc-nna')).filter((a) => a.agreement.addressee !== undefined);
    expect(recs.map((a) => `${a.key} ${a.agreement.action} ${a.agreement.addressee} ${a.agreement.commitment === undefined}`)).toEqual(['A recommend rvm true', 'B recommend rvm true']);
  });

  it('no owner the source does not name as one: GRCM owes no step (2015 #6, 2017-03-16 #6), Nicaragua and RROCM owe nothing by 2016 #6 and #8, the CRM owes its invitation (2017-06-21 #6)', () => {
    const owners = (id: string, n: number): string[][] => { const c = meeting(id).agreements[n]!.commitment!; return [[...c.owners], ...(c.schedule ?? []).map((s) => [...(s.owners ?? [])])]; };
    expect(owners('2015-08-18-ad-hoc-nna', 5)).toEqual([['st'], ['st'], ['st']]);
    expect(owners('2017-03-16-red-nna', 5)).toEqual([['ppt', 'st'], ['ppt', 'st'], ['member-countries'], ['st'], ['ppt', 'st'], ['ppt', 'st']]);
    expect(owners('2016-06-08-red-consular', 5)).toEqual([['st']]);
    expect(owners('2016-06-08-red-consular', 7)).toEqual([['iom', 'st'], ['rrocm']]);
    expect(owners('2017-06-21-red-trata', 5)).toEqual([['regional-coalition', 'crm']]);
  });

  it('2016 #10 reports a request of the member countries to SG-SICA: no commitment of SG-SICA (source 002, line 19)', () => {
    const ten = meeting('2016-06-08-red-consular').agreements[9]!;
    expect(ten.action).toBe('inform');
    expect(ten.commitment).toBeUndefined();
  });

  it('2017-06-21 #3 keeps the TS task apart from the member countries\' one (source 004, line 22)', () => {
    const steps = meeting('2017-06-21-red-trata').agreements[2]!.commitment!.schedule!;
    expect(steps.map((s) => [s.owners, s.deadline?.due ?? null])).toEqual([[['member-countries'], '2017-07-21'], [['st'], null]]);
  });
});

describe('every deadline, with its precision', () => {
  it('matches the documents', () => {
    const found: string[] = [];
    const describeDeadline = (d: Deadline | undefined): string =>
      d === undefined ? 'no deadline' : d.due ? `${d.due} ${parsePeriod(d.due)?.precision ?? 'undated'}${d.text?.es ? ` «${d.text.es}»` : ''}` : `event ${d.event!.body} ${d.event!.relation} (${d.event!.expected ?? 'no date expected'})`;
    for (const { data } of repo.records.meetings) {
      for (const { key, agreement } of walkAgreements(data)) {
        const c = agreement.commitment;
        if (c?.deadline) found.push(`${data.id}#${key}: ${describeDeadline(c.deadline)}`);
        c?.schedule?.forEach((s, i) => found.push(`${data.id}#${key} step ${i + 1}: ${describeDeadline(s.deadline)}`));
      }
    }
    // 13 deadlines and one undated step. Against the first round: 2016 #10 lost its deadline (a request to SG-SICA,
    // not its commitment); 2017-06-21 #2.a gained the undated «a la brevedad»; 2017-03-16 #6 gained the GRCM step;
    // 2017-06-21 #3's deadline moved to its step 1 (the member countries), step 2 (the TS) has none.
    expect(found.map((f) => f.replace(/ «.*»$/, '')).sort()).toEqual([
      '2015-08-18-ad-hoc-nna#5: 2015-09-04 day',
      '2015-08-18-ad-hoc-nna#6 step 1: 2015-11 month',
      '2015-08-18-ad-hoc-nna#6 step 2: event grcm at (2015-11)',
      '2016-06-08-red-consular#8 step 1: event grcm before (2016-11)',
      '2017-03-16-red-nna#6 step 1: 2017-03-24 day',
      '2017-03-16-red-nna#6 step 2: 2017-03-31 day',
      '2017-03-16-red-nna#6 step 3: 2017-04-05 day',
      '2017-03-16-red-nna#6 step 4: 2017-04-06 day',
      '2017-03-16-red-nna#6 step 5: event grcm at (no date expected)',
      '2017-06-21-red-trata#2.a: asap undated',
      '2017-06-21-red-trata#2.b: 2017-07-21 day',
      '2017-06-21-red-trata#3 step 1: 2017-07-21 day',
      '2017-06-21-red-trata#3 step 2: no deadline',
    ]);
    expect(found.find((f) => f.includes('#2.a'))).toContain('«a la brevedad»');
  });
});

describe('the 2017-2022 strategic plan', () => {
  it('has 5 axes, 35 strategic objectives, 36 expected results and 97 activities', () => {
    const plan = repo.records.plans.find((p) => p.data.id === '2017-2022-red-nna')!.data;
    expect(plan.axes.length).toBe(5);
    expect(plan.axes.flatMap((a) => a.objectives).length).toBe(35);
    expect(plan.axes.flatMap((a) => a.objectives.flatMap((o) => o.results)).length).toBe(36);
    expect(walkActivities(plan).length).toBe(97);
    expect(plan.entrusted_by).toBe('2017-03-16-red-nna#6');
    // 003 line 9: "propuesto por la Red"; the header row with the years is lost, and line 6 does not say it is 2017-03-16 #6's proposal.
    expect(plan.stage).toBe('proposed');
    expect(plan.inferred).toEqual(['columns', 'entrusted_by']);
  });

  it('keeps the English activity that duplicates 2.3', () => {
    const plan = repo.records.plans[0]!.data;
    const english = walkActivities(plan).filter((a) => a.activity.text.en !== undefined && a.activity.text.es === undefined);
    expect(english.map((a) => a.activity.number)).toEqual(['2.2']);
  });
});

describe('word for word', () => {
  // The extraction's bookmark markers are not text; whitespace runs are compared as one space.
  const normalise = (s: string): string => s.replace(/\[bookmark: [^\]]*\]/g, '').replace(/\[footnoteRef:\d+\]/g, '').replace(/\s+/g, ' ').trim();
  const source = async (name: string): Promise<string> => normalise(await (await import('node:fs/promises')).readFile(path.resolve('data/sources', name), 'utf8'));

  it('every adopted Spanish text of a meeting is in its source document', async () => {
    for (const { data } of repo.records.meetings) {
      const text = await source(data.source.document);
      const missing = walkAgreements(data).filter(({ agreement }) => agreement.text.es !== undefined && !text.includes(normalise(agreement.text.es)));
      expect(missing.map((a) => a.ref)).toEqual([]);
    }
  });

  it('every Spanish name and alias of an organisation or body is spelled as some source spells it; CRM and OEA are registered', async () => {
    const all = (await Promise.all(['000_119a54e5c1cfca12.txt', '001_441c3394a93c4942.txt', '002_e7618e924924c884.txt', '003_bd5b4d8ca3601dab.txt', '004_40c6a71c981a18d3.txt'].map(source))).join('\n');
    const { organisations, bodies } = repo.records.registries;
    const names = [...organisations, ...bodies].flatMap((x) => [x.name.es!, ...(x.aliases ?? [])]);
    expect(names.filter((n) => !all.includes(normalise(n)))).toEqual([]);
    expect([...organisations, ...bodies].filter((x) => ['crm', 'oea'].includes(x.id)).map((x) => x.acronym?.es)).toEqual(['OEA', 'CRM']);
  });

  it("every country alias is spelled as some source spells it", async () => {
    const all = (await Promise.all(['000_119a54e5c1cfca12.txt', '001_441c3394a93c4942.txt', '002_e7618e924924c884.txt', '003_bd5b4d8ca3601dab.txt', '004_40c6a71c981a18d3.txt'].map(source))).join('\n');
    const aliases = repo.records.registries.countries.flatMap((c) => c.aliases ?? []);
    expect(aliases).toEqual(['Estados Unidos Mexicanos', 'Estados Unidos', 'EEUU']);
    expect(aliases.filter((n) => !all.includes(normalise(n)))).toEqual([]);
  });

  it('every Spanish activity, result and objective of the plan is in its source document', async () => {
    const plan = repo.records.plans[0]!.data;
    const text = await source(plan.source.document);
    const texts = [plan.objective?.es, ...plan.axes.flatMap((a) => [a.objective?.es, ...a.objectives.flatMap((o) => [o.text?.es, ...o.results.flatMap((r) => [r.text?.es, ...r.activities.map((x) => x.text.es)])])])];
    expect(texts.filter((t): t is string => t !== undefined).filter((t) => !text.includes(normalise(t)))).toEqual([]);
  });
});

describe('canonical layout', () => {
  it('`acta fmt --check` finds nothing to change in data/ (what CI checks on every pull request)', async () => {
    const { runActa } = await import('../run-acta.js');
    const r = await runActa(['fmt', '--check', '--root', 'data']);
    expect(r.stdout).toContain('0 archivos se reformatearían');
    expect(r.code).toBe(0);
  });
});

// The fidelity rules of the README ("What data/ may say"), checked on every record of data/.
describe('every fact has a source or says it is inferred', () => {
  const texts = (v: unknown, at: string, out: [string, Record<string, unknown>][] = []): [string, Record<string, unknown>][] => {
    if (Array.isArray(v)) v.forEach((x, i) => texts(x, `${at}/${i}`, out));
    else if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.en === 'string') out.push([at, o]);
      for (const [k, x] of Object.entries(o)) texts(x, `${at}/${k}`, out);
    }
    return out;
  };
  const all = (): { file: string; data: unknown }[] => [
    ...repo.records.meetings.map((m) => ({ file: m.parsed.file, data: m.data })),
    ...repo.records.plans.map((p) => ({ file: p.parsed.file, data: p.data })),
    ...repo.records.files.filter((f) => f.file.startsWith('registries/')).map((f) => ({ file: f.file, data: f.data })),
    { file: 'acta.yaml', data: repo.records.config },
  ];

  it('every English text is marked as a translation: acta.yaml says `authentic: es`, and an English text without a Spanish one says `authentic: en`', () => {
    expect(repo.records.config.authentic).toBe('es');
    const found = all().flatMap(({ file, data }) => texts(data, file));
    expect(found.length).toBeGreaterThan(100);
    const unmarked = found.filter(([, t]) => (t.authentic === 'en' ? t.es !== undefined : pickText(t as Text, 'en', repo.records.config.authentic)?.translation !== true));
    expect(unmarked.map(([at]) => at)).toEqual([]);
    expect(found.filter(([, t]) => t.es === undefined && t.authentic !== 'en').map(([at]) => at)).toEqual([]);
  });

  it('every commitment owner is named by its point, or the commitment is `inferred` with a note at it; every dated deadline quotes its source', async () => {
    const fs = await import('node:fs/promises');
    const problems: string[] = [];
    for (const { data } of repo.records.meetings) {
      const text = normaliseSource(await fs.readFile(path.resolve('data/sources', data.source.document), 'utf8'));
      for (const { agreement: a, ref, pointer } of walkAgreements(data)) {
        const c = a.commitment;
        if (!c) continue;
        const named = new Set(a.actors ?? []);
        // A note at the point, inside it, or at the point it is a sub-item of.
        const noted = (data.notes ?? []).some((n) => n.at !== undefined && (n.at === pointer || n.at.startsWith(`${pointer}/`) || pointer.startsWith(`${n.at}/items/`)));
        if (c.owners.some((o) => !named.has(o)) && !(c.inferred && noted)) problems.push(`${ref}: owners not named and not inferred with a note`);
        (c.schedule ?? []).forEach((s, i) => {
          if ((s.owners ?? []).some((o) => !named.has(o)) && !(s.inferred && noted)) problems.push(`${ref} step ${i + 1}: owners not named and not inferred with a note`);
        });
        for (const d of [c.deadline, ...(c.schedule ?? []).map((s) => s.deadline)]) {
          if (d?.due !== undefined && (d.text?.es === undefined || !text.includes(normaliseSource(d.text.es)))) problems.push(`${ref}: deadline ${d.due} quotes no source`);
          if (d?.event !== undefined && (d.text?.es === undefined || !text.includes(normaliseSource(d.text.es)))) problems.push(`${ref}: event deadline quotes no source`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('recommendations and inferred commitments in the output', () => {
  it('the report lists the suggestions to the GRCM as recommendations, and derives no commitment from them', async () => {
    const { runActa } = await import('../run-acta.js');
    const r = await runActa(['report', '--root', 'data', '--as-of', '2017-08-01', '--year', '2017', '--format', 'json']);
    const model = JSON.parse(r.stdout) as { recommendations: { ref: string; addressee: { id: string } }[]; overdue: { id: string }[]; dueNext: { id: string }[] };
    expect(model.recommendations.map((x) => `${x.ref} → ${x.addressee.id}`)).toEqual(['5.a', '5.b', '5.c', '7', '7.a', '7.b'].map((k) => `2017-06-21-red-trata#${k} → grcm`));
    const list = await runActa(['list', 'commitments', '--root', 'data', '--as-of', '2017-08-01', '--actor', 'grcm', '--format', 'json']);
    expect(list.stdout).not.toContain('2017-06-21-red-trata#5');
    expect(list.stdout).not.toContain('2017-06-21-red-trata#7"');
  });

  it('`--actor st` finds the TS task of 2017-06-21 #3; show marks an inferred commitment and a translated task', async () => {
    const { runActa } = await import('../run-acta.js');
    const st = await runActa(['list', 'commitments', '--root', 'data', '--as-of', '2017-08-01', '--actor', 'st', '--meeting', '2017-06-21-red-trata']);
    expect(st.stdout).toContain('#3/2');
    const en = await runActa(['show', '2017-06-21-red-trata#2.b', '--root', 'data', '--as-of', '2017-08-01', '--lang', 'en']);
    expect(en.stdout).toContain('(inferred: see notes)');
    expect(en.stdout).toContain('(unofficial');
    const es = await runActa(['show', '2017-06-21-red-trata#2.b', '--root', 'data', '--as-of', '2017-08-01', '--lang', 'es']);
    expect(es.stdout).toContain('(inferido: ver notas)');
    expect(es.stdout).not.toContain('traducción no oficial');
  });
});

describe('registry aliases', () => {
  it('a user finds an actor by any spelling the sources use (name or alias)', async () => {
    const { buildActorDirectory, findActors } = await import('../../src/core/actors.js');
    const dir = buildActorDirectory(repo.records.registries);
    expect(findActors(dir, 'Red Regional de la Sociedad Civil para las Migraciones')).toEqual(['rrocm']);
    expect(findActors(dir, 'Red Regional de Organizaciones de la Sociedad Civil para las Migraciones')).toEqual(['rrocm']);
    expect(findActors(dir, 'Presidencia Pro-Tempore')).toEqual(['ppt']);
    expect(findActors(dir, 'Estados Unidos Mexicanos')).toEqual(['MX']);
  });

});
