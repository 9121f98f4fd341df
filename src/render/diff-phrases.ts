// One sentence per change of a semantic diff, in Spanish or English: "agreement 6 of the 2017-03-16-red-nna meeting:
// status pending → done". Plain strings; the formatters escape them for their medium.
import type { Lang } from '../core/model.js';
import type { Change } from '../core/diff/types.js';
import type { DeadlineWhen } from '../core/diff/types.js';

export interface Phrase {
  /** Where: "agreement 6 of the 2017-03-16-red-nna meeting". */
  readonly subject: string;
  /** What, after the subject. */
  readonly text: string;
}

const t = (lang: Lang, en: string, es: string): string => (lang === 'es' ? es : en);

const PART_NAMES: Record<string, [string, string]> = {
  agreement: ['agreement', 'acuerdo'],
  activity: ['activity', 'actividad'],
  axis: ['axis', 'eje'],
  objective: ['objective', 'objetivo'],
  result: ['result', 'resultado'],
  entry: ['entry', 'entrada'],
};

export function subjectOf(c: Change, lang: Lang): string {
  const record = recordName(c, lang);
  if (c.part === undefined) return record;
  const [en, es] = PART_NAMES[c.partKind ?? 'entry'] ?? ['part', 'parte'];
  const step = c.step !== undefined && !c.field?.startsWith('commitment.schedule') ? t(lang, `, step ${c.step}`, `, paso ${c.step}`) : '';
  const occurrence = c.occurrence !== undefined ? t(lang, `, ${c.occurrence} occurrence`, `, ocurrencia ${c.occurrence}`) : '';
  if (c.recordKind === 'registry') return `${c.record}: ${c.part}`;
  return t(lang, `${en} ${c.part} of ${record.replace(/^meeting (.*)$/, 'the $1 meeting')}${step}${occurrence}`, `${es} ${c.part} ${record.replace(/^reunión /, 'de la reunión ').replace(/^plan /, 'del plan ')}${step}${occurrence}`);
}

function recordName(c: Change, lang: Lang): string {
  switch (c.recordKind) {
    case 'meeting':
      return t(lang, `meeting ${c.record}`, `reunión ${c.record}`);
    case 'plan':
      return `plan ${c.record}`;
    case 'registry':
      return t(lang, `registry ${c.record}`, `registro ${c.record}`);
    default:
      return c.file;
  }
}

const STATUS_ES: Record<string, string> = {
  pending: 'pendiente',
  'in-progress': 'en curso',
  done: 'cumplido',
  partial: 'parcial',
  'no-information': 'sin información',
  'not-applicable': 'no aplica',
  superseded: 'sustituido',
  cancelled: 'cancelado',
};

export function statusName(s: string | undefined, lang: Lang): string {
  if (s === undefined) return t(lang, '(none)', '(ninguno)');
  return lang === 'es' ? (STATUS_ES[s] ?? s) : s;
}

export function deadlineName(d: DeadlineWhen | undefined, lang: Lang): string {
  if (!d) return t(lang, '(none)', '(ninguno)');
  if (d.due !== undefined) return d.from || d.until ? `${d.due} (${d.from ?? '…'}–${d.until ?? '…'})` : d.due;
  if (d.within !== undefined) return t(lang, `within ${d.within} days of the meeting`, `en un plazo de ${d.within} días desde la reunión`);
  const body = d.event?.body ?? '?';
  return d.event?.relation === 'before' ? t(lang, `before the next ${body} meeting`, `antes de la próxima reunión de ${body}`) : t(lang, `at the next ${body} meeting`, `en la próxima reunión de ${body}`);
}

/** A value in one short line: scalars as they are, lists as [a, b], mappings as {k: v}. */
export function valueName(v: unknown, max = 80): string {
  const s = typeof v === 'string' ? v : v === undefined ? '∅' : compact(v);
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

function compact(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(compact).join(', ')}]`;
  if (v !== null && typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${k}: ${compact(x)}`).join(', ')}}`;
  return String(v);
}

const LANG_NAMES: Record<string, [string, string]> = { es: ['Spanish', 'español'], en: ['English', 'inglés'] };

function langOf(field: string | undefined, lang: Lang): string {
  const code = field?.split('.').pop() ?? '';
  const names = LANG_NAMES[code];
  return names ? (lang === 'es' ? names[1] : names[0]) : code;
}

function fieldChange(c: Change, lang: Lang): string {
  const field = c.field ?? '';
  if ((c.added || c.removed) && [...(c.added ?? []), ...(c.removed ?? [])].some((x) => x !== null && typeof x === 'object')) {
    const [added, removed] = [c.added?.length ?? 0, c.removed?.length ?? 0];
    return t(lang, `${field}: ${added} added, ${removed} removed`, `${field}: ${added} añadidas, ${removed} eliminadas`);
  }
  if (c.added || c.removed) {
    const parts = [...(c.added ?? []).map((x) => `+${valueName(x, 40)}`), ...(c.removed ?? []).map((x) => `−${valueName(x, 40)}`)];
    return parts.length ? `${field} ${parts.join(' ')}` : t(lang, `${field} reordered`, `${field} reordenado`);
  }
  if (c.words) return t(lang, `${field} edited`, `${field} editado`);
  if (c.before === undefined) return t(lang, `${field} set to ${valueName(c.after)}`, `${field} fijado en ${valueName(c.after)}`);
  if (c.after === undefined) return t(lang, `${field} removed (was ${valueName(c.before)})`, `${field} eliminado (era ${valueName(c.before)})`);
  return `${field} ${valueName(c.before)} → ${valueName(c.after)}`;
}

export function phrase(c: Change, lang: Lang): Phrase {
  return { subject: subjectOf(c, lang), text: changeText(c, lang) };
}

function changeText(c: Change, lang: Lang): string {
  const date = c.summary ?? '';
  const g = c.recordKind === 'meeting' ? 'a' : 'o';
  switch (c.kind) {
    case 'record-added':
      return t(lang, `added (${c.summary})`, `añadid${g} (${c.summary})`);
    case 'record-removed':
      return t(lang, `removed (${c.summary})`, `eliminad${g} (${c.summary})`);
    case 'record-moved':
      return t(lang, `moved from ${valueName(c.before)} to ${valueName(c.after)}`, `movid${g} de ${valueName(c.before)} a ${valueName(c.after)}`);
    case 'file-unreadable':
      return c.revision === undefined
        ? t(lang, `can no longer be read as a record: ${c.summary}`, `ya no puede leerse como registro: ${c.summary}`)
        : t(lang, `could not be read at ${c.revision}: ${c.summary}`, `no pudo leerse en ${c.revision}: ${c.summary}`);
    case 'part-added':
    case 'entry-added':
      return t(lang, 'added', 'añadido');
    case 'part-removed':
    case 'entry-removed':
      return t(lang, 'removed', 'eliminado');
    case 'part-renumbered':
      return t(lang, `renumbered ${valueName(c.before)} → ${valueName(c.after)}`, `renumerado ${valueName(c.before)} → ${valueName(c.after)}`);
    case 'text-edited':
      if (c.after === undefined) return t(lang, `adopted text (${langOf(c.field, lang)}) was removed`, `el texto adoptado (${langOf(c.field, lang)}) fue eliminado`);
      return t(lang, `adopted text (${langOf(c.field, lang)}) was edited`, `el texto adoptado (${langOf(c.field, lang)}) fue editado`);
    case 'translation-added':
      return t(lang, `${langOf(c.field, lang)} translation added`, `traducción al ${langOf(c.field, lang)} añadida`);
    case 'translation-edited':
      return t(lang, `${langOf(c.field, lang)} translation edited (not adopted text)`, `traducción al ${langOf(c.field, lang)} editada (no es texto adoptado)`);
    case 'followup-added':
      return followupAdded(c, lang, date);
    case 'followup-changed': {
      const status = c.status?.before !== c.status?.after ? ` (status ${statusName(c.status?.before, lang)} → ${statusName(c.status?.after, lang)})` : '';
      return t(lang, `follow-up of ${date} was changed${status}`, `el seguimiento del ${date} fue modificado${status.replace('status', 'estado')}`);
    }
    case 'followup-removed':
      return t(lang, `follow-up of ${date} was removed`, `el seguimiento del ${date} fue eliminado`);
    case 'deadline-moved':
      return deadlineMoved(c, lang);
    default:
      return fieldChange(c, lang);
  }
}

function followupAdded(c: Change, lang: Lang, date: string): string {
  const parts: string[] = [];
  if (!c.status) {
    // An extension without a status: only the deadline changed.
  } else if (c.status.before !== c.status.after) parts.push(t(lang, `status ${statusName(c.status?.before, lang)} → ${statusName(c.status?.after, lang)}`, `estado ${statusName(c.status?.before, lang)} → ${statusName(c.status?.after, lang)}`));
  else parts.push(t(lang, `follow-up added (status ${statusName(c.status?.after, lang)})`, `seguimiento añadido (estado ${statusName(c.status?.after, lang)})`));
  const entry = c.after !== null && typeof c.after === 'object' ? (c.after as { delivered_by?: unknown; evidence?: unknown }) : {};
  if (Array.isArray(entry.delivered_by) && entry.delivered_by.length) parts.push(t(lang, `delivered by ${entry.delivered_by.map(String).join(', ')}`, `entregado por ${entry.delivered_by.map(String).join(', ')}`));
  const evidence = evidenceName(entry.evidence);
  if (evidence) parts.push(t(lang, `evidence: ${evidence}`, `evidencia: ${evidence}`));
  if (c.deadline) parts.push(t(lang, `deadline extended ${deadlineName(c.deadline.before, lang)} → ${deadlineName(c.deadline.after, lang)}`, `plazo prorrogado ${deadlineName(c.deadline.before, lang)} → ${deadlineName(c.deadline.after, lang)}`));
  return `${parts.join('; ')} ${t(lang, `(follow-up of ${date})`, `(seguimiento del ${date})`)}`;
}

// The evidence of a follow-up entry: its link, record or document, in that order, as written.
function evidenceName(evidence: unknown): string | undefined {
  if (evidence === null || typeof evidence !== 'object') return undefined;
  const e = evidence as { url?: unknown; record?: unknown; document?: unknown };
  const parts = [e.url, e.record, e.document].filter((x): x is string => typeof x === 'string' && x !== '');
  return parts.length ? parts.map((x) => valueName(x)).join(', ') : undefined;
}

function deadlineMoved(c: Change, lang: Lang): string {
  const schedule = c.field?.startsWith('schedule.');
  const where = schedule ? t(lang, `schedule ${c.field!.slice(9)}`, `cronograma ${c.field!.slice(9)}`) : c.step !== undefined ? t(lang, `deadline of step ${c.step}`, `plazo del paso ${c.step}`) : t(lang, 'deadline', 'plazo');
  const name = (v: unknown): string => (schedule ? valueName(v) : deadlineName(v as DeadlineWhen | undefined, lang));
  if (c.after === undefined) return t(lang, `${where} removed (was ${name(c.before)})`, `${where} eliminado (era ${name(c.before)})`);
  return t(lang, `${where} moved ${name(c.before)} → ${name(c.after)}`, `${where} movido ${name(c.before)} → ${name(c.after)}`);
}
