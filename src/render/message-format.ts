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
// - a whole number from 0 to 999, unstyled (a plural's `#`, `{n, number}`), in Spanish and English: its ASCII digits,
//   as ICU writes it there (test/render/message-format.test.ts compares every one). Any other number, style or
//   language goes to Intl.NumberFormat as before.
import { IntlMessageFormat } from 'intl-messageformat';

type Formatters = NonNullable<ConstructorParameters<typeof IntlMessageFormat>[3]>['formatters'] & object;

/** Languages whose numbers 0–999 ICU writes as plain ASCII digits. */
const PLAIN_DIGITS: ReadonlySet<string> = new Set(['es', 'en']);

const made = new Map<string, unknown>();
function once<T>(key: string, make: () => T): T {
  let hit = made.get(key) as T | undefined;
  if (hit === undefined) made.set(key, (hit = make()));
  return hit;
}

const plain = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n < 1000 && !Object.is(n, -0);

/** The formatters every message shares (Intl objects are made once a process for each language and options). */
const FORMATTERS: Formatters = {
  getNumberFormat(locales, options) {
    const key = `number\0${JSON.stringify([locales, options])}`;
    const icu = (): Intl.NumberFormat => once(key, () => new Intl.NumberFormat(locales, options as Intl.NumberFormatOptions | undefined));
    if (options !== undefined || typeof locales !== 'string' || !PLAIN_DIGITS.has(locales)) return icu();
    // (intl-messageformat calls format alone on it.)
    return { format: (n: number | bigint) => (plain(n) ? String(n) : icu().format(n)) } as Intl.NumberFormat;
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
