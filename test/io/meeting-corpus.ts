// A folder of generated meetings for the worker tests (parse-pool, read-workers): the validate-errors registries, an
// acta.yaml, and `count` copies of the harness's meeting, each on its own day, changed by `vary` (its text, its index).
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MEETING } from '../validate/harness.js';

export function meetingCorpus(prefix: string, count: number, vary: (text: string, i: number) => string): string {
  const root = mkdtempSync(path.join(os.tmpdir(), prefix));
  cpSync(path.resolve('test/fixtures/validate-errors/registries'), path.join(root, 'registries'), { recursive: true });
  writeFileSync(path.join(root, 'acta.yaml'), 'name: { es: Prueba }\n');
  mkdirSync(path.join(root, 'meetings'));
  for (let i = 0; i < count; i++) {
    const day = `2017-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const id = `${day}-red-nna-${i}`;
    const text = MEETING.replace(/2017-03-16-red-nna/g, id).replace('start: 2017-03-16', `start: ${day}`).replace('  end: 2017-03-17\n', '');
    writeFileSync(path.join(root, 'meetings', `${id}.yaml`), vary(text, i));
  }
  return root;
}
