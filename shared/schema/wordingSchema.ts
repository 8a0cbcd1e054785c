import { Schema } from 'prosemirror-model'
import { marks, nodes } from './treatySchema'

/**
 * The schema of a proposal's wording (its draft room's document): clauses as in the text, and for
 * a new article its title first. The node types mirror the treaty's, so wording moves into the
 * text as JSON through `treatySchema.nodeFromJSON`.
 */
export const wordingSchema = new Schema({
  nodes: {
    // `clause*`: sponsors edit a draft concurrently, and a merge may delete every clause.
    doc: { content: 'article_title? (clause | options)*' },
    options: nodes.options,
    option: nodes.option,
    article_title: nodes.article_title,
    paragraph: nodes.paragraph,
    numbered_paragraph: nodes.numbered_paragraph,
    subparagraph: nodes.subparagraph,
    item: nodes.item,
    text: nodes.text,
    footnote: nodes.footnote,
  },
  marks,
})
