// Colour is injected: formatters take a Style, so they are testable as plain text and NO_COLOR works everywhere.
export interface Style {
  readonly red: (s: string) => string;
  readonly yellow: (s: string) => string;
  readonly green: (s: string) => string;
  readonly cyan: (s: string) => string;
  readonly blue: (s: string) => string;
  readonly magenta: (s: string) => string;
  readonly bold: (s: string) => string;
  readonly dim: (s: string) => string;
}

const same = (s: string): string => s;

export const PLAIN: Style = { red: same, yellow: same, green: same, cyan: same, blue: same, magenta: same, bold: same, dim: same };
