// One corpus document in the other forms a secretariat receives it (issue 21): a Word file made from it (numbered list
// and sub-list, built here with the docx library) and a copy hard-wrapped at 60 columns, as PDF copies are, import to
// the same record as its text.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../followup/harness.js';
import { runActa } from '../run-acta.js';
import { numberedWord } from './word-file.js';

const CORPUS = path.join(ROOT, 'test/fixtures/import-corpus');

function records(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'acta-corpus-forms-'));
  cpSync(path.join(CORPUS, 'registries'), path.join(dir, 'registries'), { recursive: true });
  writeFileSync(path.join(dir, 'acta.yaml'), readFileSync(path.join(CORPUS, 'acta.yaml'), 'utf8').replace('../../../schemas', '../schemas'));
  return dir;
}

/** The text's header lines, then its points ("1." level 0, "a)" level 1), each point's wrapped lines joined. */
function outline(text: string): { header: string[]; points: [number, string][] } {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const first = lines.findIndex((l) => /^1\.\s/.test(l));
  const points: [number, string][] = [];
  for (const l of lines.slice(first)) {
    const m = /^(?:(\d+)\.|([a-z])\))\s+(.*)$/.exec(l);
    if (m) points.push([m[1] ? 0 : 1, m[3]!]);
    else points[points.length - 1]![1] += ` ${l}`;
  }
  return { header: lines.slice(0, first), points };
}

function word(text: string): Promise<Buffer> {
  const { header, points } = outline(text);
  return numberedWord(header, points, ')');
}

/** Words wrapped at `width` columns, as a PDF copy breaks them; markers stay at the start of their line. */
function hardWrap(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      const out: string[] = [];
      let current = '';
      for (const w of line.split(/ +/)) {
        if (current && current.length + 1 + w.length > width) {
          out.push(current);
          current = w;
        } else current = current ? `${current} ${w}` : w;
      }
      return [...out, current].join('\n');
    })
    .join('\n');
}

describe('a corpus document in other forms', () => {
  const document = '07-rcgm-2014-11.en';
  const text = readFileSync(path.join(CORPUS, 'docs', `${document}.txt`), 'utf8');
  const same = (s: string, ext: string): string => s.replaceAll(`report${ext}`, 'report.txt');

  it('as a Word file with a numbered list and sub-list: the same record as its text', async () => {
    const dir = records();
    writeFileSync(path.join(dir, 'report.txt'), text);
    writeFileSync(path.join(dir, 'report.docx'), await word(text));
    const txt = await runActa(['import', 'report.txt', '--stdout'], { cwd: dir });
    const docx = await runActa(['import', 'report.docx', '--stdout'], { cwd: dir });
    expect([txt.code, docx.code, docx.stderr]).toEqual([0, 0, '']);
    expect(txt.stdout).toMatch(/number: b\n/);
    expect(same(docx.stdout, '.docx')).toBe(txt.stdout);
  });

  it('hard-wrapped at 60 columns: the same record as its text', async () => {
    const source = readFileSync(path.join(CORPUS, 'docs', '05-rcm-vii-2002.en.txt'), 'utf8');
    const dir = records();
    writeFileSync(path.join(dir, 'report.txt'), source);
    writeFileSync(path.join(dir, 'report.wrapped.txt'), hardWrap(source, 60));
    expect(hardWrap(source, 60).split('\n').every((l) => l.length <= 60 || !l.includes(' '))).toBe(true);
    const txt = await runActa(['import', 'report.txt', '--stdout'], { cwd: dir });
    const wrapped = await runActa(['import', 'report.wrapped.txt', '--stdout'], { cwd: dir });
    expect([txt.code, wrapped.code]).toEqual([0, 0]);
    expect(same(wrapped.stdout, '.wrapped.txt')).toBe(txt.stdout);
  });
});
