// The semantic diff as Markdown, ready to post as a pull-request comment: flagged changes first in each file,
// long texts folded in <details>, record text escaped (no HTML, no Markdown, no @mentions from a record).
import { pickText } from '../core/local-text.js';
import type { Lang, Text } from '../core/model.js';
import type { Change, DiffResult } from '../core/diff/types.js';
import type { WordPart } from '../core/word-diff.js';
import { changeClass, diffHeadline, flaggedCount, groupByFile, shorten, sideLabel } from './diff-layout.js';
import { phrase } from './diff-phrases.js';
import { markdownText, oneLine } from './escape.js';

/** GitHub refuses comments over 65,536 characters. */
const MAX_LENGTH = 60_000;
/** The first line, so a workflow can find and update its own earlier comment. */
export const DIFF_COMMENT_MARKER = '<!-- acta-diff -->';

const t = (lang: Lang, en: string, es: string): string => (lang === 'es' ? es : en);

export { markdownText };

function icon(c: Change): string {
  return { flagged: '⚠️', added: '➕', removed: '➖', changed: '✏️' }[changeClass(c)];
}

export function formatDiffMarkdown(r: DiffResult, o: { lang: Lang }): string {
  const lang = o.lang;
  const head = [DIFF_COMMENT_MARKER, `### acta diff: ${diffHeadline(r, lang)}`, '', `\`${code(sideLabel(r.base, lang))}\` → \`${code(sideLabel(r.head, lang))}\``, ''];
  if (r.counts.flagged) head.push(`> ⚠️ **${flaggedCount(r.counts.flagged, lang)}**: ${t(lang, 'adopted text, deadlines or recorded follow-up were rewritten in place. Check them against the source document.', 'se reescribió texto adoptado, plazos o seguimiento registrado. Contrástelos con el documento fuente.')}`, '');
  const body: string[] = [];
  let length = head.join('\n').length;
  let shown = 0;
  for (const [file, changes] of groupByFile(r.changes)) {
    const ordered = [...changes.filter((c) => c.flagged), ...changes.filter((c) => !c.flagged)];
    const block = [`#### \`${code(file)}\``, '', ...ordered.flatMap((c) => changeItem(c, lang)), ''];
    const text = block.join('\n');
    if (length + text.length > MAX_LENGTH) break;
    body.push(text);
    length += text.length;
    shown += changes.length;
  }
  if (shown < r.changes.length) body.push(`_${t(lang, `… and ${r.changes.length - shown} more changes: run \`acta diff\` locally to see them all.`, `… y ${r.changes.length - shown} cambios más: ejecute \`acta diff\` localmente para verlos todos.`)}_`, '');
  return [...head, ...body].join('\n').replace(/\n+$/, '') + '\n';
}

function code(s: string): string {
  return oneLine(s).replace(/`/g, "'");
}

function changeItem(c: Change, lang: Lang): string[] {
  const p = phrase(c, lang);
  const line = `- ${icon(c)} **${markdownText(p.subject)}**: ${markdownText(p.text)}`;
  const details = detailsOf(c, lang);
  if (!details) return [line];
  return [line, `  <details><summary>${details.summary}</summary>`, '', ...details.lines.map((l) => (l ? `  ${l}` : '')), '', '  </details>'];
}

function detailsOf(c: Change, lang: Lang): { summary: string; lines: string[] } | undefined {
  if (c.words) {
    return {
      summary: t(lang, 'wording', 'redacción'),
      lines: [`${t(lang, '**changed:**', '**cambios:**')} ${wordsMarkdown(c.words)}`, '', `${t(lang, '**before:**', '**antes:**')} ${markdownText(String(c.before ?? ''))}`, '', `${t(lang, '**after:**', '**después:**')} ${markdownText(String(c.after ?? ''))}`],
    };
  }
  const part = c.kind === 'part-added' ? c.after : c.kind === 'part-removed' ? c.before : undefined;
  const text = textIn(part, lang);
  if (text !== undefined) return { summary: t(lang, 'text', 'texto'), lines: [markdownText(text)] };
  return undefined;
}

function textIn(part: unknown, lang: Lang): string | undefined {
  if (part === null || typeof part !== 'object') return undefined;
  const text = (part as { text?: unknown }).text;
  if (text === null || typeof text !== 'object') return undefined;
  const pick = pickText(text as Text, lang)?.text;
  return typeof pick === 'string' ? pick : undefined;
}

function wordsMarkdown(words: readonly WordPart[]): string {
  return words
    .map((w, i) => {
      if (w.op === '-') return `<del>${markdownText(w.text)}</del>`;
      if (w.op === '+') return `<ins>${markdownText(w.text)}</ins>`;
      return markdownText(shorten(w.text, i === 0, i === words.length - 1, 60));
    })
    .join('');
}
