import { describe, expect, it } from 'vitest'
import { call } from '../support/api'
import { docxParagraphs } from '../support/docx'
import { layoutDocx } from '../support/layoutDocx'
import { parisExtract } from '../support/parisExtract'
import { useTestServer } from '../support/serverHarness'
import { wordLayout } from '../support/wordLayout'

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

describe('POST /api/negotiations/import.docx', () => {
  const t = useTestServer([])

  const post = async (who: string | null, body: Uint8Array | string, type = DOCX, query = '') => {
    const token = who ? await t.server.tokenFor(who) : undefined
    const res = await fetch(`${t.server.url}/api/negotiations/import.docx${query}`, {
      method: 'POST',
      headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: typeof body === 'string' ? body : new Blob([new Uint8Array(body)]),
    })
    const text = await res.text()
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: res.status, body: text ? (JSON.parse(text) as any) : null }
  }

  it("imports a Word file of the Paris extract for an administrator, with each warning's Word paragraph", async () => {
    const docx = await layoutDocx(wordLayout(parisExtract()))
    const res = await post('admin', docx, DOCX, '?id=paris-docx&file=paris-23-oct.docx')
    expect(res.status).toBe(201)
    expect(res.body.negotiation).toMatchObject({
      id: 'paris-docx',
      name: 'Final Draft Negotiating Text 23 October 2015',
    })
    expect(res.body.docxWarnings).toEqual([])
    // The extract's unbalanced brackets, each placed in the Word file by paragraph.
    const paragraphs = await docxParagraphs(docx)
    expect(res.body.warningCount).toBe(8)
    for (const w of res.body.warnings) {
      expect(w).toMatchObject({ kind: 'unbalanced-bracket', file: 'paris-23-oct.docx' })
      const words = String(w.context)
        .replace(/[…*\\]/g, '')
        .split(/\s+/)
        .slice(1, -1)
        .join(' ')
      expect(paragraphs[w.paragraph - 1]).toContain(words)
    }

    // The same counts, labels and titles as the extract's Markdown imported through the API.
    const admin = { token: await t.server.tokenFor('admin') }
    const markdown = await call(t.server.url, admin, 'POST', '/api/negotiations/import', {
      text: parisExtract(),
      format: 'markdown',
      id: 'paris-md',
    })
    expect(markdown.status).toBe(201)
    const articlesOf = async (id: string) => {
      const res = await call(t.server.url, admin, 'GET', `/api/negotiations/${id}/articles`)
      expect(res.status).toBe(200)
      return res.body.articles.map(
        (a: {
          label: string
          title: string
          bracketed: boolean
          brackets: number
          options: number
        }) =>
          `${a.bracketed ? `[${a.label}]` : a.label} (${a.title}): ${a.brackets} brackets, ${a.options} options`,
      )
    }
    const fromWord = await articlesOf('paris-docx')
    expect(fromWord).toHaveLength(6)
    expect(fromWord.slice(0, 3)).toEqual([
      '1 (definitions): 20 brackets, 0 options',
      '2 (purpose): 16 brackets, 1 options',
      '2bis (general): 6 brackets, 1 options',
    ])
    expect(fromWord).toEqual(await articlesOf('paris-md'))
  })

  it('refuses a file that is not a Word document with 400 and a sentence', async () => {
    const res = await post('admin', 'Article 1\n\nThis is not a zip.')
    expect(res.status).toBe(400)
    expect(res.body.error).toEqual({
      code: 'not_docx',
      message: 'The file is not a Word document (.docx): it is not a zip archive.',
    })
    const json = await post('admin', '{"text":"x"}', 'application/json')
    expect(json.status).toBe(415)
    expect(json.body.error.code).toBe('unsupported_media_type')
  })

  it('is for administrators only: 401 without credentials, 403 for a delegate', async () => {
    const docx = await layoutDocx(wordLayout(parisExtract()))
    expect((await post(null, docx)).status).toBe(401)
    const delegate = await post('france', docx)
    expect(delegate.status).toBe(403)
    expect(delegate.body.error.code).toBe('forbidden')
  })
})
