// A report's clean lines → its numbered points, in document order, with the printed numbering and the restored one.
// Damaged numbering is restored by two general rules: a top-level number that does not follow the previous one is
// renumbered (printed kept); after a point that ends with ":", a run of markers repeating one number are its sub-items.

export interface SourcePoint {
  /** The number as restored: 1, 2, … (sub-items a, b, …). */
  readonly number: string;
  /** The marker as printed, when it differs ("1" for every point of a damaged list, "·"). */
  readonly printed?: string;
  readonly text: string;
  readonly items: readonly SourcePoint[];
}

interface Marker {
  readonly kind: 'digit' | 'letter' | 'upper' | 'bullet';
  readonly printed: string;
  readonly rest: string;
}

function markerOf(line: string): Marker | undefined {
  let m = /^(\d{1,2})[.)]\s+(\S.*)$/.exec(line);
  if (m) return { kind: 'digit', printed: m[1]!, rest: m[2]! };
  m = /^([a-z])[.)]\s+(\S.*)$/.exec(line);
  if (m) return { kind: 'letter', printed: m[1]!, rest: m[2]! };
  m = /^([A-Z])[.)]\s+(\S.*)$/.exec(line);
  if (m) return { kind: 'upper', printed: m[1]!, rest: m[2]! };
  m = /^[·•▪◦]\s*(\S.*)$/.exec(line);
  if (m) return { kind: 'bullet', printed: '·', rest: m[1]! };
  return undefined;
}

/** A heading between points ("Conclusiones de la Reunión"): short, and no sentence punctuation at its end. */
const isHeading = (line: string): boolean => line.length <= 100 && !/[.:;,)\]"”»]$/.test(line);

const letter = (i: number): string => String.fromCharCode(97 + i);

interface Building {
  number: string;
  printed?: string;
  text: string;
  items: { number: string; printed?: string; text: string }[];
}

/** The points from the first line marked "1." (else the last run of bullets) to the end; the lines before are the header. */
export function readPoints(lines: readonly string[]): { header: readonly string[]; points: SourcePoint[] } {
  let first = lines.findIndex((l) => markerOf(l)?.kind === 'digit' && markerOf(l)?.printed === '1');
  if (first < 0) {
    // No numbered list: the bullets after the last heading line (a line with no marker followed by a bullet).
    for (let i = lines.length - 1; i >= 0 && first < 0; i--) if (markerOf(lines[i]!)?.kind === 'bullet' && (i === 0 || markerOf(lines[i - 1]!) === undefined)) first = i;
  }
  if (first < 0) return { header: lines, points: [] };
  const points: Building[] = [];
  let subRun: string | undefined; // the repeated printed number of a damaged sub-list
  let closed = false; // after a heading, unmarked lines belong to no point
  for (let i = first; i < lines.length; i++) {
    const line = lines[i]!;
    const mark = markerOf(line);
    const current = points[points.length - 1];
    const next = markerOf(lines[i + 1] ?? '');
    const opensList = current !== undefined && current.items.length === 0 && /:\s*$/.test(current.text);
    const repeats = mark?.kind === 'digit' && (mark.printed === subRun || (opensList && next?.kind === 'digit' && next.printed === mark.printed && mark.printed !== (current.printed ?? current.number)));
    if (mark && current && !closed && (mark.kind === 'letter' || repeats)) {
      subRun = mark.kind === 'digit' ? mark.printed : undefined;
      const number = letter(current.items.length);
      current.items.push({ number, ...(mark.printed !== number ? { printed: mark.printed } : {}), text: mark.rest });
    } else if (mark) {
      subRun = undefined;
      closed = false;
      // A series of capital letters (conclusions A, B, …) keeps its letters; numbers and bullets count on.
      const number = mark.kind === 'upper' ? mark.printed : String(points.filter((p) => !/^[A-Z]$/.test(p.number)).length + 1);
      points.push({ number, ...(mark.printed !== number ? { printed: mark.printed } : {}), text: mark.rest, items: [] });
    } else if (isHeading(line)) {
      closed = true;
    } else if (current && !closed) {
      const last = current.items[current.items.length - 1];
      if (last) last.text += ` ${line}`;
      else current.text += ` ${line}`;
    }
  }
  return { header: lines.slice(0, first), points: points.map((p) => ({ ...p, text: p.text.trim(), items: p.items.map((x) => ({ ...x, text: x.text.trim(), items: [] })) })) };
}
