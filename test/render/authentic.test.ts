// The authentic language (acta.yaml `authentic`, or a text's own): translations are marked, and the diff flags an
// edit of the authentic text but not of a translation.
import { describe, expect, it } from 'vitest';
import { pickText } from '../../src/core/local-text.js';
import { FLAGGED_KINDS } from '../../src/core/diff/diff.js';
import { compareText } from '../../src/core/diff/texts.js';
import { localText } from '../../src/render/i18n.js';

describe('translation mark', () => {
  it('marks text shown in a language other than the authentic one, in both languages', () => {
    const t = { es: 'Agradecer', en: 'Thank' };
    expect(localText(pickText(t, 'en', 'es'), 'en')).toBe('Thank (unofficial translation)');
    expect(localText(pickText(t, 'es', 'es'), 'es')).toBe('Agradecer');
    expect(localText(pickText({ es: 'Agradecer', en: 'Thank' }, 'es', 'en'), 'es')).toBe('Agradecer (traducción no oficial)');
  });

  it("a text's own `authentic` wins over acta.yaml's", () => {
    expect(localText(pickText({ en: 'Share good practices', authentic: 'en' }, 'es', 'es'), 'es')).toBe('Share good practices [en]');
  });

  it('without `authentic` nothing is marked (a repository that does not say)', () => {
    expect(localText(pickText({ es: 'Agradecer', en: 'Thank' }, 'en'), 'en')).toBe('Thank');
  });
});

describe('diff of a bilingual text', () => {
  const before = { es: 'Agradecer a México', en: 'Thank Mexico' };
  it('an edit of the authentic text is flagged', () => {
    const [c] = compareText('text', before, { ...before, es: 'Agradecer a Mexico' }, 'es');
    expect(c?.kind).toBe('text-edited');
    expect(FLAGGED_KINDS.has(c!.kind)).toBe(true);
  });

  it('an edit of a translation is not', () => {
    const [c] = compareText('text', before, { ...before, en: 'Thanks to Mexico' }, 'es');
    expect(c?.kind).toBe('translation-edited');
    expect(FLAGGED_KINDS.has(c!.kind)).toBe(false);
  });

  it('without an authentic language, every language is adopted text', () => {
    expect(compareText('text', before, { ...before, en: 'Thanks to Mexico' })[0]?.kind).toBe('text-edited');
  });
});
