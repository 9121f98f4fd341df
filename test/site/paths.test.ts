// Where the site's pages live and how they link: file names from record ids never collide or climb out of their
// folder, and relative links lead from any page to any other.
import fc from 'fast-check';
import { BINARY } from '../binary-unit.js';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSlug, relativeHref, sitePaths } from '../../src/render/site/paths.js';

describe('fileSlug', () => {
  it('keeps plain ids, and turns every other character into _XX_', () => {
    expect(fileSlug('2017-06-21-red-trata')).toBe('2017-06-21-red-trata');
    expect(fileSlug('1.1')).toBe('1.1');
    expect(fileSlug('a/b')).toBe('a_2f_b');
    expect(fileSlug('..')).toBe('_2e__2e_');
    expect(fileSlug('a_b')).toBe('a_5f_b');
    expect(fileSlug('é1')).not.toBe(fileSlug('\u0e91'));
  });

  it('never collides, never names a hidden file or a parent folder', () => {
    fc.assert(
      fc.property(fc.string({ unit: BINARY }), fc.string({ unit: BINARY }), (a, b) => {
        const x = fileSlug(a);
        if (a !== b) expect(x).not.toBe(fileSlug(b));
        expect(x.startsWith('.')).toBe(false);
        expect(x).not.toMatch(/[/\\]/);
      }),
    );
  });
});

// Issue 26 point 14: a site copied to macOS or Windows keeps every page.
const fold = (s: string): string => s.toLowerCase();
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3]|conin\$|conout\$)$/i;

describe('file names on file systems that ignore case, and on Windows', () => {
  it('MX and mx, I and i, Con and con are different files even without case; a country keeps its code', () => {
    expect(fileSlug('MX')).toBe('MX~');
    expect(fold(fileSlug('MX'))).not.toBe(fold(fileSlug('mx')));
    expect(fold(fileSlug('I'))).not.toBe(fold(fileSlug('i')));
    expect(fold(fileSlug('Con'))).not.toBe(fold(fileSlug('con')));
    expect(fold(sitePaths.actor('es', 'MX'))).not.toBe(fold(sitePaths.actor('es', 'mx')));
    expect(fold(sitePaths.activity('es', 'p', '1/I/1/1.1'))).not.toBe(fold(sitePaths.activity('es', 'p', '1/i/1/1.1')));
    expect(fileSlug('2017-06-21-red-trata')).toBe('2017-06-21-red-trata');
  });

  it.each(['con', 'CON', 'nul', 'Aux', 'prn', 'com1', 'COM9', 'lpt3', 'con.x', 'nul.tar.gz', 'com\u00b9', 'conin$'])('%s is not a reserved device name', (id) => {
    const slug = fileSlug(id);
    expect(WINDOWS_RESERVED.test(slug.split('.')[0]!)).toBe(false);
    expect(WINDOWS_RESERVED.test(sitePaths.actor('es', id).split('/').pop()!.split('.')[0]!)).toBe(false);
    expect(slug.endsWith('.')).toBe(false);
  });

  it('never collides without case, never a reserved name, never ends in a dot', () => {
    const id = fc.oneof(fc.string({ unit: BINARY, maxLength: 6 }), fc.stringMatching(/^(?:[A-Za-z]{1,3}|con|nul|Com[0-9]|[a-zA-Z.]{1,4})$/));
    fc.assert(
      fc.property(id, id, (a, b) => {
        const x = fileSlug(a);
        if (a !== b) expect(fold(x)).not.toBe(fold(fileSlug(b)));
        expect(WINDOWS_RESERVED.test(x.split('.')[0]!)).toBe(false);
        expect(x.endsWith('.')).toBe(false);
      }),
      { numRuns: 2000 },
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

  it('is the segment-by-segment link (the way it was written before its fast path), for any two paths', () => {
    // The reference: split both paths, skip the folders they share, one '..' per folder left, each segment encoded.
    const reference = (from: string, to: string, fragment?: string): string => {
      const a = from.split('/').slice(0, -1);
      const b = to.split('/');
      let common = 0;
      while (common < a.length && common < b.length - 1 && a[common] === b[common]) common++;
      const rel = [...Array<string>(a.length - common).fill('..'), ...b.slice(common)].map((s) => (s === '..' ? s : encodeURIComponent(s).replace(/%7E/gi, '~'))).join('/');
      return fragment === undefined ? rel : `${rel}#${encodeURIComponent(fragment).replace(/%2F/gi, '/')}`;
    };
    const segment = fc.oneof(fc.constantFrom('es', 'en', 'actors', 'MX~', 'a', 'ab', 'x y', 'ñ', '1~I~~1', '%', 'index.html'), fc.string({ minLength: 1, maxLength: 4 }).filter((s) => !s.includes('/') && s !== '..'));
    const sitePath = fc.array(segment, { minLength: 1, maxLength: 4 }).map((p) => p.join('/'));
    fc.assert(fc.property(sitePath, sitePath, fc.option(fc.string({ maxLength: 6 }), { nil: undefined }), (from, to, fragment) => {
      expect(relativeHref(from, to, fragment)).toBe(reference(from, to, fragment));
    }), { numRuns: 2000 });
  });
});
