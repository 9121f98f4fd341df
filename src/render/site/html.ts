// Typed HTML templating for the site: every interpolated value is escaped (after htmlText's policy) unless it is
// markup this module built itself (an Html value). There is no way to pass record text through raw.
import { shortUrl, WEB_ADDRESS } from '../short-url.js';
import { HTML_TOUCHED, htmlText } from '../escape.js';

/** Markup built by `html` (or an escaped attribute value): trusted, inserted as it is. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Part = Html | string | number | undefined | null | false | readonly Part[];

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML content or a quoted attribute: unsafe code points replaced, markup characters escaped. */
// Most text (names, dates, numbers, labels) has nothing to escape: one scan says so and the text is used as it is.
export function escapeHtml(s: string): string {
  if (!HTML_TOUCHED.test(s)) return s;
  return htmlText(s).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

function render(part: Part): string {
  if (typeof part === 'string') return escapeHtml(part);
  if (part instanceof Html) return part.value;
  if (part === undefined || part === null || part === false) return '';
  if (Array.isArray(part)) {
    let out = '';
    for (const p of part as readonly Part[]) out += render(p);
    return out;
  }
  return escapeHtml(String(part));
}

/** html`<p>${text}</p>`: the template's own strings are markup, every value is escaped. */
export function html(strings: TemplateStringsArray, ...values: readonly Part[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new Html(out);
}

/** Parts joined by a separator (escaped like any part). */
export function join(parts: readonly Part[], separator: Part): Html {
  return new Html(parts.map(render).join(render(separator)));
}

// Only web links leave the site as links: anything else (javascript:, data:, file:) is shown as text.
const WEB = WEB_ADDRESS;

/** An evidence or source link: an <a> for http(s) URLs, plain text otherwise. */
export function externalLink(url: string): Html {
  return WEB.test(url) ? html`<a href="${url}" title="${url}" rel="noopener noreferrer">${shortUrl(url)}</a>` : html`${url}`;
}
