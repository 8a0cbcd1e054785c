import { AlignmentType, Paragraph, TextRun } from 'docx'
import {
  articleHeading,
  type HeadingView,
  type TitleBlock,
  type TreatyView,
} from '../../../shared/domain/export'
import type { NoteComments } from './docxComments'
import { centred, clauseParagraphs, docxFile, titleBlockParagraphs } from './docxParts'

/** What a Word file of the text carries besides the text: its title block, a group's notes. */
export interface TextDocxOptions {
  titleBlock?: TitleBlock
  /** A campaign group's notes as margin comments (that group's export only). */
  notes?: NoteComments
}

/**
 * A treaty text as a Word document, as a conference document prints it: the title block, the
 * version line, the title, the preamble, then headings (instrument, part, chapter, section) and
 * articles headed "Article 2 bis" ("[Article 3bis]" when bracketed) with their titles and their
 * clauses' labels hanging; brackets in bold, "Option 1:" in bold, "No text" for an empty option,
 * placeholders in italics, footnotes as Word footnotes; numbered pages; a group's notes as
 * comments on the words they note.
 */
export function textDocx(
  view: TreatyView,
  subtitle: string,
  options: TextDocxOptions = {},
): Promise<Buffer> {
  const children: Paragraph[] = options.titleBlock ? titleBlockParagraphs(options.titleBlock) : []
  if (subtitle) children.push(centred(subtitle))
  children.push(centred(view.title, { bold: true, size: 32 }))
  children.push(...clauseParagraphs(view.preambleBlocks, 0, undefined, 567))
  for (const item of view.body) {
    if (item.kind === 'heading') {
      children.push(headingParagraph(item.heading))
      continue
    }
    const article = item.article
    children.push(centred(articleHeading(article)))
    if (article.title) {
      children.push(
        new Paragraph({
          alignment: 'center',
          keepNext: true,
          spacing: { after: 200 },
          children: [new TextRun({ text: article.title, bold: true })],
        }),
      )
    }
    children.push(...clauseParagraphs(article.clauses, 0, options.notes?.forArticle(article.id)))
    for (const n of article.newArticles ?? []) {
      children.push(
        new Paragraph({
          indent: { left: 567 },
          spacing: { after: 120 },
          children: [
            new TextRun({ text: n.sponsors, bold: true, size: 21 }),
            new TextRun({ text: `${n.status ? ` (${n.status})` : ''}: `, size: 21 }),
            new TextRun({ text: `[New article: ${n.title}]`, bold: true, size: 21 }),
            new TextRun({ text: n.words ? ` ${n.words}` : '', size: 21 }),
          ],
        }),
      )
    }
  }
  return docxFile(
    subtitle ? `${view.title} — ${subtitle}` : view.title,
    children,
    options.notes?.comments,
  )
}

// An instrument's heading larger, Parts, Chapters and Sections in capitals, all centred.
const headingParagraph = (h: HeadingView): Paragraph =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    spacing: { before: 360, after: 200 },
    children: [
      new TextRun({
        text: h.text,
        bold: true,
        size: h.kind === 'instrument' ? 28 : 24,
        allCaps: h.kind !== 'instrument',
      }),
    ],
  })
