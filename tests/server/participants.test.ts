import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type Session, type TestServer } from '../support/startServer'

// Every test signs in as a demo account of the `ccm` negotiation: chair, the delegates of France
// and Germany, a campaigner and an observer.
describe('participants over REST', () => {
  let server: TestServer
  const as: Record<string, Session> = {}

  // One REST call as a signed-in person; `csv` sends the body as text/csv.
  const api = async (
    who: string | null,
    method: string,
    path: string,
    body?: unknown,
    type: 'json' | 'csv' = 'json',
  ) => {
    const session = who ? as[who] : undefined
    const headers: Record<string, string> = { ...session }
    if (body !== undefined)
      headers['content-type'] = type === 'csv' ? 'text/csv' : 'application/json'
    const res = await fetch(`${server.url}/api${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : type === 'csv' ? String(body) : JSON.stringify(body),
    })
    const text = await res.text()
    const json = res.headers.get('content-type')?.startsWith('application/json')
    return { status: res.status, headers: res.headers, text, body: json ? JSON.parse(text) : null }
  }
  const participant = async (actorId: string) => {
    const { body } = await api('chair', 'GET', '/negotiations/ccm/participants')
    return body.participants.find((p: { actor: { id: string } }) => p.actor.id === actorId)
  }

  beforeAll(async () => {
    server = await startServer()
    for (const who of ['chair', 'france', 'germany', 'austria', 'ana', 'observer', 'admin']) {
      as[who] = await server.loginAs(who)
    }
  })
  afterAll(() => server.dispose())

  it('serves the actor catalogue to anyone signed in, and to nobody else', async () => {
    const { status, body } = await api('observer', 'GET', '/actors')
    expect(status).toBe(200)
    expect(body.actors.find((a: { id: string }) => a.id === 'VAT')).toMatchObject({
      name: 'Holy See',
      unMember: false,
    })
    expect((await api(null, 'GET', '/actors')).status).toBe(401)
  })

  it("lets every member read the demo's participants, each with the actor and every round", async () => {
    for (const who of ['observer', 'ana', 'france']) {
      const { status, body } = await api(who, 'GET', '/negotiations/ccm/participants')
      expect(status).toBe(200)
      expect(body.participants.length).toBeGreaterThan(100)
    }
    expect(await participant('JPN')).toMatchObject({
      actor: { id: 'JPN', kind: 'state', name: 'Japan' },
      flags: { stockpiler: true },
      rounds: {
        'oslo-2007': { attended: true, endorsed: false },
        'dublin-2008': { attended: false, endorsed: false },
      },
    })
    expect((await api(null, 'GET', '/negotiations/ccm/participants')).status).toBe(401)
  })

  it('lets the chair set flags and a note, and add an actor', async () => {
    const put = await api('chair', 'PUT', '/negotiations/ccm/participants/COK', {
      flags: { affected: false, stockpiler: false },
      note: 'Signed in Oslo, 3 December 2008',
    })
    expect(put.status).toBe(200)
    expect(put.body.participant).toMatchObject({
      actor: { id: 'COK', name: 'Cook Islands' },
      note: 'Signed in Oslo, 3 December 2008',
    })
    await api('chair', 'PUT', '/negotiations/ccm/participants/COK', { flags: { user: true } })
    expect(await participant('COK')).toMatchObject({
      flags: { user: true, affected: false },
      note: 'Signed in Oslo, 3 December 2008',
    })
    // An admin holds the chair's rights.
    const admin = await api('admin', 'PUT', '/negotiations/ccm/participants/COK', { note: '' })
    expect(admin.status).toBe(200)
  })

  it('lets the chair remove a participant with its round records', async () => {
    await api('chair', 'PUT', '/negotiations/ccm/participants/NIU/rounds/dublin-2008', {
      attended: true,
    })
    expect(await participant('NIU')).toBeDefined()
    expect((await api('france', 'DELETE', '/negotiations/ccm/participants/NIU')).status).toBe(403)
    const removed = await api('chair', 'DELETE', '/negotiations/ccm/participants/NIU')
    expect(removed).toMatchObject({ status: 200, body: { removed: 'NIU' } })
    expect(await participant('NIU')).toBeUndefined()
    expect(await api('chair', 'DELETE', '/negotiations/ccm/participants/NIU')).toMatchObject({
      status: 404,
      body: { error: { code: 'not_a_participant' } },
    })
  })

  it('answers 404 for unknown actors and rounds, 400 for a bad body', async () => {
    expect(
      await api('chair', 'PUT', '/negotiations/ccm/participants/ATL', { note: 'x' }),
    ).toMatchObject({ status: 404, body: { error: { code: 'unknown_actor' } } })
    expect(
      await api('chair', 'PUT', '/negotiations/ccm/participants/FRA/rounds/madrid-2008', {
        endorsed: true,
      }),
    ).toMatchObject({ status: 404, body: { error: { code: 'unknown_round' } } })
    expect(
      await api('chair', 'PUT', '/negotiations/ccm/participants/FRA', { flags: { user: 'yes' } }),
    ).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } })
  })

  it("lets France's delegate record France's endorsement", async () => {
    const put = await api(
      'france',
      'PUT',
      '/negotiations/ccm/participants/FRA/rounds/wellington-2008',
      {
        attended: true,
        endorsed: true,
      },
    )
    expect(put.status).toBe(200)
    expect((await participant('FRA')).rounds['wellington-2008']).toEqual({
      attended: true,
      endorsed: true,
    })
  })

  it('refuses a delegate of France acting as Germany with 403 and the reason', async () => {
    const before = await participant('DEU')
    const put = await api(
      'france',
      'PUT',
      '/negotiations/ccm/participants/DEU/rounds/dublin-2008',
      {
        endorsed: true,
      },
    )
    expect(put.status).toBe(403)
    expect(put.body.error).toEqual({
      code: 'forbidden',
      message: 'Your delegation is FRA; you cannot act for DEU.',
    })
    expect(await participant('DEU')).toEqual(before)
    // Germany's own delegate may; France's may not set Germany's flags either.
    const own = await api(
      'germany',
      'PUT',
      '/negotiations/ccm/participants/DEU/rounds/dublin-2008',
      {
        attended: true,
      },
    )
    expect(own.status).toBe(200)
    expect(
      (await api('france', 'PUT', '/negotiations/ccm/participants/DEU', { note: 'x' })).status,
    ).toBe(403)
  })

  it('holds with an API token as with a session', async () => {
    const token = await server.tokenFor('france')
    const put = (actorId: string) =>
      fetch(`${server.url}/api/negotiations/ccm/participants/${actorId}/rounds/lima-2007`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ attended: true }),
      })
    expect((await put('FRA')).status).toBe(200)
    expect((await put('DEU')).status).toBe(403)
  })

  it('adds a delegation that records its own attendance', async () => {
    await api('chair', 'DELETE', '/negotiations/ccm/participants/AUT')
    expect(await participant('AUT')).toBeUndefined()
    const put = await api(
      'austria',
      'PUT',
      '/negotiations/ccm/participants/AUT/rounds/dublin-2008',
      {
        attended: true,
      },
    )
    expect(put.status).toBe(200)
    expect(await participant('AUT')).toMatchObject({
      flags: { stockpiler: false },
      rounds: { 'dublin-2008': { attended: true, endorsed: false } },
    })
  })

  it('refuses every write of an observer and a campaigner, and changes nothing', async () => {
    const before = await api('chair', 'GET', '/negotiations/ccm/participants.csv')
    const writes: [string, string, unknown, ('json' | 'csv')?][] = [
      ['PUT', '/negotiations/ccm/participants/FRA', { note: 'observed' }],
      ['PUT', '/negotiations/ccm/participants/NOR', { flags: { producer: true } }],
      ['PUT', '/negotiations/ccm/participants/FRA/rounds/oslo-2007', { endorsed: false }],
      ['DELETE', '/negotiations/ccm/participants/JPN', undefined],
      ['POST', '/negotiations/ccm/participants.csv', 'actor\nFRA\n', 'csv'],
    ]
    for (const who of ['observer', 'ana']) {
      for (const [method, path, body, type] of writes) {
        const answer = await api(who, method, path, body, type)
        expect(answer.status, `${who} ${method} ${path}`).toBe(403)
        expect(answer.body.error.code).toBe('forbidden')
      }
    }
    expect((await api('chair', 'GET', '/negotiations/ccm/participants.csv')).text).toBe(before.text)
  })

  it('exports the spreadsheet as a CSV attachment', async () => {
    const { status, headers, text } = await api(
      'observer',
      'GET',
      '/negotiations/ccm/participants.csv',
    )
    expect(status).toBe(200)
    expect(headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(headers.get('content-disposition')).toMatch(
      /^attachment; filename="?ccm-participants.csv"?$/,
    )
    const [header, ...rows] = text.trimEnd().split('\r\n')
    expect(header).toMatch(
      /^actor,name,kind,user,producer,stockpiler,affected,note,oslo-2007 attended,/,
    )
    expect(rows.find((r) => r.startsWith('VAT,'))).toMatch(/^VAT,Holy See,state,no,no,no,no,/)
  })

  it('refuses a bad CSV with its line and column, and keeps the table as it was', async () => {
    const before = (await api('chair', 'GET', '/negotiations/ccm/participants.csv')).text
    const lines = before.trimEnd().split('\r\n')
    // Line 6 gets a bad producer cell; the rows before it are good and must not be applied.
    const bad = lines.map((line, i) =>
      i === 5
        ? line.replace(/^(\w+,[^,]*,\w+,\w+,)\w+/, '$1perhaps')
        : line.replace(',no,', ',yes,'),
    )
    const post = await api(
      'chair',
      'POST',
      '/negotiations/ccm/participants.csv',
      bad.join('\n'),
      'csv',
    )
    expect(post.status).toBe(400)
    expect(post.body.error).toMatchObject({ code: 'invalid_csv', line: 6, column: 5 })
    expect(post.body.error.message).toContain('Line 6, column 5')
    const unknown = await api(
      'chair',
      'POST',
      '/negotiations/ccm/participants.csv',
      'actor,note\nFRA,ok\nATL,atlantis\n',
      'csv',
    )
    expect(unknown.body.error).toMatchObject({ code: 'invalid_csv', line: 3, column: 1 })
    expect((await api('chair', 'GET', '/negotiations/ccm/participants.csv')).text).toBe(before)
  })

  it('replaces the table with a good CSV, and reads a JSON body as no spreadsheet', async () => {
    const csv =
      'actor,stockpiler,note,oslo-2007 endorsed\r\nFRA,yes,"Vienna: ""reliable"", transition",yes\r\nNZL,,Core group,yes\r\n'
    const post = await api('chair', 'POST', '/negotiations/ccm/participants.csv', csv, 'csv')
    expect(post.status).toBe(200)
    expect(post.body.participants.map((p: { actor: { id: string } }) => p.actor.id)).toEqual([
      'FRA',
      'NZL',
    ])
    expect(
      (await api('chair', 'GET', '/negotiations/ccm/participants')).body.participants[0],
    ).toMatchObject({
      actor: { id: 'FRA' },
      flags: { stockpiler: true, user: false },
      note: 'Vienna: "reliable", transition',
      rounds: { 'oslo-2007': { attended: false, endorsed: true } },
    })
    const json = await api('chair', 'POST', '/negotiations/ccm/participants.csv', { actor: 'FRA' })
    expect(json).toMatchObject({ status: 415, body: { error: { code: 'unsupported_media_type' } } })
  })
})
