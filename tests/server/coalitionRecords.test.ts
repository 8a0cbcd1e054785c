import { beforeAll, describe, expect, it } from 'vitest'
import type { Paper, Statement } from '../../shared/domain/stances/types'
import { invitedAccount } from '../support/groups'
import { useTestServer } from '../support/serverHarness'

// The chair, a campaigner, the observer and a delegate of a state outside the coalition.
const OUTSIDERS = ['chair', 'hana', 'observer', 'uk']

// A coalition keeps its own record of statements and its own briefing papers, as a campaign
// group does: its members' delegates read and write them; nobody else learns they exist.
describe("a coalition's record and papers", () => {
  const t = useTestServer(['chair', 'france', 'germany', 'hana', 'observer'])
  let issue = ''

  beforeAll(async () => {
    await invitedAccount(t.server, 'uk', { role: 'delegate', actorId: 'GBR' })
    const coalition = await t.api('chair', 'POST', '/groups', {
      id: 'test-core',
      kind: 'coalition',
      name: 'Test core group',
      actorIds: ['FRA', 'DEU'],
    })
    expect(coalition.status).toBe(201)
    const made = await t.api('chair', 'POST', '/issues', { title: 'Coalition work' })
    expect(made.status).toBe(201)
    issue = made.body.issue.id
  })

  const seenBy = async (who: string) => {
    const statements = await t.api(who, 'GET', `/statements?issue=${issue}`)
    const papers = await t.api(who, 'GET', `/issues/${issue}/papers`)
    const stances = await t.api(who, 'GET', '/stances')
    expect([statements.status, papers.status, stances.status], who).toEqual([200, 200, 200])
    return JSON.stringify([statements.body, papers.body, stances.body])
  }

  it('keeps a statement in its record to its members', async () => {
    const recorded = await t.api('france', 'POST', '/statements', {
      target: { kind: 'issue', issueId: issue },
      actorId: 'JPN',
      stance: 'opposes',
      record: 'group:test-core',
      quote: 'Japan said something wallabyish in the corridor',
    })
    expect(recorded.status).toBe(201)
    const entry = recorded.body.statement as Statement
    expect(entry).toMatchObject({ record: 'group:test-core', published: false })
    expect(await seenBy('germany')).toContain('wallabyish')

    const missing = await t.api('hana', 'POST', '/statements/st-000000000000/publish')
    for (const who of OUTSIDERS) {
      expect(await seenBy(who), who).not.toContain('wallabyish')
      const publish = await t.api(who, 'POST', `/statements/${entry.id}/publish`)
      expect({ who, status: publish.status, error: publish.body.error.code }).toEqual({
        who,
        status: missing.status,
        error: missing.body.error.code,
      })
      // Writing into it is refused alike, whether or not the coalition exists.
      for (const record of ['group:test-core', 'group:no-such-coalition']) {
        const forged = await t.api(who, 'POST', '/statements', {
          target: { kind: 'issue', issueId: issue },
          actorId: 'JPN',
          stance: 'supports',
          record,
        })
        expect({ who, record, status: forged.status }).toEqual({ who, record, status: 403 })
      }
    }
  })

  it('keeps its paper to its members until it publishes it', async () => {
    const made = await t.api('germany', 'POST', `/issues/${issue}/papers`, {
      title: 'Common lines',
      body: 'Hold firm on the koalaesque definition.',
      groupId: 'test-core',
    })
    expect(made.status).toBe(201)
    const paper = made.body.paper as Paper
    expect(paper).toMatchObject({ groupId: 'test-core', published: false })
    // The other member reads and revises it.
    expect(await seenBy('france')).toContain('koalaesque')
    const revised = await t.api('france', 'POST', `/papers/${paper.id}/versions`, {
      body: 'Hold firm on the koalaesque definition, rev. 1.',
    })
    expect(revised.status).toBe(201)

    const missing = await t.api('hana', 'POST', '/papers/paper-000000000000/versions', {
      body: 'x',
    })
    for (const who of OUTSIDERS) {
      expect(await seenBy(who), who).not.toContain('koalaesque')
      for (const path of [`/papers/${paper.id}/versions`, `/papers/${paper.id}/publish`]) {
        const answer = await t.api(who, 'POST', path, { body: 'Ours now' })
        expect({ who, path, status: answer.status, error: answer.body.error.code }).toEqual({
          who,
          path,
          status: missing.status,
          error: missing.body.error.code,
        })
      }
      for (const groupId of ['test-core', 'no-such-coalition']) {
        const forged = await t.api(who, 'POST', `/issues/${issue}/papers`, {
          title: 'Forged',
          body: 'x',
          groupId,
        })
        expect({ who, groupId, status: forged.status }).toEqual({ who, groupId, status: 403 })
      }
    }

    const published = await t.api('germany', 'POST', `/papers/${paper.id}/publish`)
    expect(published.status).toBe(200)
    for (const who of OUTSIDERS) expect(await seenBy(who), who).toContain('koalaesque')
  })
})
