// acta new meeting|plan: write a valid skeleton record named by its id, with the editor's schema modeline.
import path from 'node:path';
import { isRealDate } from '../core/dates.js';
import { formatRecordText } from '../core/format/format.js';
import { keyOrderFor } from '../core/format/key-order.js';
import { fillTemplate } from '../core/format/scaffold.js';
import type { Setting } from '../core/format/scaffold.js';
import type { Lang } from '../core/model.js';
import { parseRecordFile } from '../core/read/index.js';
import { checkRecords } from '../core/pipeline.js';
import type { Diagnostic } from '../core/diagnostics.js';
import { say } from '../core/diagnostics.js';
import { registryEntry } from '../core/registry-entry.js';
import { SaidError, UsageError } from '../io/files.js';
import { shownFromCwd } from '../io/runtime.js';
import { loadRepository, schemaValidator } from '../io/load.js';
import { findSchemasFolder, readTemplate, schemaPathFrom } from '../io/scaffold.js';
import { readSchemas } from '../io/schemas.js';
import { makeFolder, writeFileAtomic } from '../io/write.js';
import { nearestChoice } from './choices.js';
import { diagnosticText } from '../render/diagnostic-text.js';
import { t } from '../render/catalog.js';
import { badDate, refuseRev, resolveLang, resolveRoot } from './context.js';
import type { GlobalOptions, Outcome } from './outcome.js';
import { existsSync } from 'node:fs';
import { ID_FORM, MEETING_ID_FORM } from '../core/id-forms.js';

export interface NewOptions extends GlobalOptions {
  readonly body?: string;
  readonly date?: string;
  readonly end?: string;
  readonly place?: string;
  readonly country?: string;
  readonly ordinal?: string;
  readonly session?: string;
  readonly title?: string;
  readonly source?: string;
  readonly period?: string;
  readonly id?: string;
}

interface Skeleton {
  readonly id: string;
  readonly folder: 'meetings' | 'plans';
  readonly settings: readonly Setting[];
}

// The skeleton speaks the officer's language (--lang): its guiding comments (templates/new/es/ in Spanish) and its
// "TODO: …" placeholders, which say what goes where until the source's words replace them.
interface Placeholders { readonly source: string; readonly planTitle: string; readonly axis: string; readonly objective: string; readonly result: string; readonly activity: string }
const PLACEHOLDERS: Readonly<Record<Lang, Placeholders>> = {
  en: { source: "TODO: the adopted report's file name or reference", planTitle: "TODO: the plan's title", axis: "TODO: the axis's title", objective: 'TODO: the strategic objective', result: 'TODO: the expected result', activity: 'TODO: the activity, word for word' },
  es: { source: 'TODO: el nombre de archivo o la referencia del informe adoptado', planTitle: 'TODO: el título del plan', axis: 'TODO: el título del eje', objective: 'TODO: el objetivo estratégico', result: 'TODO: el resultado esperado', activity: 'TODO: la actividad, palabra por palabra' },
};
// The plan skeleton's placeholder texts, set in the records' authentic language (the template writes them `es`).
const PLAN_TEXTS: readonly (readonly [readonly (string | number)[], keyof Placeholders])[] = [
  [['axes', 0, 'title'], 'axis'],
  [['axes', 0, 'objectives', 0, 'text'], 'objective'],
  [['axes', 0, 'objectives', 0, 'results', 0, 'text'], 'result'],
  [['axes', 0, 'objectives', 0, 'results', 0, 'activities', 0, 'text'], 'activity'],
];

export async function runNew(args: readonly string[], options: NewOptions): Promise<Outcome> {
  const [kind] = args;
  if (kind !== 'meeting' && kind !== 'plan') throw new SaidError(say('usage.newWhat', { suggestion: nearestChoice(kind ?? '', ['meeting', 'plan']) }));
  refuseRev(options, 'new');
  const root = await resolveRoot(options);
  const repo = await loadRepository(root);
  const lang = resolveLang(options, repo.records.config.lang ?? 'es');
  // The skeleton's texts (--title, the placeholders) are the source's own words: the records' authentic language, not
  // the one acta speaks in (a `--lang en` title in a Spanish repository would be a translation with no original).
  const authentic = repo.records.config.authentic ?? 'es';
  const skeleton = kind === 'meeting' ? meetingSkeleton(options, authentic, PLACEHOLDERS[lang]) : planSkeleton(options, authentic, PLACEHOLDERS[lang]);
  const file = `${skeleton.folder}/${skeleton.id}.yaml`;
  if (existsSync(path.join(root, file))) throw new UsageError(t(lang, 'refusals.alreadyExists', { file, command: 'new', stdout: 'no' }));
  const schemaPath = schemaPathFrom(path.join(root, file), findSchemasFolder(root), `${kind}.schema.json`);
  const formatted = formatRecordText(fillTemplate(readTemplate(lang === 'es' ? `new/es/${kind}.yaml` : `new/${kind}.yaml`), skeleton.settings, schemaPath), keyOrderFor(readSchemas(), kind));
  if (!formatted.ok) throw new Error(`the ${kind} template did not format: ${JSON.stringify(formatted.reason)}`);
  const parsed = parseRecordFile(file, Buffer.from(formatted.text, 'utf8'));
  const checked = checkRecords([...repo.records.files, parsed], schemaValidator());
  const errors = checked.diagnostics.filter((d) => d.file === file && d.severity === 'error');
  if (errors.length) throw new UsageError(`${t(lang, 'newRecord.invalid', { kind })}\n${errors.map((d) => explain(d, root, lang)).join('\n')}`);
  await makeFolder(root, skeleton.folder);
  await writeFileAtomic(root, file, formatted.text, { exclusive: true });
  const shown = shownFromCwd(path.join(root, file));
  return { stdout: `${t(lang, 'newRecord.created', { file: shown })}\n${t(lang, 'newRecord.next', { kind })}\n`, exitCode: 0 };
}

function meetingSkeleton(o: NewOptions, textLang: Lang, todo: Placeholders): Skeleton {
  const body = required(o.body, '--body', 'meetingBody');
  const date = required(o.date, '--date', 'meetingDate');
  if (!ID_FORM.test(body)) throw new SaidError(say('usage.badBodyId', { value: JSON.stringify(body) }));
  for (const [flag, d] of [['--date', date], ['--end', o.end]] as const) if (d !== undefined && !isRealDate(d)) throw new SaidError(badDate(flag, JSON.stringify(d)));
  const id = o.id ?? `${date}-${body}`;
  if (!MEETING_ID_FORM.test(id)) throw new SaidError(say('usage.badMeetingId', { value: JSON.stringify(id) }));
  const ordinal = o.ordinal === undefined ? undefined : Number(o.ordinal);
  if (ordinal !== undefined && !(Number.isInteger(ordinal) && ordinal >= 1 && ordinal <= 1000)) throw new SaidError(say('usage.badOrdinal', { value: JSON.stringify(o.ordinal) }));
  const place = o.place !== undefined || o.country !== undefined ? { ...(o.place !== undefined ? { city: o.place } : {}), ...(o.country !== undefined ? { country: o.country } : {}) } : undefined;
  return {
    id,
    folder: 'meetings',
    settings: [
      [['id'], id],
      [['body'], body],
      [['ordinal'], ordinal],
      [['session'], o.session],
      [['title'], o.title === undefined ? undefined : { [textLang]: o.title }],
      [['dates'], { start: date, ...(o.end !== undefined && o.end !== date ? { end: o.end } : {}) }],
      [['place'], place],
      [['source', 'document'], o.source ?? todo.source],
    ],
  };
}

function planSkeleton(o: NewOptions, textLang: Lang, todo: Placeholders): Skeleton {
  const body = required(o.body, '--body', 'planBody');
  const period = required(o.period, '--period', 'planPeriod');
  const m = /^([0-9]{4})-([0-9]{4})$/.exec(period);
  if (!m || Number(m[2]) < Number(m[1]) || Number(m[2]) - Number(m[1]) > 19) throw new SaidError(say('usage.badPlanYears', { value: JSON.stringify(period) }));
  if (!ID_FORM.test(body)) throw new SaidError(say('usage.badBodyId', { value: JSON.stringify(body) }));
  const [start, end] = [m[1]!, m[2]!];
  const id = o.id ?? `${start}-${end}-${body}`;
  if (!ID_FORM.test(id)) throw new SaidError(say('usage.badPlanId', { value: JSON.stringify(id) }));
  const columns = Array.from({ length: Number(end) - Number(start) + 1 }, (_, i) => String(Number(start) + i));
  return {
    id,
    folder: 'plans',
    settings: [
      [['id'], id],
      [['body'], body],
      [['title'], { [textLang]: o.title ?? todo.planTitle }],
      ...PLAN_TEXTS.map(([at, what]): Setting => [at, { [textLang]: todo[what] }]),
      [['period'], { start, end }],
      [['columns'], columns],
      [['source', 'document'], o.source ?? todo.source],
    ],
  };
}

/** One refusal line; an unknown body also names the registry file and the entry to add to it. */
function explain(d: Diagnostic, root: string, lang: string): string {
  const { message, hint } = diagnosticText(d, lang);
  const body = d.code === 'ref/unknown-body' ? d.params['value'] : undefined;
  if (typeof body !== 'string') return `  ${message}${hint ? ` — ${hint}` : ''}`;
  const entry = registryEntry('bodies', body);
  return [`  ${t(lang, 'newRecord.addBody', { message, file: shownFromCwd(path.join(root, entry.file)) })}`, ...entry.lines.map((l) => `  ${l}`)].join('\n');
}

/** What a missing option of `acta new` names (the catalog's usage.newRequired says it with an example). */
type Needed = 'meetingBody' | 'meetingDate' | 'planBody' | 'planPeriod';

function required(value: string | undefined, flag: string, what: Needed): string {
  if (value === undefined || value === '') throw new SaidError(say('usage.newRequired', { flag, what }));
  return value;
}
