import { describe, expect, it } from 'vitest'
import { markParagraphs } from '../../server/src/import/docx/markParagraphs'
import {
  ListCounters,
  formatNumber,
  readWordNumbering,
} from '../../server/src/import/docx/wordNumbering'

// Word's numbering parts written by hand, as Word and LibreOffice write them.
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
const lvl = (ilvl: number, fmt: string, text: string, extra = '') =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`
const numbering = (body: string) => `<?xml version="1.0"?><w:numbering ${W}>${body}</w:numbering>`

const UN = numbering(
  `<w:abstractNum w:abstractNumId="0">${lvl(0, 'decimal', '%1.', '<w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr>')}${lvl(1, 'lowerLetter', '(%2)')}${lvl(2, 'lowerRoman', '(%3)')}</w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="1">${lvl(0, 'upperRoman', '%1.')}${lvl(1, 'decimal', '%1.%2', '<w:isLgl/>')}${lvl(2, 'decimal', '%3)', '<w:lvlRestart w:val="0"/>')}</w:abstractNum>` +
    `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
    `<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>` +
    `<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>` +
    `<w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>` +
    `<w:num w:numId="5"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1">${lvl(1, 'upperLetter', '%2.')}</w:lvlOverride></w:num>`,
)

describe("Word's automatic numbering", () => {
  it('prints each format as Word does', () => {
    const f = (n: number, fmt: string) => formatNumber(n, fmt).text
    expect([
      f(1, 'decimal'),
      f(3, 'lowerLetter'),
      f(27, 'lowerLetter'),
      f(28, 'upperLetter'),
    ]).toEqual(['1', 'c', 'aa', 'BB'])
    expect([f(4, 'lowerRoman'), f(14, 'upperRoman'), f(7, 'decimalZero')]).toEqual([
      'iv',
      'XIV',
      '07',
    ])
    expect(formatNumber(3, 'chineseCounting')).toEqual({ text: '3', known: false })
  })

  it('counts levels with their level text, restarts deeper levels, and shares a list between instances', () => {
    const c = new ListCounters(readWordNumbering(UN, undefined))
    const labels = [
      c.next('1', 0),
      c.next('1', 1),
      c.next('1', 1),
      c.next('1', 2),
      c.next('1', 0),
      c.next('1', 1),
      // Instance 2 of the same list continues it (Word's rule without a start override).
      c.next('2', 0),
    ].map((l) => l?.label)
    expect(labels).toEqual(['1.', '(a)', '(b)', '(i)', '2.', '(a)', '3.'])
  })

  it('restarts an instance at its start override, and reads level overrides', () => {
    const c = new ListCounters(readWordNumbering(UN, undefined))
    expect([c.next('1', 0), c.next('3', 0), c.next('3', 0)].map((l) => l?.label)).toEqual([
      '1.',
      '5.',
      '6.',
    ])
    expect(c.next('5', 1)?.label).toBe('A.')
    expect(c.next('9', 0)).toBeNull()
  })

  it('prints legal numbering in decimal and keeps a level that never restarts counting', () => {
    const c = new ListCounters(readWordNumbering(UN, undefined))
    expect(
      [
        c.next('4', 0),
        c.next('4', 1),
        c.next('4', 2),
        c.next('4', 0),
        c.next('4', 1),
        c.next('4', 2),
      ].map((l) => l?.label),
    ).toEqual(['I.', '1.1', '1)', 'II.', '2.1', '2)'])
  })

  it('gives the text indent of a level', () => {
    const c = new ListCounters(readWordNumbering(UN, undefined))
    expect(c.next('1', 0)).toMatchObject({ label: '1.', level: 0, value: 1, indent: 720 })
  })
})

describe('paragraph marks', () => {
  const styles = `<?xml version="1.0"?><w:styles ${W}>
    <w:style w:type="paragraph" w:styleId="Para"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:ind w:left="567"/></w:pPr></w:style>
    <w:style w:type="paragraph" w:styleId="SubPara"><w:basedOn w:val="Para"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
  </w:styles>`
  const p = (pPr: string, text: string) =>
    `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r><w:t>${text}</w:t></w:r></w:p>`
  const doc = (body: string) =>
    `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`

  it('numbers paragraphs from their own numPr or their style, and marks every paragraph', () => {
    const n = readWordNumbering(UN, styles)
    const marked = markParagraphs(
      doc(
        p('<w:pStyle w:val="Para"/>', 'one') +
          p('<w:pStyle w:val="SubPara"/>', 'one a') +
          p('<w:pStyle w:val="Para"/><w:numPr><w:numId w:val="0"/></w:numPr>', 'not numbered') +
          p('', 'plain') +
          p(
            '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:ind w:left="1000"/>',
            'two',
          ),
      ),
      n,
    )
    const ps = [...marked.paragraphs.values()]
    expect(ps.map((x) => x.list?.label)).toEqual(['1.', '(a)', undefined, undefined, '2.'])
    // Indents as Word applies them: the paragraph's own, over its list level's, over its style's.
    expect(ps.map((x) => x.indent)).toEqual([720, 567, 567, 0, 1000])
    // The marker run stands after the paragraph's properties, before its first run.
    expect(marked.xml).toContain(
      '</w:pPr><w:r><w:t xml:space="preserve">\uE0001\uE001</w:t></w:r><w:r><w:t>one<',
    )
    expect(marked.xml).toContain(
      '<w:p><w:r><w:t xml:space="preserve">\uE0004\uE001</w:t></w:r><w:r><w:t>plain<',
    )
  })

  it('counts content that has a fallback once (mc:Choice is left to mammoth, which skips it)', () => {
    const n = readWordNumbering(UN, undefined)
    const num = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
    const marked = markParagraphs(
      doc(
        p(num, 'one') +
          `<mc:AlternateContent><mc:Choice Requires="wps">${p(num, 'copy')}</mc:Choice><mc:Fallback>${p(num, 'two')}</mc:Fallback></mc:AlternateContent>`,
      ),
      n,
    )
    expect([...marked.paragraphs.values()].map((x) => x.list?.label)).toEqual(['1.', '2.'])
  })

  it('warns about a list that is not defined', () => {
    const marked = markParagraphs(
      doc(p('<w:numPr><w:ilvl w:val="0"/><w:numId w:val="42"/></w:numPr>', 'orphan')),
      readWordNumbering(UN, undefined),
    )
    expect(marked.warnings).toEqual(['Paragraph 1: list 42 is not defined; no number.'])
  })
})
