import {
  AlignmentType,
  BorderStyle,
  Document,
  FootnoteReferenceRun,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
  type ICommentOptions,
  type ISectionOptions,
  type ParagraphChild,
} from 'docx'
import {
  isOptions,
  optionCaption,
  titleBlockLines,
  type OptionView,
  type Run,
  type TitleBlock,
  type ViewBlock,
  type ViewToken,
} from '../../../shared/domain/export'
import { commentedTokens, type ClauseComments } from './docxComments'

// Word measures in twentieths of a point: 567 twips are 1 cm.
const LABEL_WIDTH = 567
const FONT = 'Times New Roman'

/**
 * A clause's tokens as Word runs, as a conference document prints them: brackets in bold ("[",
 * "][", "]"), footnotes as real Word footnotes (their reference where they stand, their note at
 * the foot of the page), placeholders in italics, emphasis kept.
 */
export function tokenRuns(tokens: readonly ViewToken[]): ParagraphChild[] {
  return tokens.flatMap(tokenRun)
}

/** One token as Word runs (a footnote carries its note with it). */
export function tokenRun(t: ViewToken): ParagraphChild[] {
  switch (t.kind) {
    case 'text':
      return [new TextRun({ text: t.text, italics: t.em, bold: t.strong })]
    case 'open':
      return [new TextRun({ text: '[', bold: true })]
    case 'alt':
      return [new TextRun({ text: '][', bold: true })]
    case 'close':
      return [new TextRun({ text: ']', bold: true })]
    case 'placeholder':
      return [new TextRun({ text: t.label, italics: true })]
    case 'proposal-open':
      return [
        new TextRun({
          text: '[',
          bold: true,
          font: 'Arial',
          color: t.muted ? '666666' : undefined,
        }),
      ]
    case 'proposal-close':
      return [
        new TextRun({
          text: ']',
          bold: true,
          font: 'Arial',
          color: t.muted ? '666666' : undefined,
        }),
      ]
    case 'proposal':
      return proposalNoteRuns(t.note, t.muted)
    case 'footnote':
      return [
        new FootnoteReferenceRun({
          children: [new Paragraph({ children: [new TextRun(t.text)] })],
        }),
      ]
  }
}

/**
 * A tabled proposal's note after its words in the "text with brackets" view, as on screen:
 * " {Alt 1 DEU, FRA (bracketed): wording}", the sponsors in bold, the rest in italics.
 */
export function proposalNoteRuns(
  n: { alt: string | null; sponsors: string; status: string | null; words: string },
  muted = false,
): TextRun[] {
  const color = muted ? '666666' : undefined
  return [
    new TextRun({ text: ` {${n.alt ? `${n.alt} ` : ''}`, italics: true, size: 21, color }),
    new TextRun({ text: n.sponsors, bold: true, size: 21, color }),
    new TextRun({
      text: `${n.status ? ` (${n.status})` : ''}: ${n.words}}`,
      italics: true,
      size: 21,
      color,
    }),
  ]
}

/**
 * Clauses and option blocks as Word paragraphs in reading order: each labelled clause with its
 * label hanging to the left of its text (a tab to the text's indent), deeper clauses indented
 * further; an option's label on a line of its own in bold ("Option 1:"), an empty option as
 * "Option 2: No text".
 */
export function clauseParagraphs(
  blocks: readonly ViewBlock[],
  depth = 0,
  comments?: ClauseComments,
  /** Indent the first line of unlabelled paragraphs, as a preamble's recitals are. */
  firstLine?: number,
): Paragraph[] {
  return blocks.flatMap((c) => {
    if (isOptions(c)) {
      return c.options.flatMap((o) => optionParagraphs(o, depth, comments, firstLine))
    }
    const left = LABEL_WIDTH * (depth + 1)
    // Clauses are numbered in reading order (a clause before its children), as in the text.
    const runs = comments ? commentedTokens(c.tokens, comments.next()) : tokenRuns(c.tokens)
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
          indent: { left: LABEL_WIDTH * depth, firstLine },
          alignment: AlignmentType.JUSTIFIED,
          keepLines: true,
          spacing: { after: 120 },
          children: runs,
        })
    return [own, ...clauseParagraphs(c.children, depth + 1, comments, firstLine)]
  })
}

function optionParagraphs(
  o: OptionView,
  depth: number,
  comments?: ClauseComments,
  firstLine?: number,
): Paragraph[] {
  const caption = new TextRun({ text: optionCaption(o.label), bold: true })
  const empty = o.blocks.length === 0
  return [
    new Paragraph({
      indent: { left: LABEL_WIDTH * depth },
      keepNext: !empty,
      spacing: { before: 60, after: 60 },
      children: empty ? [caption, new TextRun(' No text')] : [caption],
    }),
    ...clauseParagraphs(o.blocks, depth, comments, firstLine),
  ]
}

/** Runs as Word runs, emphasis kept. */
export const textRuns = (runs: readonly Run[]): TextRun[] =>
  runs.map((r) => new TextRun({ text: r.text, italics: r.em, bold: r.strong }))

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
