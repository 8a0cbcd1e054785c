import type { Node } from 'prosemirror-model'
import { escapeXml } from './escape'
import { treatyView, type ArticleView, type NestedClause, type Run } from './nest'

/** What the identification block of an Akoma Ntoso document says about the text. */
export interface AknMeta {
  /** The negotiation id: the work's name in every FRBR URI. */
  negotiationId: string
  /** The date of the work (when the negotiation began), YYYY-MM-DD. */
  workDate: string
  /** The date of this version (a round's close, or today for the current text), YYYY-MM-DD. */
  expressionDate: string
  /** What this version is called ("Vienna Discussion Text", "Current text"). */
  versionName: string
  /** When the file was made, YYYY-MM-DD (the manifestation's date). */
  generated: string
}

/** The Akoma Ntoso 3.0 namespace (OASIS LegalDocML). */
export const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0'

// Multilateral treaties have no country; "un" is what Akoma Ntoso uses for UN documents.
const JURISDICTION = 'un'

/**
 * A treaty text as an Akoma Ntoso 3.0 `act`: FRBR identification from the negotiation and the
 * version's date; the title as the long title; the preamble as recitals; articles with
 * paragraphs and (nested) points, each with its `num` and the eIds of the AKN naming convention
 * (`art_2`, `art_2__para_2__point_c__point_i`), which follow the current numbers. Every
 * article also carries its Plenary id as `GUID`, which survives renumbering.
 */
export function toAkomaNtoso(doc: Node, meta: AknMeta): string {
  const view = treatyView(doc)
  const work = `/akn/${JURISDICTION}/act/treaty/${meta.negotiationId}`
  const expression = `${work}/eng@${meta.expressionDate}`
  const out = new Xml()
  out.raw('<?xml version="1.0" encoding="UTF-8"?>')
  out.open('akomaNtoso', { xmlns: AKN_NAMESPACE })
  out.open('act', { name: 'treaty', contains: 'originalVersion' })
  out.open('meta')
  out.open('identification', { source: '#plenary' })
  out.open('FRBRWork')
  out.empty('FRBRthis', { value: `${work}/!main` })
  out.empty('FRBRuri', { value: work })
  out.empty('FRBRdate', { date: meta.workDate, name: 'negotiation' })
  out.empty('FRBRauthor', { href: '#plenary' })
  out.empty('FRBRcountry', { value: JURISDICTION })
  out.empty('FRBRname', { value: view.title })
  out.close('FRBRWork')
  out.open('FRBRExpression')
  out.empty('FRBRthis', { value: `${expression}/!main` })
  out.empty('FRBRuri', { value: expression })
  out.empty('FRBRdate', { date: meta.expressionDate, name: meta.versionName })
  out.empty('FRBRauthor', { href: '#plenary' })
  out.empty('FRBRlanguage', { language: 'eng' })
  out.close('FRBRExpression')
  out.open('FRBRManifestation')
  out.empty('FRBRthis', { value: `${expression}/!main.xml` })
  out.empty('FRBRuri', { value: `${expression}.akn` })
  out.empty('FRBRdate', { date: meta.generated, name: 'export' })
  out.empty('FRBRauthor', { href: '#plenary' })
  out.close('FRBRManifestation')
  out.close('identification')
  out.open('references', { source: '#plenary' })
  out.empty('TLCOrganization', {
    eId: 'plenary',
    href: '/ontology/organization/plenary',
    showAs: 'Plenary',
  })
  out.close('references')
  out.close('meta')

  out.open('preface')
  out.open('longTitle', { eId: 'longTitle' })
  out.open('p')
  out.inline('docTitle', [{ text: view.title, em: false, strong: false }])
  out.close('p')
  out.close('longTitle')
  out.close('preface')

  if (view.preamble.length > 0) {
    out.open('preamble')
    out.open('recitals', { eId: 'recs' })
    view.preamble.forEach((runs, i) => {
      out.open('recital', { eId: `recs__rec_${i + 1}` })
      out.inline('p', runs)
      out.close('recital')
    })
    out.close('recitals')
    out.close('preamble')
  }

  out.open('body')
  for (const article of view.articles) writeArticle(out, article)
  out.close('body')
  out.close('act')
  out.close('akomaNtoso')
  return out.toString()
}

// An article's top clauses: unnumbered ones before the first numbered paragraph are its intro,
// those after the last its wrapUp, any in between unnumbered paragraphs ("para_u1"); an article
// with no numbered clause at all is plain content.
function writeArticle(out: Xml, article: ArticleView): void {
  const eId = `art_${article.number}`
  // Labels are derived, so they are unique among siblings except in odd structures (a 9th
  // subparagraph "(i)" beside an item "(i)"); a clash gets a suffix rather than a duplicate.
  const used = new Set<string>()
  const unique = (id: string) => {
    let candidate = id
    for (let n = 2; used.has(candidate); n++) candidate = `${id}-${n}`
    used.add(candidate)
    return candidate
  }
  out.open('article', { eId, GUID: article.id })
  out.text('num', `Article ${article.number}`)
  if (article.title) out.text('heading', article.title)
  const clauses = article.clauses
  const labelled = clauses.map((c) => c.label !== '' || c.children.length > 0)
  const first = labelled.indexOf(true)
  if (first < 0) {
    out.open('content')
    if (clauses.length === 0) out.empty('p')
    clauses.forEach((c) => out.inline('p', c.runs))
    out.close('content')
  } else {
    const last = labelled.lastIndexOf(true)
    let unnumbered = 0
    clauses.forEach((clause, i) => {
      if (i === 0 && first > 0) out.open('intro')
      if (i < first) {
        out.inline('p', clause.runs)
        if (i === first - 1) out.close('intro')
        return
      }
      if (i > last) {
        if (i === last + 1) out.open('wrapUp')
        out.inline('p', clause.runs)
        if (i === clauses.length - 1) out.close('wrapUp')
        return
      }
      const id = labelled[i] ? idOf(clause, 'para') : `para_u${++unnumbered}`
      writeClause(out, unique, unique(`${eId}__${id}`), 'paragraph', clause)
    })
  }
  out.close('article')
}

// A paragraph or point: its num, then its own words as content, or as the intro of its points.
function writeClause(
  out: Xml,
  unique: (id: string) => string,
  eId: string,
  element: string,
  clause: NestedClause,
): void {
  out.open(element, { eId })
  if (clause.label) out.text('num', clause.label)
  if (clause.children.length === 0) {
    out.open('content')
    out.inline('p', clause.runs)
    out.close('content')
  } else {
    if (clause.runs.length > 0) {
      out.open('intro')
      out.inline('p', clause.runs)
      out.close('intro')
    }
    let unnumbered = 0
    for (const child of clause.children) {
      const id = child.label ? idOf(child, 'point') : `point_u${++unnumbered}`
      writeClause(out, unique, unique(`${eId}__${id}`), 'point', child)
    }
  }
  out.close(element)
}

// "1." → para_1, "(c)" → point_c, "(iv)" → point_iv.
const idOf = (clause: NestedClause, prefix: string): string =>
  `${prefix}_${clause.label.replace(/[^a-z0-9]/gi, '').toLowerCase()}`

// A small indenting XML writer: elements, escaped attributes and text, emphasis as <i> and <b>.
class Xml {
  private readonly lines: string[] = []
  private depth = 0

  raw(line: string): void {
    this.lines.push(line)
  }

  open(name: string, attrs: Record<string, string> = {}): void {
    this.lines.push(`${this.indent()}<${name}${attributes(attrs)}>`)
    this.depth++
  }

  close(name: string): void {
    this.depth--
    this.lines.push(`${this.indent()}</${name}>`)
  }

  empty(name: string, attrs: Record<string, string> = {}): void {
    this.lines.push(`${this.indent()}<${name}${attributes(attrs)}/>`)
  }

  text(name: string, text: string): void {
    this.lines.push(`${this.indent()}<${name}>${escapeXml(text)}</${name}>`)
  }

  inline(name: string, runs: readonly Run[]): void {
    this.lines.push(`${this.indent()}<${name}>${runs.map(inlineRun).join('')}</${name}>`)
  }

  toString(): string {
    return this.lines.join('\n') + '\n'
  }

  private indent(): string {
    return '  '.repeat(this.depth)
  }
}

const attributes = (attrs: Record<string, string>): string =>
  Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('')

function inlineRun(run: Run): string {
  let s = escapeXml(run.text)
  if (run.em) s = `<i>${s}</i>`
  if (run.strong) s = `<b>${s}</b>`
  return s
}
