// The output policies (src/render/escape.ts), one per output kind: hostile strings by example, then arbitrary ones.
import fc from 'fast-check';
import { BINARY } from '../binary-unit.js';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { csvTable } from '../../src/render/csv.js';
import { csvText, githubData, githubProperty, htmlText, icsText, jsonText, markdownText, oneLine, terminalLines, terminalSafe } from '../../src/render/escape.js';
import { renderTemplate } from '../../src/render/report-template.js';
import { runnerCommands } from '../validate/github-runner.js';

const OSC52 = '\u001b]52;c;ZXZpbA==\u0007';
const CLEAR = '\u001b[2J\u001b[H';
const BIDI = '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c';
const HOSTILE = `${OSC52}${CLEAR} bell\u0007 nul\u0000 c1\u009b31m nel\u0085 ${BIDI} ls\u2028ps\u2029 nonchar\ufdd0\uffff lone\ud800 @alice #12 ::error::x ##[error]y cr\rlf\n`;

// What each kind must never carry raw.
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;
const BIDI_OR_SEPARATOR = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/u;
const NONCHAR_OR_SURROGATE = /[\p{Noncharacter_Code_Point}\p{Cs}]/u;
const LIVE_MENTION = /(?<![A-Za-z0-9_])@(?!\u200b|&#8203;)/;

function clean(s: string): void {
  expect(s).not.toMatch(CONTROLS);
  expect(s).not.toMatch(BIDI_OR_SEPARATOR);
  expect(s).not.toMatch(NONCHAR_OR_SURROGATE);
}

describe('one policy per output kind, by example', () => {
  it('terminal: no controls, CR, bidi or workflow command; newlines kept, one-line folds them', () => {
    clean(terminalSafe(HOSTILE));
    expect(terminalSafe(HOSTILE)).not.toContain('\r');
    expect(runnerCommands(terminalSafe(HOSTILE))).toEqual([]);
    expect(terminalSafe('a\nb')).toBe('a\nb');
    expect(oneLine('a\n\tb')).toBe('a b');
    expect(terminalLines(`acta: left out (meetings/${OSC52}.yaml)\n`)).toBe('acta: left out (meetings/\uFFFD]52;c;ZXZpbA==\uFFFD.yaml)\n');
    expect(runnerCommands(terminalSafe('  ::error title=X::a\n\u00a0::warning::b\nx ##[error]c'))).toEqual([]);
  });

  it('csv: no controls; a formula cannot hide behind NUL, a control, spaces or full-width signs', () => {
    clean(csvText(HOSTILE));
    for (const cell of ['\u0000=HYPERLINK("http://x")', '\u001b=1+1', ' =1', '\t=1', '+1', '-1', '@SUM(A1)', '\uff1d1+1', '\r=1', '\n=1']) {
      expect(csvText(cell).startsWith("'"), JSON.stringify(cell)).toBe(true);
    }
    expect(csvText('plain text')).toBe('plain text');
    // Issue 26 point 15: after any leading format character (Cf), space separator (Zs) or control (Cc).
    for (const cell of ['\u200b=1+1', '\ufeff=1', '\u2060+1', '\u00ad-1', '\u200b\u00a0@SUM(A1)', '\u3000=1', '\u2003\u200c=1', '\u180e=1', '\u200d\uff1d1']) {
      expect(csvText(cell).startsWith("'"), JSON.stringify(cell)).toBe(true);
    }
    expect(csvText('\u200bplain')).toBe('\u200bplain');
    expect(csvTable([['\u0000=HYPERLINK("http://x")']])).toBe('"\'\uFFFD=HYPERLINK(""http://x"")"\r\n');
  });

  it('html: no invalid code point or bidi control reaches the page; Handlebars escapes the markup', () => {
    clean(htmlText(HOSTILE));
    const html = renderTemplate({ main: { name: 't', text: '<p title="{{x}}">{{x}}</p>' }, partials: {} }, { lang: 'en', x: `${HOSTILE}<b>` } as { lang: 'en' }, 'html');
    clean(html.replace(/\r|\n/g, ''));
    expect(html).toContain('&lt;b&gt;');
  });

  it('json: lossless, and C1, bidi and separators are \\u escapes, not raw', () => {
    const out = jsonText({ text: HOSTILE });
    clean(out.replace(/\n/g, ''));
    expect(JSON.parse(out)).toEqual({ text: HOSTILE });
    expect(out).toContain('\\u009b');
    expect(out).toContain('\\u202e');
  });

  it('markdown: one line, no HTML, no live @mention (the same policy as `diff -f md`)', () => {
    const md = markdownText(HOSTILE);
    clean(md);
    expect(md).not.toMatch(LIVE_MENTION);
    expect(md).not.toContain('\n');
    expect(markdownText('<img src=x> | *a* [b](c) @team e@mail grcm#2')).toBe('&lt;img src=x&gt; \\| \\*a\\* \\[b\\](c) @&#8203;team e@mail grcm#2');
  });

  it('ics: controls dropped, TEXT escaped, still a valid calendar', () => {
    const text = icsText(HOSTILE);
    clean(text);
    expect(text).not.toMatch(/[\r\n]/);
    const cal = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//t//t//EN', 'BEGIN:VEVENT', 'UID:1', 'DTSTAMP:20200101T000000Z', 'DTSTART;VALUE=DATE:20200101', `SUMMARY:${text}`, 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');
    expect(() => ICAL.parse(cal)).not.toThrow();
  });

  it('github: the runner\'s own escaping — a CR becomes %0D, not nothing', () => {
    expect(githubData('a%b\r\nc')).toBe('a%25b%0D%0Ac');
    expect(githubProperty('f:1,2\r')).toBe('f%3A1%2C2%0D');
    clean(githubData(HOSTILE));
  });
});

describe('property: every policy holds for arbitrary text', () => {
  const PIECES = [OSC52, CLEAR, '\u0000', '\u009b', '\u0085', '\r', '\n', '\t', ' ', '::', '##[', '@', '#', '=', '+', '-', '|', '<', '\ud800', '\udfff', '\ufffe', ...BIDI];
  const text = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: BINARY, maxLength: 5 }), fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)), maxLength: 3 })), { maxLength: 10 }).map((parts) => parts.join(''));

  it('terminal, csv, html, json, markdown, ics, github', () => {
    fc.assert(
      fc.property(text, (s) => {
        for (const out of [terminalSafe(s), oneLine(s), csvText(s), htmlText(s), markdownText(s), icsText(s), githubData(s), githubProperty(s), jsonText(s).replace(/\n/g, '')]) clean(out);
        expect(runnerCommands(terminalSafe(s))).toEqual([]);
        expect(oneLine(oneLine(s))).toBe(oneLine(s)); // renderers may apply it to text that already went through it
        expect(runnerCommands(`${oneLine(s)}\n${oneLine(s)}`)).toEqual([]);
        expect(csvText(s)).not.toMatch(/^[\s\uFFFD]*[=+\-@\uff1d\uff0b\uff0d\uff20]/);
        expect(JSON.parse(jsonText(s))).toBe(s);
        expect(markdownText(s)).not.toMatch(LIVE_MENTION);
        expect(icsText(s)).not.toMatch(/[\r\n]/);
      }),
      { numRuns: 500 },
    );
  });
});

describe('htmlText: the quick test of plain text never lets an unsafe code point through', () => {
  it('is the full scan for any string, and changes nothing in plain text', () => {
    const full = (x: string): string => x.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\p{Noncharacter_Code_Point}\p{Cs}]/gu, '\uFFFD');
    // Every code point at the edges of the quick test's ranges, and strings of them.
    const edges = [0x8, 0x9, 0xa, 0xb, 0xd, 0xe, 0x1f, 0x20, 0x7e, 0x7f, 0x9f, 0xa0, 0x61b, 0x61c, 0x61d, 0x200d, 0x200e, 0x200f, 0x2010, 0x2027, 0x2028, 0x2029, 0x202e, 0x202f, 0x2065, 0x2066, 0x2069, 0x206a, 0xd7ff, 0xd800, 0xdfff, 0xe000, 0xfdd0, 0xfffe, 0xffff].map((c) => String.fromCharCode(c));
    for (const c of edges) expect(htmlText(`ab${c}cd`), c.charCodeAt(0).toString(16)).toBe(full(`ab${c}cd`));
    fc.assert(fc.property(fc.array(fc.oneof(fc.constantFrom(...edges), fc.string({ unit: BINARY })), { maxLength: 8 }).map((p) => p.join('')), (x) => {
      expect(htmlText(x)).toBe(full(x));
    }), { numRuns: 3000 });
    expect(htmlText('Acuerdo «informe» — 2.º semestre… “ok”')).toBe('Acuerdo «informe» — 2.º semestre… “ok”');
  });
});

// The policies return plain text as it is after one scan (escape.ts: *_TOUCHED): on text with and without the
// characters each one acts on, the answer is the whole chain's, written out here as it stood before that shortcut.
describe('the one-scan shortcut changes no answer', () => {
  const UNSAFE_REF = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\p{Noncharacter_Code_Point}\p{Cs}]/gu;
  const terminalRef = (s: string): string => s.replace(UNSAFE_REF, '\uFFFD').replace(/\r/g, '').replace(/:(?=:)|#(?=#\[)/g, '$&\u200B');
  const oneLineRef = (s: string): string => terminalRef(s).replace(/[\n\t]+/g, ' ');
  const markdownRef = (s: string): string =>
    oneLineRef(s)
      .replace(/[&<>]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt' }[c]};`)
      .replace(/[\\`*_[\]|~]/g, '\\$&')
      .replace(/(?<![A-Za-z0-9_])#/g, '\\#')
      .replace(/(?<![A-Za-z0-9_])@/g, '@&#8203;')
      .replace(/^[-+]/, '\\$&');
  const piece = fc.oneof(
    fc.constantFrom('a', 'palabra', ' ', ':', '::', '\ud83f\udffe', '\ud83d\ude00', '\udc00', '\ufdef', '\ufffe', '\u061c', '#', '##[', '@', '-', '+', '\n', '\t', '\r', '&', '<', '>', '\\', '`', '*', '_', '[', ']', '|', '~', 'ñ', '\u0000', '\u009b', '\u202e', '\u2028', '\ufdd0', '\ud800', '\uFFFD', '\u00a0'),
    fc.string({ maxLength: 6 }),
  );
  const text = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));
  it('html (unsafe code points), terminal, one line and markdown equal their full chains', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(htmlText(s)).toBe(s.replace(UNSAFE_REF, '\uFFFD'));
        expect(terminalSafe(s)).toBe(terminalRef(s));
        expect(oneLine(s)).toBe(oneLineRef(s));
        expect(markdownText(s)).toBe(markdownRef(s));
      }),
      { numRuns: 2000 },
    );
    for (const s of ['plain words', '-dash', '+plus', 'a::b', 'x ##[y', 'a#1', 'a@b', '']) expect(markdownText(s)).toBe(markdownRef(s));
  });
});

describe('JSON: the characters escaped', () => {
  it('are those of the \\p{Noncharacter_Code_Point} form, on every code point of the BMP and the ends of every plane', () => {
    const reference = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\p{Noncharacter_Code_Point}]/u;
    const points: number[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) if (cp < 0xd800 || cp > 0xdfff) points.push(cp);
    for (let plane = 1; plane <= 16; plane++) for (let k = 0; k < 0x40; k++) points.push(plane * 0x10000 + k, plane * 0x10000 + 0xffc0 + k);
    for (const cp of points) {
      const ch = String.fromCodePoint(cp);
      const escaped = jsonText(`a${ch}b`) !== `${JSON.stringify(`a${ch}b`, null, 2)}\n`;
      if (escaped !== reference.test(ch)) expect(`U+${cp.toString(16)} ${escaped}`).toBe(`U+${cp.toString(16)} ${reference.test(ch)}`);
    }
  });
});
