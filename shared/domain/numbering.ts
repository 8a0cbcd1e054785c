import type { Node } from 'prosemirror-model'

/** An article as the outline shows it: stable id, derived number, title. */
export interface ArticleSummary {
  id: string
  number: number
  title: string
  /** Position of the article node in the document. */
  pos: number
}

/** The text of an article's title; "" for an article without one (a merge can leave it out). */
export function articleTitleOf(article: Node): string {
  const first = article.firstChild
  return first?.type.name === 'article_title' ? first.textContent : ''
}

/** The articles of a treaty document in order, numbered from 1. */
export function outlineOf(doc: Node): ArticleSummary[] {
  const out: ArticleSummary[] = []
  doc.forEach((node, offset) => {
    if (node.type.name !== 'article') return
    out.push({
      id: String(node.attrs.id),
      number: out.length + 1,
      title: articleTitleOf(node),
      pos: offset,
    })
  })
  return out
}

/** Lower-case letters as CSS `lower-alpha` counts: a..z, aa, ab, ... */
export function toLetters(n: number): string {
  let s = ''
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) {
    s = String.fromCharCode(97 + ((k - 1) % 26)) + s
  }
  return s
}

const ROMAN: [number, string][] = [
  [1000, 'm'],
  [900, 'cm'],
  [500, 'd'],
  [400, 'cd'],
  [100, 'c'],
  [90, 'xc'],
  [50, 'l'],
  [40, 'xl'],
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
]

/** Lower-case roman numerals, as CSS `lower-roman` counts. */
export function toRoman(n: number): string {
  let s = ''
  let k = n
  for (const [value, digits] of ROMAN) {
    for (; k >= value; k -= value) s += digits
  }
  return s
}

/**
 * The label shown before each clause of an article ("1.", "(a)", "(i)", or "" for an
 * unnumbered paragraph), in order. The editor's CSS counters follow the same rules.
 */
export function clauseLabels(article: Node): string[] {
  let para = 0
  let sub = 0
  let item = 0
  const labels: string[] = []
  article.forEach((clause) => {
    switch (clause.type.name) {
      case 'numbered_paragraph':
        para += 1
        sub = 0
        item = 0
        labels.push(`${para}.`)
        break
      case 'paragraph':
        sub = 0
        item = 0
        labels.push('')
        break
      case 'subparagraph':
        sub += 1
        item = 0
        labels.push(`(${toLetters(sub)})`)
        break
      case 'item':
        item += 1
        labels.push(`(${toRoman(item)})`)
        break
      // The article title carries no clause label.
    }
  })
  return labels
}
