// Handlebars wiring for reports: one isolated environment per render, the partials given, a few formatting helpers.
// HTML: Handlebars escapes every {{value}}. Markdown: the view model is Markdown-escaped first (every string, deep) and
// the template compiled without HTML escaping, so record text can neither break a table nor inject HTML.
import { isWebAddress, shortUrl } from './short-url.js';
import Handlebars from 'handlebars';
import type { Lang } from '../core/model.js';
import type { CommitmentView, DueView, LocalText } from '../core/queries/view.js';
import { message } from './catalog.js';
import { reportLabels } from './report-labels.js';
import { day, dayRange, dueText, localText } from './i18n.js';
import { daysLateText, stateText } from './late-phrases.js';
import { htmlText, mapStringsDeep, markdownText } from './escape.js';
import { stateMark } from './state-marks.js';
import type { CommitmentState } from '../core/followup/index.js';

export type TemplateFormat = 'md' | 'html';

export interface TemplateText {
  /** Where it came from, for error messages (a path). */
  readonly name: string;
  readonly text: string;
  /** This text compiled at build time for the format it is rendered in (scripts/compile-templates.mjs: Handlebars'
   * precompiled spec), when it is one of the package's templates; the text is compiled at run time otherwise. */
  readonly precompiled?: object;
}

/** How every template is compiled, at build time and at run time alike: Markdown without HTML escaping. */
export function templateOptions(format: TemplateFormat): CompileOptions {
  return { noEscape: format === 'md', strict: false, preventIndent: true };
}

type CompileOptions = NonNullable<Parameters<typeof Handlebars.compile>[1]>;

export interface TemplateSet {
  readonly main: TemplateText;
  /** Partial name (path under partials/, without .hbs: `html/style`) → its text. */
  readonly partials: Readonly<Record<string, TemplateText>>;
}

/** A template that does not compile or render: the message names the file. */
export class TemplateError extends Error {}

/** Every string in a value, Markdown-escaped (the Markdown policy); numbers, booleans and keys untouched. */
export function escapeMarkdownDeep(value: unknown): unknown {
  return mapStringsDeep(value, markdownText);
}

type HelperOptions = Handlebars.HelperOptions;
const langOf = (options: HelperOptions): Lang => ((options.data as { root?: { lang?: Lang } }).root?.lang === 'en' ? 'en' : 'es');
// Helpers get their Handlebars options object last.
const split = (args: unknown[]): { values: unknown[]; options: HelperOptions } => ({ values: args.slice(0, -1), options: args[args.length - 1] as HelperOptions });

// {{t "report" "title"}} is the catalog's `report.title`; an unknown key shows its last part, as before.
function lookupLabel(lang: Lang, keys: readonly unknown[]): string {
  return message(lang, keys.map(String).join('.')) ?? String(keys[keys.length - 1] ?? '');
}

function registerHelpers(hb: typeof Handlebars): void {
  hb.registerHelper('t', (...args: unknown[]) => {
    const { values, options } = split(args);
    return lookupLabel(langOf(options), values);
  });
  hb.registerHelper('formatDay', (d: unknown, options: HelperOptions) => (typeof d === 'string' && d ? day(d, langOf(options)) : ''));
  hb.registerHelper('formatDays', (start: unknown, end: unknown, options: HelperOptions) => (typeof start === 'string' ? dayRange(start, typeof end === 'string' ? end : undefined, langOf(options)) : ''));
  hb.registerHelper('lateBy', (n: unknown, options: HelperOptions) => (typeof n === 'number' ? daysLateText(n, langOf(options)) : ''));
  hb.registerHelper('stateText', (c: unknown, options: HelperOptions) => (c && typeof c === 'object' && 'state' in c ? stateText(c as CommitmentView, langOf(options)) : ''));
  hb.registerHelper('formatDue', (due: unknown, options: HelperOptions) => (due && typeof due === 'object' ? dueText(due as DueView, langOf(options)) : ''));
  hb.registerHelper('localText', (t: unknown, options: HelperOptions) => (t && typeof t === 'object' ? localText(t as LocalText, langOf(options)) : ''));
  // A member whose group membership no source supports (ActorRef.unsourced) is marked †; the report explains the mark.
  hb.registerHelper('names', (list: unknown) => (Array.isArray(list) && list.length ? list.map((a: { label?: string; unsourced?: boolean } | string) => (typeof a === 'string' ? a : `${a.label ?? ''}${a.unsourced ? '†' : ''}`)).join(', ') : '—'));
  hb.registerHelper('name', (a: unknown) => (a && typeof a === 'object' && 'label' in a ? `${String((a as { label: unknown }).label)}${(a as { unsourced?: boolean }).unsourced ? '†' : ''}` : ''));
  hb.registerHelper('isHttp', (url: unknown) => typeof url === 'string' && isWebAddress(url));
  hb.registerHelper('shortUrl', (url: unknown) => (typeof url === 'string' ? shortUrl(url) : ''));
  hb.registerHelper('cap', (s: unknown) => (typeof s === 'string' ? s.charAt(0).toLocaleUpperCase() + s.slice(1) : ''));
  // {{#split id "#"}}{{head}}<wbr>#{{tail}}{{/split}}: the markup stays in the template, Handlebars escapes both parts.
  hb.registerHelper('split', function (this: unknown, s: unknown, sep: unknown, options: HelperOptions) {
    const text = typeof s === 'string' ? s : '';
    const at = typeof sep === 'string' && sep ? text.indexOf(sep) : -1;
    return options.fn(at < 0 ? { head: text, tail: '', whole: text } : { head: text.slice(0, at), tail: text.slice(at + (sep as string).length), whole: text });
  });
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  hb.registerHelper('not', (a: unknown) => !a);
  // "original: español": the language the records were adopted in, named in the report's language.
  hb.registerHelper('langName', (code: unknown, options: HelperOptions) => (code === 'es' || code === 'en' ? reportLabels(langOf(options)).report.languages[code] : ''));
  hb.registerHelper('stateMark', (state: unknown) => (typeof state === 'string' ? stateMark(state as CommitmentState) : ''));
  hb.registerHelper('gt', (a: unknown, b: unknown) => typeof a === 'number' && typeof b === 'number' && a > b);
}

function compile(hb: typeof Handlebars, t: TemplateText, format: TemplateFormat): Handlebars.TemplateDelegate {
  if (t.precompiled) return hb.template(t.precompiled as Parameters<typeof hb.template>[0]);
  try {
    hb.parse(t.text); // compile() is lazy: parse now, so a broken template is named before anything renders
    return hb.compile(t.text, templateOptions(format));
  } catch (e) {
    throw new TemplateError(`${t.name}: ${(e as Error).message.split('\n')[0]}`);
  }
}

/** Render the view model through the template set: the one place each template format applies its policy — Markdown
 * gets an escaped copy of the model, HTML a copy without invalid code points (Handlebars escapes the markup). */
export function renderTemplate(set: TemplateSet, model: { readonly lang: Lang }, format: TemplateFormat): string {
  return templateRenderer(set, format)(model);
}

/** renderTemplate with the templates compiled once, for many models (the site's plan pages). */
export function templateRenderer(set: TemplateSet, format: TemplateFormat): (model: { readonly lang: Lang }) => string {
  const hb = Handlebars.create();
  registerHelpers(hb);
  const partials = Object.fromEntries(Object.entries(set.partials).map(([name, t]) => [name, compile(hb, t, format)]));
  const main = compile(hb, set.main, format);
  return (model) => {
    const data = format === 'md' ? escapeMarkdownDeep(model) : mapStringsDeep(model, htmlText);
    try {
      return main(data, { partials, allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
    } catch (e) {
      throw new TemplateError(`${set.main.name}: ${(e as Error).message.split('\n')[0]}`);
    }
  };
}
