import { describe, expect, it } from 'vitest'
import { useTestServer } from '../support/serverHarness'

const DECLARATION = {
  id: 'h2-declaration',
  title: 'Test Declaration of Wellington',
  roundId: 'wellington-2008',
  adoptedOn: '2008-02-22',
  source: 'Wellington Conference documents',
  reportedCounts: [
    { count: 82, asOf: '2008-02-22', note: 'At the meeting', source: 'landmine.de' },
  ],
}
const PATH = `/declarations/${DECLARATION.id}`

// Outcome documents with their endorsements and the counts sources give.
describe('declarations over REST', () => {
  const t = useTestServer(['chair', 'france', 'germany', 'austria', 'ana', 'hana', 'observer'])

  const endorsementOf = async (actorId: string) => {
    const { body } = await t.api('observer', 'GET', '/declarations')
    return body.endorsements.find(
      (e: { declarationId: string; actorId: string }) =>
        e.declarationId === DECLARATION.id && e.actorId === actorId,
    )
  }

  it('lets the chair record a declaration that every member reads', async () => {
    const created = await t.api('chair', 'POST', '/declarations', DECLARATION)
    expect(created.status).toBe(201)
    expect(created.body.declaration).toEqual({ ...DECLARATION, negotiationId: 'ccm' })
    for (const who of ['observer', 'ana', 'france']) {
      const { status, body } = await t.api(who, 'GET', '/declarations')
      expect(status).toBe(200)
      expect(body.declarations).toContainEqual({ ...DECLARATION, negotiationId: 'ccm' })
      expect(Array.isArray(body.endorsements) && Array.isArray(body.roundCounts)).toBe(true)
    }
    const again = await t.api('chair', 'POST', '/declarations', DECLARATION)
    expect(again.status).toBe(409)
    expect(again.body.error.code).toBe('declaration_taken')
  })

  it('makes an id from the title, and lets the chair change a declaration', async () => {
    const created = await t.api('chair', 'POST', '/declarations', {
      title: 'Lima Declaration (test)',
      roundId: null,
      adoptedOn: null,
      source: '',
    })
    expect(created.body.declaration).toMatchObject({ id: 'lima-declaration-test', roundId: null })
    const changed = await t.api('chair', 'PUT', '/declarations/lima-declaration-test', {
      title: 'Lima Declaration (test)',
      roundId: 'lima-2007',
      adoptedOn: '2007-05-25',
    })
    expect(changed.status).toBe(200)
    expect(changed.body.declaration).toMatchObject({
      roundId: 'lima-2007',
      adoptedOn: '2007-05-25',
    })
  })

  it('refuses a bad declaration: unknown round, bad date, a count without a source', async () => {
    const bad = async (body: object, code: string) => {
      const answer = await t.api('chair', 'POST', '/declarations', { ...DECLARATION, ...body })
      expect(answer.status, JSON.stringify(body)).toBe(400)
      expect(answer.body.error.code).toBe(code)
      expect(answer.body.error.message.length).toBeGreaterThan(5)
    }
    await bad({ id: 'bad-1', roundId: 'nowhere-2099' }, 'unknown_round')
    await bad({ id: 'bad-2', adoptedOn: '22 February 2008' }, 'invalid_request')
    await bad(
      { id: 'bad-3', reportedCounts: [{ count: 82, asOf: '2008-02-22', source: '' }] },
      'invalid_request',
    )
    await bad({ id: 'Bad Id' }, 'invalid_request')
    const { body } = await t.api('chair', 'GET', '/declarations')
    expect(body.declarations.some((d: { id: string }) => d.id.startsWith('bad-'))).toBe(false)
  })

  it('lets only the chair record declarations and round counts', async () => {
    for (const who of ['france', 'ana', 'observer']) {
      const post = await t.api(who, 'POST', '/declarations', { ...DECLARATION, id: 'intruder' })
      expect(post.status).toBe(403)
      expect(post.body.error.code).toBe('forbidden')
      const put = await t.api(who, 'PUT', PATH, { ...DECLARATION, title: 'Changed' })
      expect(put.status).toBe(403)
      const count = await t.api(who, 'POST', '/round-counts', {
        roundId: 'vienna-2007',
        kind: 'attended',
        count: 1,
        source: 'x',
      })
      expect(count.status).toBe(403)
      expect(count.body.error.code).toBe('forbidden')
    }
    const { body } = await t.api('chair', 'GET', '/declarations')
    expect(body.declarations.find((d: { id: string }) => d.id === DECLARATION.id).title).toBe(
      DECLARATION.title,
    )
  })

  it('lets a delegation endorse for its own actor, logged as declaration-endorsed', async () => {
    const put = await t.api('france', 'PUT', `${PATH}/endorsements/FRA`, {
      date: '2008-02-22',
      source: '',
      provenance: 'recorded',
    })
    expect(put.status).toBe(200)
    expect(await endorsementOf('FRA')).toEqual({
      negotiationId: 'ccm',
      declarationId: DECLARATION.id,
      actorId: 'FRA',
      date: '2008-02-22',
      source: '',
      provenance: 'recorded',
    })
    const { body } = await t.api('observer', 'GET', '/events?type=declaration-endorsed&actor=FRA')
    expect(body.events.at(-1)).toMatchObject({
      type: 'declaration-endorsed',
      actorId: 'FRA',
      roundId: 'wellington-2008',
      byName: 'Delegate of France',
      data: { declarationId: DECLARATION.id, date: '2008-02-22' },
    })
  })

  it('refuses a delegation endorsing for another actor, and everyone else but the chair', async () => {
    for (const [who, actor] of [
      ['france', 'DEU'],
      ['germany', 'FRA'],
      ['ana', 'AUT'],
      ['hana', 'AUT'],
      ['observer', 'AUT'],
    ] as const) {
      const put = await t.api(who, 'PUT', `${PATH}/endorsements/${actor}`, { date: null })
      expect(put.status, `${who} for ${actor}`).toBe(403)
      expect(put.body.error.code).toBe('forbidden')
    }
    expect(await endorsementOf('DEU')).toBeUndefined()
    expect(await endorsementOf('AUT')).toBeUndefined()
    const withdraw = await t.api('germany', 'DELETE', `${PATH}/endorsements/FRA`)
    expect(withdraw.status).toBe(403)
    expect(await endorsementOf('FRA')).toBeDefined()
  })

  it('lets the chair endorse for any actor; a reported endorsement names its source', async () => {
    const unsourced = await t.api('chair', 'PUT', `${PATH}/endorsements/AUT`, {
      date: '2008-02-22',
      provenance: 'reported',
    })
    expect(unsourced.status).toBe(400)
    expect(unsourced.body.error).toMatchObject({ code: 'invalid_request' })
    expect(unsourced.body.error.message).toMatch(/^source: /)
    const put = await t.api('chair', 'PUT', `${PATH}/endorsements/AUT`, {
      date: null,
      source: 'landmine.de list',
      provenance: 'reported',
    })
    expect(put.status).toBe(200)
    expect(await endorsementOf('AUT')).toMatchObject({ date: null, provenance: 'reported' })
    const badDate = await t.api('chair', 'PUT', `${PATH}/endorsements/AUT`, { date: '2008-2-22' })
    expect(badDate.status).toBe(400)
    const unknown = await t.api('chair', 'PUT', `${PATH}/endorsements/XXX`, { date: null })
    expect(unknown.status).toBe(400)
    expect(unknown.body.error.code).toBe('unknown_actor')
    const noDeclaration = await t.api('chair', 'PUT', '/declarations/nope/endorsements/AUT', {})
    expect(noDeclaration.status).toBe(404)
    expect(noDeclaration.body.error.code).toBe('unknown_declaration')
  })

  it('lets the delegation or the chair withdraw an endorsement, logged', async () => {
    const own = await t.api('austria', 'DELETE', `${PATH}/endorsements/AUT`)
    expect(own.status).toBe(200)
    expect(await endorsementOf('AUT')).toBeUndefined()
    expect((await t.api('austria', 'DELETE', `${PATH}/endorsements/AUT`)).status).toBe(404)
    expect((await t.api('chair', 'DELETE', `${PATH}/endorsements/FRA`)).status).toBe(200)
    const { body } = await t.api('observer', 'GET', '/events?type=endorsement-withdrawn')
    expect(body.events.map((e: { actorId: string }) => e.actorId).slice(-2)).toEqual(['AUT', 'FRA'])
  })

  it('lets the chair add a round count with its source, readable in stances too', async () => {
    const count = {
      roundId: 'vienna-2007',
      kind: 'attended',
      count: 138,
      asOf: '2007-12-07',
      note: 'h2 test count',
      source: 'CMC Vienna report',
    }
    const posted = await t.api('chair', 'POST', '/round-counts', count)
    expect(posted.status).toBe(201)
    const { body } = await t.api('observer', 'GET', '/declarations')
    expect(body.roundCounts).toContainEqual({ ...count, negotiationId: 'ccm' })
    const stances = await t.api('ana', 'GET', '/stances')
    expect(stances.body.roundCounts).toContainEqual({ ...count, negotiationId: 'ccm' })
    expect(stances.body.declarations.map((d: { id: string }) => d.id)).toContain(DECLARATION.id)

    for (const [change, code] of [
      [{ roundId: 'nowhere' }, 'unknown_round'],
      [{ source: '' }, 'invalid_request'],
      [{ kind: 'signed' }, 'invalid_request'],
      [{ count: -1 }, 'invalid_request'],
    ] as const) {
      const bad = await t.api('chair', 'POST', '/round-counts', { ...count, ...change })
      expect(bad.status).toBe(400)
      expect(bad.body.error.code).toBe(code)
    }
  })
})
