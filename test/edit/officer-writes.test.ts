// Follow-up written by command into files as officers leave them (nineteenth session's exploratory review): CRLF line
// ends, other indentation, flow style. The file is written in the canonical layout (as documented); what acta says it
// wrote is the entry, not every line the layout changed.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPO_ROOT, runActa } from '../run-acta.js';

const TRATA = 'meetings/2017-06-21-red-trata.yaml';
let dir: string;
const acta = (...args: string[]) => runActa([...args, '--root', dir], { cwd: dir });

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'acta-owrite-'));
  cpSync(path.join(REPO_ROOT, 'data'), dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('acta done on a file not in the canonical layout', () => {
  it('CRLF line ends: echoes the entry and says the rest was reformatted, not the whole file', async () => {
    const file = path.join(dir, TRATA);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n/g, '\r\n'));
    const r = await acta('status', '2017-06-21-red-trata#2.a', 'no-information', '--on', '2017-08-01');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      '2017-06-21-red-trata#2.a: estado sin información\n' +
        'meetings/2017-06-21-red-trata.yaml:\n' +
        '        followup:\n' +
        '          - date: "2017-08-01"\n' +
        '            status: no-information\n' +
        '(el resto del archivo se reescribió en el formato canónico, como lo hace `acta fmt`)\n',
    );
    expect(readFileSync(file, 'utf8')).not.toContain('\r');
  });

  it('a canonical file: the entry alone, no word on the layout', async () => {
    const r = await acta('status', '2017-06-21-red-trata#2.a', 'no-information', '--on', '2017-08-01', '--lang', 'en');
    expect(r.stdout).not.toContain('canonical');
    expect(r.stdout.split('\n')).toHaveLength(6);
  });
});
