// The tables of `npm run bench` (bench/bench.mjs), from measured figures: pure functions, no I/O, so a test can check
// their shape on made-up numbers. One table per corpus size, then one of growth across sizes.

const seconds = (ms) => (ms === undefined ? '—' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 1000).toFixed(2)} s`);
const ratio = (a, b) => (a === undefined || b === undefined || b === 0 ? '—' : `${(a / b).toFixed(2)}×`);
const megabytes = (kb) => (kb === undefined ? '—' : `${Math.round(kb / 1024)} MB`);
const count = (n) => n.toLocaleString('en-US');

/** Median and minimum of some milliseconds, and the largest peak memory (kB) of the same runs. */
export function summarise(samples, rss = []) {
  if (samples.length === 0) return undefined;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  const peaks = rss.filter((n) => Number.isFinite(n));
  return { median, min: sorted[0], runs: sorted.length, rss: peaks.length ? Math.max(...peaks) : undefined };
}

export const SIZE_HEADERS = ['command', 'cold', 'warm', 'cold ÷ ajv-cli', 'warm ÷ ajv-cli', 'cold ÷ validate cold', 'warm ÷ validate cold', 'peak memory cold / warm'];

/** The rows of one size's table: ajv-cli first, then every command (skipped ones with their reason). */
export function sizeRows(size) {
  const base = size.ajv?.median;
  const validate = size.rows.find((r) => r.name === 'validate')?.cold?.median;
  const rows = [['ajv-cli (same files)', seconds(base), '—', ratio(base, base), '—', ratio(base, validate), '—', `${megabytes(size.ajv?.rss)} / —`]];
  for (const r of size.rows) {
    if (r.skipped) {
      rows.push([`${r.label} — skipped: ${r.skipped}`, ...SIZE_HEADERS.slice(1).map(() => '—')]);
      continue;
    }
    const cold = r.cold?.median;
    const warm = r.warm?.median;
    rows.push([r.label, seconds(cold), seconds(warm), ratio(cold, base), ratio(warm, base), ratio(cold, validate), ratio(warm, validate), `${megabytes(r.cold?.rss)} / ${megabytes(r.warm?.rss)}`]);
  }
  return rows;
}

/** Cold medians across sizes, and the growth from each size to the next. */
export function growthTable(sizes) {
  const headers = ['command (cold)', ...sizes.map((s) => `${count(s.meetings)}`)];
  for (let i = 1; i < sizes.length; i++) headers.push(`${count(sizes[i - 1].meetings)} → ${count(sizes[i].meetings)}`);
  const names = [{ name: 'ajv', label: 'ajv-cli (same files)' }, ...sizes[0].rows.filter((r) => !r.skipped)];
  const figure = (s, name) => (name === 'ajv' ? s.ajv : s.rows.find((r) => r.name === name)?.cold);
  const rows = names.map(({ name, label }) => {
    const cells = sizes.map((s) => figure(s, name)?.median);
    const growth = cells.slice(1).map((c, i) => ratio(c, cells[i]));
    return [label, ...cells.map(seconds), ...growth];
  });
  return { headers, rows };
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

/** The whole story: a heading and table per size, then growth (when there are several sizes). */
export function renderResults(results, { markdown }) {
  const parts = [];
  for (const size of results.sizes) {
    const head = `${count(size.meetings)} meetings, ${count(size.plans)} plans (${count(size.files)} files, ${(size.bytes / 1e6).toFixed(1)} MB), --as-of ${size.asOf}; medians of ${size.runs} run${size.runs === 1 ? '' : 's'}`;
    parts.push(markdown ? `#### ${head}` : head, '', renderTable(SIZE_HEADERS, sizeRows(size), markdown), '');
  }
  if (results.sizes.length > 1) {
    const g = growthTable(results.sizes);
    parts.push(markdown ? '#### Growth (cold medians)' : 'Growth (cold medians)', '', renderTable(g.headers, g.rows, markdown), '');
  }
  if (results.help) parts.push(`\`acta --help\`: ${seconds(results.help.median)} (median of ${results.help.runs}).`, '');
  for (const note of results.notes ?? []) parts.push(`- ${note}`);
  return parts.join('\n').trimEnd() + '\n';
}
