import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { toAkomaNtoso, type AknMeta } from '../../../shared/domain/export'
import { article, article_title, numbered_paragraph, treaty } from '../../support/builders'
import { ccmDoc } from './ccm'

const META: AknMeta = {
  negotiationId: 'ccm',
  workDate: '2007-02-22',
  expressionDate: '2007-12-07',
  versionName: 'Vienna Discussion Text',
  generated: '2026-01-01',
  // The Convention as adopted in Dublin: an act.
  adopted: true,
}

// Elements as arrays everywhere, attributes without a prefix.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  alwaysCreateTextNode: true,
  parseTagValue: false,
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
})
type El = Record<string, El[] | string> & { '#text'?: string }

const all = (el: El, name: string): El[] => (el[name] as El[] | undefined) ?? []
const one = (el: El, name: string): El => {
  const found = all(el, name)[0]
  if (!found) throw new Error(`no <${name}>`)
  return found
}
const text = (el: El, name: string): string => String(one(el, name)['#text'] ?? '')

function eIds(el: unknown, out: string[] = []): string[] {
  if (Array.isArray(el)) el.forEach((e) => eIds(e, out))
  else if (el && typeof el === 'object') {
    for (const [k, v] of Object.entries(el)) {
      if (k === 'eId' && typeof v === 'string') out.push(v)
      else eIds(v, out)
    }
  }
  return out
}

describe('toAkomaNtoso', () => {
  const xml = toAkomaNtoso(ccmDoc(), META)
  const root = parser.parse(xml) as El
  const act = one(one(root, 'akomaNtoso'), 'act')
  const articles = all(one(act, 'body'), 'article')

  it('is well-formed AKN 3.0 with FRBR identification', () => {
    expect(XMLValidator.validate(xml)).toBe(true)
    const akn = one(root, 'akomaNtoso')
    expect(akn.xmlns).toBe('http://docs.oasis-open.org/legaldocml/ns/akn/3.0')
    const ident = one(one(act, 'meta'), 'identification')
    const work = one(ident, 'FRBRWork')
    expect(one(work, 'FRBRuri').value).toBe('/akn/un/act/treaty/ccm')
    const expression = one(ident, 'FRBRExpression')
    expect(one(expression, 'FRBRuri').value).toBe('/akn/un/act/treaty/ccm/eng@2007-12-07')
    expect(one(expression, 'FRBRdate').name).toBe('Vienna Discussion Text')
    expect(one(ident, 'FRBRManifestation')).toBeTruthy()
  })

  it('has the title, the preamble as recitals and 23 articles with num and heading', () => {
    const title = one(one(one(one(act, 'preface'), 'longTitle'), 'p'), 'docTitle')
    expect(title['#text']).toBe('Convention on Cluster Munitions')
    const recitals = all(one(one(act, 'preamble'), 'recitals'), 'recital')
    expect(recitals.length).toBeGreaterThan(20)
    expect(articles).toHaveLength(23)
    articles.forEach((a, i) => {
      expect(a.eId).toBe(`art_${i + 1}`)
      expect(text(a, 'num')).toBe(`Article ${i + 1}`)
      expect(typeof a.GUID).toBe('string')
    })
    expect(text(articles[1] as El, 'heading')).toBe('Definitions')
  })

  it('gives every element a unique eId', () => {
    const ids = eIds(root)
    expect(ids.length).toBeGreaterThan(200)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('nests Article 2: intro, 15 paragraphs, points a-c of para 2, five sub-points of c', () => {
    const art2 = articles[1] as El
    expect(text(one(art2, 'intro'), 'p')).toBe('For the purposes of this Convention:')
    const paras = all(art2, 'paragraph')
    expect(paras).toHaveLength(15)
    expect(paras.map((p) => p.eId)).toEqual(paras.map((_, i) => `art_2__para_${i + 1}`))
    const para2 = paras[1] as El
    expect(text(para2, 'num')).toBe('2.')
    expect(text(one(para2, 'intro'), 'p')).toMatch(/^“Cluster munition” means/)
    const points = all(para2, 'point')
    expect(points.map((p) => p.eId)).toEqual([
      'art_2__para_2__point_a',
      'art_2__para_2__point_b',
      'art_2__para_2__point_c',
    ])
    const sub = all(points[2] as El, 'point')
    expect(sub.map((p) => p.eId)).toEqual(
      ['i', 'ii', 'iii', 'iv', 'v'].map((n) => `art_2__para_2__point_c__point_${n}`),
    )
    expect(sub.map((p) => text(p, 'num'))).toEqual(['(i)', '(ii)', '(iii)', '(iv)', '(v)'])
  })

  it('writes an article of one unnumbered paragraph as content', () => {
    const art9 = articles[8] as El
    expect(all(art9, 'paragraph')).toHaveLength(0)
    expect(text(one(art9, 'content'), 'p').length).toBeGreaterThan(20)
  })

  it('escapes text and attributes', () => {
    const doc = treaty(
      article(
        'art-<&"x',
        article_title('A & B < c > \'"'),
        numbered_paragraph('x < y & "z" \u0001'),
      ),
    )
    const out = toAkomaNtoso(doc, META)
    expect(XMLValidator.validate(out)).toBe(true)
    const a = one(one(one(one(parser.parse(out) as El, 'akomaNtoso'), 'act'), 'body'), 'article')
    expect(a.GUID).toBe('art-<&"x')
    expect(text(a, 'heading')).toBe('A & B < c > \'"')
  })
})
