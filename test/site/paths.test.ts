// Where the site's pages live and how they link: file names from record ids never collide or climb out of their
// folder, and relative links lead from any page to any other.
import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSlug, relativeHref, sitePaths } from '../../src/render/site/paths.js';

describe('fileSlug', () => {
  it('keeps plain ids, and turns every other character into _XX_', () => {
    expect(fileSlug('2017-06-21-red-trata')).toBe('2017-06-21-red-trata');
    expect(fileSlug('1.1')).toBe('1.1');
    expect(fileSlug('a/b')).toBe('a_2f_b');
    expect(fileSlug('..')).toBe('_2e_.');
    expect(fileSlug('a_b')).toBe('a_5f_b');
    expect(fileSlug('é1')).not.toBe(fileSlug('\u0e91'));
  });

  it('never collides, never names a hidden file or a parent folder', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        const x = fileSlug(a);
        if (a !== b) expect(x).not.toBe(fileSlug(b));
        expect(x.startsWith('.')).toBe(false);
        expect(x).not.toMatch(/[/\\]/);
      }),
    );
  });
});

describe('relativeHref', () => {
  it('from a page to another, to itself with an anchor, and to the assets', () => {
    expect(relativeHref('es/meetings/a.html', 'es/actors/MX.html')).toBe('../actors/MX.html');
    expect(relativeHref('es/index.html', 'es/meetings/a.html', '2.b')).toBe('meetings/a.html#2.b');
    expect(relativeHref('es/workplan/p/1~I~1~1.1.html', 'assets/site.css')).toBe('../../../assets/site.css');
    expect(relativeHref('es/workplan/p.html', 'es/workplan/p.html', '1/I/1/1.1')).toBe('p.html#1/I/1/1.1');
    expect(relativeHref('index.html', 'es/index.html')).toBe('es/index.html');
  });

  it('resolves to the target from every page of the site', () => {
    const pages = [sitePaths.home('es'), sitePaths.meeting('en', 'x y'), sitePaths.activity('es', 'p', '1/I/1/1.1'), sitePaths.actor('en', 'MX'), 'index.html', 'assets/site.css'];
    for (const from of pages) {
      for (const to of pages) {
        const href = relativeHref(from, to);
        expect(path.posix.normalize(path.posix.join(path.posix.dirname(from), decodeURIComponent(href))), `${from} → ${to}`).toBe(to);
      }
    }
  });
});
