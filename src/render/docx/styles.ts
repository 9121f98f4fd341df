// The Word styles of acta's documents, as the styles part (word/styles.xml) itself: a secretary restyles the whole
// document by editing a style (Title, Heading 1–3, Caption, the table style), never a paragraph at a time. Names are
// Word's built-in ones, so Word and LibreOffice map them to their own (and the table of contents finds the headings).

import type { Lang } from '../../core/model.js';

/** The style ids the document builders use. */
export const STYLE = {
  title: 'Title',
  subtitle: 'Subtitle',
  heading1: 'Heading1',
  heading2: 'Heading2',
  heading3: 'Heading3',
  heading4: 'Heading4',
  caption: 'Caption',
  scope: 'Scope',
  facts: 'Facts',
  cell: 'TableText',
  table: 'ActaTable',
  muted: 'Muted',
  late: 'Late',
  hyperlink: 'Hyperlink',
} as const;

/** Colours, the HTML report's (templates/report/partials/html/style.hbs). */
export const COLOUR = {
  ink: '1D2733',
  muted: '5D6B7A',
  rule: 'D5DBE1',
  band: 'F3F5F7',
  accent: '1F4E79',
  overdue: 'C0392B',
  done: '27AE60',
} as const;

const FONT = 'Calibri';

const paragraphStyle = (id: string, name: string, body: string, extra = ''): string =>
  `<w:style w:type="paragraph" w:styleId="${id}"${extra}><w:name w:val="${name}"/>${body}</w:style>`;

const heading = (level: number, size: number, colour: string, before: number): string =>
  paragraphStyle(
    `Heading${level}`,
    `heading ${level}`,
    `<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/>${level === 1 ? `<w:pBdr><w:bottom w:val="single" w:sz="12" w:space="2" w:color="${COLOUR.accent}"/></w:pBdr>` : ''}<w:spacing w:before="${before}" w:after="120"/><w:outlineLvl w:val="${level - 1}"/></w:pPr><w:rPr><w:b/><w:color w:val="${colour}"/><w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr>`,
  );

const toc = (level: number): string =>
  paragraphStyle(`TOC${level}`, `toc ${level}`, `<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:pPr><w:spacing w:after="60"/><w:ind w:left="${(level - 1) * 220}"/></w:pPr>`);

const cell = (colour: string, bold: boolean): string => `<w:rPr>${bold ? '<w:b/>' : ''}<w:color w:val="${colour}"/></w:rPr>`;

// Children in the order the schema (ECMA-376) gives them: Word refuses a styles part out of order.
/** word/styles.xml: document defaults (prose in 10.5 pt, in the document's language for spelling), the paragraph,
 * character and table styles. */
export const stylesXml = (lang: Lang): string => [
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
  '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">',
  `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="${FONT}" w:hAnsi="${FONT}" w:eastAsia="${FONT}" w:cs="${FONT}"/><w:color w:val="${COLOUR.ink}"/><w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="${lang === 'es' ? 'es-ES' : 'en-GB'}"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="100" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>`,
  paragraphStyle('Normal', 'Normal', '<w:qFormat/>', ' w:default="1"'),
  paragraphStyle('Title', 'Title', `<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="10"/><w:qFormat/><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="24" w:space="4" w:color="${COLOUR.accent}"/></w:pBdr><w:spacing w:before="240" w:after="120"/></w:pPr><w:rPr><w:b/><w:color w:val="${COLOUR.accent}"/><w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr>`),
  paragraphStyle('Subtitle', 'Subtitle', `<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="11"/><w:qFormat/><w:pPr><w:spacing w:after="60"/></w:pPr><w:rPr><w:caps/><w:color w:val="${COLOUR.muted}"/><w:spacing w:val="10"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>`),
  heading(1, 30, COLOUR.accent, 360),
  heading(2, 26, COLOUR.accent, 280),
  heading(3, 22, COLOUR.ink, 220),
  heading(4, 21, COLOUR.muted, 160),
  paragraphStyle('Caption', 'caption', `<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="35"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="160" w:after="60"/></w:pPr><w:rPr><w:b/><w:color w:val="${COLOUR.ink}"/><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>`),
  paragraphStyle('Scope', 'Scope', `<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:rPr><w:color w:val="${COLOUR.muted}"/></w:rPr>`),
  paragraphStyle('Facts', 'Facts', `<w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="40"/></w:pPr>`),
  paragraphStyle('TableText', 'Table Text', `<w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>`),
  paragraphStyle('TOCHeading', 'TOC Heading', `<w:basedOn w:val="Heading1"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr>`),
  toc(1),
  toc(2),
  toc(3),
  `<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>`,
  `<w:style w:type="character" w:styleId="Muted"><w:name w:val="Muted"/><w:basedOn w:val="DefaultParagraphFont"/><w:qFormat/><w:rPr><w:color w:val="${COLOUR.muted}"/></w:rPr></w:style>`,
  `<w:style w:type="character" w:styleId="Late"><w:name w:val="Late"/><w:basedOn w:val="DefaultParagraphFont"/><w:qFormat/><w:rPr><w:b/><w:color w:val="${COLOUR.overdue}"/></w:rPr></w:style>`,
  `<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:rPr><w:color w:val="${COLOUR.accent}"/><w:u w:val="single"/></w:rPr></w:style>`,
  `<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`,
  `<w:style w:type="table" w:styleId="ActaTable"><w:name w:val="Acta Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr><w:tblPr><w:tblBorders><w:bottom w:val="single" w:sz="4" w:space="0" w:color="${COLOUR.rule}"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="${COLOUR.rule}"/></w:tblBorders><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr>`
    + `<w:tblStylePr w:type="firstRow"><w:pPr><w:keepNext/></w:pPr>${cell('FFFFFF', true)}<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="${COLOUR.accent}"/></w:tcPr></w:tblStylePr>`
    + `<w:tblStylePr w:type="lastRow"><w:rPr><w:b/></w:rPr><w:tcPr><w:tcBorders><w:top w:val="single" w:sz="12" w:space="0" w:color="${COLOUR.ink}"/></w:tcBorders></w:tcPr></w:tblStylePr>`
    + `<w:tblStylePr w:type="firstCol"><w:rPr><w:b/></w:rPr></w:tblStylePr>`
    + `<w:tblStylePr w:type="band2Horz"><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="${COLOUR.band}"/></w:tcPr></w:tblStylePr></w:style>`,
  '</w:styles>',
].join('');
