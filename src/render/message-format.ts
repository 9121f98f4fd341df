// The catalogs' ICU messages (intl-messageformat) without ICU's number data where a message does not need it. The
// process's first Intl.NumberFormat (or Intl.NumberFormat.supportedLocalesOf) loads that data: ~20 ms of CPU, paid by
// every run that prints one message with a parameter — intl-messageformat asks supportedLocalesOf for every message it
// makes, and formats each `#` of a plural through Intl.NumberFormat, so validate's summary line ("ningún problema en
// 37 archivos") paid it for one small count. Intl.PluralRules, which picks the plural's branch, is ~1 ms.
//
// Two answers are given without ICU's number data, each the one ICU gives:
// - the message's locale: for one language tag, intl-messageformat makes an Intl.Locale of the first tag
//   supportedLocalesOf returns, or of the tag itself when none is — the same tag either way (supportedLocalesOf
//   returns the tags asked for that it supports, canonicalised as Intl.Locale canonicalises them);
// - a whole number (0 to Number.MAX_SAFE_INTEGER), unstyled (a plural's `#`, `{n, number}`), in Spanish and English:
//   its ASCII digits, grouped as ICU groups them there — English a ',' every three digits from 1,000, Spanish a '.'
//   every three from 10.000 (CLDR's minimum grouping digits of 2: "3598", "12.345") — test/render/message-format.test.ts
//   compares 0 to 20,000, each power of ten ±10 and random ones up to the largest. Any other number, style or
//   language goes to Intl.NumberFormat as before. (`list commitments` printed "3598 compromisos." through ICU: ~20 ms.)
import { IntlMessageFormat } from 'intl-messageformat';

type Formatters = NonNullable<ConstructorParameters<typeof IntlMessageFormat>[3]>['formatters'] & object;

/** Languages whose whole numbers ICU writes in ASCII digits, and how it groups them: `separator` every three digits
 * when the number has at least `from` digits. */
const PLAIN_DIGITS: ReadonlyMap<string, { readonly separator: string; readonly from: number }> = new Map([
  ['es', { separator: '.', from: 5 }],
  ['en', { separator: ',', from: 4 }],
]);

const made = new Map<string, unknown>();
function once<T>(key: string, make: () => T): T {
  let hit = made.get(key) as T | undefined;
  if (hit === undefined) made.set(key, (hit = make()));
  return hit;
}

const plain = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 && !Object.is(n, -0);

/** A whole number's digits, grouped as ICU groups them in a PLAIN_DIGITS language. */
function grouped(n: number, { separator, from }: { readonly separator: string; readonly from: number }): string {
  const digits = String(n);
  if (digits.length < from) return digits;
  let text = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = text.length; i < digits.length; i += 3) text += separator + digits.slice(i, i + 3);
  return text;
}

/** The formatters every message shares (Intl objects are made once a process for each language and options). */
const FORMATTERS: Formatters = {
  getNumberFormat(locales, options) {
    const key = `number\0${JSON.stringify([locales, options])}`;
    const icu = (): Intl.NumberFormat => once(key, () => new Intl.NumberFormat(locales, options as Intl.NumberFormatOptions | undefined));
    const grouping = options === undefined && typeof locales === 'string' ? PLAIN_DIGITS.get(locales) : undefined;
    if (grouping === undefined) return icu();
    // (intl-messageformat calls format alone on it.)
    return { format: (n: number | bigint) => (plain(n) ? grouped(n, grouping) : icu().format(n)) } as Intl.NumberFormat;
  },
  getDateTimeFormat: (...args) => once(`date\0${JSON.stringify(args)}`, () => new Intl.DateTimeFormat(...args)),
  getPluralRules: (...args) => once(`plural\0${JSON.stringify(args)}`, () => new Intl.PluralRules(...args)),
};

const icuResolveLocale = IntlMessageFormat.resolveLocale;
// (A static that the constructor calls by the class's name: a subclass's would not be asked.)
IntlMessageFormat.resolveLocale = (locales) => (typeof locales === 'string' && typeof Intl.Locale === 'function' ? new Intl.Locale(locales) : icuResolveLocale(locales));

/** An ICU message of a catalog, in its language. */
export function messageFormat(text: string, lang: string): IntlMessageFormat {
  return new IntlMessageFormat(text, lang, undefined, { formatters: FORMATTERS });
}
