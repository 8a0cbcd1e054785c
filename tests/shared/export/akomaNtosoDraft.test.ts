import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { toAkomaNtoso, type AknMeta } from '../../../shared/domain/export'
import { aknStructureProblems, xsdProblems } from '../../support/aknStructure'
import { ccmDoc } from './ccm'
import { draftDoc } from './draftDoc'

const META: AknMeta = {
  negotiationId: 'paris',
  workDate: '2015-10-23',
  expressionDate: '2015-12-09',
  versionName: 'Draft Paris Outcome',
  generated: '2026-01-01',
}

// Elements as arrays everywhere, attributes without a prefix.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  alwaysCreateTextNode: true,
  parseTagValue: false,
  trimValues: false,
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
})

describe('toAkomaNtoso of a draft', () => {
  const xml = toAkomaNtoso(draftDoc(), META)

  it('types a text with brackets as a draft bill even when called adopted', () => {
    expect(XMLValidator.validate(xml)).toBe(true)
    const root = parser.parse(xml)
    expect(root.akomaNtoso[0].bill).toHaveLength(1)
    expect(root.akomaNtoso[0].act).toBeUndefined()
    expect(xml).toContain('<FRBRuri value="/akn/un/bill/treaty/paris"/>')
    expect(xml).toContain('<p class="status"><docStage>Draft</docStage></p>')
    expect(toAkomaNtoso(draftDoc(), { ...META, adopted: true })).toContain('<bill name="treaty"')
    // A clean text the conference adopted is an act.
    expect(toAkomaNtoso(ccmDoc(), { ...META, adopted: true })).toContain('<act name="treaty"')
  })

  it('writes option blocks as hcontainers whose later options are alternativeTo the first', () => {
    const options = 'hcontainer_1__art_4__hcontainer_1'
    expect(xml).toContain(`<hcontainer name="options" eId="${options}">`)
    expect(xml).toContain(`<hcontainer name="option" eId="${options}__hcontainer_1">`)
    expect(xml).toContain(
      `<hcontainer name="option" eId="${options}__hcontainer_2" alternativeTo="${options}__hcontainer_1">`,
    )
    expect(xml).toContain('<num>Option 2:</num>')
    // The empty option of paragraph 1 reads "No text".
    expect(xml).toMatch(/<num>Option 2:<\/num>\s*<content>\s*<p class="noText">No text<\/p>/)
  })

  it('writes brackets as spans with their characters, alternatives with alternativeTo', () => {
    expect(xml).toContain(
      '<p>This Agreement <span class="bracketed" eId="hcontainer_1__art_2__span_1">[shall ' +
        '<span class="bracketed" eId="hcontainer_1__art_2__span_2">[aim to]</span>]</span> hold the increase',
    )
    expect(xml).toContain(
      '[<span class="alternative" eId="hcontainer_1__art_2__span_4__alt_1">furtherance</span>]' +
        '[<span class="alternative" eId="hcontainer_1__art_2__span_4__alt_2" ' +
        'alternativeTo="hcontainer_1__art_2__span_4__alt_1">pursuit</span>]</span>',
    )
    // A bracket across two paragraphs: each paragraph well-formed, the second a continuation.
    expect(xml).toContain(
      '<p>The <span class="bracketed" eId="hcontainer_1__art_2__span_5">[Parties shall</span></p>',
    )
    expect(xml).toContain('<p><span class="bracketed continued">cooperate]</span> fully.</p>')
  })

  it('writes footnotes as authorialNote, placeholders, labels, headings and the bracketed article', () => {
    expect(xml).toContain(
      '<authorialNote eId="hcontainer_1__art_2__authorialNote_1" marker="1" placement="bottom">' +
        '<p>Temperature relative to 1850–1900 &lt;levels&gt;.</p></authorialNote>',
    )
    expect(xml).toContain('<placeholder>Placeholder: outcome on loss and damage</placeholder>')
    expect(xml).toContain(
      '<article eId="hcontainer_1__art_2bis" GUID="art-loss" class="bracketed">',
    )
    expect(xml).toContain('<num>[Article 2bis]</num>')
    expect(xml).toContain('<paragraph eId="hcontainer_1__art_4__para_41alt">')
    expect(xml).toContain('<num>Article 4 bis</num>')
    expect(xml).toMatch(
      /<hcontainer eId="hcontainer_2" name="instrument" GUID="h-decision">\s*<heading>Draft decision -\/CP\.21<\/heading>/,
    )
    expect(xml).toMatch(
      /<chapter eId="hcontainer_1__chp_1" GUID="h-ch1">\s*<heading>Chapter I: Purpose<\/heading>/,
    )
  })

  it("keeps to AKN 3.0's content models (and its XSD, where AKN_XSD points to it)", () => {
    for (const [name, out] of [
      ['draft', xml],
      ['Convention', toAkomaNtoso(ccmDoc(), META)],
    ] as const) {
      expect(aknStructureProblems(out), name).toEqual([])
      const xsd = xsdProblems(out)
      if (xsd === undefined) {
        console.log(
          'No AKN 3.0 XSD here (set AKN_XSD to akomantoso30.xsd, xml.xsd beside it, with xmllint installed): content models checked by tests/support/aknStructure.ts only',
        )
      } else expect(xsd, name).toBeNull()
    }
  })

  it('finds what breaks the content models', () => {
    const broken = xml
      .replace('<heading>Purpose</heading>', '<crossHeading>Purpose</crossHeading>')
      .replace('eId="hcontainer_1__art_4bis"', 'eId="hcontainer_1__art_4"')
      .replace(
        /alternativeTo="hcontainer_1__art_4__hcontainer_1__hcontainer_1"/,
        'alternativeTo="nowhere"',
      )
    const problems = aknStructureProblems(broken)
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('<crossHeading> not allowed here'),
        expect.stringContaining('eId "hcontainer_1__art_4" is not unique'),
        'alternativeTo="nowhere" names no eId',
      ]),
    )
    expect(aknStructureProblems(xml)).toEqual([])
  })
})
