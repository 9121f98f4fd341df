// Record text in a statement is text in every format: no markup from a record in HTML or Markdown, no javascript: link.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runActa } from '../run-acta.js';

let root: string;
const HOSTILE = `record: meeting
id: 2017-05-02-red-nna
body: red-nna
dates: { start: "2017-05-02" }
source: { document: informe.txt }
agreements:
  - number: "1"
    action: request
    text: { es: "Enviar <script>alert(1)</script> | tubo *negrita* @everyone" }
    commitment:
      owners: [MX]
      deadline: { due: "2017-06-30" }
    followup:
      - date: "2017-07-05"
        status: done
        delivered_by: [MX]
        evidence: { document: "<img src=x onerror=alert(3)>" }
`;

beforeAll(() => {
  root = path.join(mkdtempSync(path.join(os.tmpdir(), 'acta-hostile-')), 'data');
  cpSync(path.resolve('data'), root, { recursive: true });
  writeFileSync(path.join(root, 'meetings/2017-05-02-red-nna.yaml'), HOSTILE);
});
afterAll(() => rmSync(path.dirname(root), { recursive: true, force: true }));

describe('a hostile record in acta statement', () => {
  it('html: escaped text, no script, no markup from the evidence', async () => {
    const r = await runActa(['statement', 'MX', '--root', root, '--as-of', '2017-08-01', '-f', 'html']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(r.stdout).not.toMatch(/<script|<img|href="javascript:/i);
    expect(r.stdout).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(3)&gt;');
    expect(r.stdout).toContain('5 días de retraso');
  });

  it('md: no raw HTML, no table break, no mention', async () => {
    const r = await runActa(['statement', 'MX', '--root', root, '--as-of', '2017-08-01', '-f', 'md', '--lang', 'en']);
    expect(r.stdout).not.toMatch(/<script|<img/i);
    expect(r.stdout).not.toContain(' | tubo');
    expect(r.stdout).not.toContain(' @everyone');
  });
});
