// The manual's reference is complete and its links lead somewhere: every property of schemas/ and every diagnostic
// code appear in docs/reference/, every relative link of the README and docs/ names a file (and a heading) that
// exists, and the README — shipped in the npm package — links only to files the package ships.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_CODES } from '../../src/core/diagnostics.js';
import { REPO_ROOT } from '../run-acta.js';
import { fencedBlocks, manualFiles } from './readme-examples.js';

const read = (file: string): string => readFileSync(path.join(REPO_ROOT, file), 'utf8');
const REFERENCE = readdirSync(path.join(REPO_ROOT, 'docs/reference')).filter((f) => f.endsWith('.md')).map((f) => `docs/reference/${f}`);
const referenceText = REFERENCE.map(read).join('\n');

/** Every property name any schema of schemas/ defines (at any depth). */
function schemaProperties(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const walk = (node: unknown, where: string): void => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${where}/${i}`));
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'properties' && value && typeof value === 'object') {
        for (const name of Object.keys(value)) found.set(name, [...(found.get(name) ?? []), `${where}/properties/${name}`]);
      }
      walk(value, `${where}/${key}`);
    }
  };
  for (const file of readdirSync(path.join(REPO_ROOT, 'schemas')).filter((f) => f.endsWith('.schema.json'))) walk(JSON.parse(read(`schemas/${file}`)), file);
  return found;
}

/** The page of docs/reference that must name a schema's properties: acta.yaml's own page, records.md for the rest. */
const pageOf = (schemaFile: string): string => (schemaFile === 'config.schema.json' ? 'docs/reference/acta-yaml.md' : 'docs/reference/records.md');

describe('docs/reference covers every field of schemas/', () => {
  const properties = schemaProperties();
  it('finds the schemas\' properties (the walk itself works)', () => {
    expect(properties.size).toBeGreaterThan(60);
    for (const name of ['agreements', 'delivered_by', 'warn_days', 'reports_to', 'explains']) expect(properties.has(name), name).toBe(true);
  });
  it('names them all somewhere in docs/reference', () => {
    expect([...properties.keys()].filter((name) => !referenceText.includes(`\`${name}\``))).toEqual([]);
  });
  for (const [name, where] of properties) {
    const pages = [...new Set(where.map((w) => pageOf(w.split('/')[0]!)))];
    it(`\`${name}\` in ${pages.join(' and ')} (${where[0]})`, () => {
      for (const page of pages) expect(read(page), `no \`${name}\` in ${page}`).toContain(`\`${name}\``);
    });
  }
});

// The catalogue of codes is docs/reference/diagnostics.md (made from the message catalog by the i18n work). Until that
// file is on main, the codes table of docs/reference/commands.md stands in for it.
const CODES_FILE = existsSync(path.join(REPO_ROOT, 'docs/reference/diagnostics.md')) ? 'docs/reference/diagnostics.md' : 'docs/reference/commands.md';

describe(`${CODES_FILE} documents every diagnostic code`, () => {
  const text = read(CODES_FILE);
  it.each(ALL_CODES)('%s', (code) => {
    expect(text).toContain(`\`${code}\``);
  });
});

// Pages of the manual that other work writes; linked from here before they exist, checked as soon as they do.
const WRITTEN_ELSEWHERE = new Set(['docs/reference/diagnostics.md', 'docs/reference/provenance.md', 'docs/import.md', 'docs/i18n.md', 'docs/documents.md', 'docs/internals/outputs.md', 'docs/internals/reading.md', 'docs/internals/writes-and-cache.md']);

/** GitHub's anchor for a heading: lower case, punctuation dropped (hyphens and underscores kept), spaces as hyphens. */
export function anchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\- _]/gu, '')
    .replace(/ /g, '-');
}

function anchors(markdown: string): Set<string> {
  const inCode = new Set(fencedBlocks(markdown).flatMap((b) => Array.from({ length: b.lines.length + 2 }, (_, k) => b.at + k)));
  const found = new Set<string>();
  const seen = new Map<string, number>();
  markdown.split('\n').forEach((line, i) => {
    const m = /^#{1,6} (.*)$/.exec(line);
    if (!m || inCode.has(i + 1)) return;
    const base = anchor(m[1]!);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    found.add(n === 0 ? base : `${base}-${n}`);
  });
  return found;
}

/** Relative links of a Markdown file, outside code: [text](target). */
function links(markdown: string): { line: number; target: string }[] {
  const inCode = new Set(fencedBlocks(markdown).flatMap((b) => Array.from({ length: b.lines.length + 2 }, (_, k) => b.at + k)));
  const found: { line: number; target: string }[] = [];
  markdown.split('\n').forEach((text, i) => {
    if (inCode.has(i + 1)) return;
    for (const m of text.replace(/`[^`]*`/g, '').matchAll(/\]\(([^)\s]+)\)/g)) if (!/^[a-z]+:/.test(m[1]!)) found.push({ line: i + 1, target: m[1]! });
  });
  return found;
}

describe('links of the README and docs/ lead to a file and a heading that exist', () => {
  for (const file of manualFiles()) {
    it(file, () => {
      const broken: string[] = [];
      for (const { line, target } of links(read(file))) {
        const [where, hash] = target.split('#') as [string, string | undefined];
        const to = where === '' ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), where));
        if (!existsSync(path.join(REPO_ROOT, to))) {
          if (!WRITTEN_ELSEWHERE.has(to)) broken.push(`${file}:${line} → ${target} (no such file)`);
          continue;
        }
        if (hash !== undefined && to.endsWith('.md') && !anchors(read(to)).has(hash)) broken.push(`${file}:${line} → ${target} (no such heading)`);
      }
      expect(broken).toEqual([]);
    });
  }

  it('the anchors are GitHub\'s', () => {
    expect(anchor('Recording follow-up: acta done / acta extend / acta status')).toBe('recording-follow-up-acta-done--acta-extend--acta-status');
    expect(anchor('`acta validate [paths…]`')).toBe('acta-validate-paths');
    expect(anchor('Help while typing (VS Code)')).toBe('help-while-typing-vs-code');
  });
});

describe('the README, shipped in the package, is short and links only to shipped files', () => {
  const readme = read('README.md');
  it('is a page, not a manual', () => {
    expect(readme.split('\n').length).toBeLessThan(150);
  });
  it('every file it links is in package.json `files` (or always shipped, as LICENSE)', () => {
    const { files } = JSON.parse(read('package.json')) as { files: string[] };
    const shipped = (target: string): boolean => /^(LICENSE|README\.md|package\.json)$/.test(target) || files.some((f) => target === f || target.startsWith(`${f}/`));
    const linked = links(readme).map((l) => l.target.split('#')[0]!).filter(Boolean);
    expect(linked.length).toBeGreaterThan(5);
    expect(linked.filter((t) => !shipped(t))).toEqual([]);
  });
});
