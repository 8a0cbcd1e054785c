import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/collab'
import { REGISTER_PROPOSALS } from '../../shared/domain/proposals/types'
import type { ApiAnswer } from '../support/api'
import { connectClient, waitFor, type CollabClient } from '../support/collabClient'
import { anchorOn, apiAs, blockText, wordingOf } from '../support/proposals'
import { startServer, type Session, type TestServer } from '../support/startServer'

// Germany drafts an amendment to Art. 2 with France as co-sponsor; both type its wording live in
// the draft room; Austria may neither open nor list it; once tabled, everyone sees it.
describe('drafting and tabling a proposal with real clients', () => {
  let server: TestServer
  let api: (who: string, method: string, path: string, body?: unknown) => Promise<ApiAnswer>
  const as: Record<string, Session> = {}
  const clients: CollabClient[] = []
  const connect = async (who: string, room: string) => {
    const client = connectClient(server.wsUrl, room, { token: await server.tokenFor(who) })
    clients.push(client)
    return client
  }

  beforeAll(async () => {
    server = await startServer()
    for (const who of ['chair', 'germany', 'france', 'austria', 'observer', 'ana']) {
      as[who] = await server.loginAs(who)
    }
    const call = apiAs(server.url)
    api = (who, method, path, body) => call(as[who] ?? null, method, path, body)
  })
  afterEach(() => clients.splice(0).forEach((c) => c.destroy()))
  afterAll(() => server.dispose())

  const draftOnArticle2 = async () => {
    const text = await connect('germany', 'ccm/text')
    await text.synced()
    const anchor = anchorOn(text.doc, 'art-2', 'each weighing less than 20 kilograms')
    const created = await api('germany', 'POST', '/proposals', {
      params: { kind: 'exemption', subtype: 'fewer-than-n-submunitions', n: 10 },
      title: 'Exempt munitions with fewer than ten submunitions',
      articleId: 'art-2',
      anchor,
      coSponsors: ['FRA'],
      rationale: 'Modern munitions with few submunitions do not cause unacceptable harm.',
    })
    expect(created.status).toBe(201)
    return created.body.proposal
  }

  it('lets the sponsors draft the wording together, live, and nobody else see it', async () => {
    const proposal = await draftOnArticle2()
    expect(proposal).toMatchObject({
      status: 'draft',
      sponsors: ['DEU'],
      coSponsors: ['FRA'],
      tabledSeq: null,
      anchorState: 'ok',
      anchorText: 'each weighing less than 20 kilograms',
    })
    const room = `ccm/draft/${proposal.id}`
    const [de, fr] = [await connect('germany', room), await connect('france', room)]
    await Promise.all([de.synced(), fr.synced()])
    // The draft starts from the anchored words.
    expect(wordingOf(de.doc).textContent).toBe('each weighing less than 20 kilograms')
    blockText(de.doc, 0).insert(0, 'DE: ')
    blockText(fr.doc, 0).insert(blockText(fr.doc, 0).length, ' (FR)')
    const both = 'DE: each weighing less than 20 kilograms (FR)'
    await waitFor('both edits at both', () =>
      [de, fr].every((c) => wordingOf(c.doc).textContent === both),
    )

    // Austria, the chair and an observer: the same refusal as for a room that does not exist.
    for (const who of ['austria', 'chair', 'observer']) {
      const stranger = await connect(who, room)
      expect((await stranger.nextClose()).code).toBe(CloseCode.Forbidden)
    }
    const unknown = await connect('austria', 'ccm/draft/p-000000000000')
    expect((await unknown.nextClose()).code).toBe(CloseCode.Forbidden)

    const listed = (who: string) =>
      api(who, 'GET', '/proposals').then((r) => r.body.proposals.map((p: { id: string }) => p.id))
    expect(await listed('germany')).toContain(proposal.id)
    expect(await listed('france')).toContain(proposal.id)
    expect(await listed('austria')).not.toContain(proposal.id)
    expect(await listed('observer')).not.toContain(proposal.id)
    const hidden = await api('austria', 'GET', `/proposals/${proposal.id}`)
    const missing = await api('austria', 'GET', '/proposals/p-000000000000')
    expect([hidden.status, hidden.body.error.code]).toEqual([404, 'proposal_not_found'])
    expect([missing.status, missing.body.error.code]).toEqual([404, 'proposal_not_found'])
  })

  it('tables the draft: the register shows it live, and the draft room turns read-only', async () => {
    const proposal = await draftOnArticle2()
    const room = `ccm/draft/${proposal.id}`
    const [de, fr] = [await connect('germany', room), await connect('france', room)]
    await Promise.all([de.synced(), fr.synced()])
    blockText(de.doc, 0).insert(0, 'fewer than ten explosive submunitions, ')
    const register = await connect('observer', 'ccm/register')
    await register.synced()
    const shown = () =>
      register.doc.getMap(REGISTER_PROPOSALS).get(proposal.id) as
        { status: string; wordingText: string; tabledSeq: number; sponsors: string[] } | undefined
    expect(shown()).toBeUndefined()

    // France co-sponsors but may not table; Germany does.
    const byFrance = await api('france', 'POST', `/proposals/${proposal.id}/table`)
    expect(byFrance.status).toBe(403)
    expect(byFrance.body.error.message).toMatch(/co-sponsors/)
    // Once France has them, the server has stored Germany's keystrokes.
    await waitFor('the keystrokes stored', () => wordingOf(fr.doc).textContent.startsWith('fewer'))
    const reconnected = de.nextClose()
    const tabled = await api('germany', 'POST', `/proposals/${proposal.id}/table`)
    expect(tabled.status).toBe(200)
    expect(tabled.body.proposal).toMatchObject({
      status: 'tabled',
      wordingText: 'fewer than ten explosive submunitions, each weighing less than 20 kilograms',
    })
    expect(tabled.body.proposal.tabledSeq).toBeGreaterThan(0)
    await waitFor('the register shows it', () => shown()?.status === 'tabled')
    expect(shown()).toMatchObject({
      sponsors: ['DEU'],
      wordingText: tabled.body.proposal.wordingText,
    })

    // Germany's writing connection was cut; it comes back read-only, like everyone's.
    expect((await reconnected).code).toBe(CloseCode.MembershipChanged)
    await de.synced()
    const refused = de.nextClose()
    blockText(de.doc, 0).insert(0, 'Too late: ')
    expect((await refused).code).toBe(CloseCode.ReadOnly)
    const observer = await connect('observer', room)
    await observer.synced()
    expect(wordingOf(observer.doc).textContent).toBe(tabled.body.proposal.wordingText)
    expect((await api('austria', 'GET', `/proposals/${proposal.id}`)).status).toBe(200)
    // A tabled proposal is no draft: it cannot be changed.
    const patch = await api('germany', 'PATCH', `/proposals/${proposal.id}`, { title: 'New' })
    expect(patch.status).toBe(409)
  })

  it('lets the sponsors change a draft, and only them', async () => {
    const proposal = await draftOnArticle2()
    const path = `/proposals/${proposal.id}`
    expect(
      (await api('germany', 'PATCH', path, { title: 'Fewer than ten' })).body.proposal.title,
    ).toBe('Fewer than ten')
    expect((await api('france', 'PATCH', path, { rationale: 'Also ours.' })).status).toBe(200)
    expect((await api('france', 'PATCH', path, { coSponsors: [] })).status).toBe(403)
    expect((await api('austria', 'PATCH', path, { title: 'Mine' })).status).toBe(404)
    expect((await api('observer', 'PATCH', path, { title: 'Mine' })).status).toBe(403)
    const unknown = await api('germany', 'PATCH', path, { coSponsors: ['XXX'] })
    expect(unknown).toMatchObject({ status: 400, body: { error: { code: 'unknown_actor' } } })
    const dropped = await api('germany', 'PATCH', path, { coSponsors: ['ITA'] })
    expect(dropped.body.proposal.coSponsors).toEqual(['ITA'])
    const fr = await connect('france', `ccm/draft/${proposal.id}`)
    expect((await fr.nextClose()).code).toBe(CloseCode.Forbidden)
  })

  it('refuses drafting in another delegation’s name, and by observers and campaigners', async () => {
    const body = {
      params: { kind: 'transition-period', years: 8 },
      title: 'Eight years',
      articleId: 'art-1',
    }
    const forGermany = await api('france', 'POST', '/proposals', { ...body, sponsors: ['DEU'] })
    expect(forGermany.status).toBe(403)
    expect(forGermany.body.error.message).toMatch(/FRA/)
    expect((await api('observer', 'POST', '/proposals', body)).status).toBe(403)
    expect((await api('ana', 'POST', '/proposals', body)).status).toBe(403)
    const noArticle = await api('france', 'POST', '/proposals', { ...body, articleId: 'art-99' })
    expect(noArticle).toMatchObject({ status: 400, body: { error: { code: 'unknown_article' } } })
    const ok = await api('france', 'POST', '/proposals', body)
    expect(ok.body.proposal).toMatchObject({ sponsors: ['FRA'], anchor: null })
  })
})
