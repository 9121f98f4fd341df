// Output escaping for hostile record text: CSV formulas and quoting, iCalendar escaping and folding, Markdown, terminals.
import fc from 'fast-check';
import { BINARY } from '../binary-unit.js';
import { describe, expect, it } from 'vitest';
import { csvTable } from '../../src/render/csv.js';

const csvCell = (value: string | number): string => csvTable([[value]]).replace(/\r\n$/, '');
import { foldLine, icsText, icsUid } from '../../src/render/ics.js';
import { mdCell } from '../../src/render/markdown.js';
import { lateCell } from '../../src/render/commitment-cells.js';
import type { Style } from '../../src/render/style.js';

describe('csv', () => {
  it('prefixes cells a spreadsheet would run as formulas', () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(csvCell(s).replace(/^"/, '').startsWith(`'`)).toBe(true);
    expect(csvCell('2017-07-21')).toBe('2017-07-21');
    expect(csvCell(-3)).toBe('-3');
  });

  it('quotes per RFC 4180: commas, quotes, CR and LF; rows end in CRLF', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvTable([['a', 'b'], [1, undefined]])).toBe('a,b\r\n1,\r\n');
  });

  it('round-trips any text through a strict RFC 4180 reader', () => {
    const read = (line: string): string[] => {
      const out: string[] = [];
      let i = 0;
      while (i <= line.length) {
        if (line[i] === '"') {
          let v = '';
          i++;
          for (;;) {
            if (line[i] === '"' && line[i + 1] === '"') (v += '"'), (i += 2);
            else if (line[i] === '"') break;
            else v += line[i++];
          }
          out.push(v);
          i += 2;
        } else {
          const end = line.indexOf(',', i);
          out.push(line.slice(i, end < 0 ? line.length : end));
          i = end < 0 ? line.length + 1 : end + 1;
        }
      }
      return out;
    };
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 4 }), (cells) => {
        const text = csvTable([cells]).slice(0, -2);
        // A formula may hide behind leading spaces (the CSV policy in render/escape.ts guards that too).
        const guarded = cells.map((c) => (/^[\t\r\n]|^\s*[=+\-@]/.test(c) ? `'${c}` : c));
        expect(read(text)).toEqual(guarded);
      }),
    );
  });
});

describe('ics', () => {
  it('escapes backslash, semicolon, comma and newlines in TEXT, and drops controls', () => {
    expect(icsText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
    expect(icsText('x\u001b[31my\u0007')).toBe('x[31my');
  });

  it('folds at 75 octets without splitting a UTF-8 character', () => {
    const line = 'SUMMARY:' + '😀'.repeat(40) + 'ñ'.repeat(40);
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    for (const p of parts) expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
    expect(folded).not.toMatch(/\uFFFD/);
    expect(foldLine('short')).toBe('short');
  });

  it('never splits a character, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        const parts = foldLine('DESCRIPTION:' + s).split('\r\n');
        for (const p of parts) {
          expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
          expect(Buffer.from(p, 'utf8').toString('utf8')).toBe(p);
          expect(p).not.toMatch(/[\uD800-\uDBFF]$|^ ?[\uDC00-\uDFFF]/);
        }
      }),
    );
  });

  it('folds greedily: each line but the last is as long as it can be (the cut points RFC 5545 readers expect)', () => {
    const octetsOf = (s: string): number => Buffer.byteLength(s, 'utf8'); // a lone surrogate: 3 (U+FFFD), as foldLine counts it
    const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ unit: BINARY, maxLength: 300 }), fc.string({ maxLength: 300 }));
    fc.assert(
      fc.property(text, (s) => {
        const line = 'DESCRIPTION:' + s;
        const parts = foldLine(line).split('\r\n').map((p, i) => (i ? p.slice(1) : p));
        expect(parts.join('')).toBe(line);
        parts.forEach((p, i) => {
          const limit = i === 0 ? 75 : 74;
          expect(octetsOf(p)).toBeLessThanOrEqual(limit);
          if (i === parts.length - 1) return;
          const next = String.fromCodePoint(parts[i + 1]!.codePointAt(0)!);
          expect(octetsOf(p + next)).toBeGreaterThan(limit);
        });
      }),
      { seed: 24, numRuns: 500 },
    );
    expect(foldLine('x'.repeat(25))).toBe('x'.repeat(25));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
    expect(foldLine('é'.repeat(38))).toBe(`${'é'.repeat(37)}\r\n é`);
  });

  it('derives a stable UID from the commitment id', () => {
    expect(icsUid('2017-06-21-red-trata#2.b')).toBe(icsUid('2017-06-21-red-trata#2.b'));
    expect(icsUid('2017-06-21-red-trata#2.b')).toMatch(/^[0-9a-f]{40}@acta$/);
    expect(icsUid('a#1')).not.toBe(icsUid('a#2'));
  });
});

describe('markdown and terminal text', () => {
  it('escapes table pipes and HTML, folds newlines, strips terminal controls and bidi overrides', () => {
    const cell = mdCell('a | b <script>\n\u001b[31mred\u202e [x](javascript:1)');
    expect(cell).not.toMatch(/(^|[^\\])\|/);
    expect(cell).not.toMatch(/[<>\n\u001b\u202e]/);
    expect(cell).toContain('\\|');
    expect(cell).toContain('\\[x\\]');
  });

  it('colours lateness through the injected Style', () => {
    const tag = (name: string) => (s: string): string => `<${name}>${s}</${name}>`;
    const style: Style = { red: tag('red'), yellow: tag('yellow'), green: tag('green'), cyan: tag('cyan'), blue: tag('blue'), magenta: tag('magenta'), bold: tag('b'), dim: tag('dim') };
    expect(lateCell(3, style)).toBe('<yellow>3</yellow>');
    expect(lateCell(30, style)).toBe('<red>30</red>');
    expect(lateCell(120, style)).toBe('<red><b>120</b></red>');
  });
});

describe('long tables', () => {
  it('are drawn in chunks that join into exactly the table one cli-table3 call draws', async () => {
    const { renderTable } = await import('../../src/render/commitment-cells.js');
    const { PLAIN } = await import('../../src/render/style.js');
    const Table = (await import('cli-table3')).default;
    const rows = Array.from({ length: 450 }, (_, i) => [`row ${i}`, i % 7 === 0 ? 'a longer cell that wraps onto a second line' : 'short', i]);
    const one = new Table({ head: ['A', 'B', 'C'], colWidths: [10, 20, 6], wordWrap: true, style: { head: [], border: [] } });
    one.push(...rows);
    expect(renderTable(['A', 'B', 'C'], [10, 20, 6], rows, PLAIN)).toBe(one.toString());
  });
});
