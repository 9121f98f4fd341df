// npm run bench:limits — the worst file acta still reads at each parse limit (and one just past it), timed in
// process as CPU time: the parse alone, the whole validation pipeline (schemas, cross-record checks), and `fmt`. The README's
// Hardening section quotes this table. Options: --runs N (3, the median is shown).
import { formatRecordText } from '../dist/core/format/format.js';
import { keyOrderFor } from '../dist/core/format/key-order.js';
import { LIMITS, parseRecordFile } from '../dist/core/read/parse.js';
import { checkRecords } from '../dist/core/pipeline.js';
import { createSchemaValidator } from '../dist/core/schema.js';
import { readSchemas } from '../dist/io/schemas.js';

const i = process.argv.indexOf('--runs');
const runs = i >= 0 ? Number(process.argv[i + 1]) : 3;
const FILE = 'meetings/2017-03-16-red-nna.yaml';
const HEAD = 'record: meeting\nid: 2017-03-16-red-nna\n';
const schemas = readSchemas();
const validator = createSchemaValidator(schemas);
const order = keyOrderFor(schemas, 'meeting');
const lines = (n, line) => Array.from({ length: n }, (_, k) => line(k)).join('\n') + '\n';

// Each shape: the text holding `n` of what the limit counts.
const SHAPES = [
  ['bytes', 'one block scalar filling the file', LIMITS.bytes, (n) => HEAD + 'notes: |\n' + lines(Math.floor((n - HEAD.length - 9) / 80), () => '  ' + 'x'.repeat(77))],
  ['keys', 'one block mapping (`kN: 1`)', LIMITS.keys, (n) => HEAD + lines(n - 2, (k) => `k${k}: 1`)],
  ['keys', 'one flow mapping without colons (`{k0, k1, …}`)', LIMITS.keys, (n) => HEAD + 'x: {' + Array.from({ length: n - 3 }, (_, k) => `k${k}`).join(', ') + '}\n'],
  ['keys', 'explicit keys (`? kN`)', LIMITS.keys, (n) => HEAD + lines(n - 2, (k) => `? k${k}`)],
  ['items', 'one block list (`- x`)', LIMITS.items, (n) => HEAD + 'participants:\n' + lines(n, () => '- x')],
  ['items', 'one flow list (`[x, x, …]`)', LIMITS.items, (n) => HEAD + 'participants: [' + Array.from({ length: n }, () => 'x').join(',') + ']\n'],
  ['items', 'a list of one-key mappings (keys at their cap too)', Math.min(LIMITS.items, LIMITS.keys - 3), (n) => HEAD + 'agreements:\n' + lines(n, (k) => `- {n: ${k}}`)],
  ['tokens', 'stray `]`, a syntax error each', LIMITS.tokens, (n) => 'a: 1\n' + ']'.repeat(n - 6) + '\n'],
  ['tokens', 'bad escapes in one quoted string, a syntax error each', LIMITS.tokens, (n) => 'a: "' + '\\q'.repeat(n - 5) + '"\n'],
  ['depth', 'nested flow lists (`[[[…]]]`)', LIMITS.depth, (n) => 'x: ' + '['.repeat(n - 1) + ']'.repeat(n - 1) + '\n'],
  ['depth', 'nested block mappings, one column each', LIMITS.depth, (n) => lines(n, (k) => `${' '.repeat(k)}k${k}:`).replace(/:\n$/, ': x\n')],
];

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

// CPU time of this process (all its threads), in ms: on a shared machine wall time measures the neighbours too.
function cpu() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function time(text) {
  const bytes = new TextEncoder().encode(text);
  const parse = [];
  const total = [];
  const fmt = [];
  let codes = [];
  for (let r = 0; r < runs; r++) {
    const t0 = cpu();
    const parsed = parseRecordFile(FILE, bytes);
    const t1 = cpu();
    checkRecords([parsed], validator);
    const t2 = cpu();
    if (!parsed.diagnostics.some((d) => d.severity === 'error')) formatRecordText(text, order);
    const t3 = cpu();
    parse.push(t1 - t0);
    total.push(t2 - t0);
    fmt.push(t3 - t2);
    codes = [...new Set(parsed.diagnostics.map((d) => d.code))];
  }
  return { bytes: bytes.length, parse: Math.round(median(parse)), total: Math.round(median(total)), fmt: Math.round(median(fmt)), codes };
}

console.log(`| limit | worst file | at the limit | parse | whole validation | fmt | one past the limit |`);
console.log(`| --- | --- | ---: | ---: | ---: | ---: | --- |`);
for (const [limit, what, n, make] of SHAPES) {
  const at = time(make(n));
  const past = time(make(limit === 'bytes' ? n + 200 : n + 1));
  const pastText = past.codes.length ? `${past.codes.join(', ')} in ${past.parse} ms` : `accepted (${past.parse} ms)`;
  if (at.codes.some((c) => c.startsWith('yaml/too-') || c === 'file/too-large')) throw new Error(`${what}: refused at the limit (${at.codes})`);
  console.log(`| ${limit} | ${what} | ${n.toLocaleString('en')} (${(at.bytes / 1024).toFixed(0)} KiB) | ${at.parse} ms | ${at.total} ms | ${at.codes.length ? '(refused)' : `${at.fmt} ms`} | ${pastText} |`);
}
