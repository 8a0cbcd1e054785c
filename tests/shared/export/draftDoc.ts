import type { Node } from 'prosemirror-model'
import { treatySchema } from '../../../shared/schema'

// JSON pieces of a treaty document, so that the draft below reads close to the text it makes.
type Json = Record<string, unknown>
type Br = [id: string, alt?: number]

/** Text carrying the given brackets ([id, alt]). */
const t = (text: string, ...brackets: Br[]): Json => ({
  type: 'text',
  text,
  ...(brackets.length > 0
    ? { marks: brackets.map(([id, alt = 0]) => ({ type: 'bracket', attrs: { id, alt } })) }
    : {}),
})
const node = (type: string, attrs: Json, ...content: Json[]): Json => ({
  type,
  attrs,
  ...(content.length > 0 ? { content } : {}),
})
const np = (label: string, ...content: Json[]) => node('numbered_paragraph', { label }, ...content)
const sub = (label: string, ...content: Json[]) => node('subparagraph', { label }, ...content)
const para = (...content: Json[]) => node('paragraph', { label: '' }, ...content)
const option = (label: string, ...content: Json[]) => node('option', { label }, ...content)
const options = (id: string, ...content: Json[]) => node('options', { id }, ...content)
const title = (text: string): Json => ({ type: 'article_title', content: [{ type: 'text', text }] })
const article = (id: string, label: string, bracketed: boolean, ...content: Json[]) =>
  node('article', { id, label, bracketed }, ...content)
const heading = (id: string, kind: string, text: string) =>
  node('heading', { id, kind }, { type: 'text', text })

/**
 * A draft as a secretariat circulates one, built with the schema: an alternative in the preamble;
 * two instruments (an agreement with a chapter, then a decision); nested brackets, alternatives,
 * a bracket running across two paragraphs, a footnote, an option block at paragraph level with an
 * empty option, another at article level; a whole bracketed article with a placeholder; fixed
 * labels ("2bis", "4.1 alt") and the "bis" labels numbering gives after them.
 *
 * Its bracketed spans: pre, b1, b2, b1b, b3, b4, dec (7) plus the bracketed article: 8; option
 * blocks: 2.
 */
export function draftDoc(): Node {
  return treatySchema.nodeFromJSON({
    type: 'doc',
    content: [
      { type: 'title', content: [{ type: 'text', text: 'Draft agreement & decision' }] },
      node(
        'preamble',
        {},
        para(
          t('Recalling '),
          t('the Convention', ['pre', 0]),
          t('its principles', ['pre', 1]),
          t(','),
        ),
      ),
      heading('h-agreement', 'instrument', 'Paris Agreement'),
      heading('h-ch1', 'chapter', 'Chapter I: Purpose'),
      article(
        'art-purpose',
        '2',
        false,
        title('Purpose'),
        np(
          '1.',
          t('This Agreement '),
          t('shall ', ['b1']),
          t('aim to', ['b1'], ['b2']),
          t(' hold the increase'),
          {
            type: 'footnote',
            attrs: { id: 'fn-a', text: 'Temperature relative to 1850–1900 <levels>.' },
          },
          t(' below 2 °C', ['b1b']),
          t(':'),
        ),
        options(
          'o-para',
          option(
            'Option 1',
            sub(
              '(a)',
              t('by '),
              t('furtherance', ['b3', 0]),
              t('pursuit', ['b3', 1]),
              t(' of efforts;'),
            ),
          ),
          option('Option 2'),
        ),
        np('2.', t('The '), t('Parties shall', ['b4'])),
        np('', t('cooperate', ['b4']), t(' fully.')),
      ),
      article(
        'art-loss',
        '2bis',
        true,
        title('Loss and damage'),
        para(
          t('Parties recognize '),
          {
            type: 'text',
            text: 'Placeholder: outcome on loss and damage',
            marks: [{ type: 'placeholder' }],
          },
          t('.'),
        ),
      ),
      article(
        'art-mitigation',
        '4',
        false,
        title('Mitigation'),
        np('4.1 alt', t('Each Party shall communicate.')),
        options(
          'o-art',
          option('Option 1', np('2.', t('Text A.'))),
          option('Option 2', np('3.', t('Text B.'))),
        ),
      ),
      article('art-inserted', '', false, title('Inserted later'), para(t('Words.'))),
      heading('h-decision', 'instrument', 'Draft decision -/CP.21'),
      article(
        'dec-1',
        '1',
        false,
        para(t('Decides '), t('to adopt', ['dec']), t(' the Agreement.')),
      ),
    ],
  })
}

/** The bracketed spans and option blocks of `draftDoc`, counted by hand from the text above. */
export const DRAFT_COUNTS = { brackets: 8, options: 2 }
