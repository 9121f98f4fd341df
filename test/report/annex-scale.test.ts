// Report annexes of a large group grow linearly (issue 26, point 8): a commitment owed by an N-organisation group,
// half of them delivered, is not repeated with all N owners in each of the N statements. Output and work at 4× the
// members stay within ~4× (they were ~16×: 2,000 members gave "Invalid string length" in JSON).
import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runActa } from '../run-acta.js';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

function groupRoot(n: number): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'acta-annex-'));
  made.push(root);
  cpSync(path.join(REPO_ROOT, 'data'), root, { recursive: true });
  const ids = Array.from({ length: n }, (_, i) => `org-${String(i).padStart(5, '0')}`);
  appendFileSync(path.join(root, 'registries/organisations.yaml'), ids.map((id) => `  - id: ${id}\n    name: { es: Organización ${id}, en: Organisation ${id} }\n`).join(''));
  // Groups of 50 (a group lists at most 200 members), and the group of those groups.
  const groups = Array.from({ length: Math.ceil(n / 50) }, (_, g) => ({ id: `orgs-${g}`, members: ids.slice(g * 50, g * 50 + 50) }));
  appendFileSync(path.join(root, 'registries/groups.yaml'), [...groups.map((g) => `  - id: ${g.id}\n    name: { es: Grupo ${g.id}, en: Group ${g.id} }\n    members: [${g.members.join(', ')}]\n`), `  - id: all-orgs\n    name: { es: Todas las organizaciones, en: All organisations }\n    members: [${groups.map((g) => g.id).join(', ')}]\n`].join(''));
  writeFileSync(path.join(root, 'meetings/2017-06-30-red-trata.yaml'), `record: meeting
id: 2017-06-30-red-trata
body: red-trata
dates: { start: "2017-06-30" }
source: { document: generated.txt }
agreements:
  - number: "1"
    action: request
    text: { es: "Informar a la ST." }
    commitment:
      owners: [all-orgs]
      deadline: { due: "2017-07-20" }
    followup:
      - date: "2017-07-10"
        status: partial
        delivered_by: [${n < 50 ? ids.filter((_, i) => i % 2 === 0).join(', ') : groups.filter((_, g) => g % 2 === 0).map((g) => g.id).join(', ')}]
        evidence: { document: informes.pdf }
`);
  return root;
}

async function annex(n: number, format: string): Promise<{ bytes: number }> {
  const root = groupRoot(n);
  const r = await runActa(['report', '--root', root, '--as-of', '2017-08-01', '--actor', 'all-orgs', '-f', format], { cwd: root });
  expect(r.code, r.stderr).toBe(0);
  if (format === 'json') expect((JSON.parse(r.stdout) as { annex: unknown[] }).annex.length).toBe(n);
  return { bytes: r.stdout.length };
}

describe('report --actor GROUP: one statement per member, linear in the members', () => {
  it.each(['json', 'md'])('-f %s: 4× the members, at most ~4.5× the output', async (format) => {
    const small = await annex(100, format);
    const large = await annex(400, format);
    expect(large.bytes / small.bytes).toBeLessThan(4.5);
  }, 60_000);

  it('a member\'s statement sees the commitment from the member: its own delivery, its evidence, not all owners', async () => {
    const root = groupRoot(4);
    const r = await runActa(['report', '--root', root, '--as-of', '2017-08-01', '--actor', 'all-orgs', '-f', 'json'], { cwd: root });
    const view = JSON.parse(r.stdout) as { annex: { actor: { id: string }; counts: Record<string, number>; sections: { section: string; groups: { rows: { commitment: { ref: string; owed: { id: string }[]; pending: { id: string }[]; delivered: { actor: { id: string } }[] }; evidence: unknown[] }[] }[] }[] }[] };
    const rowOf = (i: number, section: string) => view.annex[i]!.sections.find((s) => s.section === section)!.groups.flatMap((g) => g.rows).find((row) => row.commitment.ref === '2017-06-30-red-trata#1')!;
    const delivered = rowOf(0, 'delivered');
    expect(delivered.commitment.owed.map((a) => a.id)).toEqual(['org-00000']);
    expect(delivered.commitment.delivered.map((d) => d.actor.id)).toEqual(['org-00000']);
    expect(delivered.evidence).toEqual([{ document: 'informes.pdf' }]);
    const overdue = rowOf(1, 'overdue');
    expect(overdue.commitment.pending.map((a) => a.id)).toEqual(['org-00001']);
    expect(view.annex.map((s) => s.actor.id)).toEqual(['org-00000', 'org-00001', 'org-00002', 'org-00003']);
  });
});
