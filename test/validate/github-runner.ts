// Test-only: how the GitHub Actions runner reads a step's output for workflow commands, ported line by line from
// actions/runner (commit 258d6c8): src/Runner.Common/ActionCommand.cs (TryParseV2, the legacy `##[` TryParse, the
// unescaping) and src/Runner.Worker/ActionCommandManager.cs (TryProcessCommand with ::stop-commands::). The runner reads
// output with .NET's StreamReader.ReadLine (a line ends at CR, LF or CRLF) and trims with Char.IsWhiteSpace.

export interface RunnerCommand {
  readonly command: string;
  readonly properties: Readonly<Record<string, string>>;
  readonly data: string;
}

// Every command extension the runner registers (internal-set-repo-path only for plugins), and stop-commands.
const REGISTERED = ['stop-commands', 'add-mask', 'add-matcher', 'add-path', 'debug', 'echo', 'remove-matcher', 'save-state', 'set-env', 'set-output', 'warning', 'error', 'notice', 'group', 'endgroup'];

// .NET Char.IsWhiteSpace: Unicode White_Space (JavaScript's \s differs: it has U+FEFF, lacks U+0085).
const WHITE = new Set([...'\t\n\u000b\u000c\r \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000']);

function trimStart(s: string): string {
  let i = 0;
  while (i < s.length && WHITE.has(s[i]!)) i++;
  return s.slice(i);
}

function trim(s: string): string {
  let end = s.length;
  while (end > 0 && WHITE.has(s[end - 1]!)) end--;
  return trimStart(s.slice(0, end));
}

/** String.Split(char, count, StringSplitOptions.RemoveEmptyEntries): empty parts are skipped and not counted. */
function split(s: string, sep: string, count = Infinity): string[] {
  const out: string[] = [];
  let start = 0;
  while (out.length < count - 1) {
    const i = s.indexOf(sep, start);
    if (i < 0) break;
    if (i > start) out.push(s.slice(start, i));
    start = i + 1;
  }
  if (start < s.length) out.push(s.slice(start));
  return out;
}

type Mapping = readonly [token: string, replacement: string];
const ESCAPE: readonly Mapping[] = [[';', '%3B'], ['\r', '%0D'], ['\n', '%0A'], [']', '%5D'], ['%', '%25']];
const ESCAPE_DATA: readonly Mapping[] = [['\r', '%0D'], ['\n', '%0A'], ['%', '%25']];
const ESCAPE_PROPERTY: readonly Mapping[] = [['\r', '%0D'], ['\n', '%0A'], [':', '%3A'], [',', '%2C'], ['%', '%25']];

function unescape(s: string, mappings: readonly Mapping[]): string {
  let out = s;
  for (const [token, replacement] of mappings) out = out.split(replacement).join(token);
  return out;
}

function isRegistered(registered: ReadonlySet<string>, name: string): boolean {
  return registered.has(name.toLowerCase());
}

export function tryParseV2(input: string, registered: ReadonlySet<string>): RunnerCommand | undefined {
  if (!input) return undefined;
  const message = trimStart(input);
  if (!message.startsWith('::')) return undefined;
  const endIndex = message.indexOf('::', 2);
  if (endIndex < 0) return undefined;
  const cmdInfo = message.slice(2, endIndex);
  const spaceIndex = cmdInfo.indexOf(' ');
  const command = spaceIndex < 0 ? cmdInfo : cmdInfo.slice(0, spaceIndex);
  if (!isRegistered(registered, command)) return undefined;
  const properties: Record<string, string> = {};
  if (spaceIndex > 0) {
    for (const property of split(trim(cmdInfo.slice(spaceIndex + 1)), ',')) {
      const pair = split(property, '=', 2);
      if (pair.length === 2) properties[pair[0]!.toLowerCase()] = unescape(pair[1]!, ESCAPE_PROPERTY);
    }
  }
  return { command, properties, data: unescape(message.slice(endIndex + 2), ESCAPE_DATA) };
}

export function tryParseLegacy(message: string, registered: ReadonlySet<string>): RunnerCommand | undefined {
  if (!message) return undefined;
  const prefixIndex = message.indexOf('##[');
  if (prefixIndex < 0) return undefined;
  const rbIndex = message.indexOf(']', prefixIndex);
  if (rbIndex < 0) return undefined;
  const cmdInfo = message.slice(prefixIndex + 3, rbIndex);
  const spaceIndex = cmdInfo.indexOf(' ');
  const command = spaceIndex < 0 ? cmdInfo : cmdInfo.slice(0, spaceIndex);
  if (!isRegistered(registered, command)) return undefined;
  const properties: Record<string, string> = {};
  if (spaceIndex > 0) {
    for (const property of split(cmdInfo.slice(spaceIndex + 1), ';')) {
      const pair = split(property, '=', 2);
      if (pair.length === 2) properties[pair[0]!.toLowerCase()] = unescape(pair[1]!, ESCAPE);
    }
  }
  return { command, properties, data: unescape(message.slice(rbIndex + 1), ESCAPE) };
}

/** StreamReader.ReadLine: lines end at CRLF, CR or LF. */
export function runnerLines(output: string): string[] {
  const lines = output.split(/\r\n|\r|\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The commands the runner carries out for a step's output, in order (stop-commands and its resume token excluded). */
export function runnerCommands(output: string): RunnerCommand[] {
  const registered = new Set(REGISTERED);
  let stopToken: string | undefined;
  const done: RunnerCommand[] = [];
  for (const line of runnerLines(output)) {
    const command = tryParseV2(line, registered) ?? tryParseLegacy(line, registered);
    if (!command) continue;
    const name = command.command.toLowerCase();
    if (stopToken !== undefined) {
      if (name === stopToken.toLowerCase()) {
        registered.delete(stopToken.toLowerCase());
        stopToken = undefined;
      }
      continue;
    }
    if (name === 'stop-commands') {
      const token = command.data;
      if (registered.has(token.toLowerCase()) || token === '' || token.toLowerCase() === 'pause-logging') throw new Error(`the runner refuses the stop token ${JSON.stringify(token)}`);
      stopToken = token;
      registered.add(token.toLowerCase());
      continue;
    }
    done.push(command);
  }
  return done;
}
