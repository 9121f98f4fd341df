// Cardinal numbers written in words, Spanish and English ("sesenta", "cuarenta y cinco", "one hundred twenty") → numbers.
// No well-kept library reads Spanish number words (n2words writes them: the tests use it to check this one).

const WORDS: Readonly<Record<string, number>> = {
  // Spanish
  un: 1, uno: 1, una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10,
  once: 11, doce: 12, trece: 13, catorce: 14, quince: 15, dieciséis: 16, diecisiete: 17, dieciocho: 18, diecinueve: 19,
  veinte: 20, veintiún: 21, veintiuno: 21, veintiuna: 21, veintidós: 22, veintitrés: 23, veinticuatro: 24, veinticinco: 25,
  veintiséis: 26, veintisiete: 27, veintiocho: 28, veintinueve: 29, treinta: 30, cuarenta: 40, cincuenta: 50,
  sesenta: 60, setenta: 70, ochenta: 80, noventa: 90, cien: 100, ciento: 100, doscientos: 200, trescientos: 300,
  cuatrocientos: 400, quinientos: 500, seiscientos: 600, setecientos: 700, ochocientos: 800, novecientos: 900,
  // written without their accent, as they often are
  dieciseis: 16, veintiun: 21, veintidos: 22, veintitres: 23, veintiseis: 26,
  // English
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const HUNDRED = new Set(['hundred']);
const THOUSAND = new Set(['mil', 'thousand']);
const JOINERS = new Set(['y', 'and']);

/** A regex source matching one number in digits or words (the reader checks the words with readNumber). */
const WORD_SOURCE = [...Object.keys(WORDS), 'hundred', 'mil', 'thousand'].sort((a, b) => b.length - a.length).join('|');
export const NUMBER_SOURCE = `(?:\\d{1,4}|(?:${WORD_SOURCE})(?:[\\s-]+(?:(?:y|and)[\\s-]+)?(?:${WORD_SOURCE}))*)`;

/** Digits or number words → the number; undefined when the words do not make one number. */
export function readNumber(text: string): number | undefined {
  const trimmed = text.trim().toLowerCase();
  if (/^\d{1,4}$/.test(trimmed)) return Number(trimmed);
  let total = 0;
  let group = 0;
  let seen = false;
  for (const word of trimmed.split(/[\s-]+/)) {
    if (JOINERS.has(word)) continue;
    if (HUNDRED.has(word)) group = (group || 1) * 100;
    else if (THOUSAND.has(word)) [total, group] = [total + (group || 1) * 1000, 0];
    else if (Object.hasOwn(WORDS, word)) group += WORDS[word] ?? 0;
    else return undefined;
    seen = true;
  }
  return seen ? total + group : undefined;
}
