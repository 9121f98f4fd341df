// A Word report made in a test with the docx library: header paragraphs, then points as Word's own numbered list
// (level 0 "1.", level 1 letters with the given suffix), as a secretariat's Word file holds them.
import { AlignmentType, Document, LevelFormat, Packer, Paragraph } from 'docx';

export async function numberedWord(header: readonly string[], points: readonly (readonly [0 | 1 | number, string])[], letterSuffix: '.' | ')' = '.'): Promise<Buffer> {
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'points',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
            { level: 1, format: LevelFormat.LOWER_LETTER, text: `%2${letterSuffix}`, alignment: AlignmentType.START },
          ],
        },
      ],
    },
    sections: [{ children: [...header.map((t) => new Paragraph({ text: t })), ...points.map(([level, t]) => new Paragraph({ text: t, numbering: { reference: 'points', level } }))] }],
  });
  return Packer.toBuffer(doc);
}
