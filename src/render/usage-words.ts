// Commander's own refusals in the officer's language. Commander words them in English and throws a CommanderError
// with a code (exitOverride); acta says them again from the catalogs (locales/*/commands.yaml usage.*), by that code,
// with what commander named: the word, the option, the counts. A refusal of a code or wording not known here is shown
// as commander worded it (less its "error: "), never lost.
import { t } from './catalog.js';

export interface CommanderRefusal {
  readonly code: string;
  readonly message: string;
}

// commander's suggestSimilar: "\n(Did you mean --actor?)" or "\n(Did you mean one of --a, --b?)".
const SUGGESTION = /\n\(Did you mean (one of )?(.*)\?\)$/s;

/** The refusal in `lang`, without acta's prefix: "opción desconocida: --actr\n(¿quiso decir --actor?)". */
export function commanderRefusal(e: CommanderRefusal, lang: string): string {
  const english = e.message.replace(/^error: /, '');
  const suggestion = SUGGESTION.exec(english);
  const body = suggestion ? english.slice(0, suggestion.index) : english;
  const said = sayAgain(e.code, body, lang);
  if (said === undefined) return english;
  return suggestion ? said + t(lang, suggestion[1] ? 'usage.didYouMeanOneOf' : 'usage.didYouMean', { names: suggestion[2]! }) : said;
}

function sayAgain(code: string, body: string, lang: string): string | undefined {
  let m: RegExpExecArray | null;
  switch (code) {
    case 'commander.unknownCommand':
      return (m = /^unknown command '(.*)'$/s.exec(body)) ? t(lang, 'usage.unknownCommand', { command: m[1]! }) : undefined;
    case 'commander.unknownOption':
      return (m = /^unknown option '(.*)'$/s.exec(body)) ? t(lang, 'usage.unknownOption', { option: m[1]! }) : undefined;
    case 'commander.missingArgument':
      return (m = /^missing required argument '(.*)'$/s.exec(body)) ? t(lang, 'usage.missingArgument', { argument: m[1]! }) : undefined;
    case 'commander.optionMissingArgument':
      return (m = /^option '(.*)' argument missing$/s.exec(body)) ? t(lang, 'usage.optionMissingArgument', { option: m[1]! }) : undefined;
    case 'commander.missingMandatoryOptionValue':
      return (m = /^required option '(.*)' not specified$/s.exec(body)) ? t(lang, 'usage.mandatoryOption', { option: m[1]! }) : undefined;
    case 'commander.excessArguments':
      return (m = /^too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/s.exec(body)) ? t(lang, 'usage.excessArguments', { command: m[1] ?? 'none', expected: Number(m[2]), got: Number(m[3]) }) : undefined;
    default:
      return undefined;
  }
}
