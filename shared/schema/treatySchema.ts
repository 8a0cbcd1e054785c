import { Schema, type NodeSpec, type MarkSpec } from 'prosemirror-model'

/** Bumped whenever a change to the schema makes older clients unsafe; the server refuses them. */
export const SCHEMA_VERSION = 2

// A clause is one block of an article's body. Clauses are flat siblings rather than nested
// lists: "make subparagraph" is a change of type, numbering is derived from order, and
// collaborative edits never have to restructure a tree.
const clause = (cls: string): NodeSpec => ({
  group: 'clause',
  content: 'inline*',
  marks: '_',
  parseDOM: [{ tag: `p.${cls}` }],
  toDOM: () => ['p', { class: `clause ${cls}` }, 0],
})

/**
 * Node specs of a treaty text, as plain data. Content is permissive on purpose: y-prosemirror
 * deletes from the shared document any element the schema rejects when it reads a merge, so no
 * merge of valid concurrent edits may produce one (an emptied preamble, an article whose title a
 * client deleted). Only the server puts back a missing title, preamble or paragraph
 * (shared/domain/structure.ts), and clients never remove them (structureKept).
 */
export const nodes = {
  doc: { content: 'title? preamble? article*' },
  title: {
    content: 'text*',
    marks: '',
    defining: true,
    parseDOM: [{ tag: 'h1' }],
    toDOM: () => ['h1', { class: 'treaty-title' }, 0],
  },
  preamble: {
    content: 'paragraph*',
    defining: true,
    parseDOM: [{ tag: 'div.preamble' }],
    toDOM: () => ['div', { class: 'preamble' }, 0],
  },
  article: {
    // The id is stable for the article's whole life; its number is derived from its position.
    attrs: { id: { default: '' } },
    content: 'article_title? clause*',
    defining: true,
    isolating: true,
    parseDOM: [
      {
        tag: 'section.article',
        getAttrs: (dom) => ({ id: (dom as HTMLElement).getAttribute('data-article-id') ?? '' }),
      },
    ],
    toDOM: (node) => ['section', { class: 'article', 'data-article-id': node.attrs.id }, 0],
  },
  article_title: {
    content: 'text*',
    marks: '',
    defining: true,
    parseDOM: [{ tag: 'h2.article-title' }],
    toDOM: () => ['h2', { class: 'article-title' }, 0],
  },
  paragraph: clause('clause-unnumbered'),
  numbered_paragraph: clause('clause-numbered'),
  subparagraph: clause('clause-sub'),
  item: clause('clause-item'),
  text: { group: 'inline' },
} satisfies Record<string, NodeSpec>

/** Mark specs: the emphasis legal drafters use. */
export const marks = {
  em: { parseDOM: [{ tag: 'em' }, { tag: 'i' }], toDOM: () => ['em', 0] },
  strong: { parseDOM: [{ tag: 'strong' }, { tag: 'b' }], toDOM: () => ['strong', 0] },
} satisfies Record<string, MarkSpec>

/** The ProseMirror schema of a treaty text, shared by client and server. */
export const treatySchema = new Schema({ nodes, marks })

/** The kinds of clause, in order of depth. */
export const CLAUSE_TYPES = ['paragraph', 'numbered_paragraph', 'subparagraph', 'item'] as const
export type ClauseType = (typeof CLAUSE_TYPES)[number]
