// The Word documents as files: the same bytes for the same records and date (zip times, property dates and ids fixed,
// also when one process writes several), the Word structure a secretary relies on (styles, table of contents field,
// A4, page X of Y, header rows repeated, rows kept whole, a native chart), the refusals, and `statement --all`'s
// file names and languages.
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { statementFileName } from '../../src/core/queries/statement-batch.js';
import { runActa } from '../run-acta.js';

const AS_OF = ['--as-of', '2017-08-01'];
const SEED = Number(process.env['ACTA_FUZZ_SEED'] ?? 25);

let root = '';
let out = '';
beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'acta-docx-'));
  cpSync(path.resolve('data'), root, { recursive: true });
  out = path.join(root, 'out');
  mkdirSync(out);
});

const run = (args: string[]): ReturnType<typeof runActa> => runActa([...args, '--root', root, ...AS_OF], { cwd: root });

async function write(args: string[], file: string): Promise<Uint8Array> {
  const r = await run([...args, '-o', path.join(out, file)]);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toBe('');
  return readFileSync(path.join(out, file));
}

const parts = (bytes: Uint8Array): Record<string, string> => Object.fromEntries(Object.entries(unzipSync(bytes)).filter(([n]) => /\.(xml|rels)$/.test(n)).map(([n, d]) => [n, strFromU8(d)]));

/** The DOS date and time of every local file header of a zip, as "YYYY-MM-DD hh:mm:ss". */
function zipTimes(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const times: string[] = [];
  for (let i = 0; i + 30 <= bytes.length; ) {
    if (view.getUint32(i, true) !== 0x04034b50) break;
    const time = view.getUint16(i + 10, true);
    const date = view.getUint16(i + 12, true);
    const pad = (n: number): string => String(n).padStart(2, '0');
    times.push(`${1980 + (date >> 9)}-${pad((date >> 5) & 15)}-${pad(date & 31)} ${pad(time >> 11)}:${pad((time >> 5) & 63)}:${pad((time & 31) * 2)}`);
    i += 30 + view.getUint32(i + 18, true) + view.getUint16(i + 26, true) + view.getUint16(i + 28, true);
  }
  return times;
}

describe('the same records and date give the same bytes', () => {
  it('the report, twice in one process (the library counts ids across documents) and with --issued', async () => {
    const a = await write(['report', '-f', 'docx'], 'a.docx');
    const b = await write(['report', '-f', 'docx'], 'b.docx');
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(new Set(zipTimes(a))).toEqual(new Set(['2017-08-01 00:00:00']));
    expect(zipTimes(a).length).toBe(Object.keys(unzipSync(a)).length);
    expect(parts(a)['docProps/core.xml']).toMatch(/<dcterms:created[^>]*>2017-08-01T00:00:00Z<\/dcterms:created><dcterms:modified[^>]*>2017-08-01T00:00:00Z</);
    // The chart's workbook is a zip of its own: fixed too.
    const workbook = Object.entries(unzipSync(a)).find(([n]) => n.endsWith('.xlsx'))![1];
    expect(new Set(zipTimes(workbook))).toEqual(new Set(['2017-08-01 00:00:00']));
    const issued = await write(['report', '--annex', '-f', 'docx', '--issued', '2017-08-15', '--reference', 'CRM/ST/2017/1'], 'c.docx');
    expect(parts(issued)['word/header1.xml']).toContain('CRM/ST/2017/1');
    expect(parts(issued)['word/header1.xml']).toContain('Fecha de emisión: 15 ago 2017');
    expect(new Set(zipTimes(issued))).toEqual(new Set(['2017-08-15 00:00:00']));
  });

  it('the header’s reference defaults to acta.yaml `reference`, its {year} filled in', async () => {
    const other = mkdtempSync(path.join(os.tmpdir(), 'acta-docx-ref-'));
    cpSync(path.resolve('data'), other, { recursive: true });
    writeFileSync(path.join(other, 'acta.yaml'), `${readFileSync(path.join(other, 'acta.yaml'), 'utf8')}\nreference: "CRM/ST/{year}/INF"\n`);
    const r = await runActa(['report', '-f', 'docx', '--year', '2017', '-o', path.join(other, 'r.docx'), '--root', other, ...AS_OF], { cwd: other });
    expect(r.code, r.stderr).toBe(0);
    expect(parts(readFileSync(path.join(other, 'r.docx')))['word/header1.xml']).toContain('CRM/ST/2017/INF');
  });

  it('whatever the time zone the machine is in (zip times are local time)', async () => {
    const before = process.env['TZ'];
    try {
      process.env['TZ'] = 'UTC';
      const utc = await write(['statement', 'GT', '-f', 'docx'], 'gt-utc.docx');
      process.env['TZ'] = 'Pacific/Kiritimati';
      const far = await write(['statement', 'GT', '-f', 'docx'], 'gt-far.docx');
      expect(Buffer.from(utc).equals(Buffer.from(far))).toBe(true);
      expect(new Set(zipTimes(far))).toEqual(new Set(['2017-08-01 00:00:00']));
    } finally {
      if (before === undefined) delete process.env['TZ'];
      else process.env['TZ'] = before;
    }
  });

  it('a statement, twice, and every file of --all twice', async () => {
    const a = await write(['statement', 'MX', '-f', 'docx'], 'mx-a.docx');
    const b = await write(['statement', 'MX', '-f', 'docx'], 'mx-b.docx');
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    for (const dir of ['all-1', 'all-2']) expect((await run(['statement', '--all', '--out', path.join(out, dir)])).code).toBe(0);
    const files = readdirSync(path.join(out, 'all-1')).sort();
    expect(files).toEqual(readdirSync(path.join(out, 'all-2')).sort());
    for (const f of files) expect(readFileSync(path.join(out, 'all-1', f)).equals(readFileSync(path.join(out, 'all-2', f))), f).toBe(true);
  });
});

describe('what Word finds in the report', () => {
  let xml: Record<string, string> = {};
  beforeAll(async () => {
    xml = parts(await write(['report', '-f', 'docx'], 'structure.docx'));
  });

  it('styles to restyle the whole document: Title, Heading 1–3, Caption, a table style', () => {
    const styles = xml['word/styles.xml']!;
    for (const id of ['Title', 'Heading1', 'Heading2', 'Heading3', 'Caption', 'TOC1']) expect(styles).toContain(`w:type="paragraph" w:styleId="${id}"`);
    expect(styles).toContain('<w:style w:type="table" w:styleId="ActaTable">');
    expect(styles).toMatch(/<w:outlineLvl w:val="0"\/>/);
    const doc = xml['word/document.xml']!;
    expect(doc).toContain('<w:pStyle w:val="Title"/>');
    expect(doc).toContain('<w:pStyle w:val="Heading1"/>');
    expect(doc).toContain('<w:pStyle w:val="Caption"/>');
    expect(doc.match(/<w:tbl>/g)!.length).toBe(doc.match(/<w:tblStyle w:val="ActaTable"\/>/g)!.length);
  });

  it('a table of contents field Word updates on opening', () => {
    expect(xml['word/document.xml']).toContain('<w:instrText xml:space="preserve">TOC \\h \\o &quot;1-2&quot;</w:instrText>');
    expect(xml['word/settings.xml']).toContain('<w:updateFields/>');
  });

  it('A4 with page X of Y in the footer, the header rows repeated and no row split across pages', () => {
    const doc = xml['word/document.xml']!;
    expect(doc).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    const footer = xml['word/footer1.xml']!;
    expect(footer).toMatch(/Página [\s\S]*PAGE[\s\S]* de [\s\S]*NUMPAGES/);
    const tables = doc.split('<w:tbl>').slice(1);
    for (const t of tables) {
      const rows = t.split('<w:tr>').slice(1);
      expect(rows.every((r) => r.startsWith('<w:trPr><w:cantSplit/>'))).toBe(true);
    }
    // Every table repeats its header row on each page.
    for (const t of tables) expect(t.split('<w:tr>')[1]!.startsWith('<w:trPr><w:cantSplit/><w:tblHeader/>')).toBe(true);
  });

  it('the states chart is a native stacked bar chart of the bodies, in the HTML report\'s colours', () => {
    const chart = xml['word/charts/chart1.xml']!;
    expect(chart).toContain('<c:barDir val="bar"/>');
    expect(chart).toContain('<c:grouping val="stacked"/>');
    for (const body of ['Grupo Ad hoc NNA', 'Red Consular', 'Red NNA', 'Red Trata y Tráfico']) expect(chart).toContain(`<c:v>${body}</c:v>`);
    expect(chart).toContain('C0392B');
  });
});

describe('refusals: a clear message, exit 2, nothing written', () => {
  it.each([
    [['report', '-f', 'docx'], /-f docx escribe un archivo de Word: nómbrelo con -o ARCHIVO/],
    [['statement', 'MX', '-f', 'docx'], /acta statement -f docx escribe un archivo de Word: nómbrelo con -o ARCHIVO/],
    [['report', '-f', 'docx', '-o', 'r.docx', '--issued', '2017-02-30'], /--issued 2017-02-30: se esperaba una fecha real/],
    [['report', '-f', 'md', '--reference', 'X'], /--reference es para -f docx/],
    [['report', '-f', 'docx', '-o', 'no/such/folder/r.docx'], /no\/such\/folder\/r\.docx: no existe la carpeta no\/such\/folder/],
    [['report', '-f', 'docx', '-o', 'r.docx', '--template', 'x.hbs'], /--template es para md y html, no para docx/],
    [['statement'], /nombre el actor \(acta statement MX\), o escriba todos los estados con --all --out CARPETA/],
    [['statement', '--all'], /--all escribe un archivo por actor: nombre la carpeta con --out CARPETA/],
    [['statement', 'MX', '--all', '--out', 'x'], /--all escribe el estado de cada actor que debe algo: quite MX, o quite --all/],
    [['statement', '--all', '--out', 'x', '-f', 'table'], /--format table/],
    [['statement', 'MX', '--organisations'], /--organisations va con --all/],
    [['statement', '--all', '--out', 'acta.yaml'], /--out acta\.yaml: es un archivo, no una carpeta \(--all escribe una carpeta de estados de cumplimiento\)/],
    [['report', '-f', 'docx', '-o', 'meetings'], /meetings no es un archivo normal/],
  ])('%j', async (args, message) => {
    const before = readdirSync(root).sort();
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(root).sort()).toEqual(before);
  });
});

describe('acta statement --all', () => {
  it('--organisations adds the organisations that owe something; --lang forces one language; the index counts', async () => {
    const dir = path.join(out, 'orgs');
    const r = await run(['statement', '--all', '--organisations', '--lang', 'en', '-f', 'md', '--out', dir]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^acta: wrote \d+ statements and index\.csv to /); // --lang en: said in English
    const index = readFileSync(path.join(dir, 'index.csv'), 'utf8').trim().split('\r\n').map((l) => l.split(','));
    expect(index[0]).toEqual(['actor', 'name', 'language', 'file', 'total', 'overdue', 'due next', 'delivered', 'waiting', 'no date']);
    const iom = index.find((row) => row[0] === 'iom')!;
    expect(iom.slice(1, 4)).toEqual(['IOM', 'en', 'iom.md']);
    for (const row of index.slice(1)) {
      expect(row[2]).toBe('en');
      expect(Number(row[4])).toBe(Number(row[5]) + Number(row[6]) + Number(row[7]) + Number(row[8]) + Number(row[9]));
      expect(Number(row[5]) + Number(row[6]) + Number(row[8]) + Number(row[9])).toBeGreaterThan(0);
      expect(readFileSync(path.join(dir, row[3]!), 'utf8')).toMatch(/^## Statement — /);
    }
    expect(readdirSync(dir).length).toBe(index.length);
  });

  it('all or nothing: a statement it may not replace leaves every file of the folder as it was', async () => {
    const dir = path.join(out, 'locked');
    expect((await run(['statement', '--all', '-f', 'md', '--out', dir])).code).toBe(0);
    const before = Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
    chmodSync(path.join(dir, 'mx.md'), 0o444);
    const r = await run(['statement', '--all', '-f', 'md', '--lang', 'en', '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/mx\.md: it is read-only/);
    expect(Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]))).toEqual(before);
  });

  it('a registry language writes that actor in it; acta.yaml\'s lang the others', async () => {
    const copy = mkdtempSync(path.join(os.tmpdir(), 'acta-docx-lang-'));
    cpSync(path.resolve('data'), copy, { recursive: true });
    const file = path.join(copy, 'registries/countries.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('  - code: CA\n', '  - code: CA\n    lang: en\n'));
    const r = await runActa(['statement', '--all', '-f', 'html', '--out', 'st', '--root', copy, ...AS_OF], { cwd: copy });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(path.join(copy, 'st/ca.html'), 'utf8')).toContain('<html lang="en">');
    expect(readFileSync(path.join(copy, 'st/mx.html'), 'utf8')).toContain('<html lang="es">');
    expect(existsSync(path.join(copy, 'st/index.csv'))).toBe(true);
  });
});

describe('statement file names', () => {
  it('lower case, safe characters, no device names, unique', () => {
    const taken = new Set(['index.csv']);
    expect(statementFileName('MX', 'docx', taken)).toBe('mx.docx');
    expect(statementFileName('mx', 'docx', taken)).toBe('mx-2.docx');
    expect(statementFileName('con', 'docx', taken)).toBe('_con.docx');
    expect(statementFileName('index', 'csv', taken)).toBe('index-2.csv');
    expect(statementFileName('.hidden/../x', 'md', taken)).toBe('_2e_hidden_2f_.._2f_x.md');
  });

  it('for any ids: names of safe characters, never hidden, never the same twice', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme' }), { maxLength: 20 }), (ids) => {
        const taken = new Set<string>();
        const names = ids.map((id) => statementFileName(id, 'docx', taken));
        expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
        for (const n of names) expect(n).toMatch(/^[a-z0-9_-][a-z0-9._-]*\.docx$/);
      }),
      { numRuns: 200, seed: SEED },
    );
  });
});
