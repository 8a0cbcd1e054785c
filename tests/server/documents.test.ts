import { describe, expect, it } from 'vitest'
import { annotationAnchorOn, writeAnnotation } from '../support/annotations'
import { waitFor } from '../support/collabClient'
import { docxParagraphs, docxPart } from '../support/docx'
import { downloadBytes, libreOffice, libreOfficeText } from '../support/report'
import { useTestServer } from '../support/serverHarness'

const SYMBOL = 'CCM/DUB/2008/WP.1'
const NOTED = 'never under any circumstances'
const NOTE = 'Hold the line on “never”'

// Texts as a conference circulates them: title block, page numbers, a group's notes as comments.
describe('documents as circulated', () => {
  const harness = useTestServer([], 'each')
  const { api, connect } = harness
  const get = async (who: string, path: string) =>
    downloadBytes(`${harness.server.url}/api/negotiations/ccm${path}`, {
      authorization: `Bearer ${await harness.server.tokenFor(who)}`,
    })

  it('lets the chair alone set a symbol and distribution, which head the text with page numbers', async () => {
    const body = { symbol: SYMBOL, distribution: 'limited' }
    expect((await api('germany', 'PATCH', '/documents', body)).status).toBe(403)
    expect((await api('ana', 'PATCH', '/documents', body)).status).toBe(403)
    expect(
      (await api('chair', 'PATCH', '/documents', { ...body, distribution: 'secret' })).status,
    ).toBe(400)
    expect(
      (await api('chair', 'PATCH', '/documents', { ...body, roundId: 'nowhere' })).status,
    ).toBe(404)
    expect((await api('chair', 'PATCH', '/documents', body)).status).toBe(200)
    const vienna = { roundId: 'vienna-2007', symbol: 'CCM/VIE/2007/1', distribution: 'general' }
    expect((await api('chair', 'PATCH', '/documents', vienna)).status).toBe(200)
    expect((await api('germany', 'GET', '/documents')).body.documents).toMatchObject([
      { roundId: null, symbol: SYMBOL, distribution: 'limited' },
      { roundId: 'vienna-2007', symbol: 'CCM/VIE/2007/1' },
    ])

    const live = await get('germany', '/export/text.docx')
    expect(live.status).toBe(200)
    const head = (await docxParagraphs(live.bytes)).slice(0, 6)
    expect(head).toEqual(
      expect.arrayContaining([
        'Convention on Cluster Munitions',
        SYMBOL,
        'Distr.: Limited',
        expect.stringMatching(/^Current text as of \d+ \w+ \d{4}, \d\d:\d\d UTC$/),
      ]),
    )
    // Dated by the last real change: the demo's synthetic decisions of 2008 never touched it.
    expect(head.find((l) => l.startsWith('Current text as of'))).not.toMatch(/2008/)
    const footer = await docxPart(live.bytes, 'word/footer1.xml')
    expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/)

    // A closed round's text is dated by its close, and keeps its synthetic marking.
    const frozen = await docxParagraphs(
      (await get('germany', '/export/text.docx?round=vienna-2007')).bytes,
    )
    expect(frozen).toEqual(
      expect.arrayContaining([
        'CCM/VIE/2007/1',
        'Distr.: General',
        'Synthetic text (made for the demo)',
      ]),
    )
    expect(frozen.slice(0, 8).join('\n')).toMatch(/\n\d+ (November|December) 2007\n/)

    const html = new TextDecoder().decode((await get('observer', '/export/text.html')).bytes)
    expect(html).toContain('class="title-block"')
    expect(html).toContain(SYMBOL)
    expect(html).toContain('counter(page)')
    const compendium = await get('observer', '/export/compendium.docx')
    expect(await docxParagraphs(compendium.bytes)).toContain('Distr.: Limited')
    expect(await docxPart(compendium.bytes, 'word/footer1.xml')).toContain('PAGE')
  })

  it('puts a group’s notes as Word comments on their words in that group’s export only', async () => {
    const text = await connect('ana', 'ccm/text')
    const notes = await connect('ana', 'ccm/notes/cmc')
    writeAnnotation(notes.doc, {
      groupId: 'cmc',
      articleId: 'art-1',
      anchor: annotationAnchorOn(text.doc, 'art-1', NOTED),
      body: NOTE,
      authorName: 'Ana (CMC)',
    })
    const check = await connect('ben', 'ccm/notes/cmc')
    await waitFor('the note stored', () => check.doc.getMap('annotations').size === 1)

    const withNotes = await get('ana', '/export/text.docx?notes=cmc')
    expect(withNotes.status).toBe(200)
    const comments = await docxPart(withNotes.bytes, 'word/comments.xml')
    expect(comments).toContain(NOTE)
    expect(comments).toContain('w:author="Ana (CMC)"')
    // The comment's range holds exactly the noted words.
    const body = (await docxPart(withNotes.bytes, 'word/document.xml')) ?? ''
    const range = /<w:commentRangeStart w:id="0"\/>(.*?)<w:commentRangeEnd w:id="0"\/>/s.exec(body)
    const words = [...(range?.[1] ?? '').matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1])
    expect(words.join('')).toBe(NOTED)
    expect(await docxParagraphs(withNotes.bytes)).toContain('Convention on Cluster Munitions')

    for (const who of ['hana', 'france', 'observer']) {
      const refused = await get(who, '/export/text.docx?notes=cmc')
      expect(refused.status, who).toBe(403)
      expect(new TextDecoder().decode(refused.bytes)).not.toContain(NOTE)
    }
    const plain = await get('ana', '/export/text.docx')
    expect(await docxPart(plain.bytes, 'word/comments.xml')).toBeNull()
    expect((await get('ana', '/export/text.docx?notes=cmc&round=vienna-2007')).status).toBe(409)

    const lo = await libreOffice()
    if (lo) {
      expect(await libreOfficeText(lo, withNotes.bytes)).toContain(NOTED)
    } else {
      console.info('LibreOffice is not installed here: the DOCX was read back with JSZip only.')
    }
  }, 120_000)
})
