import type { Node } from 'prosemirror-model'
import { escapeHtml } from './escape'
import { treatyView } from './nest'
import { clausesHtml, printPage, runsHtml } from './printPage'
import { titleBlockHtml, type TitleBlock } from './titleBlock'

/** What heads a printed text: the document's title, and the version line above the treaty's. */
export interface PrintOptions {
  title: string
  subtitle?: string
  /** The conference document's title block (symbol, distribution, date of the text). */
  titleBlock?: TitleBlock
}

/**
 * A treaty text as print-ready HTML (A4, serif, hanging clause labels, no break inside a
 * paragraph): the version line, the treaty title, the preamble, then each article with its
 * number and heading. Each article's section has the eId `art_N` and its stable Plenary id.
 */
export function toHtml(doc: Node, options: PrintOptions): string {
  const view = treatyView(doc)
  const parts: string[] = options.titleBlock ? [titleBlockHtml(options.titleBlock)] : []
  parts.push('<header class="cover">')
  if (options.subtitle) parts.push(`<p class="subtitle">${escapeHtml(options.subtitle)}</p>`)
  parts.push(`<h1>${escapeHtml(view.title)}</h1>`, '</header>')
  if (view.preamble.length > 0) {
    parts.push('<section class="preamble">')
    for (const runs of view.preamble) parts.push(`<p>${runsHtml(runs)}</p>`)
    parts.push('</section>')
  }
  for (const article of view.articles) {
    parts.push(
      `<section class="article" id="art_${article.number}" data-article-id="${escapeHtml(article.id)}">`,
      `<h2><span class="num">Article ${article.number}</span>` +
        (article.title ? `<span class="heading">${escapeHtml(article.title)}</span>` : '') +
        '</h2>',
      clausesHtml(article.clauses),
      '</section>',
    )
  }
  return printPage(options.title, parts.join('\n'))
}
