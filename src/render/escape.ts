// Output escaping for record text: terminals, GitHub workflow commands. (HTML escaping is Handlebars'; CSV and ICS have their own.)

// C0/C1 controls (but tab and newline), DEL, bidi overrides and isolates, line/paragraph separators.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/** Safe to print on a terminal or in a CI log: no escape sequences, no carriage returns, no bidi tricks. */
export function terminalSafe(s: string): string {
  return s.replace(UNSAFE, (c) => (c === '\r' ? '' : '\uFFFD'));
}

/** One line, safe: also folds newlines and tabs to spaces. */
export function oneLine(s: string): string {
  return terminalSafe(s).replace(/[\n\t]+/g, ' ');
}

/** Escape data of a GitHub workflow command (the message part). */
export function githubData(s: string): string {
  return terminalSafe(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escape a property value of a GitHub workflow command (file=, title=). */
export function githubProperty(s: string): string {
  return githubData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
