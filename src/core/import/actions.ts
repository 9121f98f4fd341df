// The opening verb of a point → its action (schema: meeting.schema.json#/$defs/action). A table, most specific first.
import type { Action } from '../model.js';

const VERBS: readonly (readonly [RegExp, Action])[] = [
  [/^recibir con beneplácito|^acoger con beneplácito|^saludar\b|^welcome/i, 'welcome'],
  [/^tomar (?:debida )?nota|^take note/i, 'take-note'],
  [/^agradecer|^thank/i, 'thank'],
  [/^reconocer|^acknowledge/i, 'acknowledge'],
  [/^reafirmar|^reaffirm/i, 'reaffirm'],
  [/^solicitar|^pedir|^request/i, 'request'],
  [/^encomendar|^encargar|^entrust/i, 'entrust'],
  [/^recomendar|^recommend/i, 'recommend'],
  [/^sugerir|^suggest/i, 'suggest'],
  [/^enviar|^remitir|^send/i, 'send'],
  [/^organizar|^realizar un taller|^organi[sz]e/i, 'organise'],
  [/^convocar|^convene/i, 'convene'],
  [/^designar|^nombrar|^designate/i, 'designate'],
  [/^establecer|^constituir|^crear|^conformar|^establish/i, 'establish'],
  [/^considerar|^consider/i, 'consider'],
  [/^circular|^circulate/i, 'circulate'],
  [/^coordinar|^coordinate/i, 'coordinate'],
  [/^compartir|^share/i, 'share'],
  [/^informar|^inform/i, 'inform'],
];

/** The action its first words name, or undefined. "Informó" after a subject ("Costa Rica informó") reads as inform. */
export function readAction(text: string): Action | undefined {
  const start = text.trimStart();
  for (const [re, action] of VERBS) if (re.test(start)) return action;
  const head = start.split(/\s+/).slice(0, 8).join(' ');
  if (/(?<!\p{L})(?:inform(?:ó|aron|a)|present(?:ó|aron)|informed|presented)(?!\p{L})/iu.test(head)) return 'inform';
  return undefined;
}
