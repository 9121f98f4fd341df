// The words of --help in the officer's language: each command's summary, its options' and arguments' descriptions, the
// examples' explanations and commander's own headings ("Usage:", "Options:"), from the catalog (locales/*/help.yaml).
// The registry (src/commands/index.ts) keeps the English as the declaration; what --help shows comes from here.
import { message } from './catalog.js';

export interface HelpWords {
  readonly lang: string;
  /** help.<key> in the language, or undefined when the catalog has no such message. */
  readonly say: (key: string) => string | undefined;
  /** commander's heading ("Usage:", "Global Options:") in the language; others as they are. */
  readonly title: (heading: string) => string;
}

const TITLES: Readonly<Record<string, string>> = { 'Usage:': 'usage', 'Options:': 'options', 'Global Options:': 'globalOptions', 'Arguments:': 'arguments', 'Commands:': 'commands', 'Examples:': 'examples' };

export function helpWords(lang: string): HelpWords {
  const say = (key: string): string | undefined => message(lang, `help.${key}`);
  return { lang, say, title: (heading) => (TITLES[heading] !== undefined ? (say(`titles.${TITLES[heading]}`) ?? heading) : heading) };
}
