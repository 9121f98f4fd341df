// Property: a follow-up command on the real-shaped records writes a file that parses to the old data plus exactly the
// new entry, at the end of the right point's (or activity's) follow-up — nothing else in the record changes.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { BINARY } from '../binary-unit.js';
import { propertyRuns } from '../fixed-seeds.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildActorDirectory } from '../../src/core/actors.js';
import { appendFollowup, setSupersedes } from '../../src/core/edit/followup-entry.js';
import type { FollowupPlan, FollowupRequest } from '../../src/core/edit/followup-request.js';
import { planFollowup, STATUSES } from '../../src/core/edit/followup-request.js';
import { keyOrderFor } from '../../src/core/format/key-order.js';
import { parseRecordFile } from '../../src/core/read/parse.js';
import { checkRecords } from '../../src/core/pipeline.js';
import { readSchemas } from '../../src/io/schemas.js';
import { walkActivities, walkAgreements } from '../../src/core/walk.js';
import { REPO_ROOT } from '../run-acta.js';
import { validator } from '../validate/harness.js';

const DATA = path.join(REPO_ROOT, 'data');
const names = ['meetings', 'plans', 'registries'].flatMap((d) => readdirSync(path.join(DATA, d)).map((f) => `${d}/${f}`));
const texts = new Map(names.map((n) => [n, readFileSync(path.join(DATA, n), 'utf8')]));
const { records } = checkRecords(names.map((n) => parseRecordFile(n, new TextEncoder().encode(texts.get(n)!))), validator);
const dir = buildActorDirectory(records.registries);
const schemas = readSchemas();
const refs = [
  ...records.meetings.flatMap((m) => walkAgreements(m.data).map((a) => a.ref)),
  ...records.plans.flatMap((p) => walkActivities(p.data).map((a) => a.ref)),
];
const actors = ['MX', 'GT', 'HN', 'SV', 'CR', 'PA', 'US', 'CA', 'DO', 'BZ', 'NI', 'iom', 'st', 'OIM'];

const day = fc.date({ min: new Date(Date.UTC(2015, 0, 1)), max: new Date(Date.UTC(2030, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const words = fc.string({ unit: BINARY, minLength: 1, maxLength: 80 });
const request: fc.Arbitrary<FollowupRequest> = fc.oneof(
  fc.record({ kind: fc.constant('done' as const), by: fc.option(fc.subarray(actors, { minLength: 1, maxLength: 4 }).map((a) => a.join(',')), { nil: undefined }), evidence: fc.option(fc.oneof(fc.webUrl(), words), { nil: undefined }), note: fc.option(words, { nil: undefined }) }, { requiredKeys: ['kind'] }),
  fc.record({ kind: fc.constant('extend' as const), to: fc.oneof(day, fc.constantFrom('2019', '2018-H2', '2020-Q3', '2021-04', 'continuous', 'tbd')), reason: fc.option(words, { nil: undefined }) }, { requiredKeys: ['kind', 'to'] }),
  fc.record({ kind: fc.constant('status' as const), status: fc.constantFrom(...STATUSES.filter((s) => s !== 'superseded')), note: fc.option(words, { nil: undefined }) }, { requiredKeys: ['kind', 'status'] }),
  fc.record({ kind: fc.constant('status' as const), status: fc.constant('superseded'), supersededBy: fc.constantFrom(...refs.filter((r) => !r.includes('/'))) }),
);

/** The data at a JSON pointer (a path of keys and indexes). */
function at(data: unknown, pointer: string): Record<string, unknown> {
  return pointer.split('/').slice(1).reduce<any>((node, part) => node[/^\d+$/.test(part) ? Number(part) : part], data);
}

/** Apply a plan's edits to `texts`; check each file parses to the old data plus exactly the planned changes, and keeps every comment line. */
function checkWrite(source: ReadonlyMap<string, string>, plan: FollowupPlan): void {
  const after = new Map<string, string>();
  for (const e of plan.edits) {
    const order = keyOrderFor(schemas, e.file.startsWith('plans/') ? 'plan' : 'meeting');
    const text = after.get(e.file) ?? source.get(e.file)!;
    const out = 'append' in e ? appendFollowup(text, e.pointer, e.append, order) : setSupersedes(text, e.pointer, e.supersedes, order);
    if (!out.ok && 'supersedes' in e && out.reason.say === 'layout.alreadySupersedes') return;
    expect(out.ok, out.ok ? '' : JSON.stringify(out.reason)).toBe(true);
    if (out.ok) after.set(e.file, out.text);
  }
  for (const [file, text] of after) {
    const expected = parse(source.get(file)!) as Record<string, unknown>;
    for (const e of plan.edits.filter((x) => x.file === file)) {
      const target = at(expected, e.pointer);
      if ('append' in e) target['followup'] = [...((target['followup'] as unknown[] | undefined) ?? []), JSON.parse(JSON.stringify(e.append))];
      else target['supersedes'] = e.supersedes;
    }
    expect(parse(text)).toEqual(expected);
    const comments = (t: string): string[] => t.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('#')).sort();
    expect(comments(text)).toEqual(comments(source.get(file)!));
  }
}

describe('follow-up writes', () => {
  it('each written file parses to the old data plus exactly the new entry (and the point-back)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...refs), day, fc.constantFrom('es' as const, 'en' as const), request, (ref, on, lang, req) => {
        const plan = planFollowup(records, dir, ref, on, lang, req);
        if (!plan.ok) return; // usage problems (an unknown actor word) are refused before any write
        checkWrite(texts, plan.value);
      }),
      { numRuns: propertyRuns(40) },
    );
  }, 120_000);
});

// Generated meetings: points with random owners, deadlines, earlier entries, comments and quoting, in a records set
// with the CRM's registries.
const registryNames = names.filter((n) => n.startsWith('registries/'));
const OWNERS = ['MX', 'GT', 'HN', 'member-countries', 'iom', 'st'];
const point = fc.record({
  comment: fc.option(fc.string({ maxLength: 30 }).map((c) => `# ${c.replace(/[\n\r]/g, ' ')}`), { nil: undefined }),
  text: fc.string({ minLength: 1, maxLength: 60 }),
  owners: fc.subarray(OWNERS, { minLength: 1, maxLength: 3 }),
  due: fc.option(fc.constantFrom('2019-07-21', '2019-12', '2020-Q1', '2019-H2', '2020'), { nil: undefined }),
  earlier: fc.option(fc.constantFrom('pending', 'in-progress', 'no-information'), { nil: undefined }),
  flow: fc.boolean(),
});
type Point = typeof point extends fc.Arbitrary<infer T> ? T : never;
const meetingText = (points: readonly Point[]): string =>
  ['# generated meeting', 'record: meeting', 'id: 2019-05-10-red-trata', 'body: red-trata', 'dates: { start: "2019-05-10" }', 'source: { document: informe.txt }', 'agreements:',
    ...points.flatMap((p, i) => [
      `  - number: "${i + 1}"`,
      ...(p.comment ? [`    ${p.comment}`] : []),
      '    action: request',
      `    text: { es: ${JSON.stringify(p.text)} }`,
      '    commitment:',
      p.flow ? `      owners: [${p.owners.join(', ')}]` : `      owners:\n${p.owners.map((o) => `        - ${o}`).join('\n')}`,
      ...(p.due ? [`      deadline: { due: "${p.due}" }`] : []),
      ...(p.earlier ? ['    followup:', `      - date: "2019-06-01"`, `        status: ${p.earlier}  # as reported`] : []),
    ]),
  ].join('\n') + '\n';

describe('follow-up writes on generated meetings', () => {
  it('parse to the old data plus exactly the new entry, every comment kept', () => {
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: 5 }), fc.nat(), day.filter((d) => d >= '2019-05-10'), request.filter((r) => !(r.kind === 'status' && r.supersededBy)), (points, pick, on, req) => {
        const file = 'meetings/2019-05-10-red-trata.yaml';
        const source = new Map([[file, meetingText(points)], ...registryNames.map((n) => [n, texts.get(n)!] as const)]);
        const set = checkRecords([...source].map(([n, t]) => parseRecordFile(n, new TextEncoder().encode(t))), validator);
        expect(set.records.meetings[0]?.valid, JSON.stringify(set.diagnostics.filter((d) => d.severity === 'error').slice(0, 2))).toBe(true);
        const plan = planFollowup(set.records, buildActorDirectory(set.records.registries), `2019-05-10-red-trata#${(pick % points.length) + 1}`, on, 'es', req);
        if (!plan.ok) return;
        checkWrite(source, plan.value);
      }),
      { numRuns: propertyRuns(60) },
    );
  }, 120_000);
});
