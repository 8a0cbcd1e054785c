import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
  type ICommentOptions,
  type ISectionOptions,
} from 'docx'
import {
  titleBlockLines,
  type NestedClause,
  type Run,
  type TitleBlock,
} from '../../../shared/domain/export'
import { commentedRuns, type ClauseComments } from './docxComments'

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
export function clauseParagraphs(
  clauses: readonly NestedClause[],
  depth = 0,
  comments?: ClauseComments,
): Paragraph[] {
  return clauses.flatMap((c) => {
    const left = LABEL_WIDTH * (depth + 1)
    // Clauses are numbered in reading order (a clause before its children), as in the text.
    const runs = comments ? commentedRuns(c.runs, comments.next()) : textRuns(c.runs)
    const own = c.label
      ? new Paragraph({
          indent: { left, hanging: LABEL_WIDTH },
          tabStops: [{ type: TabStopType.LEFT, position: left }],
          alignment: AlignmentType.JUSTIFIED,
          keepLines: true,
          spacing: { after: 120 },
          children: [new TextRun({ children: [c.label, new Tab()] }), ...runs],
        })
      : new Paragraph({
          indent: { left: LABEL_WIDTH * depth },
          alignment: AlignmentType.JUSTIFIED,
          keepLines: true,
          spacing: { after: 120 },
          children: runs,
        })
    return [own, ...clauseParagraphs(c.children, depth + 1, comments)]
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

/**
 * A conference document's title block: the negotiation and round on the left; the symbol,
 * distribution and date of the text on the right; a rule below.
 */
export function titleBlockParagraphs(block: TitleBlock): Paragraph[] {
  const { left, right } = titleBlockLines(block)
  const line = (text: string, align: 'left' | 'right', bold: boolean) =>
    new Paragraph({
      alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
      keepNext: true,
      children: [new TextRun({ text, bold, size: 21 })],
    })
  return [
    ...left.map((t, i) => line(t, 'left', i === 0)),
    ...right.map((t, i) => line(t, 'right', i === 0 && block.symbol !== '')),
    new Paragraph({
      border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 } },
      spacing: { after: 240 },
      children: [],
    }),
  ]
}

// Every page is numbered in its footer with Word's PAGE and NUMPAGES fields.
const pageFooter = () =>
  new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            size: 18,
            children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES],
          }),
        ],
      }),
    ],
  })

/**
 * A Word document on A4 in a serif face with numbered pages, as the bytes of a .docx file;
 * `comments` are the margin comments its paragraphs refer to by id.
 */
export async function docxFile(
  title: string,
  children: ISectionOptions['children'],
  comments: readonly ICommentOptions[] = [],
): Promise<Buffer> {
  const document = new Document({
    creator: 'Plenary',
    title,
    ...(comments.length > 0 ? { comments: { children: [...comments] } } : {}),
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1418, bottom: 1418, left: 1418, right: 1247 },
          },
        },
        footers: { default: pageFooter() },
        children,
      },
    ],
  })
  return Packer.toBuffer(document)
}
