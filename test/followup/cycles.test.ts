// Rings of references close nothing and expand to nothing: a point that supersedes itself (or a ring of points) stays
// overdue; a group that contains itself is never owed as a group; nested groups expand once each (linear).
import { describe, expect, it } from 'vitest';
import { buildActorDirectory, expandActors } from '../../src/core/actors.js';
import { deriveCommitments } from '../../src/core/followup/index.js';
import type { Group, Registries } from '../../src/core/model.js';
import { parseRecordFile } from '../../src/core/read/parse.js';
import { checkRecords } from '../../src/core/pipeline.js';
import { byId, meeting, REGISTRIES } from './harness.js';
import { validator } from '../schema-validator.js';


/** Records with their diagnostics: these fixtures are wrong on purpose. */
function load(files: Record<string, string>): ReturnType<typeof checkRecords> {
  const parsed = Object.entries({ ...REGISTRIES, ...files }).map(([name, text]) => parseRecordFile(name, new TextEncoder().encode(text)));
  return checkRecords(parsed, validator, { rootFile: 'acta.yaml' });
}

const point = (n: number, supersedes?: number): string =>
  `  - number: "${n}"\n    action: request\n${supersedes ? `    supersedes: "2020-01-15-red-x#${supersedes}"\n` : ''}    text: { es: Punto ${n} }\n    commitment: { owners: [st], deadline: { due: "2020-03-31" } }\n`;

describe('supersession', () => {
  it('a point that supersedes itself stays overdue, and validate says why', () => {
    const { records, diagnostics } = load(meeting(point(1, 1)));
    expect(diagnostics.map((d) => d.code)).toEqual(['ref/supersedes-itself']);
    expect(byId(deriveCommitments(records, '2020-04-10'), '2020-01-15-red-x#1')).toMatchObject({ state: 'overdue', daysLate: 10 });
  });

  it('points that supersede each other in a ring stay overdue (two and three points), reported once per ring', () => {
    for (const ring of [[point(1, 2), point(2, 1)], [point(1, 2), point(2, 3), point(3, 1)]]) {
      const { records, diagnostics } = load(meeting(ring.join('')));
      expect(diagnostics.map((d) => d.code)).toEqual(['ref/supersession-cycle']);
      expect(diagnostics[0]!.related).toHaveLength(ring.length - 1);
      const states = deriveCommitments(records, '2020-04-10').map((c) => c.state);
      expect(states).toEqual(ring.map(() => 'overdue'));
    }
  });

  it('a chain that is no ring still closes each earlier point', () => {
    const { records, diagnostics } = load(meeting(point(1) + point(2, 1) + point(3, 2)));
    expect(diagnostics).toEqual([]);
    expect(deriveCommitments(records, '2020-04-10').map((c) => [c.id, c.state, c.supersededBy])).toEqual([
      ['2020-01-15-red-x#1', 'superseded', '2020-01-15-red-x#2'],
      ['2020-01-15-red-x#2', 'superseded', '2020-01-15-red-x#3'],
      ['2020-01-15-red-x#3', 'overdue', undefined],
    ]);
  });

  it('a follow-up entry superseded by its own point is reported', () => {
    const { diagnostics } = load(meeting(`${point(1)}    followup: [{ date: "2020-02-01", status: superseded, superseded_by: "2020-01-15-red-x#1" }]\n`));
    expect(diagnostics.map((d) => d.code)).toEqual(['ref/supersedes-itself']);
  });
});

const registries = (groups: Group[]): Registries => ({
  countries: ['GT', 'HN', 'MX', 'SV'].map((code) => ({ code, name: { es: code } })),
  organisations: [],
  bodies: [],
  groups,
});
const group = (id: string, members: string[]): Group => ({ id, name: { es: id }, members });

describe('groups', () => {
  it('a group among its own members owes nothing as a group', () => {
    const dir = buildActorDirectory(registries([group('g', ['GT', 'g', 'HN'])]));
    expect(expandActors(dir, ['g'])).toEqual(['GT', 'HN']);
  });

  it('groups in a ring expand to their countries, never to a group', () => {
    const dir = buildActorDirectory(registries([group('a', ['GT', 'b']), group('b', ['HN', 'c']), group('c', ['MX', 'a'])]));
    for (const id of ['a', 'b', 'c']) expect(new Set(expandActors(dir, [id]))).toEqual(new Set(['GT', 'HN', 'MX']));
  });

  it('a group nested in a group expands to its members, in order, each once', () => {
    const dir = buildActorDirectory(registries([group('outer', ['SV', 'inner', 'GT']), group('inner', ['GT', 'HN'])]));
    expect(expandActors(dir, ['outer', 'MX'])).toEqual(['SV', 'GT', 'HN', 'MX']);
  });

  it('expand each group once: 16 levels where each holds the two below (2^16 paths) read each member list a bounded number of times', () => {
    let reads = 0;
    const counted = (members: string[]): string[] => new Proxy(members, { get: (t, k, r) => (reads++, Reflect.get(t, k, r)) });
    const groups: Group[] = [group('a0', ['GT']), group('b0', ['HN'])];
    for (let i = 1; i <= 16; i++) groups.push(group(`a${i}`, [`a${i - 1}`, `b${i - 1}`]), group(`b${i}`, [`b${i - 1}`, `a${i - 1}`]));
    const dir = buildActorDirectory(registries(groups.map((g) => ({ ...g, members: counted([...g.members]) }))));
    expect(expandActors(dir, ['a16'])).toEqual(['GT', 'HN']);
    // Each list is read when its group is expanded (length and items, a few times each): 34 groups × 2 members.
    // Walking every path instead reads them about 2^17 times.
    expect(reads).toBeLessThan(34 * 20);
  });

  it('500 nested groups (the longest chain the registry allows in one file) expand without deep recursion', () => {
    const groups = [group('g0', ['GT'])];
    for (let i = 1; i < 500; i++) groups.push(group(`g${i}`, [`g${i - 1}`, i % 2 ? 'HN' : 'MX']));
    const dir = buildActorDirectory(registries(groups.reverse()));
    expect(expandActors(dir, ['g499'])).toEqual(['GT', 'HN', 'MX']);
  });
});
