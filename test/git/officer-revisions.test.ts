// Revisions an officer names where git cannot resolve them (nineteenth session's exploratory review): a repository with
// no commit yet, and a shallow clone (CI's default checkout) without the history named. Both were "no such commit".
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitEnv, TempRepo } from './repo.js';
import { runActa } from '../run-acta.js';

const MEETING = `record: meeting
id: 2026-05-04-st
body: st
dates: { start: "2026-05-04" }
source: { document: informe.pdf }
agreements:
  - number: "1"
    action: thank
    text: { es: Agradecer a México. }
    actors: [MX]
`;

describe('a revision git cannot resolve', () => {
  let repo: TempRepo;
  beforeAll(() => {
    repo = new TempRepo('acta-revs-').withRegistries().write({ 'meetings/2026-05-04-st.yaml': MEETING });
  });
  afterAll(() => repo.cleanup());

  it('in a repository with no commit yet: says so, and how to make the first', async () => {
    const r = await repo.acta(['validate', '--changed-since', 'HEAD']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/has no commit yet — make the first one/);
    const es = await repo.acta(['diff', 'HEAD', '--lang', 'es']);
    expect(es.stderr).toMatch(/aún no tiene ningún commit/);
  });

  it('in a shallow clone: says the history is missing, and how to fetch it', async () => {
    repo.commit('one');
    repo.write({ 'meetings/2026-05-04-st.yaml': MEETING.replace('México', 'Guatemala') }).commit('two');
    const clone = path.join(repo.home, 'shallow');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo.dir}`, clone], { env: gitEnv(repo.home) });
    const r = await runActa(['diff', 'HEAD~1'], { cwd: clone, env: gitEnv(repo.home) });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/a shallow clone that lacks the earlier history — fetch it \(git fetch --unshallow/);
    // A name that is not there at all, in a full repository: as before.
    expect((await repo.acta(['diff', 'no-such-branch'])).stderr).toMatch(/no such commit in/);
  });
});

// In Spanish, the diff's header named the working tree in English and said "1 señalados".
describe('acta diff in Spanish', () => {
  let repo: TempRepo;
  beforeAll(() => {
    repo = new TempRepo('acta-diff-es-').withRegistries().write({ 'meetings/2026-05-04-st.yaml': MEETING.replace('    actors: [MX]\n', '    actors: [MX]\n  - number: "2"\n    action: request\n    text: { es: Solicitar a la ST un informe. }\n    actors: [st]\n    commitment: { owners: [st], deadline: { due: 2026-06 } }\n') });
    repo.commit('one');
    repo.write({ 'meetings/2026-05-04-st.yaml': readFileSync(path.join(repo.dir, 'meetings/2026-05-04-st.yaml'), 'utf8').replace('due: 2026-06', 'due: 2026-07') });
  });
  afterAll(() => repo.cleanup());

  it('names the working tree and counts one flagged change in Spanish, in both formats; JSON keeps its label', async () => {
    const pretty = await repo.acta(['diff', 'HEAD', '--lang', 'es']);
    expect(pretty.stdout).toMatch(/^acta diff: HEAD \([0-9a-f]{7}\) → árbol de trabajo — 1 cambio en 1 registro, 1 señalado\n/);
    expect(pretty.stdout).toContain('⚑ 1 señalado: se reescribió');
    const md = await repo.acta(['diff', 'HEAD', '--lang', 'es', '-f', 'md']);
    expect(md.stdout).toContain('→ `árbol de trabajo`');
    expect(md.stdout).toContain('**1 señalado**:');
    const json = JSON.parse((await repo.acta(['diff', 'HEAD', '--lang', 'es', '-f', 'json'])).stdout) as { head: { label: string } };
    expect(json.head.label).toBe('working tree');
  });
});

// A record removed, and a file that no longer parses, said "eliminada (1 agreement)" and "no pudo leerse en working tree"
// in Spanish.
describe('acta diff in Spanish, a record gone', () => {
  let repo: TempRepo;
  beforeAll(() => {
    repo = new TempRepo('acta-diff-gone-').withRegistries().write({ 'meetings/2026-05-04-st.yaml': MEETING, 'meetings/2026-05-05-st.yaml': MEETING.replace(/2026-05-04/g, '2026-05-05') });
    repo.commit('one');
    repo.write({ 'meetings/2026-05-04-st.yaml': MEETING.replace('body: st', 'body st') }).remove('meetings/2026-05-05-st.yaml');
  });
  afterAll(() => repo.cleanup());

  it('counts its agreements and names the working tree in Spanish; JSON keeps its English summary', async () => {
    const es = (await repo.acta(['diff', 'HEAD', '--lang', 'es'])).stdout;
    expect(es).toContain('⚑ reunión 2026-05-05-st: eliminada (1 acuerdo)');
    expect(es).toContain('no pudo leerse en árbol de trabajo: falta `:` tras una clave');
    expect((await repo.acta(['diff', 'HEAD', '--lang', 'en'])).stdout).toContain('removed (1 agreement)');
    const json = JSON.parse((await repo.acta(['diff', 'HEAD', '-f', 'json'])).stdout) as { changes: { kind: string; summary?: string; size?: unknown }[] };
    expect(json.changes.find((c) => c.kind === 'record-removed')).toMatchObject({ summary: '1 agreement', size: { agreements: 1 } });
  });
});
