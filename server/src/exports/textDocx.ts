import { Paragraph, TextRun } from 'docx'
import type { TreatyView } from '../../../shared/domain/export'
import { centred, clauseParagraphs, docxFile, textRuns } from './docxParts'

/**
 * A treaty text as a Word document: the version line, the title, the preamble, then each
 * article headed "Article N" and its title, with its clauses' labels hanging.
 */
export function textDocx(view: TreatyView, subtitle: string): Promise<Buffer> {
  const children: Paragraph[] = []
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
    children.push(...clauseParagraphs(article.clauses))
  }
  return docxFile(subtitle ? `${view.title} — ${subtitle}` : view.title, children)
}
