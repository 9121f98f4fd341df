// The tables of `npm run bench` (bench/bench.mjs), from measured figures: pure functions, no I/O, so a test can check
// their shape on made-up numbers. One table per corpus size, one of growth across sizes, one of the goals.

const seconds = (ms) => (ms === undefined ? '—' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 1000).toFixed(2)} s`);
const times = (x) => (x === undefined || !Number.isFinite(x) ? '—' : `${x.toFixed(2)}×`);
const ratio = (a, b) => (a === undefined || b === undefined || b === 0 ? '—' : times(a / b));
const megabytes = (kb) => (kb === undefined ? '—' : `${Math.round(kb / 1024)} MB`);
const count = (n) => n.toLocaleString('en-US');

function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median and minimum of some milliseconds, the largest peak memory (kB) and the median CPU (ms) of the same runs. */
export function summarise(samples, rss = [], cpu = []) {
  if (samples.length === 0) return undefined;
  const peaks = rss.filter((n) => Number.isFinite(n));
  return { median: median(samples), min: Math.min(...samples), runs: samples.length, rss: peaks.length ? Math.max(...peaks) : undefined, cpu: median(cpu) };
}

/** A case's time over a yardstick's, taken inside each round (runs[i] and base[i] ran in the same round), then the
 * median over the rounds, with the smallest and largest: what a busy machine cannot move much. */
export function roundRatios(runs = [], base = [], of = 'ms') {
  const each = [];
  for (let i = 0; i < Math.max(runs.length, base.length); i++) if (runs[i]?.[of] !== undefined && base[i]?.[of]) each.push(runs[i][of] / base[i][of]);
  if (each.length === 0) return undefined;
  return { median: median(each), min: Math.min(...each), max: Math.max(...each), rounds: each.length };
}

export const SIZE_HEADERS = ['command', 'cold', 'warm', 'cold ÷ ajv-cli', 'warm ÷ ajv-cli', 'cold ÷ validate cold', 'warm ÷ validate cold', 'peak memory cold / warm'];

// A ratio cell: wall time, then CPU time in brackets when measured (the steadier of the two on a busy machine).
const both = (f, wall, cpu) => (f?.[wall] === undefined ? '—' : f[cpu] === undefined ? times(f[wall].median) : `${times(f[wall].median)} (${times(f[cpu].median)})`);

/** The rows of one size's table: ajv-cli first, then every command (skipped ones with their reason). A CI row (a
 * restored cache) has its figures in the warm columns. Ratios are medians of per-round ratios. */
export function sizeRows(size) {
  const rows = [['ajv-cli (same files)', seconds(size.ajv?.median), '—', times(1), '—', both(size.ajv, 'perValidate', 'perValidateCpu'), '—', `${megabytes(size.ajv?.rss)} / —`]];
  for (const r of size.rows) {
    if (r.skipped) {
      rows.push([`${r.label} — skipped: ${r.skipped}`, ...SIZE_HEADERS.slice(1).map(() => '—')]);
      continue;
    }
    const cold = r.cold;
    const warm = r.warm ?? r.ci;
    rows.push([r.label, seconds(cold?.median), seconds(warm?.median), both(cold, 'perAjv', 'perAjvCpu'), both(warm, 'perAjv', 'perAjvCpu'), both(cold, 'perValidate', 'perValidateCpu'), both(warm, 'perValidate', 'perValidateCpu'), `${megabytes(cold?.rss)} / ${megabytes(warm?.rss)}`]);
  }
  return rows;
}

/** Cold medians across sizes, and the growth from each size to the next, in wall time and in CPU time. */
export function growthTable(sizes) {
  const headers = ['command (cold)', ...sizes.map((s) => `${count(s.meetings)}`)];
  for (let i = 1; i < sizes.length; i++) headers.push(`${count(sizes[i - 1].meetings)} → ${count(sizes[i].meetings)}`, 'CPU');
  const names = [{ name: 'ajv', label: 'ajv-cli (same files)' }, ...sizes[0].rows.filter((r) => !r.skipped && !r.ci)];
  const figure = (s, name) => (name === 'ajv' ? s.ajv : s.rows.find((r) => r.name === name)?.cold);
  const rows = names.map(({ name, label }) => {
    const cells = sizes.map((s) => figure(s, name));
    const growth = cells.slice(1).flatMap((c, i) => [ratio(c?.median, cells[i]?.median), ratio(c?.cpu, cells[i]?.cpu)]);
    return [label, ...cells.map((c) => seconds(c?.median)), ...growth];
  });
  return { headers, rows };
}

/** The formats a command's `--help` lists for `-f, --format <format>` (`table | json | csv (default: …)`, wrapped over
 * lines as commander wraps them; words in brackets such as `docx (Word: needs -o)` are notes, not formats). */
export function formatsFromHelp(help) {
  const flat = help.replace(/\s+/g, ' ');
  const m = /--format <format> (.*?)(?:\(default|;|$| -[a-z-], --)/.exec(flat);
  if (!m) return [];
  return m[1].replace(/\([^)]*\)/g, ' ').split('|').map((f) => f.trim()).filter((f) => /^[a-z]+$/.test(f));
}

export const FORMS_HEADERS = ['command', 'format', 'wall', 'CPU', 'peak memory'];

/** One row per output form measured (one cold run each): the largest first, so what is nearest the limit leads. */
export function formRows(forms) {
  const sorted = [...forms].sort((a, b) => (b.rss ?? -1) - (a.rss ?? -1));
  return sorted.map((f) => (f.failed ? [f.label, f.format, `failed (${f.failed})`, '—', '—'] : [f.label, f.format, seconds(f.ms), seconds(f.cpu), megabytes(f.rss)]));
}

export const READ_COMMANDS = ['overdue', 'upcoming', 'list', 'report-md', 'report-html', 'export-csv', 'export-ics', 'export-json', 'statement', 'workplan', 'diff'];
export const GOAL_HEADERS = ['goal (issue 24)', 'measured (medians of per-round ratios, wall; CPU beside)', 'verdict (on wall)'];

const MET = 'met';
const MISSED = '**missed**';
const UNMEASURED = 'not measured';

/** One row per goal of issue 24: what this run measured and whether the goal is met. */
export function goalRows(results) {
  const sizes = results.sizes;
  const at = (n) => sizes.find((s) => s.meetings === n);
  const row = (s, name) => s?.rows.find((r) => r.name === name && !r.skipped);
  const rows = [];
  const single = (goal, size, pick, limit) => {
    const s = at(size);
    const f = s && pick(s);
    const x = f?.[0];
    if (x === undefined) return rows.push([goal, `no ${count(size)}-meeting run with this case`, UNMEASURED]);
    return rows.push([goal, f[1] === undefined ? times(x) : `${times(x)} (CPU ${times(f[1])})`, x <= limit ? MET : MISSED]);
  };
  // Over every size measured: the worst case and those over the limit.
  const everywhere = (goal, names, pick, limit, note = '') => {
    const all = [];
    for (const s of sizes) for (const name of names) {
      const r = row(s, name);
      const f = r && pick(r, s);
      if (f?.[0] !== undefined) all.push({ x: f[0], what: `${r.label.replace(/^acta /, '')} at ${count(s.meetings)}${f[1] === undefined ? '' : ` (CPU ${times(f[1])})`}` });
    }
    if (all.length === 0) return rows.push([goal, 'no run with these commands', UNMEASURED]);
    const over = all.filter((a) => a.x > limit).sort((a, b) => b.x - a.x);
    const worst = over[0] ?? [...all].sort((a, b) => b.x - a.x)[0];
    const say = (a) => a.what.replace(/( \(CPU [^)]*\))?$/, (cpu) => ` ${times(a.x)}${cpu}`);
    const text = over.length ? `over: ${over.map(say).join('; ')}` : `worst: ${say(worst)}`;
    return rows.push([goal, text + note, over.length ? MISSED : MET]);
  };
  const pair = (f, wall, cpu) => (f?.[wall] ? [f[wall].median, f[cpu]?.median] : undefined);
  single('`validate` cold ≤ 1.0× ajv-cli at 2,000', 2000, (s) => pair(row(s, 'validate')?.cold, 'perAjv', 'perAjvCpu'), 1.0);
  single('`validate` warm ≤ 0.3× ajv-cli at 2,000', 2000, (s) => pair(row(s, 'validate')?.warm, 'perAjv', 'perAjvCpu'), 0.3);
  everywhere('every read command cold ≤ 1.5× `validate` cold', READ_COMMANDS, (r) => pair(r.cold, 'perValidate', 'perValidateCpu'), 1.5);
  everywhere('`fmt --check` cold ≤ 1.5× `validate` cold', ['fmt-check'], (r) => pair(r.cold, 'perValidate', 'perValidateCpu'), 1.5);
  const ciNote = sizes.some((s) => s.ciCache === false) ? ' (this build ignores ACTA_CACHE_DIR under CI=true: a cold run)' : '';
  everywhere('`--changed-since` (10 files), CI with a restored cache, ≤ 0.3× `validate` cold', ['changed-since-ci'], (r) => pair(r.ci, 'perValidate', 'perValidateCpu'), 0.3, ciNote);
  single('`site` cold ≤ 8× `validate` cold at 8,000', 8000, (s) => pair(row(s, 'site')?.cold, 'perValidate', 'perValidateCpu'), 8);
  const big = at(8000);
  if (!big) rows.push(['peak memory ≤ 500 MB at 8,000, every command', 'no 8,000-meeting run', UNMEASURED]);
  else {
    const peaks = big.rows.filter((r) => !r.skipped).map((r) => ({ label: r.label.replace(/^acta /, ''), kb: Math.max(...[r.cold?.rss, r.warm?.rss, r.ci?.rss].filter((n) => Number.isFinite(n))) })).filter((p) => Number.isFinite(p.kb));
    // Every output form measured beside the default ones (one cold run each).
    for (const f of big.forms ?? []) if (Number.isFinite(f.rss)) peaks.push({ label: `${f.label.replace(/^acta /, '')} -f ${f.format}`, kb: f.rss });
    const over = peaks.filter((p) => p.kb > 500 * 1024).sort((a, b) => b.kb - a.kb);
    const top = [...peaks].sort((a, b) => b.kb - a.kb)[0];
    rows.push(['peak memory ≤ 500 MB at 8,000, every command', over.length ? `over: ${over.map((p) => `${p.label} ${megabytes(p.kb)}`).join('; ')}` : `largest: ${top ? `${top.label} ${megabytes(top.kb)}` : '—'}`, over.length ? MISSED : MET]);
  }
  const from = at(2000);
  if (!from || !big) rows.push(['growth 2,000 → 8,000 ≤ 4.5×, every command (cold, wall; CPU beside)', 'needs runs at 2,000 and 8,000', UNMEASURED]);
  else {
    const growth = from.rows.filter((r) => !r.skipped && r.cold).map((r) => {
      const b = row(big, r.name)?.cold;
      return { label: r.label.replace(/^acta /, ''), wall: b ? b.median / r.cold.median : undefined, cpu: b?.cpu && r.cold.cpu ? b.cpu / r.cold.cpu : undefined };
    }).filter((g) => g.wall !== undefined);
    const over = growth.filter((g) => g.wall > 4.5).sort((a, b) => b.wall - a.wall);
    const worst = over[0] ?? [...growth].sort((a, b) => b.wall - a.wall)[0];
    const say = (g) => `${g.label} ${times(g.wall)} (CPU ${times(g.cpu)})`;
    rows.push(['growth 2,000 → 8,000 ≤ 4.5×, every command (cold, wall; CPU beside)', over.length ? `over: ${over.map(say).join('; ')}` : `worst: ${worst ? say(worst) : '—'}`, over.length ? MISSED : MET]);
  }
  return rows;
}

/** A table as Markdown, or as plain columns for a terminal. */
export function renderTable(headers, rows, markdown) {
  if (markdown) {
    const line = (cells) => `| ${cells.join(' | ')} |`;
    return [line(headers), line(headers.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
  }
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i] ?? '').length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The whole story: a heading and table per size, then growth (when there are several sizes), then the goals. */
/** This build ÷ the baseline build (bench.mjs --baseline), cold, by command and size: medians of the ratios taken
 * inside each round, wall and CPU; undefined when no row has one. */
export function baselineTable(sizes) {
  const labels = [...new Set(sizes.flatMap((s) => s.rows.filter((r) => r.perBase).map((r) => r.label)))];
  if (labels.length === 0) return undefined;
  const headers = ['command (cold)', ...sizes.map((s) => count(s.meetings))];
  const rows = labels.map((label) => [label, ...sizes.map((s) => {
    const p = s.rows.find((r) => r.label === label)?.perBase;
    return p ? (p.cpu ? `${times(p.wall.median)} (${times(p.cpu.median)})` : times(p.wall.median)) : '—';
  })]);
  return { headers, rows };
}

export function renderResults(results, { markdown }) {
  const parts = [];
  const heading = (text) => parts.push(markdown ? `#### ${text}` : text, '');
  for (const size of results.sizes) {
    const loads = size.loads?.length ? `, load average ${size.loads.map((l) => l.toFixed(1)).join(', ')} at their starts` : '';
    heading(`${count(size.meetings)} meetings, ${count(size.plans)} plans (${count(size.files)} files, ${(size.bytes / 1e6).toFixed(1)} MB), --as-of ${size.asOf}; ${size.runs} round${size.runs === 1 ? '' : 's'}${loads}`);
    parts.push(renderTable(SIZE_HEADERS, sizeRows(size), markdown), '');
  }
  for (const size of results.sizes.filter((s) => s.forms?.length)) {
    heading(`Peak memory of every output form, ${count(size.meetings)} meetings (one cold run each, largest first)`);
    parts.push(renderTable(FORMS_HEADERS, formRows(size.forms), markdown), '');
  }
  if (results.sizes.length > 1) {
    heading('Growth (cold medians; wall, then CPU)');
    const g = growthTable(results.sizes);
    parts.push(renderTable(g.headers, g.rows, markdown), '');
  }
  const base = baselineTable(results.sizes);
  if (base) {
    heading('This build ÷ the baseline build (cold; medians of per-round ratios, wall, CPU in brackets)');
    parts.push(renderTable(base.headers, base.rows, markdown), '');
  }
  if (results.sizes.length > 0) {
    heading('Goals');
    parts.push(renderTable(GOAL_HEADERS, goalRows(results), markdown), '');
  }
  if (results.help) parts.push(`\`acta --help\`: ${seconds(results.help.median)} (median of ${results.help.runs}).`, '');
  for (const note of results.notes ?? []) parts.push(`- ${note}`);
  return parts.join('\n').trimEnd() + '\n';
}
