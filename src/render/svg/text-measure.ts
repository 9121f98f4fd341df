// SVG has no text layout: estimate widths (average glyph width of a sans-serif face) to size label columns.
const AVERAGE = 0.56;

/** Approximate width in px of `text` at `size` px. */
export function textWidth(text: string, size: number): number {
  return [...text].length * size * AVERAGE;
}

/** The text cut to fit `width` px, ending in "…" when cut (the full text goes in the SVG <title>). */
export function fitText(text: string, width: number, size: number): string {
  const chars = [...text];
  const room = Math.floor(width / (size * AVERAGE));
  return chars.length <= room ? text : `${chars.slice(0, Math.max(1, room - 1)).join('')}…`;
}

/** Coordinates rounded to a tenth, so the same data always gives the same bytes. */
export function round(n: number): number {
  return Math.round(n * 10) / 10;
}
