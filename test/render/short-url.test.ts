// Evidence addresses as link text: host + path, shortened; only http(s) addresses are shortened (and linked).
import { describe, expect, it } from 'vitest';
import { isWebAddress, shortUrl } from '../../src/render/short-url.js';

describe('shortUrl', () => {
  it('drops the scheme, www., the query, the fragment and a trailing slash', () => {
    expect(shortUrl('https://www.crmsv.org/documentos/')).toBe('crmsv.org/documentos');
    expect(shortUrl('http://example.org/a/b.pdf?x=1#p2')).toBe('example.org/a/b.pdf');
    expect(shortUrl('https://example.org')).toBe('example.org');
  });

  it('cuts a long path in its middle, keeping the host and the last step', () => {
    const url = 'https://www.crmsv.org/sites/default/files/documentos-de-trabajo/2017/red-nna/informe-final-2017.pdf';
    expect(shortUrl(url)).toBe('crmsv.org/…/informe-final-2017.pdf');
    expect(shortUrl(`https://example.org/x/${'a'.repeat(80)}`)).toHaveLength(48);
    expect(shortUrl(`https://example.org/x/${'a'.repeat(80)}`).endsWith('…')).toBe(true);
  });

  it('leaves anything but http(s) as it is, and does not call it a web address', () => {
    for (const bad of ['javascript:alert(1)', 'JAVASCRIPT://x/%0aalert(1)', 'data:text/html,<b>', 'ftp://example.org/a', 'informe.pdf']) {
      expect(isWebAddress(bad)).toBe(false);
      expect(shortUrl(bad)).toBe(bad);
    }
  });
});
