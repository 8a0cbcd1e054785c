import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTestServer } from '../support/serverHarness'

const UNTC_FILE = path.resolve(import.meta.dirname, '../../fixtures/ccm-status-untc-partial.csv')
const UNTC = fs.readFileSync(UNTC_FILE, 'utf8')
const HEADER =
  'participant_untc_name,signature,provisional_application,action_date,action_type,untc_footnote'

// Treaty status: every member reads it, the chair replaces it with the depositary's CSV.
describe('treaty status over REST', () => {
  const t = useTestServer(['chair', 'france', 'ana', 'observer'], 'each')

  // POSTs a body as text/csv to .../treaty-status.csv as a signed-in person.
  const upload = async (who: string, text: string, query = '') => {
    const res = await fetch(`${t.server.url}/api/negotiations/ccm/treaty-status.csv${query}`, {
      method: 'POST',
      headers: { ...t.session(who), 'content-type': 'text/csv' },
      body: text,
    })
    const body = await res.text()
    return { status: res.status, body: body ? JSON.parse(body) : null }
  }

  it('imports the real UNTC file: 37 statuses, readable via GET and in GET stances', async () => {
    const answer = await upload('chair', UNTC)
    expect(answer).toEqual({ status: 200, body: { imported: 37, unmatched: [] } })

    const { status, body } = await t.api('observer', 'GET', '/treaty-status')
    expect(status).toBe(200)
    expect(body.status).toHaveLength(37)
    const austria = body.status.find((s: { actorId: string }) => s.actorId === 'AUT')
    expect(austria).toMatchObject({
      signature: '2008-12-03',
      actionDate: '2009-04-02',
      action: 'ratification',
      provisionalApplication: null,
    })
    // The source is the file's own "# Source:" line.
    expect(austria.source).toMatch(/^http:\/\/treaties\.un\.org\/.*UN Treaty Collection/)
    const angola = body.status.find((s: { actorId: string }) => s.actorId === 'AGO')
    expect(angola).toMatchObject({ signature: '2008-12-03', actionDate: null, action: null })

    const stances = await t.api('france', 'GET', '/stances')
    expect(stances.body.treatyStatus).toHaveLength(37)
    expect(stances.body.actors.map((a: { id: string }) => a.id)).toContain('CIV')

    const events = await t.api('observer', 'GET', '/events?type=treaty-status-imported')
    expect(events.body.events.at(-1)).toMatchObject({ data: { imported: 37, unmatched: 0 } })
  })

  it('replaces the whole table, reports unmatched names with their line, and takes ?source=', async () => {
    await upload('chair', UNTC)
    const text = `${HEADER}\nAustria,2008-12-03,,2009-04-02,ratification,\nAtlantis,2008-12-03,,,,\n`
    const answer = await upload('chair', text, '?source=Test%20source')
    expect(answer).toEqual({
      status: 200,
      body: { imported: 1, unmatched: [{ line: 3, name: 'Atlantis' }] },
    })
    const { body } = await t.api('chair', 'GET', '/treaty-status')
    expect(body.status).toEqual([
      expect.objectContaining({ actorId: 'AUT', source: 'Test source' }),
    ])
  })

  it('refuses a malformed CSV with its line, and changes nothing', async () => {
    await upload('chair', UNTC)
    const bad = await upload('chair', `# Source: test\n${HEADER}\nAustria,2 April 2009,,,,\n`)
    expect(bad.status).toBe(400)
    expect(bad.body.error).toMatchObject({ code: 'invalid_csv', line: 3, column: 2 })
    expect(bad.body.error.message).toMatch(/Line 3/)
    const short = await upload('chair', `# Source: test\n${HEADER}\nAustria,2008-12-03\n`)
    expect(short.body.error).toMatchObject({ code: 'invalid_csv', line: 3 })
    const { body } = await t.api('chair', 'GET', '/treaty-status')
    expect(body.status).toHaveLength(37)
  })

  it('refuses a file without a source, one naming no known state, and JSON', async () => {
    const noSource = await upload('chair', `${HEADER}\nAustria,,,,,\n`)
    expect(noSource.status).toBe(400)
    expect(noSource.body.error.code).toBe('source_required')
    const nothing = await upload('chair', `# Source: test\n${HEADER}\nAtlantis,,,,,\n`)
    expect(nothing.status).toBe(400)
    expect(nothing.body.error.code).toBe('nothing_matched')
    const json = await t.api('chair', 'POST', '/treaty-status.csv', { rows: [] })
    expect(json.status).toBe(415)
    expect(json.body.error.code).toBe('unsupported_media_type')
  })

  it('answers 413 with a code for a file over 1 MB or over 5,000 rows', async () => {
    const big = await upload('chair', 'a'.repeat(1024 * 1024 + 1))
    expect(big.status).toBe(413)
    expect(big.body.error.code).toBe('payload_too_large')
    const rows = Array.from({ length: 5001 }, (_, i) => `Atlantis ${i},,,,,`).join('\n')
    const many = await upload('chair', `# Source: test\n${HEADER}\n${rows}\n`)
    expect(many.status).toBe(413)
    expect(many.body.error.code).toBe('too_many_rows')
  })

  it('lets only the chair import: delegates, campaigners and observers get 403', async () => {
    const before = (await t.api('observer', 'GET', '/treaty-status')).body
    for (const who of ['france', 'ana', 'observer']) {
      const answer = await upload(who, `# Source: test\n${HEADER}\nAustria,,,,,\n`)
      expect(answer.status).toBe(403)
      expect(answer.body.error.code).toBe('forbidden')
    }
    expect((await t.api('observer', 'GET', '/treaty-status')).body).toEqual(before)
  })
})
