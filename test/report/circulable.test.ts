// The report a secretariat can circulate as is (issue 22.7): the records' quality only on request, inferences said
// inline, the table of contents printed, every owing country in the annex, totals that agree or say why, and a
// document header (symbol from acta.yaml, date of issue, original language).
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runActa } from '../run-acta.js';
import { tempFolder } from '../site/site-files.js';

const ARGS = ['report', '--root', 'data', '--as-of', '2017-08-01'];

describe('a circulable report of data/', () => {
  it('leaves the records-quality section out unless --quality asks for it', async () => {
    const plain = (await runActa([...ARGS])).stdout;
    expect(plain).not.toContain('Calidad de los registros');
    const asked = (await runActa([...ARGS, '--quality'])).stdout;
    expect(asked).toContain('## 9. Calidad de los registros');
    const html = (await runActa([...ARGS, '-f', 'html'])).stdout;
    expect(html).not.toContain('id="records"');
    expect(html).not.toContain('href="#records"');
  });

  it('has a header: date of issue and original language; the symbol from acta.yaml with {year}', async () => {
    expect((await runActa([...ARGS])).stdout).toMatch(/- \*\*Fecha de emisión:\*\* 1 ago 2017\n- \*\*Original:\*\* español\n/);
    const root = path.join(tempFolder('acta-ref-'), 'records');
    cpSync('data', root, { recursive: true });
    writeFileSync(path.join(root, 'acta.yaml'), `${readFileSync(path.join(root, 'acta.yaml'), 'utf8')}reference: "CRM/ST/INF/{year}"\n`);
    const r = await runActa(['report', '--root', root, '--as-of', '2017-08-01', '--year', '2017', '--lang', 'en', '-f', 'html']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('<dt>Symbol</dt><dd class="id">CRM/ST/INF/2017</dd>');
    expect(r.stdout).toContain('<dt>Original</dt><dd>Spanish</dd>');
  });

  it('says what was inferred, and to whom, where it is shown; the table of contents prints', async () => {
    const html = (await runActa([...ARGS, '-f', 'html'])).stdout;
    expect(html).not.toContain('ver las notas del registro');
    expect(html).toContain('inferido: el texto adoptado no nombra quién debe actuar; la Secretaría lo atribuye a Países Miembros.');
    const print = html.slice(html.indexOf('@media print'));
    expect(print).not.toMatch(/\.toc \{ display: none/);
  });

  it('Annex B lists every country that owes something, Belize too; the totals agree or say why', async () => {
    const json = JSON.parse((await runActa([...ARGS, '--annex', '-f', 'json'])).stdout);
    const owing = new Set(json.overdue.flatMap((r: { pending: { id: string }[] }) => r.pending.map((a) => a.id)).filter((id: string) => /^[A-Z]{2}$/.test(id)));
    const annexed = new Set(json.annex.map((s: { actor: { id: string } }) => s.actor.id));
    expect([...owing].filter((id) => !annexed.has(id))).toEqual([]);
    expect(annexed.has('BZ')).toBe(true);
    expect(json.summary.overdue).toBe(json.overdue.length);
    // Over 2017 only, what the 2015 and 2016 meetings still owe is overdue but not in the table by state.
    const year = JSON.parse((await runActa([...ARGS, '--year', '2017', '-f', 'json'])).stdout);
    const html = (await runActa([...ARGS, '--year', '2017', '-f', 'html'])).stdout;
    const outside = year.summary.overdue - year.summary.commitments.overdue;
    expect(outside).toBeGreaterThan(0);
    expect(html).toContain(`El total de vencidos (${year.summary.overdue}, sección 6) incluye además ${outside} de planes de trabajo o de reuniones anteriores al periodo.`);
  });
});
