// Deadline phrases of meeting reports ("a más tardar el 21 de julio de 2017", "before the next RCGM meeting") → the
// deadline object of the schema, with the source's wording and a note on every guess. Pure: a table of phrasings.
import type { Day } from '../dates.js';
import { isRealDate, parsePeriod, weekdayOf } from '../dates.js';
import type { EventDeadline, Text } from '../model.js';
import { NUMBER_SOURCE, readNumber } from './number-words.js';

export type Lang = 'es' | 'en';

export interface PhraseContext {
  /** The meeting's last day: it supplies a missing year and starts a "within N days" period. */
  readonly meetingDate: Day;
  readonly lang: Lang;
  /** Names and acronyms of the bodies whose meetings a deadline can hang on, → their id (default: EVENT_BODIES). */
  readonly bodies?: Readonly<Record<string, string>>;
}

/** The schema's deadline: `due`, `event` or `within`, with the source's wording. */
export interface PhraseDeadline {
  readonly due?: string;
  readonly event?: EventDeadline;
  readonly within?: { readonly days: number };
  readonly text: Text;
}

export interface DeadlineReading {
  /** A phrase that sets no date ("a la brevedad") reads as `due: asap` with its wording. */
  readonly deadline?: PhraseDeadline;
  readonly wording: string;
  /** high: every part written out; medium: a part inferred (year, body, "antes del" read as the day itself). */
  readonly confidence: 'high' | 'medium';
  /** What was guessed, for the importer's `import: …` notes. */
  readonly notes: readonly Text[];
}

export interface FoundPhrase extends DeadlineReading {
  /** Offsets of the phrase in the sentence. */
  readonly start: number;
  readonly end: number;
}

export const MONTHS: Readonly<Record<Lang, readonly string[]>> = {
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  en: ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'],
};
/** Sunday first, as weekdayOf counts. */
export const WEEKDAYS: Readonly<Record<Lang, readonly string[]>> = {
  es: ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'],
  en: ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'],
};
const ORDINALS: Readonly<Record<string, number>> = { primer: 1, primero: 1, segundo: 2, tercer: 3, tercero: 3, cuarto: 4, first: 1, second: 2, third: 3, fourth: 4 };

/** The CRM's organs whose meetings deadlines hang on; a records repository passes its own registry. */
export const EVENT_BODIES: Readonly<Record<string, string>> = {
  grcm: 'grcm', rcgm: 'grcm', 'grupo regional de consulta sobre migración': 'grcm', 'regional consultation group on migration': 'grcm',
  'reunión viceministerial': 'rvm', 'vice-ministerial meeting': 'rvm', 'viceministerial meeting': 'rvm',
};

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alt = (words: readonly string[]): string => [...words].sort((a, b) => b.length - a.length).map(escape).join('|');
const M_ES = alt([...MONTHS.es, 'setiembre']);
const M_EN = alt(MONTHS.en);
const WD_ES = alt([...WEEKDAYS.es, 'miercoles', 'sabado']);
const WD_EN = alt(WEEKDAYS.en);
const CURRENT_ES = '(?<cur>(?:año\\s+)?(?:presente|en\\s+curso)(?:\\s+año)?)';
const DATE_ES = `(?:(?<wd>${WD_ES}),?\\s+)?(?<d>\\d{1,2})\\s+de\\s+(?<m>${M_ES})(?:,?\\s+(?:del?\\s+)?(?:(?:año\\s+)?(?<y>\\d{4})|${CURRENT_ES}))?`;
const DATE_EN =
  `(?:(?<wd>${WD_EN}),?\\s+)?(?:(?:the\\s+)?(?<d>\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?<m>${M_EN})|(?<m2>${M_EN})\\s+(?<d2>\\d{1,2})(?:st|nd|rd|th)?)` +
  `(?:,?\\s+(?<y>\\d{4})|\\s+(?<cur>of\\s+this\\s+year))?`;
const MONTH_ES = `(?<m>${M_ES})(?:,?\\s+(?:del?\\s+)?(?:año\\s+)?(?<y>\\d{4}))?`;
const MONTH_EN = `(?<m>${M_EN})(?:,?\\s+(?:of\\s+)?(?<y>\\d{4}))?`;
const EXPECTED_ES = `(?:\\s+(?:en|de|prevista\\s+para|programada\\s+para)\\s+(?<em>${M_ES})(?:\\s+(?:del?\\s+)?(?<ey>\\d{4}))?)?`;
const EXPECTED_EN = `(?:\\s+(?:in|of|scheduled\\s+for|planned\\s+for)\\s+(?<em>${M_EN})(?:\\s+(?<ey>\\d{4}))?)?`;
// "… en Ciudad de México": the place of the meeting, kept in the wording.
const PLACE_ES = '(?:\\s+en\\s+\\p{Lu}\\p{L}+(?:\\s+(?:de\\s+)?\\p{Lu}\\p{L}+){0,3})?';
const PLACE_EN = '(?:\\s+in\\s+\\p{Lu}\\p{L}+(?:\\s+\\p{Lu}\\p{L}+){0,3})?';
const DAYS = `(?<n>${NUMBER_SOURCE})\\s+(?:\\(\\d{1,4}\\)\\s+)?(?:días(?:\\s+(?:naturales|calendario|hábiles))?|(?:calendar\\s+)?days)`;

type Groups = Readonly<Record<string, string | undefined>>;
interface Built {
  readonly deadline?: Omit<PhraseDeadline, 'text'>;
  readonly confidence: DeadlineReading['confidence'];
  readonly notes: readonly Text[];
}
type Build = (g: Groups, ctx: PhraseContext, bodies: Readonly<Record<string, string>>) => Built | undefined;

interface Phrasing {
  readonly lang: Lang;
  /** A regex source with named groups; the body alternatives are filled in at {BODY}. */
  readonly pattern: string;
  readonly build: Build;
  /** "durante la reunión programada para noviembre 2015": the body is the last one the sentence names before it. */
  readonly bodyBefore?: boolean;
}

const note = (es: string, en: string): Text => ({ es, en });

function monthIndex(name: string | undefined): number | undefined {
  if (!name) return undefined;
  const n = name.toLowerCase() === 'setiembre' ? 'septiembre' : name.toLowerCase();
  const i = MONTHS.es.indexOf(n) >= 0 ? MONTHS.es.indexOf(n) : MONTHS.en.indexOf(n);
  return i >= 0 ? i + 1 : undefined;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function yearOf(g: Groups, ctx: PhraseContext, notes: Text[]): number {
  if (g.y) return Number(g.y);
  const year = Number(ctx.meetingDate.slice(0, 4));
  if (g.cur) notes.push(note(`«${g.cur}»: el año de la reunión (${year}).`, `"${g.cur}": the meeting's year (${year}).`));
  else notes.push(note(`El año (${year}) se toma de la reunión.`, `The year (${year}) is taken from the meeting.`));
  return year;
}

/** A day: year from the phrase or the meeting (the next year when the day would fall before the meeting); weekday checked. */
function day(inclusiveNote?: Text): Build {
  return (g, ctx) => {
    const notes: Text[] = inclusiveNote ? [inclusiveNote] : [];
    const mo = monthIndex(g.m ?? g.m2);
    const d = Number(g.d ?? g.d2);
    let year = yearOf(g, ctx, notes);
    if (!g.y && !g.cur && `${year}-${pad(mo ?? 0)}-${pad(d)}` < ctx.meetingDate) {
      year += 1;
      notes.push(note(`La fecha caería antes de la reunión: se toma el año siguiente (${year}).`, `The date would fall before the meeting: the next year (${year}) is taken.`));
    }
    const due = `${year}-${pad(mo ?? 0)}-${pad(d)}`;
    if (mo === undefined || !isRealDate(due)) return undefined;
    if (g.wd) {
      const named = WEEKDAYS[ctx.lang].indexOf(g.wd.toLowerCase().replace('miercoles', 'miércoles').replace('sabado', 'sábado'));
      if (named !== weekdayOf(due)) {
        const actual = WEEKDAYS[ctx.lang][weekdayOf(due)] ?? '';
        notes.push(note(`La fuente dice «${g.wd}», pero el ${due} fue ${actual}.`, `The source says "${g.wd}", but ${due} was a ${actual}.`));
      }
    }
    return { deadline: { due }, confidence: notes.length ? 'medium' : 'high', notes };
  };
}

function month(g: Groups, ctx: PhraseContext): Built | undefined {
  const notes: Text[] = [];
  const m = monthIndex(g.m);
  const year = yearOf(g, ctx, notes);
  return m ? { deadline: { due: `${year}-${pad(m)}` }, confidence: notes.length ? 'medium' : 'high', notes } : undefined;
}

function part(kind: 'Q' | 'H'): Build {
  return (g, ctx) => {
    const n = ORDINALS[(g.o ?? '').toLowerCase()];
    if (!n || (kind === 'H' && n > 2)) return undefined;
    // "durante el segundo trimestre": the year is the meeting's.
    const notes: Text[] = [];
    const year = g.y ? Number(g.y) : yearOf(g, ctx, notes);
    return { deadline: { due: `${year}-${kind}${n}` }, confidence: notes.length ? 'medium' : 'high', notes };
  };
}

// "en un plazo de tres meses": a period in months, read as that many 30-day months (the schema counts days).
const withinMonths: Build = (g) => {
  const months = readNumber(g.n ?? '');
  return months !== undefined && months >= 1 && months <= 120
    ? { deadline: { within: { days: months * 30 } }, confidence: 'medium', notes: [note(`${months} meses leídos como ${months * 30} días.`, `${months} months read as ${months * 30} days.`)] }
    : undefined;
};

const year: Build = (g) => ({ deadline: { due: `${g.y}` }, confidence: 'high', notes: [] });

function event(relation: 'before' | 'at'): Build {
  return (g, ctx, bodies) => {
    const body = bodies[(g.body ?? '').toLowerCase().replace(/\s+/g, ' ')];
    if (!body) return undefined;
    const notes: Text[] = [];
    const m = monthIndex(g.em);
    const expected = m ? `${g.ey ? Number(g.ey) : yearOf({}, ctx, notes)}-${pad(m)}` : undefined;
    return { deadline: { event: { body, relation, ...(expected ? { expected } : {}) } }, confidence: notes.length ? 'medium' : 'high', notes };
  };
}

// "a la brevedad", "as soon as possible": due as soon as possible (asap: no date, never overdue), with the wording, as the curated records write it.
const soon: Build = () => ({ deadline: { due: 'asap' }, confidence: 'medium', notes: [note('La fuente no fija fecha: «a la brevedad» (asap), que nunca vence; se conserva su redacción.', 'The source sets no date: as soon as possible (asap), never overdue; its wording is kept.')] });

// "dos veces al año", "semestralmente", "twice a year": the schema's recurring twice-a-year deadline (each half-year,
// with no end: the source names none), with the wording kept.
const twiceAYear: Build = () => ({
  deadline: { due: 'twice-a-year' },
  confidence: 'medium',
  notes: [note('plazo recurrente (twice-a-year: cada semestre); la fuente no dice hasta cuándo: añada from/until si lo sabe.', 'a recurring deadline (twice-a-year: every half-year); the source says not until when: add from/until if known.')],
});

const within: Build = (g) => {
  const days = readNumber(g.n ?? '');
  return days !== undefined && days >= 1 && days <= 3660 ? { deadline: { within: { days } }, confidence: 'high', notes: [] } : undefined;
};

const BEFORE_DAY = note(
  '«antes del» se lee como el día nombrado (el último día de plazo), que es la lectura habitual de esta fórmula.',
  '"antes del" (before) is read as the day named being the last day, which is how this phrasing is usually meant.',
);

/** Every phrasing, most specific first: where two overlap in a sentence, the earlier row wins. */
export const PHRASINGS: readonly Phrasing[] = [
  { lang: 'es', pattern: `a\\s+m[aá]s\\s+tardar\\s+(?:el\\s+)?${DATE_ES}`, build: day() },
  { lang: 'es', pattern: `antes\\s+de(?:l|\\s+el)\\s+${DATE_ES}`, build: day(BEFORE_DAY) },
  { lang: 'es', pattern: `(?:en\\s+(?:un|el)\\s+plazo|dentro\\s+de\\s+(?:un|el)\\s+plazo)\\s+(?:no\\s+mayor\\s+(?:de|a)|m[aá]ximo\\s+de|no\\s+superior\\s+a|de)\\s+${DAYS}`, build: within },
  { lang: 'es', pattern: `(?:en\\s+(?:un|el)\\s+plazo|dentro\\s+de\\s+(?:un|el)\\s+plazo)\\s+(?:no\\s+mayor\\s+(?:de|a)|m[aá]ximo\\s+de|no\\s+superior\\s+a|de)\\s+(?<n>${NUMBER_SOURCE})\\s+mes(?:es)?`, build: withinMonths },
  { lang: 'es', pattern: `dentro\\s+de\\s+(?:los\\s+)?(?:pr[oó]ximos\\s+)?${DAYS}`, build: within },
  { lang: 'es', pattern: `antes\\s+de\\s+la\\s+(?:pr[oó]xima\\s+)?(?:reuni[oó]n\\s+del?\\s+(?:la\\s+)?)?(?<body>{BODY})${EXPECTED_ES}`, build: event('before') },
  { lang: 'es', pattern: `(?:durante|en)\\s+la\\s+(?:pr[oó]xima\\s+)?(?:reuni[oó]n\\s+del?\\s+(?:la\\s+)?)?(?<body>{BODY})${EXPECTED_ES}`, build: event('at') },
  { lang: 'es', pattern: `(?:durante|en)\\s+la\\s+reuni[oó]n\\s+(?:programada|prevista)\\s+para\\s+(?<em>${M_ES})(?:\\s+(?:del?\\s+)?(?<ey>\\d{4}))?${PLACE_ES}`, build: event('at'), bodyBefore: true },
  { lang: 'es', pattern: `(?:a|hacia|para)\\s+(?:finales|fines)\\s+de(?:l\\s+mes\\s+de)?\\s+${MONTH_ES}`, build: month },
  { lang: 'es', pattern: `(?:en|durante|para)\\s+el\\s+mes\\s+de\\s+${MONTH_ES}`, build: month },
  { lang: 'es', pattern: `(?:en|durante|para)\\s+el\\s+(?<o>primer|segundo|tercer|cuarto)\\s+trimestre(?:\\s+del?\\s+(?:año\\s+)?(?<y>\\d{4}))?`, build: part('Q') },
  { lang: 'es', pattern: `(?:en|durante|para)\\s+el\\s+(?<o>primer|segundo)\\s+semestre\\s+del?\\s+(?:año\\s+)?(?<y>\\d{4})`, build: part('H') },
  { lang: 'es', pattern: `(?:a|hacia|para)\\s+(?:finales|fines)\\s+del?\\s+(?:año\\s+)?(?<y>\\d{4})`, build: year },
  { lang: 'es', pattern: `(?:en|durante|para)\\s+(?:el\\s+)?(?:año\\s+)?(?<y>\\d{4})(?![\\d-])`, build: year },
  { lang: 'es', pattern: 'dos\\s+veces\\s+(?:al|por|cada)\\s+año|semestralmente|de\\s+(?:forma|manera)\\s+semestral|cada\\s+seis\\s+meses', build: twiceAYear },
  { lang: 'es', pattern: 'en\\s+el\\s+m[aá]s\\s+corto\\s+plazo(?:\\s+posible)?', build: soon },
  { lang: 'es', pattern: 'a\\s+la\\s+brevedad(?:\\s+posible)?|lo\\s+antes\\s+posible|a\\s+la\\s+mayor\\s+brevedad(?:\\s+posible)?', build: soon },
  { lang: 'es', pattern: `(?:para\\s+)?el\\s+${DATE_ES}`, build: day() },
  { lang: 'en', pattern: `no\\s+later\\s+than\\s+${DATE_EN}`, build: day() },
  { lang: 'en', pattern: `(?:by|before|on)\\s+${DATE_EN}`, build: day() },
  { lang: 'en', pattern: `within\\s+(?:a\\s+(?:period|term)\\s+of\\s+)?(?:no\\s+more\\s+than\\s+|not\\s+more\\s+than\\s+)?${DAYS}`, build: within },
  { lang: 'en', pattern: `(?:before|no\\s+later\\s+than)\\s+the\\s+(?:next\\s+)?(?<body>{BODY})(?:\\s+meeting)?${EXPECTED_EN}`, build: event('before') },
  { lang: 'en', pattern: `no\\s+later\\s+than\\s+the\\s+(?:next\\s+)?meeting\\s+of\\s+the\\s+(?<body>{BODY})${EXPECTED_EN}`, build: event('before') },
  { lang: 'en', pattern: `before\\s+the\\s+(?:next\\s+)?meeting\\s+of\\s+the\\s+(?<body>{BODY})${EXPECTED_EN}`, build: event('before') },
  { lang: 'en', pattern: `(?:at|during)\\s+the\\s+(?:next\\s+)?(?<body>{BODY})(?:\\s+meeting)${EXPECTED_EN}`, build: event('at') },
  { lang: 'en', pattern: `(?:at|during)\\s+the\\s+(?:next\\s+)?meeting\\s+of\\s+the\\s+(?<body>{BODY})${EXPECTED_EN}`, build: event('at') },
  { lang: 'en', pattern: `(?:at|during)\\s+the\\s+meeting\\s+(?:scheduled|planned)\\s+for\\s+(?<em>${M_EN})(?:\\s+(?<ey>\\d{4}))?${PLACE_EN}`, build: event('at'), bodyBefore: true },
  { lang: 'en', pattern: `(?:by|at)\\s+the\\s+end\\s+of\\s+${MONTH_EN}`, build: month },
  { lang: 'en', pattern: `(?:in|during)\\s+(?:the\\s+month\\s+of\\s+)?${MONTH_EN}`, build: month },
  { lang: 'en', pattern: `(?:in|during|by\\s+the\\s+end\\s+of)\\s+the\\s+(?<o>first|second|third|fourth)\\s+quarter\\s+of\\s+(?<y>\\d{4})`, build: part('Q') },
  { lang: 'en', pattern: `(?:in|during|by\\s+the\\s+end\\s+of)\\s+the\\s+(?<o>first|second)\\s+half\\s+of\\s+(?<y>\\d{4})`, build: part('H') },
  { lang: 'en', pattern: `by\\s+the\\s+end\\s+of\\s+(?<y>\\d{4})`, build: year },
  { lang: 'en', pattern: `(?:in|during|by)\\s+(?<y>\\d{4})(?![\\d-])`, build: year },
  { lang: 'en', pattern: 'twice\\s+(?:a|per|each|every)\\s+year|twice\\s+yearly|semi-?annually|every\\s+six\\s+months', build: twiceAYear },
  { lang: 'en', pattern: 'as\\s+soon\\s+as\\s+possible|at\\s+the\\s+earliest\\s+opportunity', build: soon },
];

// Compiled once per bodies table (the registry's, or EVENT_BODIES): the alternation of body names is built once, not
// for every sentence of every point.
const compiled = new WeakMap<Readonly<Record<string, string>>, { rows: Map<Phrasing, RegExp>; last: RegExp }>();

function compiledFor(bodies: Readonly<Record<string, string>>): { rows: Map<Phrasing, RegExp>; last: RegExp } {
  let c = compiled.get(bodies);
  if (!c) {
    const alternation = alt(Object.keys(bodies)).replace(/ /g, '\\s+');
    // A body's name may carry its acronym: "del Grupo Regional de Consulta sobre Migración (GRCM)".
    const names = `(?<body>${alternation})(?:\\s*\\([\\p{L}\\s.-]{1,30}\\))?`;
    // The word boundary before a phrase is checked beside its pattern (wordMatches); the one after stays in it.
    const rows = new Map(PHRASINGS.map((p) => [p, new RegExp(`(?:${p.pattern.replace('(?<body>{BODY})', names)})(?![\\p{L}\\d])`, 'giu')]));
    c = { rows, last: new RegExp(`(?:${alternation})(?![\\p{L}\\d])`, 'giu') };
    compiled.set(bodies, c);
  }
  return c;
}

// A letter or digit just before a match (the flags of the patterns, so the same characters count: under `iu` a
// character whose case folding is a letter counts too).
const WORD_BEFORE = /[\p{L}\d]$/iu;

/**
 * The matches of `re` (global) in `text` that no letter or digit precedes: what `(?<![\p{L}\d])` at the head of the
 * pattern finds, the same matches in the same order. A match after a letter is dropped and the search goes on from the
 * next character, as the engine would go on after the lookbehind failed there. Checked here because at the head of a
 * case-insensitive unicode pattern the lookbehind is tried at every position of the text, before anything else: an
 * import of a 2 KB report spent most of its CPU there (0.65 of ~0.8 s).
 */
function* wordMatches(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const at = m.index;
    if (WORD_BEFORE.test(text.slice(Math.max(0, at - 2), at))) {
      re.lastIndex = at + ((text.codePointAt(at) ?? 0) > 0xffff ? 2 : 1);
      continue;
    }
    if (m[0] === '') re.lastIndex = at + ((text.codePointAt(at) ?? 0) > 0xffff ? 2 : 1);
    yield m;
  }
}

function lastBodyNamed(text: string, bodies: Readonly<Record<string, string>>): string | undefined {
  return [...wordMatches(compiledFor(bodies).last, text)].pop()?.[0];
}

/** Every deadline phrase in a sentence, in order, without overlaps (the longer, then the earlier row wins). */
export function findDeadlinePhrases(sentence: string, ctx: PhraseContext): FoundPhrase[] {
  const bodies = ctx.bodies ?? EVENT_BODIES;
  const found: (FoundPhrase & { row: number })[] = [];
  PHRASINGS.forEach((p, row) => {
    if (p.lang !== ctx.lang) return;
    for (const m of wordMatches(compiledFor(bodies).rows.get(p)!, sentence)) {
      const named = p.bodyBefore ? lastBodyNamed(sentence.slice(0, m.index), bodies) : undefined;
      if (p.bodyBefore && !named) continue;
      const built = p.build({ ...m.groups, ...(named ? { body: named } : {}) }, ctx, bodies);
      if (!built) continue;
      const wording = m[0].replace(/\s+/g, ' ');
      const { deadline, confidence, notes } = built;
      const text = { [ctx.lang]: wording } as Text;
      found.push({ ...(deadline ? { deadline: { ...deadline, text } } : {}), confidence, notes, wording, start: m.index, end: m.index + m[0].length, row });
    }
  });
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.row - b.row || a.start - b.start);
  // Overlaps are checked against the characters already kept (linear in the phrases' lengths, not quadratic in their number).
  const kept: FoundPhrase[] = [];
  const covered = new Uint8Array(sentence.length);
  for (const { row: _row, ...f } of found) {
    if (covered.subarray(f.start, f.end).some((c) => c === 1)) continue;
    covered.fill(1, f.start, f.end);
    kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** The first deadline phrase in the text, read; undefined when it holds none. */
export function readDeadlinePhrase(text: string, ctx: PhraseContext): DeadlineReading | undefined {
  const first = findDeadlinePhrases(text, ctx)[0];
  if (!first) return undefined;
  const { start: _s, end: _e, ...reading } = first;
  return reading;
}

export interface ScheduleStep {
  /** The step as the source words it ("envío del primer borrador el 24 de marzo"). */
  readonly wording: string;
  readonly deadline: PhraseDeadline;
  readonly notes: readonly Text[];
}

/** A list of dated steps ("…: envío del primer borrador el 24 de marzo; recepción de insumos … el 31 de marzo; …"): two or more, each with one dated phrase. */
export function readSchedule(sentence: string, ctx: PhraseContext): ScheduleStep[] | undefined {
  const list = sentence.slice(sentence.lastIndexOf(':') + 1);
  const parts = list.split(';').map((s) => s.trim().replace(/[.\s]+$/, '').replace(/^(?:y|and)\s+/i, ''));
  if (parts.length < 2) return undefined;
  const steps: ScheduleStep[] = [];
  for (const wording of parts) {
    const phrases = findDeadlinePhrases(wording, ctx).filter((f) => f.deadline?.due !== undefined && parsePeriod(f.deadline.due));
    if (phrases.length !== 1 || !phrases[0]?.deadline) return undefined;
    steps.push({ wording, deadline: { ...phrases[0].deadline, text: { [ctx.lang]: wording } as Text }, notes: phrases[0].notes });
  }
  return steps;
}
