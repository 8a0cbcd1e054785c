import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NegotiationEvent } from '../../shared/domain/events'
import type { ApiAnswer } from '../support/api'
import {
  addAlternative,
  bracketSelection,
  cleanDelete,
  cleanKeep,
} from '../../client/src/editor/commands/bracketCommands'
import { keepOption, wrapInOptions } from '../../client/src/editor/commands/optionCommands'
import { describeCleaning, cleaningEditOf } from '../../shared/domain/cleaningEdits'
import { call } from '../support/api'
import { connectClient, waitFor, type CollabClient } from '../support/collabClient'
import { runCommand } from '../support/editing'
import { anchorOn, apiAs } from '../support/proposals'
import { rawSql } from '../support/rawSql'
import { openStorageOf, startServer, type Session, type TestServer } from '../support/startServer'

// Every command appends an event with who, for which actor, when and in which round; the log
// refuses to be rewritten.
describe('the event log', () => {
  let server: TestServer
  let api: (who: string, method: string, path: string, body?: unknown) => Promise<ApiAnswer>
  let text: CollabClient
  const as: Record<string, Session> = {}

  beforeAll(async () => {
    server = await startServer()
    for (const who of ['chair', 'germany', 'france', 'austria', 'observer', 'hana']) {
      as[who] = await server.loginAs(who)
    }
    const call = apiAs(server.url)
    api = (who, method, path, body) => call(as[who] ?? null, method, path, body)
    text = connectClient(server.wsUrl, 'ccm/text', { token: await server.tokenFor('germany') })
    await text.synced()
  })
  afterAll(async () => {
    text.destroy()
    await server.dispose()
  })

  // Germany reads its own drafts' events too; the chair sees drafts only once tabled.
  const events = async (query: string): Promise<NegotiationEvent[]> => {
    const answer = await api('germany', 'GET', `/events?${query}`)
    expect(answer.status).toBe(200)
    return answer.body.events
  }
  const lastOf = async (type: string, proposalId?: string) => {
    const found = await events(`type=${type}${proposalId ? `&proposal=${proposalId}` : ''}`)
    return found[found.length - 1]
  }
  const draft = async (quote: string, title: string) => {
    const created = await api('germany', 'POST', '/proposals', {
      params: { kind: 'deadline-change', fromYears: 8, toYears: 4 },
      title,
      articleId: 'art-3',
      anchor: anchorOn(text.doc, 'art-3', quote),
    })
    expect(created.status).toBe(201)
    return created.body.proposal.id as string
  }

  it('records drafting, tabling, withdrawing and deciding with who, actor and round', async () => {
    const id = await draft('not later than eight years', 'Four years for stockpiles')
    expect(await lastOf('proposal-created', id)).toMatchObject({
      byName: expect.any(String),
      actorId: 'DEU',
      articleId: 'art-3',
      proposalId: id,
      roundId: 'dublin-2008',
    })
    expect((await api('germany', 'POST', `/proposals/${id}/table`)).status).toBe(200)
    expect(await lastOf('proposal-tabled', id)).toMatchObject({
      actorId: 'DEU',
      roundId: 'dublin-2008',
      data: { from: 'draft', to: 'tabled' },
    })
    expect(
      (await api('chair', 'POST', `/proposals/${id}/decision`, { decision: 'bracket' })).status,
    ).toBe(200)
    const decided = await lastOf('proposal-decided', id)
    expect(decided).toMatchObject({
      data: { decision: 'bracket', from: 'tabled', to: 'bracketed' },
    })
    expect(decided?.accountId).not.toBeNull()

    const other = await draft('within eight years of entry into force', 'Withdrawn idea')
    expect((await api('germany', 'POST', `/proposals/${other}/withdraw`)).status).toBe(200)
    expect(await lastOf('proposal-withdrawn', other)).toMatchObject({
      actorId: 'DEU',
      data: { from: 'draft', to: 'withdrawn' },
    })
  })

  it('keeps events on a delegation’s draft as private as the draft', async () => {
    const id = await draft('as soon as possible', 'A private draft')
    const forFrance = await api('france', 'GET', `/events?proposal=${id}`)
    expect(forFrance.body.events).toEqual([])
    expect((await api('germany', 'GET', `/events?proposal=${id}`)).body.events).toHaveLength(1)
  })

  it('records a position for its actor, and member changes by the chair', async () => {
    const id = await draft('not later than eight years', 'Positions please')
    await api('germany', 'POST', `/proposals/${id}/table`)
    const recorded = await api('austria', 'POST', `/proposals/${id}/positions`, {
      actorId: 'AUT',
      stance: 'opposes',
      source: 'Plenary statement',
      quote: 'Three years are enough.',
    })
    expect(recorded.status).toBe(201)
    expect(await lastOf('position-recorded', id)).toMatchObject({
      actorId: 'AUT',
      articleId: 'art-3',
      roundId: 'dublin-2008',
      data: { stance: 'opposes', quote: 'Three years are enough.' },
    })

    const members = (await api('chair', 'GET', '/members')).body.members as {
      accountId: string
      username: string
    }[]
    const observer = members.find((m) => m.username === 'observer')?.accountId
    const patched = await api('chair', 'PATCH', `/members/${observer}`, {
      role: 'delegate',
      actorId: 'IRL',
    })
    expect(patched.status).toBe(200)
    expect(await lastOf('member-changed')).toMatchObject({
      actorId: 'IRL',
      data: { memberAccountId: observer, role: 'delegate', previous: { role: 'observer' } },
    })
    const hana = members.find((m) => m.username === 'hana')?.accountId
    expect((await api('chair', 'DELETE', `/members/${hana}`)).status).toBe(204)
    expect(await lastOf('member-removed')).toMatchObject({ data: { memberAccountId: hana } })
    // No longer a member: the history is closed to her.
    const refused = await api('hana', 'GET', '/articles/art-2/history')
    expect(refused.status).toBe(403)
    expect(refused.body.error.code).toBe('not_a_member')
  })

  it('records a participant change', async () => {
    const put = await api('chair', 'PUT', '/participants/ISL', { note: 'Observer state' })
    expect(put.status).toBe(200)
    expect(await lastOf('participant-changed')).toMatchObject({
      actorId: 'ISL',
      data: { change: 'set', note: 'Observer state' },
    })
  })

  it('lets only the chair open and close rounds, and records both', async () => {
    const newRound = {
      name: 'Dublin resumed session',
      place: 'Dublin, Ireland',
      startDate: '2008-06-02',
      endDate: '2008-06-03',
    }
    expect((await api('germany', 'POST', '/rounds', newRound)).status).toBe(403)
    expect((await api('observer', 'POST', '/rounds/dublin-2008/close', {})).status).toBe(403)
    // One round open at a time.
    const early = await api('chair', 'POST', '/rounds', newRound)
    expect(early.status).toBe(409)
    expect(early.body.error.code).toBe('round_open')

    const closed = await api('chair', 'POST', '/rounds/dublin-2008/close', {})
    expect(closed.status).toBe(200)
    expect(closed.body.round).toMatchObject({
      status: 'closed',
      snapshotName: 'Dublin Discussion Text',
    })
    expect(await lastOf('round-closed')).toMatchObject({
      roundId: 'dublin-2008',
      data: { snapshotName: 'Dublin Discussion Text' },
    })
    const opened = await api('chair', 'POST', '/rounds', newRound)
    expect(opened.status).toBe(201)
    expect(opened.body.round).toMatchObject({ id: 'dublin-2008-2', status: 'open' })
    expect(await lastOf('round-opened')).toMatchObject({ roundId: 'dublin-2008-2' })
    // The open round is the current one: new positions belong to it.
    const id = await draft('not later than eight years', 'In the new round')
    expect(await lastOf('proposal-created', id)).toMatchObject({ roundId: 'dublin-2008-2' })
  })

  it('is append-only: the database refuses to update or delete an event', async () => {
    // The running server's own database (its SQLite file, or its PostgreSQL schema).
    const storage = await openStorageOf(server)
    try {
      const run = rawSql(storage)
      await expect(run("UPDATE events SET by_name = 'someone else'")).rejects.toThrow(/append-only/)
      await expect(run('DELETE FROM events')).rejects.toThrow(/append-only/)
      await expect(run('DELETE FROM round_snapshots')).rejects.toThrow(/append-only/)
    } finally {
      await storage.close()
    }
  })
})

// The chair's cleaning, made with the editor's own commands through a real client, is summarised
// per author and article with the brackets and option blocks added and removed.
describe('bracket and option edits in the history', () => {
  let server: TestServer
  let chair: CollabClient
  let admin: CollabClient

  beforeAll(async () => {
    server = await startServer({ textEditQuietMs: 100 })
    chair = connectClient(server.wsUrl, 'ccm/text', { token: await server.tokenFor('chair') })
    admin = connectClient(server.wsUrl, 'ccm/text', { token: await server.tokenFor('admin') })
    await Promise.all([chair.synced(), admin.synced()])
  })
  afterAll(async () => {
    chair.destroy()
    admin.destroy()
    await server.dispose()
  })

  const accountOf = async (who: string): Promise<string> =>
    (await call(server.url, { token: await server.tokenFor(who) }, 'GET', '/api/me')).body.me
      .account.id
  const edits = async (articleId: string): Promise<NegotiationEvent[]> => {
    const answer = await call(
      server.url,
      { token: await server.tokenFor('chair') },
      'GET',
      `/api/negotiations/ccm/events?type=text-edited&article=${articleId}`,
    )
    return answer.body.events
  }
  // Polls the log until an event of `accountId` in the article passes `check`.
  const summary = async (
    articleId: string,
    accountId: string,
    check: (e: NegotiationEvent) => boolean,
  ): Promise<NegotiationEvent> => {
    for (let tries = 0; ; tries++) {
      const found = (await edits(articleId)).find((e) => e.accountId === accountId && check(e))
      if (found) return found
      if (tries > 500) throw new Error(`no summary in ${articleId} yet`)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }

  it('records who bracketed, cleaned and wrapped in options, in which article and when', async () => {
    const chairId = await accountOf('chair')
    const started = new Date().toISOString()
    runCommand(
      chair,
      'art-2',
      'designed to disperse or release explosive submunitions',
      bracketSelection,
    )
    runCommand(chair, 'art-2', 'each weighing less than 20 kilograms', bracketSelection)
    runCommand(chair, 'art-2', 'each weigh|ing', addAlternative)
    runCommand(chair, 'art-2', 'each weigh|ing', cleanKeep)
    runCommand(
      chair,
      'art-2',
      'designed to produce electrical or electronic effects',
      wrapInOptions,
    )
    const event = await summary('art-2', chairId, (e) => cleaningEditOf(e.data).optionsAdded > 0)
    expect(event.data).toMatchObject({
      bracketsAdded: 2,
      bracketsRemoved: 1,
      optionsAdded: 1,
      optionsRemoved: 0,
      brackets: 1,
      options: 1,
    })
    expect(event.byName).toContain('Chair')
    expect(event.at >= started).toBe(true)
    expect(describeCleaning(cleaningEditOf(event.data))).toBe(
      'bracketed 2, cleaned 1 bracket, added 1 option block',
    )

    // The administrator cleans the rest in the other client: the summary is theirs.
    await waitFor('the administrator has the chair’s edits', () => admin.pmDoc().eq(chair.pmDoc()))
    const adminId = await accountOf('admin')
    runCommand(admin, 'art-2', 'designed to dis|perse', cleanDelete)
    // The caret in the first option's words (the second is a copy): that option is kept.
    runCommand(admin, 'art-2', 'designed to pro|duce electrical', keepOption)
    const cleaned = await summary(
      'art-2',
      adminId,
      (e) => cleaningEditOf(e.data).optionsRemoved > 0,
    )
    expect(cleaned.data).toMatchObject({
      bracketsRemoved: 1,
      optionsRemoved: 1,
      brackets: 0,
      options: 0,
    })
  })
})
