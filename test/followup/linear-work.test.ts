// Every read command's own work grows in step with the records, counted, not timed: while a command's core and
// formatter run, each array builtin adds the length of the array it walks (find, filter, some, map, sort, …) and
// each array iteration its steps. A search over all records inside a loop over records — the classic quadratic
// slip — makes the count for 4n meetings 16× that for n; a linear pass keeps it near 4× (as the commitments grow). Parsing is done before
// counting starts (its own tests cover it). Deterministic: same corpus, same count, whatever the machine's load.
import { saidText } from '../../src/render/diagnostic-text.js';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module without types (the benchmark's corpus generator)
import { generateCorpus } from '../../bench/generate-corpus.mjs';
import { buildActorDirectory } from '../../src/core/actors.js';
import type { Commitment } from '../../src/core/followup/index.js';
import { deriveCommitments } from '../../src/core/followup/index.js';
import type { ParsedFile } from '../../src/core/read/parse.js';
import { parseRecordFile } from '../../src/core/read/parse.js';
import type { Checked } from '../../src/core/pipeline.js';
import { checkRecords } from '../../src/core/pipeline.js';
import { buildDashboard } from '../../src/core/queries/dashboard.js';
import { buildExport } from '../../src/core/queries/export.js';
import { findRecord } from '../../src/core/queries/find-record.js';
import { buildFollowupReport } from '../../src/core/queries/followup-report.js';
import { buildList, LIST_KINDS } from '../../src/core/queries/lists.js';
import { resolveSelection } from '../../src/core/queries/selection.js';
import { buildShow } from '../../src/core/queries/show.js';
import { buildStatement } from '../../src/core/queries/statement.js';
import type { ViewContext } from '../../src/core/queries/view.js';
import { buildWorkplan } from '../../src/core/queries/workplan.js';
import { schemaValidator } from '../../src/io/load.js';
import { formatDashboard } from '../../src/render/dashboard.js';
import { EXPORT_FORMATTERS } from '../../src/render/export.js';
import { REPORT_FORMATTERS } from '../../src/render/followup-report.js';
import { LIST_FORMATTERS } from '../../src/render/lists.js';
import { SHOW_FORMATTERS } from '../../src/render/show.js';
import { STATEMENT_FORMATTERS } from '../../src/render/statement.js';
import { PLAIN } from '../../src/render/style.js';
import { formatWorkplanCsv } from '../../src/render/workplan-csv.js';
import { formatWorkplanTable } from '../../src/render/workplan-table.js';
import { countWork } from '../work-count.js';

const ROOT = path.resolve(__dirname, '../..');
const TMP = path.join(ROOT, 'test/.tmp/linear-work');
const AS_OF = '2026-11-30';
const N = 40;

interface Corpus {
  readonly files: readonly ParsedFile[];
}

// A small work plan: plans grow with the corpus, so a pass over every commitment for each plan shows.
const plan = (id: string): string => `record: plan
id: "${id}"
body: red-nna
title:
  es: "Plan ${id}"
period:
  start: "2017"
  end: "2018"
columns: ["2017", "2018"]
source:
  document: "003_bd5b4d8ca3601dab.txt"
axes:
  - number: "1"
    title:
      es: "Eje"
    objectives:
      - number: I
        text:
          es: "Objetivo"
        results:
          - number: "1"
            text:
              es: "Resultado"
            activities:
              - number: "1.1"
                text:
                  es: "Actividad"
                responsible: [MX, member-countries]
                schedule:
                  "2017": twice-a-year
                  "2018": H1
                followup:
                  - date: "2017-05-02"
                    status: done
                    occurrence: "2017-H1"
              - number: "1.2"
                text:
                  es: "Otra actividad"
                responsible: [iom]
                schedule:
                  "2018": continuous
`;

// The benchmark's corpus of \`meetings\` meetings, plus a small work plan for every five meetings.
function corpus(meetings: number): Corpus {
  const dir = path.join(TMP, String(meetings));
  generateCorpus(dir, { meetings, plans: 0, registries: path.join(ROOT, 'data/registries') }); // its own plans below, a fixed number per meeting
  mkdirSync(path.join(dir, 'plans'), { recursive: true });
  for (let k = 0; k < meetings / 5; k++) writeFileSync(path.join(dir, 'plans', `2017-2018-red-nna-${k}.yaml`), plan(`2017-2018-red-nna-${k}`));
  const names = ['acta.yaml', ...['registries', 'meetings', 'plans'].flatMap((sub) => readdirSync(path.join(dir, sub)).map((f) => `${sub}/${f}`))].sort();
  return { files: names.map((name) => parseRecordFile(name, readFileSync(path.join(dir, name)))) };
}

interface Loaded {
  readonly checked: Checked;
  readonly commitments: readonly Commitment[];
  readonly ctx: ViewContext;
}

function load(c: Corpus): Loaded {
  const checked = checkRecords(c.files, schemaValidator(), { rootFile: 'acta.yaml' });
  const dir = buildActorDirectory(checked.records.registries);
  return { checked, commitments: deriveCommitments(checked.records, AS_OF), ctx: { dir, lang: 'es' } };
}

// One entry per read command: its query and its formatters, as the command runs them.
const COMMANDS: Record<string, (l: Loaded) => void> = {
  'validate (cross-record checks)': (l) => void checkRecords(l.checked.records.files, schemaValidator(), { rootFile: 'acta.yaml' }),
  'follow-up derivation': (l) => void deriveCommitments(l.checked.records, AS_OF),
  overdue: (l) => {
    const r = buildFollowupReport(l.commitments, {}, l.ctx, { kind: 'overdue', asOf: AS_OF });
    for (const f of Object.values(REPORT_FORMATTERS)) f(r, { style: PLAIN });
    const byActor = buildFollowupReport(l.commitments, {}, l.ctx, { kind: 'overdue', asOf: AS_OF, by: 'actor' });
    REPORT_FORMATTERS.table(byActor, { style: PLAIN });
  },
  upcoming: (l) => {
    const r = buildFollowupReport(l.commitments, {}, l.ctx, { kind: 'upcoming', asOf: AS_OF, by: 'body' });
    for (const f of Object.values(REPORT_FORMATTERS)) f(r, { style: PLAIN });
  },
  list: (l) => {
    for (const kind of LIST_KINDS) {
      const r = buildList(kind, { records: l.checked.records, commitments: l.commitments, sel: {}, ctx: l.ctx, asOf: AS_OF });
      for (const f of Object.values(LIST_FORMATTERS)) f(r, { style: PLAIN });
    }
  },
  'list with filters': (l) => {
    const sel = resolveSelection(l.checked.records, l.ctx.dir, { actor: 'MX,member-countries', state: 'overdue,open', body: 'red-nna' });
    if (!sel.ok) throw new Error(saidText(sel.error, 'en'));
    for (const kind of LIST_KINDS) LIST_FORMATTERS.table(buildList(kind, { records: l.checked.records, commitments: l.commitments, sel: sel.value, ctx: l.ctx, asOf: AS_OF }), { style: PLAIN });
  },
  export: (l) => {
    const r = buildExport(l.commitments, {}, l.ctx, AS_OF);
    for (const f of Object.values(EXPORT_FORMATTERS)) f(r);
  },
  statement: (l) => {
    const s = buildStatement(l.commitments, l.ctx, { actor: 'MX', asOf: AS_OF });
    for (const f of Object.values(STATEMENT_FORMATTERS)) f(s, { style: PLAIN });
  },
  show: (l) => {
    for (const id of ['2000-01-03', '2000-01-03-grcm#2', '2017-2018-red-nna-0', '2017-2018-red-nna-0#1/I/1/1.1']) {
      const target = findRecord(l.checked.records, id);
      if (!target.ok) throw new Error(saidText(target.error, 'en'));
      SHOW_FORMATTERS.text(buildShow(target.value, l.commitments, l.ctx, AS_OF), { style: PLAIN });
    }
  },
  workplan: (l) => {
    const m = buildWorkplan(l.checked.records.plans.map((p) => p.data), l.commitments, {}, l.ctx, AS_OF);
    formatWorkplanTable(m, { style: PLAIN });
    formatWorkplanCsv(m);
  },
  dashboard: (l) => void formatDashboard(buildDashboard(l.checked.records, l.checked.diagnostics, l.commitments, l.ctx, AS_OF), { style: PLAIN }),
  'did you mean (unknown names)': (l) => {
    for (const word of ['2000-01-0x-grcm', 'red-nnx', 'MXX']) findRecord(l.checked.records, word);
    resolveSelection(l.checked.records, l.ctx.dir, { meeting: '1999-01' });
  },
};

describe('read commands do work linear in the records', () => {
  let small: Loaded;
  let large: Loaded;
  beforeAll(() => {
    small = load(corpus(N));
    large = load(corpus(4 * N));
  }, 120_000);
  afterAll(() => rmSync(TMP, { recursive: true, force: true }));

  it('the corpora are what the counts assume (valid, and four times the commitments)', () => {
    expect(small.checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(large.commitments.length / small.commitments.length).toBeGreaterThan(3.5);
  });

  for (const [name, run] of Object.entries(COMMANDS)) {
    it(`${name}: 4× the records, at most 4.5× the work`, () => {
      // Measured against the commitments, which the random corpus grows by 4× give or take a tenth.
      const growth = large.commitments.length / small.commitments.length;
      // Once before counting: what a process does once whatever the records (the catalog's messages compiled, labels
      // built) would otherwise be counted against whichever corpus ran first (overdue's first table: ~150,000 steps).
      run(small);
      const ratio = countWork(() => run(large)) / countWork(() => run(small));
      expect(ratio / growth, `${name}: work grew ${ratio.toFixed(2)}× for ${growth.toFixed(2)}× the commitments`).toBeLessThanOrEqual(4.5 / 4);
    });
  }
});
