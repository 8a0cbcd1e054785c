import type { Node } from 'prosemirror-model'
import { escapeHtml } from './escape'
import { articleHeading, treatyView, type ArticleView, type TreatyView } from './nest'
import { clausesHtml, footnotesHtml, printPage } from './printPage'
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
 * paragraph), as a conference document prints it: the version line, the treaty title, the
 * preamble, then headings (instrument, part, chapter, section) and articles under the labels
 * negotiators use ("Article 2 bis", "[Article 3bis]" when bracketed), square brackets in bold,
 * option blocks with "Option 1:" in bold ("No text" for an empty one), placeholders in italics,
 * and footnotes in superscript with their notes at the foot of their article (or preamble). Each
 * article's section has its eId (`art_2bis`) and its stable Plenary id. No script anywhere.
 */
export function toHtml(doc: Node, options: PrintOptions): string {
  return viewHtml(treatyView(doc), options)
}

/** A text already read for export (such as `withProposals`' view) as print-ready HTML: `toHtml`. */
export function viewHtml(view: TreatyView, options: PrintOptions): string {
  const parts: string[] = options.titleBlock ? [titleBlockHtml(options.titleBlock)] : []
  parts.push('<header class="cover">')
  if (options.subtitle) parts.push(`<p class="subtitle">${escapeHtml(options.subtitle)}</p>`)
  parts.push(`<h1>${escapeHtml(view.title)}</h1>`, '</header>')
  if (view.preambleBlocks.length > 0) {
    parts.push('<section class="preamble">')
    parts.push(clausesHtml(view.preambleBlocks))
    parts.push(footnotesHtml(view.preambleFootnotes))
    parts.push('</section>')
  }
  for (const item of view.body) {
    if (item.kind === 'heading') {
      const h = item.heading
      parts.push(
        `<h2 class="text-heading heading-${h.kind}" data-heading-id="${escapeHtml(h.id)}">${escapeHtml(h.text)}</h2>`,
      )
    } else parts.push(articleHtml(item.article))
  }
  return printPage(options.title, parts.filter(Boolean).join('\n'))
}

function articleHtml(article: ArticleView): string {
  return [
    `<section class="article${article.bracketed ? ' article-bracketed' : ''}" id="${escapeHtml(article.eId)}" data-article-id="${escapeHtml(article.id)}">`,
    `<h2><span class="num">${escapeHtml(articleHeading(article))}</span>` +
      (article.title ? `<span class="heading">${escapeHtml(article.title)}</span>` : '') +
      '</h2>',
    clausesHtml(article.clauses),
    footnotesHtml(article.footnotes),
    ...(article.newArticles ?? []).map(
      (n) =>
        `<div class="proposal-new-article" data-proposal-id="${escapeHtml(n.id)}">` +
        `<b class="p-sponsors">${escapeHtml(n.sponsors)}</b>${n.status ? ` (${escapeHtml(n.status)})` : ''}: ` +
        `<strong>[New article: ${escapeHtml(n.title)}]</strong> ${escapeHtml(n.words)}</div>`,
    ),
    '</section>',
  ]
    .filter(Boolean)
    .join('\n')
}
