// Issue 26 points 11 and 12: a word that names two actors, and a deadline change decided before the commitment.
import { describe, expect, it } from 'vitest';
import { diagnosticText } from '../../src/render/diagnostic-text.js';
import { check, MEETING, REGISTRIES } from './harness.js';

const M = 'meetings/2017-03-16-red-nna.yaml';
const countriesWith = (gt: string): Record<string, string> => ({ 'registries/countries.yaml': REGISTRIES['registries/countries.yaml']!.replace('  - code: GT\n    name: { es: Guatemala }\n', `  - code: GT\n    name: { es: Guatemala }\n${gt}`) });

describe('a word that designates two actors is an error naming both places (point 11)', () => {
  it.each([
    ['México', 'MX'], ['iom', 'iom'], ['member-countries', 'member-countries'], ['OIM', 'iom'], ['oim', 'iom'], ['mexico', 'MX'],
  ])('alias %s on GT collides with %s', (alias, other) => {
    const found = check(countriesWith(`    aliases: [${alias}]\n`)).filter((d) => d.code === 'id/ambiguous-name');
    expect(found).toHaveLength(1);
    const d = found[0]!;
    expect(d.severity).toBe('error');
    expect(diagnosticText(d, 'en').message).toContain('`GT`');
    expect(diagnosticText(d, 'en').message).toContain(`\`${other}\``);
    // Both places: the alias here, and where the other actor is named so.
    const places = [`${d.file}:${d.line}`, ...(d.related ?? []).map((r) => `${r.file}:${r.line}`)];
    expect(places).toHaveLength(2);
    expect(new Set(places.map((p) => p.split(':')[0])).size + places.length).toBeGreaterThanOrEqual(3);
  });

  it('an organisation `mx` beside the country `MX`: ids differing only by case', () => {
    const found = check({ 'registries/organisations.yaml': `${REGISTRIES['registries/organisations.yaml']!}  - id: mx\n    name: { es: Otra }\n` }).filter((d) => d.code === 'id/ambiguous-name');
    expect(found.map((d) => [d.file, d.line, d.related?.[0]?.file, d.related?.[0]?.line])).toEqual([['registries/organisations.yaml', 6, 'registries/countries.yaml', 7]]);
  });

  it('one actor may repeat its own words (name and acronym alike, es and en alike)', () => {
    const org = 'record: organisations\norganisations:\n  - id: iom\n    acronym: { es: OIM, en: IOM }\n    name: { es: Organización Internacional para las Migraciones }\n  - id: unicef\n    acronym: { es: UNICEF, en: UNICEF }\n    name: { es: UNICEF, en: unicef }\n    aliases: [Unicef]\n';
    expect(check({ 'registries/organisations.yaml': org }).filter((d) => d.code === 'id/ambiguous-name')).toEqual([]);
  });

  it('the bundled registries name each actor with words of its own', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const path = await import('node:path');
    const { REPO_ROOT } = await import('../run-acta.js');
    const dir = path.join(REPO_ROOT, 'data/registries');
    const files = Object.fromEntries(readdirSync(dir).map((f) => [`registries/${f}`, readFileSync(path.join(dir, f), 'utf8')]));
    expect(check(files, false).filter((d) => d.code === 'id/ambiguous-name')).toEqual([]);
  });
});

describe('a deadline change decided before the commitment existed is an error (point 12)', () => {
  const EARLIER = MEETING.replace('id: 2017-03-16-red-nna', 'id: 2015-07-20-grcm').replace('body: red-nna', 'body: grcm').replace('start: 2017-03-16\n  end: 2017-03-17', 'start: 2015-07-20\n  end: 2015-07-21');
  const LATER = EARLIER.replace(/2015-07-20/g, '2017-06-01').replace('end: 2015-07-21', 'end: 2017-06-02');
  const entry = (by: string, deadline = 'within: { days: 90 }'): string => `    followup:\n      - { date: 2017-06-05, status: in-progress, deadline: { ${deadline} }, decided_by: ${by} }\n`;

  it('a `within` extension decided by a meeting held earlier', () => {
    const found = check({ 'meetings/2015-07-20-grcm.yaml': EARLIER, [M]: MEETING + entry('2015-07-20-grcm') });
    expect(found.map((d) => [d.code, d.file, d.line])).toEqual([['followup/decided-before', M, 22]]);
    expect(diagnosticText(found[0]!, 'en').message).toBe('decided by 2015-07-20-grcm (2015-07-20), a meeting held before this commitment was made at 2017-03-16-red-nna (2017-03-16)');
  });

  it('a dated extension decided by an earlier meeting; a point of it named', () => {
    const found = check({ 'meetings/2015-07-20-grcm.yaml': EARLIER, [M]: MEETING + entry('"2015-07-20-grcm#2"', 'due: 2017-10-18') });
    expect(found.map((d) => d.code)).toEqual(['followup/decided-before']);
  });

  it('decided by a later meeting, or by the same one: no error', () => {
    expect(check({ 'meetings/2017-06-01-grcm.yaml': LATER, [M]: MEETING + entry('2017-06-01-grcm') })).toEqual([]);
    expect(check({ [M]: MEETING + entry('2017-03-16-red-nna') })).toEqual([]);
  });
});
