// Prose for a terminal of a known width: lines cut between words, never inside one.
/** A line of prose cut at spaces into lines of at most `width` characters (a terminal's). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    if (current && [...current].length + 1 + [...word].length > width) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines;
}
