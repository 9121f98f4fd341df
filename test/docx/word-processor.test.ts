// The Word documents opened by a real word processor: LibreOffice (headless) converts the report and every statement
// of `acta statement --all` to PDF — one soffice call for all of them, with a profile of its own; the PDFs' pages are
// checked (count, none empty, headings there, every overdue row there), and mammoth reads each document back: the text
// of every section of the report is the text of the same section of the HTML report.
//
// The records are a copy of data/ where Belize, Canada and the United States have `lang: en` (the CRM sources do not
// say in which language each country is written to: that is this fixture's assumption, not a record).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ZipData } from '../../src/io/docx-zip.js';
import { zipEntries } from '../../src/io/docx-zip.js';
import { runActa } from '../run-acta.js';

const AS_OF = ['--as-of', '2017-08-01'];
const ENGLISH = ['BZ', 'CA', 'US'];

let root = '';
let out = '';
let html = '';
let json: { overdue: { id: string; daysLate: number }[] } = { overdue: [] };

const hasSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

// -raw: in the order the page draws it (a cell's lines together, a word cut at a hyphen kept whole with its hyphen).
function pdfText(pdf: string, page?: number, raw = false): string {
  if (page && !raw) return pdfPagesText(pdf)[page - 1] ?? '';
  return execFileSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), ...(raw ? ['-raw'] : []), '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
}

// Each page's text, from one pdftotext of the whole file (it ends every page with a form feed): what `-f N -l N` gives
// for page N, without a process per page (49 of them for the report and the statements, ~1 s of CPU).
const pagesOf = new Map<string, string[]>();
function pdfPagesText(pdf: string): string[] {
  if (!pagesOf.has(pdf)) pagesOf.set(pdf, execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1).map((page) => `${page}\f`));
  return pagesOf.get(pdf)!;
}

function pdfPages(pdf: string): number {
  return Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
}

beforeAll(async () => {
  if (!hasSoffice) throw new Error('LibreOffice (soffice) is not installed: apt-get install -y --no-install-recommends libreoffice-writer-nogui poppler-utils (.ci/run does)');
  root = mkdtempSync(path.join(os.tmpdir(), 'acta-docx-lo-'));
  cpSync(path.resolve('data'), root, { recursive: true });
  const countries = path.join(root, 'registries/countries.yaml');
  let text = readFileSync(countries, 'utf8');
  for (const code of ENGLISH) text = text.replace(`  - code: ${code}\n`, `  - code: ${code}\n    lang: en\n`);
  writeFileSync(countries, text);
  out = path.join(root, 'out');
  mkdirSync(out);
  const base = ['--root', root, ...AS_OF];
  const report = await runActa(['report', ...base, '--texts', '--annex', '-f', 'docx', '-o', path.join(out, 'report.docx'), '--reference', 'CRM/ST/2017/1'], { cwd: root });
  expect(report.code, report.stderr).toBe(0);
  html = (await runActa(['report', ...base, '--texts', '--annex', '--quality', '-f', 'html'], { cwd: root })).stdout;
  json = JSON.parse((await runActa(['report', ...base, '-f', 'json'], { cwd: root })).stdout);
  const all = await runActa(['statement', '--all', '--out', path.join(out, 'statements'), ...base], { cwd: root });
  expect(all.code, all.stderr).toBe(0);
  // The same report with its document part zipped as a part over STREAM_ABOVE is (io/docx-zip.ts: deflated as it is
  // made, 64 KB at a time here): LibreOffice must read it as it reads the other.
  const parts = unzipSync(readFileSync(path.join(out, 'report.docx')));
  const streamed = Object.entries(parts).map(([name, data]): [string, ZipData] => [name, name === 'word/document.xml' ? { parts: () => Array.from({ length: Math.ceil(data.length / 65536) }, (_, i) => data.slice(i * 65536, (i + 1) * 65536)) } : data]);
  writeFileSync(path.join(out, 'report-streamed.docx'), zipEntries(streamed, new Date(2017, 7, 1)));
  const docs = [path.join(out, 'report.docx'), path.join(out, 'report-streamed.docx'), ...readdirSync(path.join(out, 'statements')).filter((f) => f.endsWith('.docx')).map((f) => path.join(out, 'statements', f))];
  execFileSync('soffice', [`-env:UserInstallation=file://${path.join(root, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', path.join(out, 'pdf'), ...docs], { stdio: 'ignore', timeout: 170_000 });
}, 180_000);

const squeeze = (s: string): string => s.replace(/[\s\u00a0«»"“”]+/g, '');

describe('the report, opened by LibreOffice', () => {
  it('converts to A4 pages, none empty, with the header and "página X de Y" on each', () => {
    const pdf = path.join(out, 'pdf/report.pdf');
    expect(existsSync(pdf)).toBe(true);
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const pages = pdfPages(pdf);
    expect(pages).toBeGreaterThanOrEqual(5);
    for (let p = 1; p <= pages; p++) {
      const text = pdfText(pdf, p);
      expect(text).toContain(`Página ${p} de ${pages}`);
      expect(text).toContain('CRM/ST/2017/1');
      expect(text).toContain('Fecha de emisión: 1 ago 2017');
      const body = text.replace(`Página ${p} de ${pages}`, '').replace('CRM/ST/2017/1', '').replace('Fecha de emisión: 1 ago 2017', '');
      expect(body.replace(/\s+/g, '').length, `page ${p} is empty`).toBeGreaterThan(200);
    }
  });

  it('reads its document part deflated as it was made (io/docx-zip.ts) as it reads it deflated whole', () => {
    const [whole, streamed] = ['report.pdf', 'report-streamed.pdf'].map((f) => path.join(out, 'pdf', f));
    expect(pdfPages(streamed!)).toBe(pdfPages(whole!));
    expect(pdfText(streamed!, undefined, true)).toBe(pdfText(whole!, undefined, true));
  });

  it('has every section heading, the original-language line and every overdue row', () => {
    const text = pdfText(path.join(out, 'pdf/report.pdf'), undefined, true);
    for (const h of ['En síntesis', '1 Reuniones celebradas', '2 Participación de los Países Miembros', '3 Acuerdos por acción e instancia', '4 Compromisos por estado', '5 Lo cumplido en el periodo', '6 Compromisos vencidos', '7 Lo que vence en el próximo periodo', '8 Avance de los planes de trabajo', '9 Calidad de los registros', 'A Anexo: textos adoptados', 'B Anexo: estado de cuenta por país']) expect(text).toContain(h);
    expect(text).toContain('Original: español');
    const flat = squeeze(text);
    const section6 = flat.slice(flat.indexOf(squeeze('6 Compromisos vencidos'), flat.indexOf(squeeze('9 Calidad de los registros'))), flat.indexOf(squeeze('7 Lo que vence en el próximo periodo'), flat.indexOf(squeeze('9 Calidad de los registros'))));
    expect(json.overdue.length).toBeGreaterThan(0);
    for (const row of json.overdue) expect(section6, row.id).toContain(squeeze(row.id));
  });

  it('reads back (mammoth) with the text of every section of the HTML report', async () => {
    const { value } = await mammoth.convertToHtml({ buffer: readFileSync(path.join(out, 'report.docx')) });
    const docx = sectionsOf(value, 'h1');
    const web = htmlSections(html);
    expect(Object.keys(docx)).toEqual(Object.keys(web));
    expect(Object.keys(web).length).toBe(12);
    // Compared from the first difference on, so a failure shows where the two part ways.
    for (const [title, text] of Object.entries(web)) expect(fromFirstDifference(docx[title] ?? '', text), title).toEqual(['', '']);
  });
});

describe('acta statement --all, opened by LibreOffice', () => {
  it('one statement per owing country, in its language, and the index says who got what', () => {
    const index = readFileSync(path.join(out, 'statements/index.csv'), 'utf8').trim().split('\r\n').map((l) => l.split(','));
    expect(index[0]).toEqual(['actor', 'nombre', 'idioma', 'archivo', 'total', 'vencidos', 'próximos', 'cumplidos', 'en espera', 'sin fecha']);
    const rows = index.slice(1);
    expect(rows.map((r) => r[0])).toEqual(['BZ', 'CA', 'CR', 'DO', 'GT', 'HN', 'MX', 'NI', 'PA', 'SV', 'US']);
    for (const r of rows) {
      expect(r[2]).toBe(ENGLISH.includes(r[0]!) ? 'en' : 'es');
      const pdf = path.join(out, 'pdf', r[3]!.replace(/\.docx$/, '.pdf'));
      const pages = pdfPages(pdf);
      expect(pages).toBeGreaterThanOrEqual(1);
      const first = pdfText(pdf, 1).replace(/\s+/g, ' ');
      expect(first).toContain(r[2] === 'en' ? `Statement — ${r[1]}` : `Estado de cumplimiento — ${r[1]}`);
      expect(first).toContain(r[2] === 'en' ? 'Original: Spanish' : 'Original: español');
      expect(first).toContain(r[2] === 'en' ? `Page 1 of ${pages}` : `Página 1 de ${pages}`);
      for (let p = 2; p <= pages; p++) expect(pdfText(pdf, p).replace(/\s+/g, '').length, `${r[3]} page ${p}`).toBeGreaterThan(100);
    }
  });
});

// The text of each part of a document, by its heading (mammoth's HTML: h1 per section).
function sectionsOf(doc: string, tag: 'h1' | 'h2'): Record<string, string> {
  const out: Record<string, string> = {};
  const parts = doc.split(new RegExp(`(?=<${tag}>)`));
  for (const part of parts) {
    const m = new RegExp(`^<${tag}>(.*?)</${tag}>`).exec(part);
    if (!m) continue;
    out[squeeze(textOf(m[1]!))] = squeeze(textOf(part.slice(m[0].length)));
  }
  return out;
}

// The HTML report's sections: what a reader sees (not the captions only screen readers get, nor the text drawn in the
// chart, whose title stands for it; not the on-screen table of contents).
function htmlSections(page: string): Record<string, string> {
  const main = page.slice(page.indexOf('<main>'), page.indexOf('</main>'))
    .replace(/<caption class="visually-hidden">[\s\S]*?<\/caption>/g, '')
    .replace(/<figure class="chart">[\s\S]*?<title[^>]*>([\s\S]*?)<\/title>[\s\S]*?<\/figure>/g, '<p>$1</p>')
    .replace(/<nav class="toc"[\s\S]*?<\/nav>/g, '');
  const out: Record<string, string> = {};
  for (const m of main.matchAll(/<section id="([a-z-]+)"[^>]*>\s*<h2[^>]*>([\s\S]*?)<\/h2>([\s\S]*?)(?=<section id="[a-z-]+"[^>]*>\s*<h2|$)/g)) out[squeeze(textOf(m[2]!))] = squeeze(textOf(m[3]!));
  // The document ends with the HTML report's footer line ("Generado por acta …").
  const last = Object.keys(out).at(-1)!;
  out[last] += squeeze(textOf(/<footer>([\s\S]*?)<\/footer>/.exec(page)![1]!));
  return out;
}

function fromFirstDifference(a: string, b: string): [string, string] {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i === a.length && i === b.length ? ['', ''] : [a.slice(Math.max(0, i - 40), i + 80), b.slice(Math.max(0, i - 40), i + 80)];
}

function textOf(fragment: string): string {
  return fragment
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(lt|gt|amp|quot|#39|#x27|nbsp);/g, (_, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', '#39': "'", '#x27': "'", nbsp: ' ' })[e]!);
}
