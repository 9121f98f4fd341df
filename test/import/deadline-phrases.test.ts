// The deadline-phrase reader: every phrasing of the meeting reports (es and en) as a table, and properties: a date
// written in each phrasing (by date-fns and n2words, not by the reader's own tables) reads back as the same deadline.
import fc from 'fast-check';
import { toCardinal as esCardinal } from 'n2words/es-ES';
import { toCardinal as enCardinal } from 'n2words/en-US';
import { describe, expect, it } from 'vitest';
import { shiftDays, spellDay } from '../../src/core/dates.js';
import type { Lang } from '../../src/core/import/deadline-phrases.js';
import { findDeadlinePhrases, readDeadlinePhrase, readSchedule } from '../../src/core/import/deadline-phrases.js';
import { readNumber } from '../../src/core/import/number-words.js';

type Expected = { due?: string; event?: { body: string; relation: string; expected?: string }; within?: { days: number } } | 'none';

// [lang, meeting's last day, text, expected deadline, notes expected]
const TABLE: [Lang, string, string, Expected, number][] = [
  ['es', '2017-06-22', 'a más tardar el 21 de julio de 2017', { due: '2017-07-21' }, 0],
  ['es', '2017-06-22', 'a más tardar el 21 de julio', { due: '2017-07-21' }, 1],
  ['es', '2015-08-19', 'antes del viernes 4 de septiembre', { due: '2015-09-04' }, 2],
  ['es', '2015-08-19', 'a finales de noviembre 2015', { due: '2015-11' }, 0],
  ['es', '2017-06-22', 'en el mes de agosto de 2017', { due: '2017-08' }, 0],
  ['es', '2016-06-08', 'el jueves 9 de junio del presente', { due: '2016-06-09' }, 1],
  ['es', '2016-06-08', 'antes de la reunión del GRCM en noviembre de 2016', { event: { body: 'grcm', relation: 'before', expected: '2016-11' } }, 0],
  ['es', '2017-03-17', 'durante la próxima reunión del GRCM', { event: { body: 'grcm', relation: 'at' } }, 0],
  ['es', '2017-03-17', 'durante la próxima reunión del Grupo Regional de Consulta sobre Migración (GRCM)', { event: { body: 'grcm', relation: 'at' } }, 0],
  ['es', '2017-03-17', 'antes de la próxima Reunión Viceministerial', { event: { body: 'rvm', relation: 'before' } }, 0],
  ['es', '2017-06-22', 'a la brevedad', { due: 'asap' }, 1],
  ['es', '2017-06-22', 'a la mayor brevedad posible', { due: 'asap' }, 1],
  ['es', '2017-06-22', 'en un plazo no mayor de sesenta días', { within: { days: 60 } }, 0],
  ['es', '2017-06-22', 'en un plazo no mayor de 60 días', { within: { days: 60 } }, 0],
  ['es', '2017-06-22', 'dentro de los próximos treinta días', { within: { days: 30 } }, 0],
  ['es', '2017-06-22', 'en el segundo semestre de 2018', { due: '2018-H2' }, 0],
  ['es', '2017-06-22', 'durante el primer trimestre del año 2018', { due: '2018-Q1' }, 0],
  ['es', '2017-06-22', 'a finales de 2018', { due: '2018' }, 0],
  ['es', '2017-11-20', 'a más tardar el 15 de enero', { due: '2018-01-15' }, 2],
  ['en', '2017-06-22', 'no later than 21 July 2017', { due: '2017-07-21' }, 0],
  ['en', '2017-06-22', 'no later than July 21, 2017', { due: '2017-07-21' }, 0],
  ['en', '2017-06-22', 'no later than 21 July', { due: '2017-07-21' }, 1],
  ['en', '2015-08-19', 'before Friday 4 September', { due: '2015-09-04' }, 1],
  ['en', '2015-08-19', 'by the end of November 2015', { due: '2015-11' }, 0],
  ['en', '2017-06-22', 'in the month of August 2017', { due: '2017-08' }, 0],
  ['en', '2016-06-08', 'before the RCGM meeting in November 2016', { event: { body: 'grcm', relation: 'before', expected: '2016-11' } }, 0],
  ['en', '2017-03-17', 'before the next RCGM meeting', { event: { body: 'grcm', relation: 'before' } }, 0],
  ['en', '2017-03-17', 'during the next meeting of the RCGM', { event: { body: 'grcm', relation: 'at' } }, 0],
  ['en', '2017-06-22', 'as soon as possible', { due: 'asap' }, 1],
  ['en', '2017-06-22', 'within sixty days', { within: { days: 60 } }, 0],
  ['en', '2017-06-22', 'within a period of no more than ninety days', { within: { days: 90 } }, 0],
  ['en', '2017-06-22', 'in the second half of 2018', { due: '2018-H2' }, 0],
  ['es', '2017-06-22', 'dos veces al año', { due: 'twice-a-year' }, 1],
  ['es', '2017-06-22', 'semestralmente', { due: 'twice-a-year' }, 1],
  ['es', '2017-06-22', 'de forma semestral', { due: 'twice-a-year' }, 1],
  ['en', '2017-06-22', 'twice a year', { due: 'twice-a-year' }, 1],
  ['en', '2017-06-22', 'semi-annually', { due: 'twice-a-year' }, 1],
];

describe('every phrasing of the reports', () => {
  it.each(TABLE)('%s %s «%s»', (lang, meetingDate, text, expected, notes) => {
    const reading = readDeadlinePhrase(text, { lang, meetingDate });
    expect(reading?.wording).toBe(text);
    if (expected === 'none') expect(reading?.deadline).toBeUndefined();
    else expect(reading?.deadline).toEqual({ ...expected, text: { [lang]: text } });
    expect(reading?.notes).toHaveLength(notes);
    expect(reading?.confidence).toBe(notes && expected !== 'none' ? 'medium' : 'high');
  });

  it('finds the phrase inside the adopted sentence, and keeps the source wording', () => {
    const sentence = 'Enviar a la ST la información necesaria para la actualización de las matrices, a más tardar el 21 de julio de 2017.';
    const [found, ...rest] = findDeadlinePhrases(sentence, { lang: 'es', meetingDate: '2017-06-22' });
    expect(rest).toEqual([]);
    expect(sentence.slice(found?.start, found?.end)).toBe('a más tardar el 21 de julio de 2017');
  });

  it('reads no phrase nor body name that starts right after a letter or digit, and looks on inside it for one that does not', () => {
    const at = (sentence: string, lang: Lang = 'es'): [string, number][] => findDeadlinePhrases(sentence, { lang, meetingDate: '2017-01-10' }).map((f) => [f.wording, f.start]);
    // "para el 3 de marzo" after an x: not that phrase, but "el 3 de marzo", which starts inside it after a space, is one.
    expect(at('xpara el 3 de marzo de 2017')).toEqual([['el 3 de marzo de 2017', 6]]);
    expect(at('enviarlo para el 3 de marzo de 2017')).toEqual([['para el 3 de marzo de 2017', 9]]);
    // A digit, a letter outside the BMP, and U+0345 (a combining mark whose case folding is a letter) each count as a
    // letter before it; a digit outside the BMP does not.
    expect(at('\u0345en 2017 y 2en 2018, en 2019')).toEqual([['en 2019', 21]]);
    expect(at('𝐀en 2017; 𝟎 durante 2018')).toEqual([['durante 2018', 14]]);
    expect(at('xby 2018, inby 2019, by 2020', 'en')).toEqual([['by 2020', 21]]);
    // The body named before "the meeting scheduled for": not one glued to a word.
    expect(findDeadlinePhrases('sometido al XGRCM durante la reunión programada para noviembre 2015', { lang: 'es', meetingDate: '2015-08-19' })).toEqual([]);
  });

  it('takes the body of "the meeting scheduled for November 2015" from the sentence before it, and reads none without one', () => {
    const sentence = 'el borrador final sea sometido a revisión del Grupo Regional de Consulta sobre Migración (GRCM) durante la reunión programada para noviembre 2015 en Ciudad de México.';
    const found = findDeadlinePhrases(sentence, { lang: 'es', meetingDate: '2015-08-19' });
    expect(found.map((f) => [f.wording, f.deadline?.event])).toEqual([['durante la reunión programada para noviembre 2015 en Ciudad de México', { body: 'grcm', relation: 'at', expected: '2015-11' }]]);
    expect(findDeadlinePhrases('durante la reunión programada para noviembre 2015', { lang: 'es', meetingDate: '2015-08-19' })).toEqual([]);
    const en = findDeadlinePhrases('submitted to the RCGM at the meeting scheduled for November 2015 in Mexico City', { lang: 'en', meetingDate: '2015-08-19' });
    expect(en.map((f) => f.deadline?.event)).toEqual([{ body: 'grcm', relation: 'at', expected: '2015-11' }]);
  });

  it('notes a weekday that does not match the date', () => {
    const reading = readDeadlinePhrase('antes del lunes 4 de septiembre de 2015', { lang: 'es', meetingDate: '2015-08-19' });
    expect(reading?.deadline?.due).toBe('2015-09-04');
    expect(reading?.notes.map((n) => n.en).join(' ')).toMatch(/says "lunes", but 2015-09-04 was a viernes/);
  });

  it('reads no deadline from a day that is not on the calendar, nor from a sentence without one', () => {
    expect(readDeadlinePhrase('a más tardar el 31 de febrero de 2017', { lang: 'es', meetingDate: '2017-01-10' })).toBeUndefined();
    expect(readDeadlinePhrase('Tomar nota de los resultados de los grupos de trabajo.', { lang: 'es', meetingDate: '2017-01-10' })).toBeUndefined();
    expect(readDeadlinePhrase('en un plazo no mayor de cinco mil días', { lang: 'es', meetingDate: '2017-01-10' })).toBeUndefined();
  });

  it('reads a sentence listing dated steps as a schedule', () => {
    const sentence =
      'Se estableció el siguiente cronograma de trabajo para coordinar la preparación del borrador: envío del primer borrador el 24 de marzo; recepción de insumos de los países el 31 de marzo; envío por parte de la ST del documento revisado a los países el 5 de abril; reunión virtual para revisión grupal del borrador el 6 de abril.';
    const steps = readSchedule(sentence, { lang: 'es', meetingDate: '2017-03-17' });
    expect(steps?.map((s) => [s.wording, s.deadline.due])).toEqual([
      ['envío del primer borrador el 24 de marzo', '2017-03-24'],
      ['recepción de insumos de los países el 31 de marzo', '2017-03-31'],
      ['envío por parte de la ST del documento revisado a los países el 5 de abril', '2017-04-05'],
      ['reunión virtual para revisión grupal del borrador el 6 de abril', '2017-04-06'],
    ]);
    expect(steps?.[0]?.deadline.text).toEqual({ es: 'envío del primer borrador el 24 de marzo' });
    expect(readSchedule('una sola cosa el 24 de marzo', { lang: 'es', meetingDate: '2017-03-17' })).toBeUndefined();
    expect(readSchedule('primero el 24 de marzo; luego algo sin fecha', { lang: 'es', meetingDate: '2017-03-17' })).toBeUndefined();
  });
});

const BASE = '1990-01-01';
const dayArb = fc.integer({ min: 0, max: 60000 }).map((n) => shiftDays(BASE, n));
const ym = (day: string): string => day.slice(0, 7);
const dropWeekday = (spelled: string): string => spelled.replace(/^\S+\s/, '');
const dropYear = (spelled: string, lang: Lang): string => spelled.replace(lang === 'es' ? / de \d{4}$/ : / \d{4}$/, '');
const monthYear = (day: string, lang: Lang): string => dropWeekday(spellDay(day, lang)).replace(/^\d+ (?:de )?/, '');

// A phrasing: write a day (and the meeting's day) → the text, and the deadline it must read as.
type Writer = (day: string, lang: Lang) => { text: string; due: string };
const DAY_PHRASINGS: Record<Lang, Writer[]> = {
  es: [
    (d) => ({ text: `a más tardar el ${dropWeekday(spellDay(d, 'es'))}`, due: d }),
    (d) => ({ text: `antes del ${spellDay(d, 'es')}`, due: d }),
    (d) => ({ text: `el ${spellDay(d, 'es')}`, due: d }),
    (d) => ({ text: `a finales de ${monthYear(d, 'es').replace(' de ', ' ')}`, due: ym(d) }),
    (d) => ({ text: `en el mes de ${monthYear(d, 'es')}`, due: ym(d) }),
  ],
  en: [
    (d) => ({ text: `no later than ${dropWeekday(spellDay(d, 'en'))}`, due: d }),
    (d) => ({ text: `before ${spellDay(d, 'en')}`, due: d }),
    (d) => ({ text: `by the end of ${monthYear(d, 'en')}`, due: ym(d) }),
    (d) => ({ text: `in the month of ${monthYear(d, 'en')}`, due: ym(d) }),
  ],
};
const FILLERS = fc.constantFrom(
  'Solicitar a los Países Miembros que envíen la información',
  'La ST circulará una versión revisada del documento',
  'Request the Member Countries to send their reports',
  'Lorem ipsum dolor sit amet',
  '',
);

describe('properties', () => {
  for (const lang of ['es', 'en'] as const) {
    DAY_PHRASINGS[lang].forEach((write, i) => {
      it(`${lang} phrasing ${i + 1}: a generated day written in it reads back as the same deadline, whatever text surrounds it`, () => {
        fc.assert(
          fc.property(dayArb, fc.integer({ min: 0, max: 400 }), FILLERS, FILLERS, (day, before, prefix, suffix) => {
            const { text, due } = write(day, lang);
            const ctx = { lang, meetingDate: shiftDays(day, -before) };
            const bare = readDeadlinePhrase(text, ctx);
            expect(bare?.deadline?.due).toBe(due);
            expect(bare?.notes.some((n) => /weekday|but .* was a/.test(n.en ?? ''))).toBe(false);
            const found = findDeadlinePhrases(`${prefix}${prefix ? ', ' : ''}${text}${suffix ? `. ${suffix}.` : '.'}`, ctx);
            expect(found.map(({ start: _s, end: _e, ...r }) => r)).toEqual([bare]);
          }),
        );
      });
    });

    it(`${lang}: a day without its year takes the meeting's year, or the next one when it would fall before the meeting`, () => {
      fc.assert(
        fc.property(dayArb, fc.integer({ min: 0, max: 360 }), (day, before) => {
          const text = `${lang === 'es' ? 'a más tardar el' : 'no later than'} ${dropYear(dropWeekday(spellDay(day, lang)), lang)}`;
          const reading = readDeadlinePhrase(text, { lang, meetingDate: shiftDays(day, -before) });
          expect(reading?.deadline?.due).toBe(day);
          expect(reading?.notes.length).toBeGreaterThan(0);
        }),
      );
    });

    it(`${lang}: "within N days" spelled out reads back as N`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 3660 }), fc.boolean(), (n, words) => {
          const number = words ? (lang === 'es' ? esCardinal(n) : enCardinal(n)) : String(n);
          const text = lang === 'es' ? `en un plazo no mayor de ${number} días` : `within ${number} days`;
          expect(readDeadlinePhrase(text, { lang, meetingDate: '2017-06-22' })?.deadline?.within).toEqual({ days: n });
        }),
      );
    });
  }

  // The general forms of issue 21, Spanish and English (the meeting on 10 March 2026).
  it.each([
    ['es', 'en un plazo de tres meses', { within: { days: 90 } }],
    ['es', 'dentro de los 30 días siguientes', { within: { days: 30 } }],
    ['es', 'en el plazo de cuarenta y cinco días a partir de esta fecha', { within: { days: 45 } }],
    ['es', 'durante el segundo trimestre', { due: '2026-Q2' }],
    ['es', 'en el primer semestre de 2027', { due: '2027-H1' }],
    ['es', 'antes de la próxima Reunión Viceministerial', { event: { body: 'rvm', relation: 'before' } }],
    ['es', 'en la reunión del Grupo Regional de Consulta sobre Migración', { event: { body: 'grcm', relation: 'at' } }],
    ['es', 'en el más corto plazo', { due: 'asap' }],
    ['es', 'nos comprometemos a continuar en el 2027', { due: '2027' }],
    ['en', 'no later than the next meeting of the RCGM', { event: { body: 'grcm', relation: 'before' } }],
    ['en', 'by the end of May 2026', { due: '2026-05' }],
    ['en', 'within 20 days', { within: { days: 20 } }],
    ['en', 'by 2030', { due: '2030' }],
  ] as const)('%s: «%s»', (lang, text, expected) => {
    const found = findDeadlinePhrases(text, { lang, meetingDate: '2026-03-10' });
    expect(found.map(({ deadline }) => deadline && { ...deadline, text: undefined })).toEqual([{ ...expected, text: undefined }]);
  });

  it('number words: apocopated and hyphenated forms', () => {
    expect([readNumber('veintiún'), readNumber('ciento veinte'), readNumber('one hundred twenty-one'), readNumber('mil doscientos'), readNumber('trescientos dieciseis'), readNumber('constructor')]).toEqual([21, 120, 121, 1200, 316, undefined]);
  });
});
