// npm run conformance: every case of the YAML test suite through acta's parse layer (dist/core/read/parse.js), classified.
// The suite stays outside the project, in ../shared/conformance/yaml-test-suite (one folder per case: in.yaml,
// in.json = the expected value where valid, `error` where invalid; some cases have sub-cases 00, 01, …).
// Prints a Markdown table (the README quotes it); --json prints the classification for the test; --suite DIR reads
// another copy. Exit code 1 when the goal is missed: a valid case refused without a by-design code, an invalid case
// accepted, a crash, or a value different from the expected one.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRecordFile } from '../dist/core/read/parse.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Codes by which acta refuses valid YAML on purpose, and why (each is in the README's table of codes). */
export const BY_DESIGN = {
  'yaml/alias': 'anchors and aliases',
  'yaml/directive': 'directives (%YAML, %TAG)',
  'yaml/tag': 'tags',
  'yaml/non-string-key': 'keys that are lists or mappings',
  'yaml/multiple-documents': 'more than one document',
  'yaml/duplicate-key': 'keys equal as text (1 and "1")',
  'file/empty': 'no document, or an empty one',
};

function option(name) {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? undefined : process.argv[i + 1];
}

export function suiteDir(dir = option('suite')) {
  return dir ? path.resolve(dir) : path.resolve(ROOT, '..', 'shared', 'conformance', 'yaml-test-suite');
}

// Case folders: those holding in.yaml, whether at the top or as sub-cases.
function caseDirs(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (existsSync(path.join(full, 'in.yaml'))) out.push(full);
    else for (const sub of caseDirs(full)) out.push(sub);
  }
  return out;
}

// in.json holds one JSON value per document of the stream, one after another.
export function jsonDocuments(text) {
  const docs = [];
  let i = 0;
  const skip = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  for (skip(); i < text.length; skip()) {
    const start = i;
    let depth = 0;
    let inString = false;
    for (; i < text.length; i++) {
      const c = text[i];
      if (inString) {
        if (c === '\\') i++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') depth--;
      else if (depth === 0 && /\s/.test(c)) break;
      if (depth === 0 && !inString && (c === '}' || c === ']' || (c === '"' && i > start))) {
        i++;
        break;
      }
    }
    docs.push(JSON.parse(text.slice(start, i)));
  }
  return docs;
}

function sameJson(a, b) {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(v) {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])]));
  return v;
}

/** One case → its outcome: accepted | by-design | refused-undocumented | invalid-refused | invalid-accepted | crash | mismatch. */
export function classify(dir, suite) {
  const id = path.relative(suite, dir).split(path.sep).join('/');
  const valid = !existsSync(path.join(dir, 'error'));
  let parsed;
  try {
    parsed = parseRecordFile('in.yaml', readFileSync(path.join(dir, 'in.yaml')));
    JSON.stringify(parsed.data);
  } catch (e) {
    return { id, outcome: 'crash', detail: String(e?.message ?? e).slice(0, 120) };
  }
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  const codes = [...new Set(errors.map((d) => d.code))];
  if (!valid) return { id, outcome: errors.length ? 'invalid-refused' : 'invalid-accepted', codes };
  if (errors.length) {
    const code = codes.find((c) => c in BY_DESIGN);
    return code ? { id, outcome: 'by-design', code, codes } : { id, outcome: 'refused-undocumented', codes, detail: errors[0].message.slice(0, 120) };
  }
  const jsonFile = path.join(dir, 'in.json');
  if (!existsSync(jsonFile)) return { id, outcome: 'accepted-no-json' };
  const expected = jsonDocuments(readFileSync(jsonFile, 'utf8'));
  const actual = JSON.parse(JSON.stringify(parsed.data ?? null));
  if (expected.length === 1 && sameJson(actual, expected[0])) return { id, outcome: 'accepted' };
  return { id, outcome: 'mismatch', detail: `expected ${JSON.stringify(expected).slice(0, 80)}, got ${JSON.stringify(actual).slice(0, 80)}` };
}

export function runSuite(suite = suiteDir()) {
  return caseDirs(suite).map((dir) => classify(dir, suite));
}

const ROWS = [
  ['accepted', 'valid, accepted with the expected value'],
  ['accepted-no-json', 'valid, accepted (the suite gives no JSON value to compare)'],
  ['by-design', 'valid, refused by design'],
  ['invalid-refused', 'invalid, refused'],
  ['refused-undocumented', '**valid, refused without a by-design code**'],
  ['invalid-accepted', '**invalid, accepted**'],
  ['mismatch', '**valid, accepted with another value**'],
  ['crash', '**crashes**'],
];
export const FAILURES = ['refused-undocumented', 'invalid-accepted', 'mismatch', 'crash'];

export function table(results) {
  const count = (f) => results.filter(f).length;
  const lines = ['| outcome | cases |', '| --- | ---: |'];
  for (const [outcome, label] of ROWS) {
    lines.push(`| ${label} | ${count((r) => r.outcome === outcome)} |`);
    if (outcome === 'by-design') {
      for (const [code, why] of Object.entries(BY_DESIGN)) {
        const n = count((r) => r.outcome === 'by-design' && r.code === code);
        if (n) lines.push(`| &nbsp;&nbsp;\`${code}\` (${why}) | ${n} |`);
      }
    }
  }
  lines.push(`| total | ${results.length} |`);
  return lines.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const suite = suiteDir();
  if (!existsSync(suite)) {
    console.error(`acta conformance: the YAML test suite is not at ${suite} (pass --suite DIR)`);
    process.exit(2);
  }
  const results = runSuite(suite);
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(results));
  } else {
    console.log(table(results));
    const failed = results.filter((r) => FAILURES.includes(r.outcome));
    for (const r of failed) console.log(`\n${r.outcome}: ${r.id} ${r.codes ? `[${r.codes.join(', ')}] ` : ''}${r.detail ?? ''}`);
  }
  process.exitCode = results.some((r) => FAILURES.includes(r.outcome)) ? 1 : 0;
}
