// Mistakes an officer makes writing records by hand (nineteenth session's exploratory review): each message says,
// in the officer's language, what is wrong and how to fix it.
import { describe, expect, it } from 'vitest';
import { diagnosticText } from '../../src/render/diagnostic-text.js';
import { check, MEETING } from './harness.js';

const M = 'meetings/2017-03-16-red-nna.yaml';
const said = (files: Record<string, string>, code: string, lang: string) => {
  const d = check(files).find((x) => x.code === code);
  expect(d, code).toBeDefined();
  return diagnosticText(d!, lang);
};

describe('a schema description as a hint', () => {
  // The deadline's description has dashes of its own in the English half: the Spanish half is after the last one.
  it('a deadline phrase the schema does not know: the hint is the whole description, each in its language', () => {
    const files = { [M]: MEETING.replace('due: 2017-07-21', 'due: junio 2017') };
    const es = said(files, 'schema/pattern', 'es');
    const en = said(files, 'schema/pattern', 'en');
    expect(es.hint).toMatch(/^Vencimiento: día \(2017-07-21\), mes \(2017-08\)/);
    expect(en.hint).toMatch(/^When it falls due: .* — due at the end of that period — or continuous/);
    expect(en.hint).not.toMatch(/Vencimiento/);
  });

  it('a meeting id in the wrong format: the Spanish hint shows the form, as the English one does', () => {
    const es = said({ 'meetings/2017-3-16-red-nna.yaml': MEETING.replace('id: 2017-03-16-red-nna', 'id: 2017-3-16-red-nna') }, 'schema/pattern', 'es');
    expect(es.hint).toContain('2017-03-16-red-nna');
  });
});
