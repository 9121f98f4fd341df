// What a user types for --within, --actor, --body, --meeting, --state, --from/--to, and `acta show` ids.
import { saidText } from '../../src/render/diagnostic-text.js';
import { describe, expect, it } from 'vitest';
import { buildActorDirectory, findActors } from '../../src/core/actors.js';
import { findRecord } from '../../src/core/queries/find-record.js';
import { parseWindow, resolveSelection } from '../../src/core/queries/selection.js';
import { meeting, records } from './harness.js';

const recs = records({ ...meeting(`  - { number: "1", action: send, text: { es: Uno }, actors: [st] }\n  - number: "2"\n    text: { es: Dos }\n    items:\n      - { number: b, action: send, text: { es: Dos b }, actors: [st] }\n`), ...meeting(`  - { number: "1", action: thank, text: { es: Gracias } }\n`, '2020-04-20-grcm', 'grcm', '2020-04-20') });
const dir = buildActorDirectory(recs.registries);

describe('--within', () => {
  it('accepts N, Nd and Nw', () => {
    expect(parseWindow('30')).toBe(30);
    expect(parseWindow('30d')).toBe(30);
    expect(parseWindow('4w')).toBe(28);
    expect(parseWindow('0')).toBe(0);
    for (const bad of ['', 'x', '-3', '3m', '1.5', '99999']) expect(parseWindow(bad)).toBeUndefined();
  });
});

describe('--actor and --body', () => {
  it('take an id, a country code or an acronym in either language, case and accents aside', () => {
    expect(findActors(dir, 'OIM')).toEqual(['iom']);
    expect(findActors(dir, 'iom')).toEqual(['iom']);
    expect(findActors(dir, 'ts')).toEqual(['st']);
    expect(findActors(dir, 'mx')).toEqual(['MX']);
    expect(findActors(dir, 'mexico')).toEqual(['MX']);
    expect(findActors(dir, 'RCGM', ['body'])).toEqual(['grcm']);
  });

  it('reject an unknown word with a suggestion', () => {
    const r = resolveSelection(recs, dir, { actor: 'OMI' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(saidText(r.error, 'en')).toMatch(/--actor OMI: not known \(did you mean .*`OIM`/);
  });

  it('resolve --meeting by prefix, --state against states and statuses, and --from/--to by period', () => {
    const r = resolveSelection(recs, dir, { meeting: '2020-01', state: 'overdue,no-information', from: '2020-Q2', to: '2020' });
    expect(r.ok && r.value).toEqual({ meetings: new Set(['2020-01-15-red-x']), states: new Set(['overdue', 'no-information']), from: '2020-04-01', to: '2020-12-31' });
    expect(resolveSelection(recs, dir, { state: 'late' }).ok).toBe(false);
    expect(resolveSelection(recs, dir, { from: '2020-13' }).ok).toBe(false);
  });
});

describe('acta show ids', () => {
  const find = (q: string): string => {
    const r = findRecord(recs, q);
    if (!r.ok) return `error: ${saidText(r.error, 'en')}`;
    const t = r.value;
    return t.kind === 'meeting' ? `meeting ${t.meeting.id}` : t.kind === 'agreement' ? `agreement ${t.at.ref}` : t.kind === 'plan' ? `plan ${t.plan.id}` : `activity ${t.at.ref}`;
  };

  it('accept a full id, an unambiguous prefix, a point, and a commitment id (step or occurrence)', () => {
    expect(find('2020-01-15-red-x')).toBe('meeting 2020-01-15-red-x');
    expect(find('2020-01')).toBe('meeting 2020-01-15-red-x');
    expect(find('2020-04#1')).toBe('agreement 2020-04-20-grcm#1');
    expect(find('2020-01-15-red-x#2.b')).toBe('agreement 2020-01-15-red-x#2.b');
    expect(find('2020-01-15-red-x#2.B')).toBe('agreement 2020-01-15-red-x#2.b');
    expect(find('2020-01-15-red-x#1/2')).toBe('agreement 2020-01-15-red-x#1');
  });

  it('refuse an ambiguous prefix or an unknown id, naming the nearest ids', () => {
    expect(find('2020')).toMatch(/ambiguous.*`2020-01-15-red-x`, `2020-04-20-grcm`/);
    expect(find('2020-01-15-red-y')).toMatch(/no meeting or plan .*nearest: `2020-01-15-red-x`/);
    expect(find('2020-01-15-red-x#7')).toMatch(/no point `7`.*nearest/);
  });
});
