import type { Node } from 'prosemirror-model'
import { writePreamble } from './aknPreamble'
import { allTokens, InlineWriter, runsXml, Xml } from './aknXml'
import {
  articleHeading,
  isOptions,
  treatyView,
  type ArticleView,
  type HeadingView,
  type NestedClause,
  type OptionsView,
  type ViewBlock,
} from './nest'
import { optionCaption } from './printPage'

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
  /**
   * True only for a text the conference adopted: it is written as an `act`. Anything else, and
   * any text still carrying brackets or options, is a draft: a `bill`.
   */
  adopted?: boolean
}

/** The Akoma Ntoso 3.0 namespace (OASIS LegalDocML). */
export const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0'

// Multilateral treaties have no country; "un" is what Akoma Ntoso uses for UN documents.
export const JURISDICTION = 'un'

/**
 * A treaty text as Akoma Ntoso 3.0: an `act` when adopted and clean, else a draft `bill` (FRBR
 * URIs say `bill` too, and the preface's `docStage` says "Draft"). FRBR identification from the
 * negotiation and the version's date; the title as the long title; the preamble as recitals;
 * headings as nested `hcontainer`s (instrument) and `part`, `chapter`, `section`; articles under
 * the labels negotiators use with paragraphs and (nested) points and the eIds of the AKN naming
 * convention (`art_2bis`, `art_2__para_2__point_c`). Option blocks are `hcontainer name="options"`
 * holding one `hcontainer name="option"` each, every option after the first `alternativeTo` the
 * first; brackets are spans (see `InlineWriter`); footnotes are `authorialNote`s. Every article
 * also carries its Plenary id as `GUID`, which survives renumbering.
 */
export function toAkomaNtoso(doc: Node, meta: AknMeta): string {
  const view = treatyView(doc)
  const draft = meta.adopted !== true || view.hasBrackets
  const type = draft ? 'bill' : 'act'
  const work = `/akn/${JURISDICTION}/${type}/treaty/${meta.negotiationId}`
  const expression = `${work}/eng@${meta.expressionDate}`
  const out = new Xml()
  out.raw('<?xml version="1.0" encoding="UTF-8"?>')
  out.open('akomaNtoso', { xmlns: AKN_NAMESPACE })
  out.open(type, { name: 'treaty', contains: 'originalVersion' })
  writeMeta(out, { work, expression, title: view.title, meta })

  out.open('preface')
  out.open('longTitle', { eId: 'longTitle' })
  out.element(
    'p',
    `<docTitle>${runsXml([{ text: view.title, em: false, strong: false }])}</docTitle>`,
  )
  out.close('longTitle')
  if (draft) out.element('p', '<docStage>Draft</docStage>', { class: 'status' })
  out.close('preface')

  if (view.preambleBlocks.length > 0) writePreamble(out, view.preambleBlocks)

  out.open('body')
  writeBody(out, view.body)
  out.close('body')
  out.close(type)
  out.close('akomaNtoso')
  return out.toString()
}

/** The identification and references of an AKN document. */
export function writeMeta(
  out: Xml,
  o: {
    work: string
    expression: string
    title: string
    meta: Omit<AknMeta, 'adopted'>
    /** More TLC references (sponsors, roles), as [element, attributes]. */
    references?: [string, Record<string, string>][]
  },
): void {
  const { work, expression, meta } = o
  out.open('meta')
  out.open('identification', { source: '#plenary' })
  out.open('FRBRWork')
  out.empty('FRBRthis', { value: `${work}/!main` })
  out.empty('FRBRuri', { value: work })
  out.empty('FRBRdate', { date: meta.workDate, name: 'negotiation' })
  out.empty('FRBRauthor', { href: '#plenary' })
  out.empty('FRBRcountry', { value: JURISDICTION })
  out.empty('FRBRname', { value: o.title })
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
  for (const [name, attrs] of o.references ?? []) out.empty(name, attrs)
  out.close('references')
  out.close('meta')
}

const LEVEL: Record<HeadingView['kind'], number> = {
  instrument: 0,
  part: 1,
  chapter: 2,
  section: 3,
}
const ELEMENT: Record<HeadingView['kind'], string> = {
  instrument: 'hcontainer',
  part: 'part',
  chapter: 'chapter',
  section: 'section',
}
const ABBR: Record<HeadingView['kind'], string> = {
  instrument: 'hcontainer',
  part: 'part',
  chapter: 'chp',
  section: 'sec',
}

// Headings stand between articles in the text; in AKN they contain what follows them up to the
// next heading of the same level or above. An article before any heading stands in the body.
function writeBody(out: Xml, body: ReturnType<typeof treatyView>['body']): void {
  const open: { kind: HeadingView['kind']; eId: string }[] = []
  const counts = new Map<string, number>()
  let instruments = 0
  for (const item of body) {
    if (item.kind === 'heading') {
      const h = item.heading
      while (
        open.length > 0 &&
        LEVEL[(open[open.length - 1] as { kind: HeadingView['kind'] }).kind] >= LEVEL[h.kind]
      ) {
        out.close(ELEMENT[(open.pop() as { kind: HeadingView['kind'] }).kind])
      }
      let eId: string
      if (h.kind === 'instrument') eId = `hcontainer_${++instruments}`
      else {
        const parent = open[open.length - 1]?.eId
        const key = `${parent ?? ''}/${h.kind}`
        const n = (counts.get(key) ?? 0) + 1
        counts.set(key, n)
        eId = `${parent ? `${parent}__` : ''}${ABBR[h.kind]}_${n}`
      }
      out.open(ELEMENT[h.kind], {
        eId,
        name: h.kind === 'instrument' ? 'instrument' : undefined,
        GUID: h.id.trim() ? h.id.trim() : undefined,
      })
      out.text('heading', h.text)
      open.push({ kind: h.kind, eId })
      continue
    }
    writeArticle(out, item.article)
  }
  while (open.length > 0) out.close(ELEMENT[(open.pop() as { kind: HeadingView['kind'] }).kind])
  // A body holds at least one element: an empty text keeps an empty article's place.
  if (body.length === 0) {
    out.open('hcontainer', { name: 'empty', eId: 'hcontainer_empty' })
    out.open('content')
    out.empty('p')
    out.close('content')
    out.close('hcontainer')
  }
}

// Whether a block makes hierarchy (a numbered clause, one with clauses under it, an option
// block) rather than plain text.
const hierarchical = (b: ViewBlock): boolean =>
  isOptions(b) || b.label !== '' || b.children.length > 0

/** What writing a container's clauses needs: its inline writer and unique eIds. */
export interface AknCtx {
  inline: InlineWriter
  unique: (id: string) => string
}

/** A writer's context for the clauses of a container whose eId is `eId`. */
export function aknCtx(eId: string, blocks: readonly ViewBlock[]): AknCtx {
  // Labels are mostly unique among siblings; a clash (a fixed label repeated, a 9th
  // subparagraph "(i)" beside an item "(i)") gets a suffix rather than a duplicate eId.
  const used = new Set<string>()
  const unique = (id: string) => {
    let candidate = id
    for (let n = 2; used.has(candidate); n++) candidate = `${id}-${n}`
    used.add(candidate)
    return candidate
  }
  return { inline: new InlineWriter(eId, allTokens(blocks)), unique }
}

// An article: its num ("Article 2 bis", "[Article 3bis]") and heading; its top clauses as intro
// (unnumbered ones before the first hierarchical block), paragraphs and option blocks, and wrapUp
// (unnumbered ones after the last); an article without hierarchy is plain content.
function writeArticle(out: Xml, article: ArticleView): void {
  const eId = article.eId
  const ctx = aknCtx(eId, article.clauses)
  out.open('article', {
    eId,
    GUID: article.id.trim() ? article.id.trim() : undefined,
    class: article.bracketed ? 'bracketed' : undefined,
  })
  out.text('num', articleHeading(article))
  if (article.title) out.text('heading', article.title)
  const blocks = article.clauses
  const flags = blocks.map(hierarchical)
  const first = flags.indexOf(true)
  if (first < 0) {
    out.open('content')
    if (blocks.length === 0) out.empty('p')
    for (const b of blocks) out.element('p', ctx.inline.paragraph((b as NestedClause).tokens))
    out.close('content')
    out.close('article')
    return
  }
  const last = flags.lastIndexOf(true)
  const plainText = (list: readonly ViewBlock[], element: string) => {
    if (list.length === 0) return
    out.open(element)
    for (const b of list) out.element('p', ctx.inline.paragraph((b as NestedClause).tokens))
    out.close(element)
  }
  plainText(blocks.slice(0, first), 'intro')
  writeBlocks(out, ctx, eId, 'paragraph', blocks.slice(first, last + 1), { para: 0, point: 0 })
  plainText(blocks.slice(last + 1), 'wrapUp')
  out.close('article')
}

interface Unnumbered {
  para: number
  point: number
}

/** Clauses (as `element`: paragraph at the top, point below) and option blocks, in order. */
export function writeBlocks(
  out: Xml,
  ctx: AknCtx,
  parent: string,
  element: 'paragraph' | 'point',
  blocks: readonly ViewBlock[],
  unnumbered: Unnumbered = { para: 0, point: 0 },
): void {
  let options = 0
  for (const b of blocks) {
    if (isOptions(b)) {
      writeOptions(out, ctx, ctx.unique(`${parent}__hcontainer_${++options}`), element, b)
      continue
    }
    const prefix = element === 'paragraph' ? 'para' : 'point'
    const id = b.label
      ? `${prefix}_${b.label.replace(/[^a-z0-9]/gi, '').toLowerCase() || 'x'}`
      : `${prefix}_u${element === 'paragraph' ? ++unnumbered.para : ++unnumbered.point}`
    writeClause(out, ctx, ctx.unique(`${parent}__${id}`), element, b)
  }
}

// An option block: `hcontainer name="options"` with one `hcontainer name="option"` per option,
// its label as num, an empty one with "No text", each after the first `alternativeTo` the first.
function writeOptions(
  out: Xml,
  ctx: AknCtx,
  eId: string,
  element: 'paragraph' | 'point',
  b: OptionsView,
): void {
  out.open('hcontainer', { name: 'options', eId })
  b.options.forEach((o, i) => {
    const optionId = `${eId}__hcontainer_${i + 1}`
    out.open('hcontainer', {
      name: 'option',
      eId: optionId,
      alternativeTo: i > 0 ? `${eId}__hcontainer_1` : undefined,
    })
    out.text('num', optionCaption(o.label))
    if (o.blocks.length === 0) {
      out.open('content')
      out.text('p', 'No text', { class: 'noText' })
      out.close('content')
    } else {
      writeBlocks(out, ctx, optionId, element, o.blocks, { para: 0, point: 0 })
    }
    out.close('hcontainer')
  })
  out.close('hcontainer')
}

// A paragraph or point: its num, then its own words as content, or as the intro of what stands
// under it (points and option blocks).
function writeClause(
  out: Xml,
  ctx: AknCtx,
  eId: string,
  element: 'paragraph' | 'point',
  clause: NestedClause,
): void {
  out.open(element, { eId })
  if (clause.label) out.text('num', clause.label)
  const words = ctx.inline.paragraph(clause.tokens)
  if (clause.children.length === 0) {
    out.open('content')
    out.element('p', words)
    out.close('content')
  } else {
    if (clause.tokens.length > 0) {
      out.open('intro')
      out.element('p', words)
      out.close('intro')
    }
    writeBlocks(out, ctx, eId, 'point', clause.children, { para: 0, point: 0 })
  }
  out.close(element)
}
