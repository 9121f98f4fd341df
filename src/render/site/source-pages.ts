// A source document the records cite, as a page: its name, then its lines, each numbered with an anchor of its own
// (#L36), so a reference to "line 36" can link to it. Every line is text (escaped like any record text); long lines
// wrap, so the page never scrolls sideways on a phone.
import { t } from '../catalog.js';
import type { LinkContext } from './components.js';
import type { Html } from './html.js';
import { html } from './html.js';
import { relativeHref, sitePaths } from './paths.js';

/** The anchor of a line of a source page. */
export const lineAnchor = (line: number): string => `L${line}`;

/** A cited document: a link to its page (at a line when given) when the site ships it, else its name as text. */
export function sourceLink(name: string, lc: LinkContext, line?: number): Html {
  const where = line === undefined ? '' : t(lc.lang, 'site.sourceLine', { line });
  if (!lc.sources.has(name)) return html`${name}${where}`;
  return html`<a href="${relativeHref(lc.path, sitePaths.source(lc.lang, name), line === undefined ? undefined : lineAnchor(line))}">${name}${where}</a>`;
}

export function sourcePage(name: string, text: string, lc: LinkContext): Html {
  const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
  return html`<h1><span class="kind">${t(lc.lang, 'site.sourceDocument')}:</span> ${name}</h1>
<p class="subtitle">${t(lc.lang, 'site.sourceLines', { count: lines.length })}</p>
<ol class="source-lines">
${lines.map((line, i) => html`<li id="${lineAnchor(i + 1)}"><a class="ln" href="#${lineAnchor(i + 1)}">${i + 1}</a> <span class="text">${line}</span></li>
`)}</ol>`;
}
