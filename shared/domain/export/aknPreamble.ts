import { allTokens, InlineWriter, type Xml } from './aknXml'
import { isOptions, type NestedClause, type OptionsView, type ViewBlock } from './nest'
import { optionCaption } from './printPage'

/**
 * The preamble in Akoma Ntoso: its paragraphs as recitals; an option block between them as a
 * `container` of options (recitals hold only recitals), each option after the first
 * `alternativeTo` the first.
 */
export function writePreamble(out: Xml, blocks: readonly ViewBlock[]): void {
  const inline = new InlineWriter('preamble', allTokens(blocks))
  let recitals = 0
  let recital = 0
  let options = 0
  let openRecitals = false
  // A recital holds blocks only: what stands under a paragraph follows it as paragraphs.
  const writeText = (clause: NestedClause) => {
    out.element('p', inline.paragraph(clause.tokens))
    for (const child of clause.children) {
      if (!isOptions(child)) {
        writeText(child)
        continue
      }
      for (const o of child.options) {
        out.text('p', optionCaption(o.label), { class: 'optionLabel' })
        if (o.blocks.length === 0) out.text('p', 'No text', { class: 'noText' })
        for (const inner of o.blocks) if (!isOptions(inner)) writeText(inner)
      }
    }
  }
  const writeOptionsContainer = (b: OptionsView) => {
    const eId = `preamble__options_${++options}`
    out.open('container', { name: 'options', eId })
    b.options.forEach((o, i) => {
      out.open('container', {
        name: 'option',
        eId: `${eId}__option_${i + 1}`,
        alternativeTo: i > 0 ? `${eId}__option_1` : undefined,
      })
      out.text('p', optionCaption(o.label), { class: 'optionLabel' })
      if (o.blocks.length === 0) out.text('p', 'No text', { class: 'noText' })
      for (const inner of o.blocks) {
        if (isOptions(inner)) writeOptionsContainer(inner)
        else writeText(inner)
      }
      out.close('container')
    })
    out.close('container')
  }
  out.open('preamble')
  for (const b of blocks) {
    if (isOptions(b)) {
      if (openRecitals) out.close('recitals')
      openRecitals = false
      writeOptionsContainer(b)
      continue
    }
    if (!openRecitals) {
      recitals += 1
      out.open('recitals', { eId: recitals === 1 ? 'recs' : `recs_${recitals}` })
      openRecitals = true
    }
    out.open('recital', { eId: `recs__rec_${++recital}` })
    writeText(b)
    out.close('recital')
  }
  if (openRecitals) out.close('recitals')
  out.close('preamble')
}
