// Issue 26 point 20: the reading layer has one room (core/read/) and the semantic diff another (core/diff/) whose
// modules share their types through types.ts, with no import circle.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../run-acta.js';

const SRC = path.join(REPO_ROOT, 'src');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? tsFiles(full) : name.endsWith('.ts') ? [full] : [];
  });
}

/** Relative imports (value and type) of a module, resolved to .ts paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)\.js'/g)].map((m) => path.resolve(path.dirname(file), `${m[1]}.ts`));
}

function cycleIn(files: readonly string[]): string[] | undefined {
  const inside = new Set(files);
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string): string[] | undefined => {
    if (state.get(f) === 'done') return undefined;
    if (state.get(f) === 'open') return [...stack.slice(stack.indexOf(f)), f];
    state.set(f, 'open');
    stack.push(f);
    for (const g of importsOf(f)) {
      if (!inside.has(g)) continue;
      const found = visit(g);
      if (found) return found;
    }
    stack.pop();
    state.set(f, 'done');
    return undefined;
  };
  for (const f of files) {
    const found = visit(f);
    if (found) return found.map((p) => path.relative(SRC, p));
  }
  return undefined;
}

describe('one room for reading, one for the diff', () => {
  it('the semantic diff lives in core/diff/ and has no import circle', () => {
    const diff = tsFiles(path.join(SRC, 'core/diff'));
    expect(diff.map((f) => path.basename(f)).sort()).toContain('types.ts');
    expect(cycleIn(diff)).toBeUndefined();
    expect(tsFiles(path.join(SRC, 'core/queries')).filter((f) => /diff/.test(path.basename(f)))).toEqual([]);
  });

  it('no module of core/diff/ but diff.ts imports diff.ts', () => {
    for (const f of tsFiles(path.join(SRC, 'core/diff'))) {
      if (path.basename(f) === 'diff.ts') continue;
      expect(importsOf(f), path.relative(SRC, f)).not.toContain(path.join(SRC, 'core/diff/diff.ts'));
    }
  });

  it('the reading modules live in core/read/, none at the top of core/', () => {
    const top = readdirSync(path.join(SRC, 'core'));
    for (const name of ['parse.ts', 'parse-fast.ts', 'prescan.ts', 'block-nesting.ts', 'cst-depth.ts', 'duplicate-keys.ts', 'compose.ts', 'yaml-library.ts']) {
      expect(top).not.toContain(name);
      expect(readdirSync(path.join(SRC, 'core/read'))).toContain(name);
    }
  });

  it('outside core/read/, modules reach the reading layer only through its entry point, core/read/index.ts', () => {
    const read = path.join(SRC, 'core/read');
    for (const f of tsFiles(SRC)) {
      if (f.startsWith(read + path.sep)) continue;
      const into = importsOf(f).filter((g) => g.startsWith(read + path.sep) && g !== path.join(read, 'index.ts'));
      expect(into, path.relative(SRC, f)).toEqual([]);
    }
  });

  it('nothing outside core/read/ parses YAML: no parse, parseDocument, Lexer, Parser, Composer or js-yaml load', () => {
    const read = path.join(SRC, 'core/read');
    const parsing = /\b(parse|parseDocument|parseAllDocuments|Lexer|Parser|Composer|load|loadAll)\b/;
    for (const f of tsFiles(SRC)) {
      if (f.startsWith(read + path.sep)) continue;
      const text = readFileSync(f, 'utf8');
      expect(/from 'js-yaml'/.test(text), `${path.relative(SRC, f)} imports js-yaml`).toBe(false);
      for (const m of text.matchAll(/import\s+(?!type)\{([^}]*)\}\s+from\s+'yaml'/g)) {
        expect(parsing.test(m[1]!), `${path.relative(SRC, f)} imports ${m[1]!.trim()} from yaml`).toBe(false);
      }
      expect(/import \* as \w+ from 'yaml'/.test(text), `${path.relative(SRC, f)} imports all of yaml`).toBe(false);
    }
  });
});
