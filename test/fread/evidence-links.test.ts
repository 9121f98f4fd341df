// Evidence addresses read as links in the HTML statement and on the site: an http(s) address is a link whose text is
// host + path shortened (the whole address in its title). The schema already refuses a non-http(s) evidence url;
// the renderers refuse it again (test/render/short-url.test.ts, test/fread/statement-hostile.test.ts).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runActa } from '../run-acta.js';

let root: string;
const LONG = 'https://www.crmsv.org/sites/default/files/documentos-de-trabajo/2017/red-nna/informe-final-2017.pdf';
const RECORD = `record: meeting
id: 2017-05-02-red-nna
body: red-nna
dates: { start: "2017-05-02" }
source: { document: informe.txt }
agreements:
  - number: "1"
    action: request
    text: { es: "Enviar el informe" }
    commitment:
      owners: [MX]
      deadline: { due: "2017-06-30" }
    followup:
      - date: "2017-06-20"
        status: done
        delivered_by: [MX]
        evidence: { url: "${LONG}", document: "oficio-123.pdf" }
`;

beforeAll(() => {
  root = path.join(mkdtempSync(path.join(os.tmpdir(), 'acta-evidence-')), 'data');
  cpSync(path.resolve('data'), root, { recursive: true });
  writeFileSync(path.join(root, 'meetings/2017-05-02-red-nna.yaml'), RECORD);
});
afterAll(() => rmSync(path.dirname(root), { recursive: true, force: true }));

const LINK = `<a href="${LONG}" title="${LONG}"`;

describe('evidence as links', () => {
  it('html statement: the http(s) address a link with a short text, the document beside it', async () => {
    const r = await runActa(['statement', 'MX', '--root', root, '--as-of', '2017-08-01', '-f', 'html']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('left out');
    expect(r.stdout).toContain(`${LINK}>crmsv.org/…/informe-final-2017.pdf</a>, oficio-123.pdf`);
  });

  it('site: the meeting page links the address with a short text', async () => {
    const out = path.join(path.dirname(root), 'site');
    const r = await runActa(['site', '--root', root, '--as-of', '2017-08-01', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('left out');
    const page = readFileSync(path.join(out, 'es/meetings/2017-05-02-red-nna.html'), 'utf8');
    expect(page).toContain(`${LINK} rel="noopener noreferrer">crmsv.org/…/informe-final-2017.pdf</a>`);
  }, 60_000);
});
