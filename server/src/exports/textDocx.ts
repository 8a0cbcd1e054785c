import { Paragraph, TextRun } from 'docx'
import type { TitleBlock, TreatyView } from '../../../shared/domain/export'
import type { NoteComments } from './docxComments'
import { centred, clauseParagraphs, docxFile, textRuns, titleBlockParagraphs } from './docxParts'

/** What a Word file of the text carries besides the text: its title block, a group's notes. */
export interface TextDocxOptions {
  titleBlock?: TitleBlock
  /** A campaign group's notes as margin comments (that group's export only). */
  notes?: NoteComments
}

/**
 * A treaty text as a Word document: the title block, the version line, the title, the preamble,
 * then each article headed "Article N" and its title, with its clauses' labels hanging; numbered
 * pages; a group's notes as comments on the words they note.
 */
export function textDocx(
  view: TreatyView,
  subtitle: string,
  options: TextDocxOptions = {},
): Promise<Buffer> {
  const children: Paragraph[] = options.titleBlock ? titleBlockParagraphs(options.titleBlock) : []
  if (subtitle) children.push(centred(subtitle))
  children.push(centred(view.title, { bold: true, size: 32 }))
  for (const runs of view.preamble) {
    children.push(
      new Paragraph({
        indent: { firstLine: 567 },
        spacing: { after: 120 },
        children: textRuns(runs),
      }),
    )
  }
  for (const article of view.articles) {
    children.push(centred(`Article ${article.number}`))
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
  }
  return docxFile(
    subtitle ? `${view.title} — ${subtitle}` : view.title,
    children,
    options.notes?.comments,
  )
}
