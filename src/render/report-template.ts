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
  /** Every text is the package's own (no --template, nothing under the records' templates/): the report may give it
   * the rows it prints rather than whole views (core/queries/view.ts CommitmentLine). */
  readonly packaged?: true;
}

/** A template that does not compile or render: the message names the file. */
export class TemplateError extends Error {}

// Handlebars' parse error is "Parse error on line N:", then the line and a caret under the place, then the tokens it
// expected: the first three lines (the first alone said nothing after its colon); any other error, its first line.
function templateMessage(e: unknown): string {
  const lines = (e as Error).message.split('\n');
  return /^Parse error on line \d+:$/.test(lines[0] ?? '') && lines.length >= 3 ? lines.slice(0, 3).join('\n') : lines[0]!;
}

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

// A label's text by language and keys, for one environment: the same few labels are asked once per row of a table
// ("nobody", "earlier", "delivered"), and each look-up found the run's catalog anew (html report at 2,000 meetings:
// ~0.1 s). Keys joined with NUL, which no key of a catalog holds; a key that holds one is looked up every time.
type LabelCache = Map<string, string>;

function cachedLabel(labels: LabelCache, lang: Lang, keys: readonly unknown[]): string {
  let at: string = lang;
  for (const k of keys) {
    const part = String(k);
    if (part.includes('\u0000')) return lookupLabel(lang, keys);
    at += `\u0000${part}`;
  }
  let label = labels.get(at);
  if (label === undefined) labels.set(at, (label = lookupLabel(lang, keys)));
  return label;
}

function registerHelpers(hb: typeof Handlebars): void {
  const labels: LabelCache = new Map();
  // {{t "workplan" "activityCount" count=n}}: a message with parameters (a plural) takes them as the hash.
  hb.registerHelper('t', (...args: unknown[]) => {
    const { values, options } = split(args);
    const params = options.hash as Record<string, string | number> | undefined;
    if (params && Object.keys(params).length) return message(langOf(options), values.map(String).join('.'), params) ?? String(values[values.length - 1] ?? '');
    return cachedLabel(labels, langOf(options), values);
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
    throw new TemplateError(`${t.name}: ${templateMessage(e)}`);
  }
}

/** Render the view model through the template set: the one place each template format applies its policy — Markdown
 * gets an escaped copy of the model, HTML a copy without invalid code points (Handlebars escapes the markup). */
export function renderTemplate(set: TemplateSet, model: { readonly lang: Lang }, format: TemplateFormat): string {
  return templateRenderer(set, format)(model);
}

/**
 * renderTemplate's text in parts, made as they are written: at 8,000 meetings a report is 30 MB of text, and
 * Handlebars builds it as one string out of millions of small ones (a rope several times the text's size) before
 * anything is written. Here every partial (each section, each row a partial renders) is rendered when its turn
 * comes: a partial's call leaves a marker and the partial's arguments; the text before the marker is given out, then
 * the partial's own text, the same way, then the text after. The pieces join into renderTemplate's text exactly (the
 * call the marker stands for is the one Handlebars would have made; the data frame it saw, @index and the rest, is
 * copied as it was). Parts are about PART_SIZE characters. A failure while rendering is a TemplateError, as in
 * renderTemplate — thrown when the part it is in is made.
 */
export function renderTemplateParts(set: TemplateSet, model: { readonly lang: Lang }, format: TemplateFormat): Iterable<string> {
  return templatePartsRenderer(set, format)(model);
}

/** Characters a part of renderTemplateParts holds, about (a part is given out once it passes this). */
export const PART_SIZE = 64 * 1024;

/** Items of an `{{#each}}` rendered together, when their turn comes (a table of 50,000 rows is 1,000 such chunks). */
export const EACH_CHUNK = 50;

type HandlebarsFrame = Record<string, unknown> & { _parent?: unknown };

// A frame as it is now: Handlebars' `each` changes its frame's @index, @key, @first and @last in place for every item.
function frameNow(frame: unknown): unknown {
  if (!frame || typeof frame !== 'object') return frame;
  const copy: HandlebarsFrame = { ...(frame as HandlebarsFrame) };
  if (copy._parent !== undefined) copy._parent = frameNow(copy._parent);
  return copy;
}

// A compiled template's runtime state (Handlebars' `container`): the partials its programs see right now.
interface Container {
  partials: Record<string, unknown>;
}

/** An inline partial's scope: the partials a template's programs saw while the program that declares it ran. */
interface InlineScope {
  readonly container: Container;
  readonly partials: Record<string, unknown>;
}

function templatePartsRenderer(set: TemplateSet, format: TemplateFormat): (model: { readonly lang: Lang }) => Iterable<string> {
  const hb = Handlebars.create();
  registerHelpers(hb);
  // {{#*inline "name"}}: Handlebars' own decorator adds a program's inline partials to its template's partials while
  // that program runs and takes them out after. A call deferred here runs after, and found no such partial. This
  // decorator does what Handlebars' does and also keeps the scopes open now (innermost last); a deferred call takes
  // them as they were when it was made and puts them back while it runs.
  let scopes: readonly InlineScope[] = [];
  const inScopes = (seen: readonly InlineScope[], make: () => string): string => {
    const outer = scopes;
    const before = seen.map((scope) => scope.container.partials);
    for (const scope of seen) scope.container.partials = scope.partials;
    scopes = seen;
    try {
      return make();
    } finally {
      for (let i = seen.length - 1; i >= 0; i--) seen[i]!.container.partials = before[i]!;
      scopes = outer;
    }
  };
  type Program = (context: unknown, options?: unknown) => string;
  hb.registerDecorator('inline', (fn: Program, props: { partials?: Record<string, unknown> }, container: Container, options: { args: unknown[]; fn: unknown }): Program => {
    let program = fn;
    if (!props.partials) {
      const own: Record<string, unknown> = (props.partials = {});
      program = (context, runOptions) => {
        const original = container.partials;
        container.partials = { ...original, ...own };
        const outer = scopes;
        scopes = [...outer, { container, partials: container.partials }];
        try {
          return fn(context, runOptions);
        } finally {
          container.partials = original;
          scopes = outer;
        }
      };
    }
    props.partials[String(options.args[0])] = options.fn;
    return program;
  });
  const real = Object.fromEntries(Object.entries(set.partials).map(([name, t]) => [name, compile(hb, t, format)]));
  const main = compile(hb, set.main, format);
  const each = hb.helpers['each'] as Handlebars.HelperDelegate;
  return (model) => ({
    *[Symbol.iterator]() {
      const data = format === 'md' ? escapeMarkdownDeep(model) : mapStringsDeep(model, htmlText);
      const nonce = Math.random().toString(36).slice(2, 10);
      const marker = new RegExp(`\u0000acta-${nonce}-([0-9]+)\u0000`, 'g');
      const calls = new Map<number, () => string>();
      let next = 0;
      const later = (make: () => string): string => {
        const id = next++;
        const seen = scopes;
        calls.set(id, seen.length ? () => inScopes(seen, make) : make);
        return `\u0000acta-${nonce}-${id}\u0000`;
      };
      const defer = (partial: Handlebars.TemplateDelegate) => (context: unknown, options?: Handlebars.RuntimeOptions & { indent?: string }): string => {
        // An indented partial (templates compiled without preventIndent) has its lines indented by the caller: made now.
        if (!options || options.indent) return partial(context, options);
        const now = { ...options, data: frameNow(options.data) };
        return later(() => partial(context, now));
      };
      const partials = Object.fromEntries(Object.entries(real).map(([name, p]) => [name, defer(p)]));
      // {{#each}} over an array: Handlebars' own rule (a frame per item with @key, @index, @first, @last; block params
      // item and index), its items rendered EACH_CHUNK at a time, each chunk when its turn comes — a few big items (the
      // annex's statements) as well as many small ones (a table's rows).
      hb.registerHelper('each', function (this: unknown, context: unknown, options: Handlebars.HelperOptions) {
        if (!Array.isArray(context) || context.length === 0 || !options?.fn) return each.call(this, context, options);
        const base = options.data ? hb.createFrame(frameNow(options.data)) : undefined;
        const items = context as unknown[];
        let out = '';
        for (let start = 0; start < items.length; start += EACH_CHUNK) {
          const end = Math.min(start + EACH_CHUNK, items.length);
          out += later(() => {
            // One frame for the chunk, changed in place for every item as Handlebars' own `each` does: an item is
            // rendered at once, and whatever in it is deferred (a partial, an inner each) copies the frame as it is.
            const frame: HandlebarsFrame | undefined = base ? { ...base } : undefined;
            let text = '';
            for (let i = start; i < end; i++) {
              if (!(i in items)) continue;
              if (frame) {
                frame['key'] = i;
                frame['index'] = i;
                frame['first'] = i === 0;
                frame['last'] = i === items.length - 1;
              }
              // Read once: an item of a lazy array is made on each reading (core/queries/lazy-list.ts).
              const item = items[i];
              text += options.fn(item, frame ? { data: frame, blockParams: [item, i] } : { blockParams: [item, i] });
            }
            return text;
          });
        }
        return out;
      });
      const run = (make: () => string): string => {
        try {
          return make();
        } catch (e) {
          throw new TemplateError(`${set.main.name}: ${templateMessage(e)}`);
        }
      };
      let buffer = '';
      // The text, depth first: literal text between markers into the buffer, each marker's call rendered in its place.
      const stack: { text: string; at: number }[] = [{ text: run(() => main(data, { partials, allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false })), at: 0 }];
      while (stack.length) {
        const top = stack[stack.length - 1]!;
        marker.lastIndex = top.at;
        const found = marker.exec(top.text);
        if (!found) {
          buffer += top.at === 0 ? top.text : top.text.slice(top.at);
          stack.pop();
        } else {
          if (found.index > top.at) buffer += top.text.slice(top.at, found.index);
          top.at = found.index + found[0].length;
          const id = Number(found[1]);
          const call = calls.get(id)!;
          calls.delete(id);
          stack.push({ text: run(call), at: 0 });
        }
        if (buffer.length >= PART_SIZE) {
          yield buffer;
          buffer = '';
        }
      }
      if (buffer) yield buffer;
    },
  });
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
      throw new TemplateError(`${set.main.name}: ${templateMessage(e)}`);
    }
  };
}
