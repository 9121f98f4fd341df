// acta new meeting leaves `participants` out (an empty list reads as "nobody came"), and its TODO placeholder warns.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { runActa } from '../run-acta.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('acta new meeting', () => {
  it('writes no participants, and validate warns about the TODO source with record/placeholder', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'acta-new-'));
    dirs.push(root);
    cpSync(path.resolve('data'), root, { recursive: true });
    const r = await runActa(['new', 'meeting', '--body', 'red-nna', '--date', '2018-03-01'], { cwd: root });
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(path.join(root, 'meetings/2018-03-01-red-nna.yaml'), 'utf8');
    expect(parse(text)).not.toHaveProperty('participants');
    const v = await runActa(['validate', '--format', 'json'], { cwd: root });
    expect(v.code).toBe(0);
    const found = (JSON.parse(v.stdout) as { diagnostics: { code: string; file: string; line: number }[] }).diagnostics.filter((d) => d.code === 'record/placeholder');
    expect(found.map((d) => d.file)).toEqual(['meetings/2018-03-01-red-nna.yaml']);
    expect(text.split('\n')[found[0]!.line - 1]).toContain('document: "TODO');
  });
});
