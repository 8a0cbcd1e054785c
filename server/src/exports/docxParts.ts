import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
  type ISectionOptions,
} from 'docx'
import type { NestedClause, Run } from '../../../shared/domain/export'

// Word measures in twentieths of a point: 567 twips are 1 cm.
const LABEL_WIDTH = 567
const FONT = 'Times New Roman'

/** Runs as Word runs, emphasis kept. */
export const textRuns = (runs: readonly Run[]): TextRun[] =>
  runs.map((r) => new TextRun({ text: r.text, italics: r.em, bold: r.strong }))

/**
 * Nested clauses as Word paragraphs in reading order, each labelled one with its label hanging
 * to the left of its text (a tab to the text's indent), deeper clauses indented further.
 */
export function clauseParagraphs(clauses: readonly NestedClause[], depth = 0): Paragraph[] {
  return clauses.flatMap((c) => {
    const left = LABEL_WIDTH * (depth + 1)
    const own = c.label
      ? new Paragraph({
          indent: { left, hanging: LABEL_WIDTH },
          tabStops: [{ type: TabStopType.LEFT, position: left }],
          alignment: AlignmentType.JUSTIFIED,
          keepLines: true,
          spacing: { after: 120 },
          children: [new TextRun({ children: [c.label, new Tab()] }), ...textRuns(c.runs)],
        })
      : new Paragraph({
          indent: { left: LABEL_WIDTH * depth },
          alignment: AlignmentType.JUSTIFIED,
          keepLines: true,
          spacing: { after: 120 },
          children: textRuns(c.runs),
        })
    return [own, ...clauseParagraphs(c.children, depth + 1)]
  })
}

/** A centred heading line that stays with what follows it. */
export const centred = (text: string, options: { bold?: boolean; size?: number } = {}) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    spacing: { before: 240, after: 120 },
    children: [new TextRun({ text, bold: options.bold, size: options.size })],
  })

/** A Word document on A4 in a serif face, as the bytes of a .docx file. */
export async function docxFile(
  title: string,
  children: ISectionOptions['children'],
): Promise<Buffer> {
  const document = new Document({
    creator: 'Plenary',
    title,
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1418, bottom: 1418, left: 1418, right: 1247 },
          },
        },
        children,
      },
    ],
  })
  return Packer.toBuffer(document)
}
