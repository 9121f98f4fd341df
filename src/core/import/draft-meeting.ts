// A report's text → a draft meeting record (plain data in the schema's shape), every guess marked by an `import: …`
// note that `acta validate` reports (import/unchecked) until a reviewer removes it. Pure: text and registries in.
import type { Action, Lang, Registries, Text } from '../model.js';
import { INFORMATIONAL_ACTIONS } from '../model.js';
import { readAction } from './actions.js';
import { cleanSource } from './clean-source.js';
import type { PhraseDeadline } from './deadline-phrases.js';
import { EVENT_BODIES, findDeadlinePhrases, readSchedule } from './deadline-phrases.js';
import type { ActorName } from './match-actors.js';
import { actorNames, findActors, shortNames } from './match-actors.js';
import { matchBody, readMeetingDates, readOrdinal, readParticipants, readPlace } from './read-header.js';
import type { SourcePoint } from './read-points.js';
import type { TableCells } from './read-table.js';
import { readPoints } from './read-points.js';

/** The prefix of every note the importer writes; `acta validate` warns while one remains. */
export const IMPORT_NOTE = 'import:';

export interface DraftNote {
  readonly text: Text;
  readonly at?: string;
}

export interface DraftAgreement {
  readonly number: string;
  readonly printed?: string;
  readonly action?: Action;
  readonly text: Text;
  readonly actors?: readonly string[];
  readonly addressee?: string;
  readonly commitment?: { readonly owners: readonly string[]; readonly inferred?: boolean; readonly deadline?: PhraseDeadline; readonly schedule?: readonly DraftStep[] };
  readonly items?: readonly DraftAgreement[];
}

export interface DraftStep {
  readonly task: Text;
  readonly owners?: readonly string[];
  readonly deadline?: PhraseDeadline;
}

export interface DraftMeeting {
  readonly record: 'meeting';
  readonly id: string;
  readonly body: string;
  /** The source's language when it is not acta.yaml's `authentic` (an English report). */
  readonly authentic?: Lang;
  readonly ordinal?: number;
  readonly title?: Text;
  readonly dates: { readonly start: string; readonly end?: string };
  readonly place?: { readonly city: string; readonly country?: string };
  readonly participants?: readonly string[];
  readonly source: { readonly document: string; readonly title?: Text };
  readonly agreements: readonly DraftAgreement[];
  readonly notes: readonly DraftNote[];
}

/** What the user says instead of a guess (`--body`, `--date`, `--end`, `--place`, `--source-lang`), and what the
 * reading of the file found (an encoding other than UTF-8). */
export interface DraftOptions {
  readonly body?: string;
  readonly start?: string;
  readonly end?: string;
  readonly place?: { readonly city: string; readonly country?: string };
  readonly lang?: Lang;
  readonly encoding?: string;
  /** acta.yaml's `authentic` (default `es`): a report in the other language says so (`authentic:` on the record). */
  readonly recordsAuthentic?: Lang;
}

/** Always a draft: what could not be found is a placeholder with a note saying what to put there. */
export type DraftOutcome = { readonly ok: true; readonly draft: DraftMeeting; readonly missing: readonly string[] };

const note = (es: string, en: string, at?: string): DraftNote => ({ text: { es: `${IMPORT_NOTE} ${es}`, en: `${IMPORT_NOTE} ${en}` }, ...(at ? { at } : {}) });

/** The report's language: Spanish unless English function words outnumber Spanish ones. */
export function guessLang(text: string): Lang {
  const count = (re: RegExp): number => (text.match(re) ?? []).length;
  return count(/\b(?:the|and|of|to)\b/gi) > count(/\b(?:de|la|el|y|los)\b/gi) ? 'en' : 'es';
}

/** A city and its country as another meeting on record gives them, for a report that names the city only. */
export interface KnownPlace {
  readonly city: string;
  readonly country: string;
  readonly meeting: string;
}

/** The schema's bounds on a record's points and a point's items. */
export const MAX_POINTS = 500;
export const MAX_ITEMS = 100;
/** How much of a point the rules read (names, verbs, deadlines). */
export const MAX_SCAN = 20_000;

/** The id a body with no registry entry gets in a draft: the validator then names the entry to add. */
export const UNKNOWN_BODY = 'unknown-body';
/** The day a draft with no date found gets: not a real date, so `acta validate` stops at it. */
export const UNKNOWN_DAY = '0000-00-00';

// Lines that name a kind of document, not the meeting ("INFORME DE LA REUNIÓN", "Anuncio", "NOTA A LA PRENSA N. 600").
const GENERIC = /^(?:informe(?:\s+(?:de\s+la\s+reuni[oó]n|final))?|report(?:\s+of\s+the\s+meeting)?|acta|minutes|anuncio|advertisement|noticias?|not[íi]cias|news|nota\s+a\s+la\s+prensa.*|press\s+release.*|comunicado|transcript|download.*)\.?$/i;

export function draftMeeting(text: string, document: string, registries: Registries, known: readonly KnownPlace[] = [], options: DraftOptions = {}): DraftOutcome {
  const lang = options.lang ?? guessLang(text);
  const clean = cleanSource(text);
  const names = actorNames(registries);
  const reading = readPoints(clean.lines, clean.afterBlank);
  const { header, unnumbered } = reading;
  // A record holds at most MAX_POINTS points (the schema's bound): a longer list is no meeting report, and reading it
  // all would only make a draft that cannot validate.
  const points = reading.points.slice(0, MAX_POINTS).map((p) => (p.items.length > MAX_ITEMS ? { ...p, items: p.items.slice(0, MAX_ITEMS) } : p));
  const notes: DraftNote[] = [];
  const missing: string[] = [];
  // The title: the first header line that names a registered body, else the first line that is not a generic label.
  // A line that says what the document is ("Informe de la reunión de …", "Conclusiones del …") names the body that met
  // before a running page header does.
  const TITLED = /^(?:informe|report|conclusiones|conclusions|acta|minutes|comunicado|communiqu|declaraci[oó]n|declaration)/i;
  const firstLines = header.slice(0, 12);
  const bodyLine = [...firstLines.filter((l) => TITLED.test(l)), ...firstLines.filter((l) => !TITLED.test(l))].find((l) => matchBody(l, registries));
  const titleLine = bodyLine ?? header.find((l) => !GENERIC.test(l)) ?? header[0];
  const matched = options.body ? undefined : bodyLine ? matchBody(bodyLine, registries) : matchBody(header.slice(0, 8).join(' '), registries);
  const bodyId = options.body ?? matched?.id ?? UNKNOWN_BODY;
  const found = readMeetingDates(header);
  const dates = options.start ? { start: options.start, ...(options.end ? { end: options.end } : {}) } : found ? { start: found.start, ...(options.end ? { end: options.end } : found.end ? { end: found.end } : {}) } : undefined;
  const ordinal = readOrdinal(header);
  const read = options.place ?? readPlace(header, names);
  const elsewhere = read && !read.country ? known.find((k) => k.city.toLowerCase() === read.city.toLowerCase()) : undefined;
  const place = elsewhere && read ? { ...read, country: elsewhere.country } : read;
  const participants = readParticipants(header, names);
  const start = dates?.start ?? UNKNOWN_DAY;
  const meetingEnd = dates?.end ?? start;
  const bodyNames = eventBodies(registries);

  if (options.encoding) notes.push(note(`el archivo no es UTF-8: se leyó como ${options.encoding}; revise los acentos.`, `the file is not UTF-8: it was read as ${options.encoding}; check the accents.`));
  if (options.body) notes.push(note(`instancia dada con --body (${options.body}).`, `body given with --body (${options.body}).`, '/body'));
  else if (matched) notes.push(note(`la instancia (${matched.id}) se eligió por el título (${Math.round(matched.score * 100)} % de las palabras de uno de sus nombres).`, `the body (${matched.id}) was matched by the title (${Math.round(matched.score * 100)}% of the words of one of its names).`, '/body'));
  else {
    missing.push('the body');
    notes.push(note(`ninguna instancia registrada coincide con «${(titleLine ?? '').slice(0, 120)}»: añádala a registries/bodies.yaml (id, type, name) y ponga su id en body, o use --body ID.`, `no registered body matches "${(titleLine ?? '').slice(0, 120)}": add it to registries/bodies.yaml (id, type, name) and put its id in body, or use --body ID.`, '/body'));
  }
  if (options.start) notes.push(note('fechas dadas con --date/--end.', 'dates given with --date/--end.', '/dates'));
  else if (found) notes.push(note(`fechas leídas de «${found.wording}».`, `dates read from "${found.wording}".`, '/dates'));
  else {
    missing.push('the meeting dates');
    notes.push(note(`no se encontró la fecha de la reunión: ponga el primer día en dates.start (y el id, AAAA-MM-DD-instancia), o use --date.`, `the meeting date was not found: put the first day in dates.start (and the id, YYYY-MM-DD-body), or use --date.`, '/dates/start'));
  }
  if (ordinal) notes.push(note(`ordinal leído de «${ordinal.from}».`, `ordinal read from "${ordinal.from}".`, '/ordinal'));
  if (options.place) notes.push(note('lugar dado con --place.', 'place given with --place.', '/place'));
  else if (place) notes.push(note(`lugar leído del encabezado: ${place.city}${place.country ? `, ${place.country}` : ''}.`, `place read from the header: ${place.city}${place.country ? `, ${place.country}` : ''}.`, '/place'));
  else notes.push(note('no se encontró el lugar: añada place (city, country) si la fuente lo dice, o use --place.', 'the place was not found: add place (city, country) if the source says it, or use --place.', '/place'));
  if (elsewhere) notes.push(note(`la fuente no nombra el país de ${elsewhere.city}; se toma el de la reunión ${elsewhere.meeting}.`, `the source does not name the country of ${elsewhere.city}; it is taken from meeting ${elsewhere.meeting}.`, '/place/country'));
  if (place && !place.country) notes.push(note(`la fuente no nombra el país de ${place.city}: añádalo.`, `the source does not name the country of ${place.city}: add it.`, '/place'));
  if (participants) notes.push(note('participantes leídos de la frase que los enumera; observadores e invitados no se importan.', 'participants read from the sentence that lists them; observers and guests are not imported.', '/participants'));
  else notes.push(note('no se encontró la lista de participantes: añádala si la fuente la da.', 'no list of participants was found: add it if the source gives one.', '/participants'));
  if (points.length === 0) {
    missing.push('the points');
    notes.push(note('no se encontraron puntos (ni numerados, ni viñetas, ni párrafos tras «acordaron:»): copie los acuerdos de la fuente en agreements.', 'no points were found (numbered, bulleted, or paragraphs after "agreed to:"): copy the agreements from the source into agreements.', '/agreements'));
  }
  if (reading.points.length > MAX_POINTS || reading.points.some((p) => p.items.length > MAX_ITEMS)) notes.push(note(`la fuente tiene más de ${MAX_POINTS} puntos (o de ${MAX_ITEMS} subpuntos en un punto): solo se leyeron los primeros.`, `the source has more than ${MAX_POINTS} points (or ${MAX_ITEMS} items in a point): only the first were read.`, '/agreements'));
  if (reading.preamble) notes.push(note(`${reading.preamble.skipped} párrafos numerados antes de «${reading.preamble.heading}» se leyeron como preámbulo, no como acuerdos: compárelos con la fuente.`, `${reading.preamble.skipped} numbered paragraphs before "${reading.preamble.heading}" were read as a preamble, not as agreements: compare them with the source.`, '/agreements'));
  if (unnumbered) notes.push(note('la fuente no numera sus puntos (párrafos tras «acordaron:» o frases que abren con un infinitivo): se numeran en orden.', 'the source does not number its points (paragraphs after "agreed to:" or sentences that open with an infinitive): they are numbered in order.', '/agreements'));
  const tables = reading.tables;
  if (tables?.agreements) notes.push(note(`${tables.agreements} tabla(s) de acuerdos o pasos: cada fila es un punto, su texto la columna de la acción; responsables y plazos leídos de sus columnas.`, `${tables.agreements} table(s) of agreements or steps: each row is a point, its text the action column; owners and deadlines read from their columns.`, '/agreements'));
  for (const t of tables?.text ?? []) notes.push(note(`la tabla «${t.slice(0, 120)}» no es de acuerdos (no tiene columna de acción con responsable o plazo): se deja como texto.`, `the table "${t.slice(0, 120)}" is not one of agreements (no action column with a responsible or deadline one): it is left as text.`));
  // A report in another language than the records' authentic one (an English report here; a Spanish one where reports
  // are adopted in English) is authentic in its own: the draft says so, or its every text reads as a translation.
  const ownAuthentic = lang !== (options.recordsAuthentic ?? 'es');
  if (ownAuthentic && lang === 'en') notes.push(note('el informe está en inglés: authentic: en (el texto en inglés es el auténtico).', 'the report is in English: authentic: en (the English text is the authentic one).', '/authentic'));
  else if (ownAuthentic) notes.push(note('el informe está en español: authentic: es (el texto en español es el auténtico).', 'the report is in Spanish: authentic: es (the Spanish text is the authentic one).', '/authentic'));
  if (clean.removed) notes.push(note(`se quitaron ${clean.removed} restos de extracción ([bookmark: …], notas al pie).`, `${clean.removed} pieces of extraction debris ([bookmark: …], footnotes) were removed.`));
  const runTogether = findRunTogether(clean.lines);
  if (runTogether.length) notes.push(note(`palabras unidas en la fuente, conservadas tal cual: ${runTogether.join(', ')}.`, `words run together in the source, kept as printed: ${runTogether.join(', ')}.`));
  for (const f of clean.footnotes) notes.push(note(`nota al pie de la fuente, quitada del texto: «${f}»`, `footnote in the source, taken out of the text: "${f}"`));

  // The body that met is not an actor of its own points ("la Red").
  const ctx = { lang, meetingDate: meetingEnd, meetingStart: start, body: bodyId, bodies: bodyNames, names: names.filter((n) => n.actor !== bodyId), notes };
  const agreements = points.map((p, i) => agreementOf(p, `/agreements/${i}`, ctx));
  const title = titleLine ? { [lang]: titleLine } : undefined;
  return {
    ok: true,
    missing,
    draft: {
      record: 'meeting',
      id: `${start === UNKNOWN_DAY ? 'undated' : start}-${bodyId}`,
      body: bodyId,
      ...(ownAuthentic ? { authentic: lang } : {}),
      ...(ordinal ? { ordinal: ordinal.value } : {}),
      ...(title ? { title } : {}),
      dates: { start, ...(dates?.end ? { end: dates.end } : {}) },
      ...(place ? { place } : {}),
      ...(participants ? { participants: participants.codes } : {}),
      source: { document, ...(title ? { title } : {}) },
      agreements,
      notes,
    },
  };
}

/** Words glued by the extraction ("enTegucigalpa", "enSan"): a lower-case letter straight before a capital, each once. */
export function findRunTogether(lines: readonly string[]): string[] {
  const found = lines.flatMap((l) => l.match(/(?<![\p{L}\d])\p{Ll}+\p{Lu}\p{L}*/gu) ?? []);
  return [...new Set(found)].slice(0, 20);
}

/** The registered organs' names and acronyms → id, for "antes de la reunión del GRCM". */
function eventBodies(registries: Registries): Record<string, string> {
  const out: Record<string, string> = { ...EVENT_BODIES };
  for (const b of registries.bodies) {
    if (b.type !== 'organ') continue;
    for (const n of [b.name.es, b.name.en, b.acronym?.es, b.acronym?.en, ...shortNames(b.name)]) if (n) out[n.toLowerCase()] = b.id;
  }
  return out;
}

interface PointContext {
  readonly lang: Lang;
  readonly meetingDate: string;
  /** The meeting's first day: a date before it is a past event, never a deadline. */
  readonly meetingStart: string;
  /** The body that met: the owner of a commitment that names none. */
  readonly body: string;
  readonly bodies: Record<string, string>;
  readonly names: readonly ActorName[];
  readonly notes: DraftNote[];
}

// "Sugerir al GRCM …", "se sugiere al GRCM …", "recomendar a la ST …": a recommendation to that body.
const RECOMMEND = /(?:^\s*(?:sugerir|recomendar)|\bse\s+(?:sugiere|recomienda)|^\s*(?:suggest|recommend)|\bit\s+is\s+(?:suggested|recommended))\s+(?:al|a\s+la|a\s+los|a\s+las|a|to\s+the|to)\s+/iu;

/** The body a point suggests or recommends something to, and whether the point opens with it. */
export function recommendationTo(text: string, names: readonly ActorName[]): { readonly addressee: string; readonly opening: boolean } | undefined {
  const m = RECOMMEND.exec(text);
  if (!m) return undefined;
  const rest = text.slice(m.index + m[0].length);
  const first = findActors(rest, names)[0];
  return first && first.start === 0 && first.kind === 'body' ? { addressee: first.actor, opening: m.index === 0 } : undefined;
}

function agreementOf(p: SourcePoint, at: string, ctx: PointContext, inherited?: string, parentAction?: Action, leadOwners: readonly string[] = []): DraftAgreement {
  // Names, verbs and deadlines are read in a point's first MAX_SCAN characters: a real point is far shorter, and a
  // 2 MB "point" must not cost seconds per rule. The text itself is kept whole.
  const scan = p.text.length > MAX_SCAN ? p.text.slice(0, MAX_SCAN) : p.text;
  if (scan !== p.text) ctx.notes.push(note(`punto de ${p.text.length} caracteres: solo se buscaron actores y plazos en los primeros ${MAX_SCAN}.`, `a point of ${p.text.length} characters: actors and deadlines were looked for in the first ${MAX_SCAN} only.`, `${at}/text`));
  const found = findActors(scan, ctx.names);
  const own = recommendationTo(scan, ctx.names);
  // "Agradecer a: - México, por …": an item without a verb of its own carries on its lead's verb.
  const own_verb = readAction(scan);
  const read = own_verb ?? (parentAction && found[0]?.start === 0 ? parentAction : undefined);
  // A sub-item of "se sugiere al GRCM …:" is a recommendation too, unless it says something else (a thanks). One with a
  // date of its own ("Taller … a realizarse en Costa Rica en el mes de agosto de 2017") is still a suggested activity,
  // not a commitment of anyone (issue 19: 2017-06-21 #7.b); it keeps the actors it names (the venue).
  const phraseCtx = { lang: ctx.lang, meetingDate: ctx.meetingDate, bodies: ctx.bodies };
  const dated = findDeadlinePhrases(scan, phraseCtx).some((f) => f.deadline);
  const addressee = own?.opening ? own.addressee : inherited && !(read && INFORMATIONAL_ACTIONS.has(read)) ? inherited : undefined;
  const action = addressee ? 'recommend' : read;
  // A recommendation's sub-items name no actors: the addressee is theirs. A body named as a frame ("de la CRM") is not an actor.
  // A table row names its responsible in a column of its own: those are actors of the point too.
  const responsible = p.cells?.responsible ? findActors(p.cells.responsible, ctx.names).filter((a) => !a.framed).map((a) => a.actor) : [];
  const actors = addressee && !own && !dated ? [] : [...new Set([...found.filter((a) => !a.framed).map((a) => a.actor), ...responsible])];
  if (p.uncertainEnd) ctx.notes.push(note('el final de este punto es incierto (la línea siguiente parece un título, o el texto no cierra la frase): compárelo con la fuente.', 'where this point ends is uncertain (the next line looks like a heading, or the text does not close its sentence): compare it with the source.', `${at}/text`));
  if (p.printed !== undefined) ctx.notes.push(note(`número restaurado ${p.number}; la fuente imprime «${p.printed}».`, `number restored as ${p.number}; the source prints "${p.printed}".`, `${at}/number`));
  if (action && !own_verb && parentAction === action) ctx.notes.push(note(`acción «${action}» tomada del punto que introduce este subpunto.`, `action "${action}" taken from the point that introduces this item.`, `${at}/action`));
  else if (action) ctx.notes.push(note(`acción «${action}» leída del verbo inicial.`, `action "${action}" read from the opening verb.`, `${at}/action`));
  else ctx.notes.push(note('no se reconoce el verbo inicial: indique la acción.', 'the opening verb is not recognised: set the action.', at));
  if (actors.length) ctx.notes.push(note('actores leídos de los nombres del texto (las sedes «Ciudad, País», los títulos entre comillas y los marcos «de la CRM» no cuentan).', 'actors read from the names in the text (venues "City, Country", quoted titles and frames "of the RCM" do not count).', `${at}/actors`));
  else ctx.notes.push(note('ningún actor registrado nombrado: añada actors si el punto nombra a alguien que el registro no tiene.', 'no registered actor named: add actors if the point names someone the registries lack.', `${at}/actors`));
  if (addressee) ctx.notes.push(note(`recomendación a ${addressee} (${own ? 'la frase «sugerir/se sugiere al …»' : 'subpunto de una recomendación'}): sin compromiso.`, `a recommendation to ${addressee} (${own ? 'the phrase "sugerir/se sugiere al …"' : 'a sub-item of a recommendation'}): no commitment.`, `${at}/addressee`));
  const commitment = addressee ? undefined : p.cells ? rowCommitment(p.cells, responsible, at, ctx) : commitmentOf(scan, action, actors, at, ctx, leadOwners);
  const passOn = own && /:\s*$/.test(p.text.slice(-16)) ? own.addressee : undefined;
  const lead = /:\s*$/.test(p.text.slice(-16)) ? action : undefined;
  // "Solicitar a la ST: a) circular …; b) preparar …": the lead's commitment is owed by whom it names, and so are its
  // items that name no one (not the body that met).
  const owing = lead !== undefined && !INFORMATIONAL_ACTIONS.has(lead) ? (commitment?.owners ?? []) : [];
  const items = p.items.map((x, i) => agreementOf(x, `${at}/items/${i}`, ctx, passOn, lead, commitment?.inferred ? [] : owing));
  return {
    number: p.number,
    ...(p.printed !== undefined ? { printed: p.printed } : {}),
    ...(action ? { action } : {}),
    text: { [ctx.lang]: p.text },
    ...(actors.length ? { actors } : {}),
    ...(addressee ? { addressee } : {}),
    ...(commitment ? { commitment } : {}),
    ...(items.length ? { items } : {}),
  };
}

function commitmentOf(text: string, action: Action | undefined, actors: readonly string[], at: string, ctx: PointContext, leadOwners: readonly string[] = []): DraftAgreement['commitment'] {
  const phraseCtx = { lang: ctx.lang, meetingDate: ctx.meetingDate, bodies: ctx.bodies };
  const sentences = text.split(/(?<=\.)\s+(?=\p{Lu})/u);
  const schedule = sentences.map((s) => readSchedule(s, phraseCtx)).find((s) => s !== undefined);
  const read = sentences.flatMap((s) => findDeadlinePhrases(s, phraseCtx).map((f) => ({ ...f, sentence: s })));
  // A date before the meeting is a past event ("held on July 10, 2014", "se realizó el …"), never a deadline.
  const past = new Set(read.filter((f) => isPast(f.deadline, ctx.meetingStart)));
  for (const f of past) ctx.notes.push(note(`«${f.wording}»: fecha anterior a la reunión, leída como un hecho pasado, no como un plazo.`, `"${f.wording}": a date before the meeting, read as a past event, not a deadline.`, at));
  const operational = action !== undefined && !INFORMATIONAL_ACTIONS.has(action);
  // A thanks or a note taken of something dated ("Agradecer a México por el taller a realizarse en agosto") owes
  // nothing: a date in the sentence the informational verb opens is not a deadline. A later sentence can still be one.
  const framing = new Set(action !== undefined && !operational ? read.filter((f) => f.sentence === sentences[0] && !past.has(f) && !COMMITS.test(f.sentence.slice(Math.max(0, f.start - 90), f.start))) : []);
  for (const f of framing) ctx.notes.push(note(`«${f.wording}»: fecha en un punto informativo (${action}); no se lee como compromiso.`, `"${f.wording}": a date in an informational point (${action}); not read as a commitment.`, at));
  const found = read.filter((f) => !past.has(f) && !framing.has(f));
  const dated = found.find((f) => f.deadline);
  if (!schedule && !dated && !operational && found.length === 0) return undefined;
  const sentence = dated?.sentence ?? found[0]?.sentence ?? text;
  const owners = findActors(sentence, ctx.names).filter((a) => !a.framed).map((a) => a.actor).slice(0, 1);
  const named = owners.length ? owners : actors.slice(0, 1);
  const chosen = named.length ? named : leadOwners.length ? leadOwners : [ctx.body];
  if (named.length === 0) {
    if (!dated && !schedule && leadOwners.length === 0) {
      ctx.notes.push(note('el punto parece un compromiso, pero no nombra a quién: indique los responsables.', 'the point looks like a commitment but names no one: set its owners.', at));
      return undefined;
    }
    if (leadOwners.length) ctx.notes.push(note(`el subpunto no nombra responsable: se ponen los del punto que lo introduce (${leadOwners.join(', ')}), como inferencia; revíselo.`, `the item names no owner: those of the point that introduces it (${leadOwners.join(', ')}) are set, as an inference; check it.`, `${at}/commitment/owners`));
    else ctx.notes.push(note(`el plazo no nombra responsable: se pone la instancia que se reunió (${ctx.body}), como inferencia; corríjalo.`, `the deadline names no owner: the body that met (${ctx.body}) is set, as an inference; correct it.`, `${at}/commitment/owners`));
  } else ctx.notes.push(note('responsables supuestos: el primer actor que nombra la frase del plazo; revíselos.', 'owners guessed: the first actor the deadline sentence names; check them.', `${at}/commitment/owners`));
  for (const f of found) {
    for (const n of f.notes) ctx.notes.push(note(`«${f.wording}»: ${n.es ?? ''}`, `"${f.wording}": ${n.en ?? ''}`, `${at}/commitment`));
    if (!f.deadline) ctx.notes.push(note(`«${f.wording}»: sin fecha; se conserva la redacción aquí.`, `"${f.wording}": no date; the wording is kept here.`, `${at}/commitment`));
  }
  if (schedule) {
    ctx.notes.push(note('cronograma leído de una lista de pasos fechados; la tarea de cada paso es su redacción.', 'schedule read from a list of dated steps; each step’s task is its wording.', `${at}/commitment/schedule`));
    // "… para que sea aprobada durante la próxima reunión del GRCM": the meeting the schedule leads to is its last step.
    const events = found.filter((f) => f.deadline?.event?.relation === 'at');
    if (events.length) ctx.notes.push(note('la reunión a la que lleva el cronograma es su último paso.', 'the meeting the schedule leads to is its last step.', `${at}/commitment/schedule`));
    const steps = [...schedule.map((s) => ({ task: { [ctx.lang]: s.wording }, deadline: s.deadline })), ...events.map((f) => ({ task: { [ctx.lang]: f.wording }, deadline: f.deadline! }))];
    return { owners: chosen, schedule: steps };
  }
  // "X compartirán …, a más tardar el 21 de julio. Con base en ello, la ST elaborará …": a later sentence where another
  // actor will do something, with no date of its own, is an undated second step of the same commitment.
  const then = dated ? followUps(sentences.slice(sentences.indexOf(dated.sentence) + 1), chosen, ctx) : [];
  if (dated?.deadline && then.length) {
    ctx.notes.push(note('un paso sin fecha sigue al paso fechado (otro actor hará algo después): revise sus tareas.', 'an undated step follows the dated one (another actor will do something next): check their tasks.', `${at}/commitment/schedule`));
    const first = { task: { [ctx.lang]: dated.sentence }, owners: chosen, deadline: dated.deadline };
    return { owners: [...new Set([...chosen, ...then.flatMap((t) => t.owners)])], schedule: [first, ...then.map((t) => ({ task: { [ctx.lang]: t.sentence }, owners: t.owners }))] };
  }
  const all = found.filter((f) => f.deadline);
  if (all.length >= 2) {
    ctx.notes.push(note('varios plazos en un punto: un paso por plazo; escriba la tarea de cada paso.', 'several deadlines in one point: a step for each; write each step’s task.', `${at}/commitment/schedule`));
    return { owners: chosen, schedule: all.map((f) => ({ task: { [ctx.lang]: f.wording }, deadline: f.deadline! })) };
  }
  return { owners: chosen, ...(named.length ? {} : { inferred: true }), ...(dated?.deadline ? { deadline: dated.deadline } : {}) };
}

/** A deadline cell holds the date alone ("21 de julio de 2017", "noviembre 2017", "Q3 2017"): it is read as the
 * phrase a sentence would give it, and only when that phrase covers the whole cell. */
function cellDeadline(cell: string, ctx: PointContext): ReturnType<typeof findDeadlinePhrases>[number] | undefined {
  const phraseCtx = { lang: ctx.lang, meetingDate: ctx.meetingDate, bodies: ctx.bodies };
  const own = findDeadlinePhrases(cell, phraseCtx).find((f) => f.deadline);
  if (own) return own;
  const bare = cell.replace(/[.;\s]+$/, '');
  const leads = ctx.lang === 'es' ? ['a más tardar el ', 'en el mes de ', 'en '] : ['by ', 'by the end of ', 'in '];
  for (const lead of leads) {
    const f = findDeadlinePhrases(lead + bare, phraseCtx).find((x) => x.deadline && x.start === 0 && x.end === lead.length + bare.length);
    if (f?.deadline) return { ...f, wording: cell, deadline: { ...f.deadline, text: { [ctx.lang]: cell } as Text } };
  }
  return undefined;
}

/** A row of a table of agreements or steps: owners from its responsible column, the deadline from its deadline column. */
function rowCommitment(cells: TableCells, owners: readonly string[], at: string, ctx: PointContext): DraftAgreement['commitment'] {
  const chosen = owners.length ? owners : [ctx.body];
  if (owners.length) ctx.notes.push(note(`responsables leídos de la columna de la tabla («${cells.responsible ?? ''}»).`, `owners read from the table's column ("${cells.responsible ?? ''}").`, `${at}/commitment/owners`));
  else if (cells.responsible) ctx.notes.push(note(`el responsable «${cells.responsible}» no está en los registros: se pone la instancia que se reunió (${ctx.body}); añádalo al registro y corríjalo.`, `the responsible "${cells.responsible}" is not in the registries: the body that met (${ctx.body}) is set; add it to the registries and correct it.`, `${at}/commitment/owners`));
  else ctx.notes.push(note(`la fila no nombra responsable: se pone la instancia que se reunió (${ctx.body}), como inferencia; corríjalo.`, `the row names no owner: the body that met (${ctx.body}) is set, as an inference; correct it.`, `${at}/commitment/owners`));
  let deadline: PhraseDeadline | undefined;
  if (cells.deadline) {
    const f = cellDeadline(cells.deadline, ctx);
    if (f?.deadline && isPast(f.deadline, ctx.meetingStart)) ctx.notes.push(note(`plazo «${cells.deadline}»: fecha anterior a la reunión, no se lee como plazo; revísela.`, `deadline "${cells.deadline}": a date before the meeting, not read as a deadline; check it.`, `${at}/commitment`));
    else if (f?.deadline) {
      deadline = f.deadline;
      for (const n of f.notes) ctx.notes.push(note(`«${cells.deadline}»: ${n.es ?? ''}`, `"${cells.deadline}": ${n.en ?? ''}`, `${at}/commitment/deadline`));
    } else ctx.notes.push(note(`plazo «${cells.deadline}» de la tabla no leído: escriba el plazo (due, event o within) con esta redacción.`, `the table's deadline "${cells.deadline}" was not read: write the deadline (due, event or within) with this wording.`, `${at}/commitment`));
  }
  return { owners: chosen, ...(owners.length ? {} : { inferred: true }), ...(deadline ? { deadline } : {}) };
}

/** A deadline on a day or month before the meeting began. */
function isPast(d: PhraseDeadline | undefined, meetingStart: string): boolean {
  const due = d?.due;
  if (!due || meetingStart === UNKNOWN_DAY) return false;
  if (/^\d{4}-\d{2}-\d{2}$/.test(due)) return due < meetingStart;
  if (/^\d{4}-\d{2}$/.test(due)) return due < meetingStart.slice(0, 7);
  // A year, quarter or half: past only when its whole year is.
  return /^\d{4}/.test(due) && due.slice(0, 4) < meetingStart.slice(0, 4);
}

// Words that bind someone to what follows, inside an informational point ("los que se circularán a finales de junio",
// "nos comprometemos a continuar … en el 2019").
const COMMITS = /(?<![\p{L}])\p{L}{3,}(?:rá|rán)(?![\p{L}])|\bwill\s+\p{L}+|comprom(?:etemos|eten|etieron|etió)|\bcommit(?:s|ted)?\s+to\b|\bagreed?\s+to\b|\bacord(?:aron|amos|ó)\b/iu;

// A future tense ("elaborará", "enviarán", "will prepare").
const FUTURE = /(?<![\p{L}])\p{L}{3,}(?:rá|rán)(?![\p{L}])|\bwill\s+\p{L}+/u;

/** Sentences where an actor other than the owners names itself before a verb in the future, with no deadline phrase. */
function followUps(sentences: readonly string[], owners: readonly string[], ctx: PointContext): { sentence: string; owners: string[] }[] {
  const phraseCtx = { lang: ctx.lang, meetingDate: ctx.meetingDate, bodies: ctx.bodies };
  return sentences.flatMap((sentence) => {
    const verb = FUTURE.exec(sentence);
    if (!verb || findDeadlinePhrases(sentence, phraseCtx).length) return [];
    const subject = findActors(sentence.slice(0, verb.index), ctx.names).filter((a) => !a.framed).pop();
    return subject && !owners.includes(subject.actor) ? [{ sentence, owners: [subject.actor] }] : [];
  });
}
