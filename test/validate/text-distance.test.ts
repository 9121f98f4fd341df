import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closestMatches, editDistance } from '../../src/core/text-distance.js';

describe('suggestions', () => {
  it('count a swap of neighbours as one edit', () => {
    expect(editDistance('oim', 'iom')).toBe(1);
    expect(editDistance('participantes', 'participants')).toBe(1);
    expect(closestMatches('oim', ['iom', 'ilo', 'st'])).toEqual(['iom']);
  });

  it('with a limit, agree with the full distance up to the limit', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), fc.nat({ max: 6 }), (a, b, limit) => {
        const full = editDistance(a, b);
        const bounded = editDistance(a, b, limit);
        expect(full <= limit ? bounded === full : bounded === limit + 1).toBe(true);
      }),
    );
  });
});
