// A Word report, generated here with the docx library (numbered list and all), imports to the same record as its text.
import { mkdtempSync, cpSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocxText } from '../../src/io/docx.js';
import { ROOT } from '../followup/harness.js';
import { runActa } from '../run-acta.js';
import { numberedWord } from './word-file.js';

const HEADER = [
  'INFORME DE LA REUNIÓN DE LA RED DE FUNCIONARIOS DE ENLACE PARA EL COMBATE AL TRÁFICO ILÍCITO DE MIGRANTES Y LA TRATA DE PERSONAS',
  'San Salvador, El Salvador',
  '21 de junio de 2017',
  'La Red, con la participación de los representantes de Canadá, Costa Rica, Estados Unidos de América y México, presenta su informe:',
];
const POINTS: [number, string][] = [
  [0, 'Agradecer a las delegaciones de Canadá y México por sus informes.'],
  [0, 'Respecto a las matrices comparativas sugerimos:'],
  [1, 'Enviar a la ST la información necesaria, a más tardar el 21 de julio de 2017.'],
  [1, 'Recibir con beneplácito el apoyo de RROCM.'],
  [0, 'Encomendar a la ST circular el informe en un plazo no mayor de sesenta días.'],
];
const TEXT = [...HEADER, ...POINTS.map(([level], i) => `${level === 0 ? `${POINTS.slice(0, i + 1).filter(([l]) => l === 0).length}.` : `${String.fromCharCode(96 + POINTS.slice(0, i + 1).reverse().findIndex(([l]) => l === 0))}.`} ${POINTS[i]![1]}`)].join('\n') + '\n';

const wordReport = (): Promise<Buffer> => numberedWord(HEADER, POINTS);

describe('.docx', () => {
  it('reads the paragraphs with Word numbering as printed', async () => {
    expect(await readDocxText(await wordReport())).toBe(TEXT);
    expect(TEXT).toContain('\n2. Respecto a las matrices comparativas sugerimos:\na. Enviar');
  });

  it('imports to the same record as its text version', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'acta-docx-'));
    cpSync(path.join(ROOT, 'data/registries'), path.join(dir, 'registries'), { recursive: true });
    cpSync(path.join(ROOT, 'data/acta.yaml'), path.join(dir, 'acta.yaml'));
    writeFileSync(path.join(dir, 'informe.docx'), await wordReport());
    writeFileSync(path.join(dir, 'informe.txt'), TEXT);
    const docx = await runActa(['import', 'informe.docx', '--stdout'], { cwd: dir });
    const txt = await runActa(['import', 'informe.txt', '--stdout'], { cwd: dir });
    expect([docx.code, docx.stderr]).toEqual([0, '']);
    expect(docx.stdout.replace(/informe\.docx/g, 'informe.txt')).toBe(txt.stdout);
    expect(docx.stdout).toMatch(/within:\n\s+days: 60/);
  });

  it('refuses a file that is not a Word document', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'acta-docx-'));
    cpSync(path.join(ROOT, 'data/acta.yaml'), path.join(dir, 'acta.yaml'));
    writeFileSync(path.join(dir, 'x.docx'), 'not a zip');
    const r = await runActa(['import', 'x.docx'], { cwd: dir });
    expect([r.code, r.stderr]).toEqual([2, 'acta: x.docx: no es un documento de Word que acta pueda leer: no es un archivo zip\n']);
  });
});
