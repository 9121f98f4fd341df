// The frame of every page: a strict Content-Security-Policy (nothing outside the site, no inline code), the one
// stylesheet, the navigation, a language switch that leads to the same page in the other language, and the footer.
import type { Lang } from '../../core/model.js';
import { day } from '../i18n.js';
import type { Part } from './html.js';
import { Html, html } from './html.js';
import { relativeHref, SITE_SCRIPT, sitePaths, STYLESHEET } from './paths.js';
import { siteLabels } from './site-labels.js';

// No request may leave the site: every fetch kind defaults to none; scripts, styles and images only from the site
// itself. Chromium lets 'self' match file: pages' own folder tree, so this holds from a USB stick too.
export const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'";

export interface PageFrame {
  readonly lang: Lang;
  /** Where the page lives, from the site's root (es/meetings/x.html). */
  readonly path: string;
  readonly title: string;
  readonly siteTitle: string;
  readonly asOf: string;
  readonly scripts?: readonly string[];
}

// Browsers and bookmarks show about 70 characters of a title: longer ones are cut at a word, with an ellipsis.
function shortTitle(title: string): string {
  if (title.length <= 70) return title;
  const cut = title.slice(0, 69);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 40 ? cut.lastIndexOf(' ') : 69)}…`;
}

export const otherLang = (lang: Lang): Lang => (lang === 'es' ? 'en' : 'es');

/** The same page in the other language: the paths differ only in their first folder. */
export function switchPath(path: string, lang: Lang): string {
  return `${otherLang(lang)}/${path.slice(path.indexOf('/') + 1)}`;
}

export function renderPage(frame: PageFrame, main: Part): string {
  const { lang, path } = frame;
  const w = siteLabels(lang);
  const to = (target: string): string => relativeHref(path, target);
  const other = otherLang(lang);
  const nav: [string, string][] = [
    [w.home, sitePaths.home(lang)],
    [w.meetings, sitePaths.meetings(lang)],
    [w.actors, sitePaths.actors(lang)],
    [w.workplan, sitePaths.plans(lang)],
    [w.overdue, sitePaths.overdue(lang)],
    [w.upcoming, sitePaths.upcoming(lang)],
    [w.search, sitePaths.search(lang)],
  ];
  const page: Html = html`<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${shortTitle(frame.title)}</title>
<link rel="stylesheet" href="${to(STYLESHEET)}">
<link rel="alternate" hreflang="${other}" href="${to(switchPath(path, lang))}">
</head>
<body>
<a class="skip" href="#main">${w.skip}</a>
<header class="site">
<p class="brand"><a href="${to(sitePaths.home(lang))}">${frame.siteTitle}</a></p>
<nav aria-label="${w.nav}">
<ul>
${nav.map(([label, target]) => html`<li><a href="${to(target)}"${target === path ? html` aria-current="page"` : ''}>${label}</a></li>
`)}</ul>
</nav>
<p class="lang"><a href="${to(switchPath(path, lang))}" hreflang="${other}" lang="${other}" title="${w.otherLangLabel}">${w.otherLang}</a></p>
</header>
<main id="main">
${main}
</main>
<footer class="site">
<p>${w.generated} ${day(frame.asOf, lang)}.</p>
</footer>
${[SITE_SCRIPT, ...(frame.scripts ?? [])].map((s) => html`<script src="${to(s)}"></script>
`)}</body>
</html>
`;
  return page.value;
}

// Stands for the main content while the frame is rendered; record text can never hold it (htmlText replaces U+0000).
const MAIN_SLOT = '\u0000acta-main\u0000';

/** A page whose main content comes in pieces (a list of thousands of rows): the frame, then each piece as it is
 * rendered, then the frame's end — the same text as renderPage with the pieces joined. */
export function* renderPagePieces(frame: PageFrame, main: Iterable<Html>): Generator<string> {
  const page = renderPage(frame, new Html(MAIN_SLOT));
  const at = page.indexOf(MAIN_SLOT);
  yield page.slice(0, at);
  for (const piece of main) yield piece.value;
  yield page.slice(at + MAIN_SLOT.length);
}

/** The site's root page: sends to the authentic language without script (a meta refresh and a plain link). */
export function renderRootIndex(authentic: Lang, siteTitle: string): string {
  const first = sitePaths.home(authentic);
  const second = sitePaths.home(otherLang(authentic));
  const es = siteLabels('es');
  return html`<!DOCTYPE html>
<html lang="${authentic}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta http-equiv="refresh" content="0; url=${first}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${shortTitle(siteTitle)}</title>
<link rel="stylesheet" href="${STYLESHEET}">
</head>
<body>
<main id="main">
<h1>${siteTitle}</h1>
<p>${es.redirect}</p>
<ul>
<li><a href="${first}" hreflang="${authentic}">${siteLabels(authentic).home} (${authentic})</a></li>
<li><a href="${second}" hreflang="${otherLang(authentic)}" lang="${otherLang(authentic)}">${siteLabels(otherLang(authentic)).home} (${otherLang(authentic)})</a></li>
</ul>
</main>
</body>
</html>
`.value;
}
