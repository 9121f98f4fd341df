// The XML text of an object from the docx library's formatter (`{ 'w:b': { _attr: { 'w:val': false } } }`), written
// exactly as the library writes it (docx 9's stringifyXmlable, src/util/xml/stringify.ts, without indentation: acta
// never asks for it). The library does not export its writer. The `xml` package it once used writes the same text for
// acta's (docxText has dropped the code points it would keep) but was measured far dearer: report -f docx at 2,000
// meetings 994 MB and 18.9 s of CPU against 483 MB and 12.4 s with this (same bytes). So this is the library's code,
// kept to the case acta uses; the test that makes whole documents both ways (test/docx/deferred.test.ts) fails if a
// later version of the library writes otherwise.
const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
// eslint-disable-next-line no-control-regex
const ESCAPED = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;

const escapeValue = (value: unknown): unknown => (typeof value === 'string' ? value.replace(ESCAPED, (c) => ESCAPES[c] ?? '') : value);

interface Element {
  readonly name: string | undefined;
  readonly attributes: string[];
  readonly content: (Element | unknown)[];
}

function resolve(data: Record<string, unknown>): Element {
  const name = Object.keys(data)[0];
  const values = name === undefined ? undefined : data[name];
  const attributes: string[] = [];
  const content: (Element | unknown)[] = [];
  const addAttributes = (attr: Record<string, unknown>): void => {
    for (const [key, value] of Object.entries(attr)) attributes.push(`${key}="${String(escapeValue(value))}"`);
  };
  if (typeof values === 'object') {
    if (values !== null) {
      const { _attr: attr, _cdata: cdata } = values as { _attr?: Record<string, unknown>; _cdata?: string };
      if (attr) addAttributes(attr);
      if (cdata) content.push(`<![CDATA[${cdata.replace(/\]\]>/g, ']]]]><![CDATA[>')}]]>`);
      if (Array.isArray(values)) {
        let isStringContent = false;
        content.push('');
        for (const value of values) {
          if (typeof value === 'object') {
            if (Object.keys(value as object)[0] === '_attr') addAttributes((value as { _attr: Record<string, unknown> })._attr);
            else content.push(resolve(value as Record<string, unknown>));
          } else {
            content.pop();
            isStringContent = true;
            content.push(escapeValue(value));
          }
        }
        if (!isStringContent) content.push('');
      }
    }
  } else content.push(escapeValue(values));
  return { name, attributes, content };
}

function format(element: Element | unknown): string {
  if (typeof element !== 'object' || element === null) return String(element);
  const { name, attributes, content } = element as Element;
  const open = (name ? `<${name}` : '') + (attributes.length > 0 ? ` ${attributes.join(' ')}` : '') + (content.length > 0 ? (name ? '>' : '') : '/>');
  if (content.length === 0) return open;
  return open + content.map((child) => (child === undefined ? '' : format(child))).join('') + (name ? `</${name}>` : '');
}

/** The XML of one formatted object, as the docx library writes it (no declaration, no indentation). */
export function xmlText(input: Record<string, unknown>): string {
  return format(resolve(input));
}
