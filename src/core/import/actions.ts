// The opening verb of a point → its action (schema: meeting.schema.json#/$defs/action). A table, most specific first.
import type { Action } from '../model.js';

const VERBS: readonly (readonly [RegExp, Action])[] = [
  // The operative verbs of resolutions ("RECONOCIENDO …", "EXPRESA su agradecimiento …", "SOLICITA al Comité …").
  [/^(?:expres(?:a|an|ando|ar)|manifest(?:a|an|ando|ar))\s+(?:su|sus)\s+(?:agradecimiento|gratitud|reconocimiento)|^express(?:es|ing)?\s+(?:its|their)\s+(?:appreciation|gratitude|thanks)/i, 'thank'],
  [/^(?:expres(?:a|an|ando|ar)|manifest(?:a|an|ando|ar))\s+(?:su\s+)?satisfacción|^express(?:es|ing)?\s+(?:its\s+|their\s+)?satisfaction/i, 'welcome'],
  [/^reconociendo\b|^recogni[sz]ing\b|^acknowledging\b/i, 'acknowledge'],
  [/^reafirmando\b|^reafirma\b|^reaffirming\b|^reaffirms\b/i, 'reaffirm'],
  [/^tomando\s+nota|^toma\s+nota|^taking\s+note|^takes\s+note/i, 'take-note'],
  [/^solicita\b|^pide\b|^requests\b/i, 'request'],
  [/^encomienda\b|^encarga\b|^entrusts\b/i, 'entrust'],
  [/^recomienda\b|^recommends\b/i, 'recommend'],
  [/^acoge\s+con\s+beneplácito|^welcomes\b/i, 'welcome'],
  [/^(?:que\s+)?se\s+(?:lleve\s+a\s+cabo|realice|organice|celebre)\b|^llevar\s+a\s+cabo\s+(?:un|una)\s/i, 'organise'],
  [/^recibir con beneplácito|^acoger con beneplácito|^saludar\b|^welcome/i, 'welcome'],
  [/^tomar (?:debida )?nota|^take (?:due )?note|^make note/i, 'take-note'],
  [/^agradecer|^agradecen\b|^agradecemos\b|^thank/i, 'thank'],
  [/^reconocer|^reconocen\b|^reconocemos\b|^acknowledge|^recogni[sz]e/i, 'acknowledge'],
  [/^reafirmar|^reafirman\b|^reafirmamos\b|^reaffirm|^reiterate/i, 'reaffirm'],
  [/^solicitar|^pedir|^request|^instar\b|^exhortar\b|^invitar\b|^urge\b|^encourage\b|^ask\b|^invite\b|^call\s+(?:up)?on\b/i, 'request'],
  [/^encomendar|^encargar|^entrust/i, 'entrust'],
  [/^recomendar|^recommend/i, 'recommend'],
  // Suggesting to a body ("Sugerir al GRCM") is a recommendation to it (draft-meeting.ts reads the addressee).
  [/^sugerir\s+(?:al|a\s+la|a\s+los|a)\s|^suggest\s+to\s/i, 'recommend'],
  [/^sugerir|^suggest/i, 'suggest'],
  [/^enviar|^remitir|^send/i, 'send'],
  [/^organizar|^realizar un taller|^organi[sz]e/i, 'organise'],
  [/^convocar|^convene/i, 'convene'],
  [/^designar|^nombrar|^designate/i, 'designate'],
  [/^establecer|^constituir|^crear|^conformar|^establish/i, 'establish'],
  [/^considerar\b|^consider\b/i, 'consider'],
  [/^circular|^circulate/i, 'circulate'],
  [/^coordinar|^coordinate/i, 'coordinate'],
  [/^compartir|^share/i, 'share'],
  [/^informar|^inform/i, 'inform'],
];

// A verb conjugated after its subject ("La ST circulará", "Los Países Miembros solicitaron", "Se solicita"):
// what a country did or said at the meeting (past) is informational; what someone will do is its commitment.
const CONJUGATED: readonly (readonly [RegExp, Action])[] = [
  [/^(?:reafirm(?:ó|aron)|reaffirmed)$/i, 'reaffirm'],
  [/^(?:reconoci(?:ó|eron)|recogni[sz]ed|acknowledged)$/i, 'acknowledge'],
  [/^(?:agradeci(?:ó|eron)|thanked)$/i, 'thank'],
  [/^(?:inform(?:ó|aron|a|an)|present(?:ó|aron)|compart(?:ió|ieron)|expres(?:ó|aron)|inform(?:ed|s)|presented|shared)$/i, 'inform'],
  // Someone at the meeting asked (past or present) → informational; "solicitará" is what they will do.
  [/^(?:solicit(?:ó|aron|a|an)|request(?:ed|s)|asked)$/i, 'inform'],
  [/^(?:solicit(?:ará|arán)|will request)$/i, 'request'],
  [/^(?:enviar(?:á|án)|remitir(?:á|án)|will send)$/i, 'send'],
  [/^(?:circular(?:á|án)|circulates?)$/i, 'circulate'],
  [/^(?:compartir(?:á|án))$/i, 'share'],
  [/^(?:organizar(?:á|án)|apoyar(?:á|án) la organización)$/i, 'organise'],
  [/^(?:coordinar(?:á|án))$/i, 'coordinate'],
  [/^(?:profundizar(?:á|án)|realizar(?:á|án)|elaborar(?:á|án))$/i, 'undertake'],
];
// Infinitives that name an action of their own kind, less common than the table above.
const MORE: readonly (readonly [RegExp, Action])[] = [
  [/^(?:concertar|taller|seminario|workshop|seminar)\b/i, 'organise'],
  [/^que se (?:constituya|establezca|cree|conforme)\b/i, 'establish'],
  [/^(?:diseminar|difundir)\b/i, 'circulate'],
  [/^(?:capacitar|impulsar|promover|elaborar|desarrollar)\b/i, 'undertake'],
];

/** The action its first words name, or undefined: an opening infinitive, else a verb conjugated after its subject. */
export function readAction(text: string): Action | undefined {
  // "To thank …", "We reaffirm …": the infinitive marker and the speaking subject of English declarations.
  const start = text.trimStart().replace(/^(?:to|we)\s+/i, '');
  for (const [re, action] of [...VERBS, ...MORE]) if (re.test(start)) return action;
  // "Sobre la propuesta de …, Costa Rica informó": the verb is in the clause after the topic.
  const topic = /^(?:sobre|en relación (?:con|a)|respecto (?:a|de)|con respecto a|en cuanto a|regarding|concerning|on)\b/i.test(start);
  // "Con el propósito de …; recomendar que …": the verb comes after the purpose.
  const purpose = /^(?:con el (?:propósito|fin|objeto) de|a fin de|in order to)\b/i.exec(start) ? /[;,]\s*/.exec(start) : null;
  if (purpose) {
    const after = start.slice(purpose.index + purpose[0].length);
    for (const [re, action] of [...VERBS, ...MORE]) if (re.test(after)) return action;
  }
  const clause = topic && start.includes(',') ? start.slice(start.indexOf(',') + 1) : start;
  const words = clause.trimStart().split(/\s+/).slice(0, 14).map((w) => w.replace(/[^\p{L}]/gu, ''));
  for (const [i, w] of words.entries()) {
    // A capitalised word is a name or a title ("a Shared Responsibility"), not the verb of a clause.
    if (i > 0 && /^\p{Lu}/u.test(w)) continue;
    for (const [re, action] of CONJUGATED) {
      // "Se solicita a los Países Miembros …": the impersonal form is the body's own request, not a report of one.
      if (re.test(w)) return action === 'inform' && /^solicit/i.test(w) && words[i - 1]?.toLowerCase() === 'se' ? 'request' : action;
    }
  }
  return undefined;
}
