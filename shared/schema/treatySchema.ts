import { Schema, type NodeSpec, type MarkSpec } from 'prosemirror-model'

/** Bumped whenever a change to the schema makes older clients unsafe; the server refuses them. */
export const SCHEMA_VERSION = 3

// A clause is one block of an article's body. Clauses are flat siblings rather than nested
// lists: "make subparagraph" is a change of type, numbering is derived from order, and
// collaborative edits never have to restructure a tree.
//
// `label` is the clause's fixed label ("4.1 alt", "2.", "(a)") once its text has been circulated;
// "" means "derived from order" (shared/domain/numbering.ts), or "bis"/"ter" after a fixed one.
const clause = (cls: string): NodeSpec => ({
  group: 'clause',
  attrs: { label: { default: '' } },
  content: 'inline*',
  marks: '_',
  parseDOM: [
    {
      tag: `p.${cls}`,
      getAttrs: (dom) => ({ label: (dom as HTMLElement).getAttribute('data-label') ?? '' }),
    },
  ],
  toDOM: (node) => [
    'p',
    {
      class: `clause ${cls}`,
      ...(node.attrs.label ? { 'data-fixed-label': node.attrs.label } : {}),
    },
    0,
  ],
})

/**
 * Node specs of a treaty text, as plain data. Content is permissive on purpose: y-prosemirror
 * deletes from the shared document any element the schema rejects when it reads a merge, so no
 * merge of valid concurrent edits may produce one (an emptied preamble, an article whose title a
 * client deleted). Only the server puts back a missing title, preamble or paragraph
 * (shared/domain/structure.ts), and clients never remove them (structureKept).
 */
export const nodes = {
  // Headings (an instrument such as "Draft decision", a Part, Chapter or Section) stand between
  // articles; articles are numbered afresh after an instrument heading.
  doc: { content: 'title? preamble? (heading | article)*' },
  title: {
    content: 'text*',
    marks: '',
    defining: true,
    parseDOM: [{ tag: 'h1' }],
    toDOM: () => ['h1', { class: 'treaty-title' }, 0],
  },
  preamble: {
    content: '(paragraph | options)*',
    defining: true,
    parseDOM: [{ tag: 'div.preamble' }],
    toDOM: () => ['div', { class: 'preamble' }, 0],
  },
  heading: {
    // kind: instrument | part | chapter | section. `id` is stable, as an article's.
    attrs: { id: { default: '' }, kind: { default: 'chapter' } },
    content: 'text*',
    marks: '',
    defining: true,
    parseDOM: [
      {
        tag: 'h2.text-heading',
        getAttrs: (dom) => ({
          id: (dom as HTMLElement).getAttribute('data-heading-id') ?? '',
          kind: (dom as HTMLElement).getAttribute('data-kind') ?? 'chapter',
        }),
      },
    ],
    toDOM: (node) => [
      'h2',
      {
        class: `text-heading heading-${node.attrs.kind}`,
        'data-heading-id': node.attrs.id,
        'data-kind': node.attrs.kind,
      },
      0,
    ],
  },
  article: {
    // The id is stable for the article's whole life. `label` is its fixed number once the text has
    // been circulated ("2", "2bis"); "" means derived (numbering.ts). `bracketed`: the whole article
    // is in square brackets, as "[Article 3bis]".
    attrs: { id: { default: '' }, label: { default: '' }, bracketed: { default: false } },
    content: 'article_title? (clause | options)*',
    defining: true,
    isolating: true,
    parseDOM: [
      {
        tag: 'section.article',
        getAttrs: (dom) => ({
          id: (dom as HTMLElement).getAttribute('data-article-id') ?? '',
          label: (dom as HTMLElement).getAttribute('data-label') ?? '',
          bracketed: (dom as HTMLElement).getAttribute('data-bracketed') === 'true',
        }),
      },
    ],
    toDOM: (node) => [
      'section',
      {
        class: node.attrs.bracketed ? 'article article-bracketed' : 'article',
        'data-article-id': node.attrs.id,
        ...(node.attrs.bracketed ? { 'data-bracketed': 'true' } : {}),
      },
      0,
    ],
  },
  // An option block: "Option 1: ... Option 2: No text", at article, paragraph or subparagraph
  // level (it follows the clause it belongs to), or in the preamble. Options nest. Content is
  // permissive (no minimum count): concurrent deletions must never make a merge invalid.
  options: {
    attrs: { id: { default: '' } },
    content: 'option*',
    defining: true,
    parseDOM: [
      {
        tag: 'div.options',
        getAttrs: (dom) => ({ id: (dom as HTMLElement).getAttribute('data-options-id') ?? '' }),
      },
    ],
    toDOM: (node) => ['div', { class: 'options', 'data-options-id': node.attrs.id }, 0],
  },
  option: {
    // label: "Option 1", "Option I", "Option (b)"; an option without clauses reads "No text".
    attrs: { label: { default: '' } },
    content: '(clause | options)*',
    defining: true,
    parseDOM: [
      {
        tag: 'div.option',
        getAttrs: (dom) => ({
          label: (dom as HTMLElement).getAttribute('data-option-label') ?? '',
        }),
      },
    ],
    toDOM: (node) => ['div', { class: 'option', 'data-option-label': node.attrs.label }, 0],
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
  // A footnote as the source numbers it: its text is an attribute (edited as a whole), its number
  // derived from order in the exports.
  footnote: {
    group: 'inline',
    inline: true,
    atom: true,
    attrs: { id: { default: '' }, text: { default: '' } },
    parseDOM: [
      {
        tag: 'sup.footnote',
        getAttrs: (dom) => ({
          id: (dom as HTMLElement).getAttribute('data-footnote-id') ?? '',
          text: (dom as HTMLElement).getAttribute('data-footnote') ?? '',
        }),
      },
    ],
    toDOM: (node) => [
      'sup',
      {
        class: 'footnote',
        'data-footnote-id': node.attrs.id,
        'data-footnote': node.attrs.text,
        title: node.attrs.text,
      },
      '*',
    ],
  },
} satisfies Record<string, NodeSpec>

/** Mark specs: the emphasis legal drafters use. */
export const marks = {
  em: { parseDOM: [{ tag: 'em' }, { tag: 'i' }], toDOM: () => ['em', 0] },
  strong: { parseDOM: [{ tag: 'strong' }, { tag: 'b' }], toDOM: () => ['strong', 0] },
  // Text still to be written: "[Placeholder: outcome on discussion on MRV]". A mark, not an inline
  // node: y-prosemirror 1.3 keeps no marks on inline nodes, so a bracket around a placeholder
  // node would be lost in the shared document; on words it keeps.
  placeholder: {
    parseDOM: [{ tag: 'span.text-placeholder' }],
    toDOM: () => ['span', { class: 'text-placeholder' }, 0],
  },
  // Square brackets as structure: every bracketed span has an id; adjacent alternatives
  // ("[shall][should]") share the id with `alt` 0, 1, 2...; a span may cover several clauses (the
  // same id on each). `excludes: ''` lets brackets nest (y-prosemirror keys such marks by a hash of
  // their attrs, so keep them flat). Where "[" and "]" stand is derived (shared/domain/brackets.ts).
  bracket: {
    attrs: { id: { default: '' }, alt: { default: 0 } },
    excludes: '',
    inclusive: false,
    parseDOM: [
      {
        tag: 'span.bracket',
        getAttrs: (dom) => ({
          id: (dom as HTMLElement).getAttribute('data-bracket-id') ?? '',
          alt: Number((dom as HTMLElement).getAttribute('data-alt') ?? 0),
        }),
      },
    ],
    toDOM: (mark) => [
      'span',
      { class: 'bracket', 'data-bracket-id': mark.attrs.id, 'data-alt': String(mark.attrs.alt) },
      0,
    ],
  },
} satisfies Record<string, MarkSpec>

/** The ProseMirror schema of a treaty text, shared by client and server. */
export const treatySchema = new Schema({ nodes, marks })

/** The block wrappers that group clauses: an option block and its options. */
export const WRAPPER_TYPES = ['options', 'option'] as const

/** The kinds of clause, in order of depth. */
export const CLAUSE_TYPES = ['paragraph', 'numbered_paragraph', 'subparagraph', 'item'] as const
export type ClauseType = (typeof CLAUSE_TYPES)[number]
