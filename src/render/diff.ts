// Formatters for the semantic diff: pure (result, options) → string, picked by name from one table.
import type { Lang } from '../core/model.js';
import type { Change, DiffResult } from '../core/diff/types.js';
import type { WordPart } from '../core/word-diff.js';
import { changeClass, diffHeadline, flaggedCount, groupByFile, shorten, sideLabel } from './diff-layout.js';
import { formatDiffMarkdown } from './diff-md.js';
import { phrase } from './diff-phrases.js';
import { jsonText, oneLine } from './escape.js';
import type { Style } from './style.js';

export interface DiffFormatOptions {
  readonly style: Style;
  readonly lang: Lang;
}

export type DiffFormat = 'pretty' | 'md' | 'json';

export const DIFF_FORMATTERS: Record<DiffFormat, (r: DiffResult, o: DiffFormatOptions) => string> = {
  pretty: formatDiffPretty,
  md: formatDiffMarkdown,
  json: (r) => jsonText(r),
};

const t = (lang: Lang, en: string, es: string): string => (lang === 'es' ? es : en);

function marker(c: Change, s: Style): string {
  return { flagged: s.yellow(s.bold('⚑')), added: s.green('+'), removed: s.red('−'), changed: s.cyan('~') }[changeClass(c)];
}

export function formatDiffPretty(r: DiffResult, o: DiffFormatOptions): string {
  const s = o.style;
  const out = [s.bold(`acta diff: ${oneLine(sideLabel(r.base, o.lang))} → ${oneLine(sideLabel(r.head, o.lang))}`) + ` — ${diffHeadline(r, o.lang)}`];
  for (const [file, changes] of groupByFile(r.changes)) {
    out.push('', s.bold(oneLine(file)));
    for (const c of changes) {
      const p = phrase(c, o.lang);
      out.push(`  ${marker(c, s)} ${oneLine(p.subject)}: ${oneLine(p.text)}`);
      if (c.words) out.push(`      ${wordLine(c.words, s)}`);
    }
  }
  if (r.counts.flagged) out.push('', s.yellow(`⚑ ${flaggedCount(r.counts.flagged, o.lang)}: ${t(o.lang, 'adopted text, deadlines or recorded follow-up were rewritten in place — check them against the source.', 'se reescribió texto adoptado, plazos o seguimiento registrado — contrástelos con la fuente.')}`));
  return out.join('\n') + '\n';
}

/** The changed words with a little context: "… kept [-removed-]{+added+} kept …". */
export function wordLine(words: readonly WordPart[], s: Style, context = 40): string {
  return words
    .map((w, i) => {
      const text = oneLine(w.text);
      if (w.op === '-') return s.red(`[-${text}-]`);
      if (w.op === '+') return s.green(`{+${text}+}`);
      return shorten(text, i === 0, i === words.length - 1, context);
    })
    .join('');
}

