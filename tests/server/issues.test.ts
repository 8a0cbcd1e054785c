import { describe, expect, it } from 'vitest'
import type { Issue } from '../../shared/domain/stances/types'
import { useTestServer } from '../support/serverHarness'

describe('issues over REST', () => {
  const { api } = useTestServer(['chair', 'france', 'ana', 'observer'])
  let n = 0
  const create = (body: object, who = 'chair') => api(who, 'POST', '/issues', body)
  const issueOk = async (body: object) => {
    const made = await create(body)
    expect(made.status, JSON.stringify(made.body)).toBe(201)
    return made.body.issue as Issue
  }
  const aTabledProposal = async () => {
    const { body } = await api('observer', 'GET', '/proposals')
    const tabled = (body.proposals as { id: string; tabledSeq: number | null }[]).find(
      (p) => p.tabledSeq !== null,
    )
    return tabled!.id
  }

  it('lets the chair name issues in a tree that every member reads', async () => {
    const suffix = ++n
    const parent = await issueOk({
      title: `Exemptions ${suffix}`,
      description: 'Which cluster munitions the ban **leaves out**.',
      articleIds: ['art-2'],
      source: 'CMC Vienna report, IV',
      provenance: 'reported',
    })
    expect(parent).toMatchObject({
      id: `exemptions-${suffix}`,
      parentId: null,
      articleIds: ['art-2'],
      provenance: 'reported',
    })
    const proposalId = await aTabledProposal()
    const child = await issueOk({
      title: `Self-destruct ${suffix}`,
      parentId: parent.id,
      proposalIds: [proposalId, proposalId],
    })
    expect(child).toMatchObject({ parentId: parent.id, proposalIds: [proposalId], order: 0 })
    const sibling = await issueOk({ id: `duds-${suffix}`, title: 'Duds', parentId: parent.id })
    expect(sibling).toMatchObject({ id: `duds-${suffix}`, order: 1 })

    for (const who of ['observer', 'france', 'ana']) {
      const { status, body } = await api(who, 'GET', '/issues')
      expect(status).toBe(200)
      const ids = (body.issues as Issue[]).map((i) => i.id)
      // Parents before children, siblings in order.
      expect(ids.indexOf(parent.id)).toBeLessThan(ids.indexOf(child.id))
      expect(ids.indexOf(child.id)).toBeLessThan(ids.indexOf(sibling.id))
    }
    const events = await api('observer', 'GET', '/events?type=issue-created')
    expect(events.body.events.at(-1)).toMatchObject({
      type: 'issue-created',
      byName: 'Chair (Norway)',
      data: { issueId: sibling.id, title: 'Duds', parentId: parent.id },
    })
  })

  it('checks links: articles of the live text, its brackets, tabled proposals', async () => {
    const bad = async (body: object, code: string) => {
      const answer = await create({ title: `Links ${++n}`, ...body })
      expect(answer.status, JSON.stringify(body)).toBe(400)
      expect(answer.body.error).toMatchObject({ code, message: expect.any(String) })
    }
    await bad({ articleIds: ['art-2', 'art-999'] }, 'unknown_article')
    await bad({ bracketIds: ['no-such-bracket'] }, 'unknown_bracket')
    await bad({ proposalIds: ['p-nowhere'] }, 'unknown_proposal')
    await bad({ parentId: 'no-such-issue' }, 'unknown_parent')
    await bad({ title: '' }, 'invalid_request')
    await bad({ colour: 'red' }, 'invalid_request')
    // A draft is not a link anyone may see.
    const draft = await api('france', 'POST', '/proposals', {
      params: { kind: 'definition' },
      title: 'A private draft',
      articleId: 'art-2',
    })
    expect(draft.status).toBe(201)
    await bad({ proposalIds: [draft.body.proposal.id] }, 'unknown_proposal')

    const first = await issueOk({ id: `taken-${++n}`, title: 'Taken' })
    const again = await create({ id: first.id, title: 'Taken again' })
    expect(again.status).toBe(409)
    expect(again.body.error.code).toBe('issue_exists')
  })

  it('changes an issue, keeping the tree a tree at most 6 deep', async () => {
    const suffix = ++n
    const chain: Issue[] = []
    for (let level = 1; level <= 6; level++) {
      chain.push(
        await issueOk({ title: `Level ${level} of ${suffix}`, parentId: chain.at(-1)?.id ?? null }),
      )
    }
    const [top, second] = chain as [Issue, Issue]
    const deeper = await create({ title: 'Seventh level', parentId: chain[5]!.id })
    expect(deeper.status).toBe(409)
    expect(deeper.body.error.code).toBe('too_deep')

    const cycle = await api('chair', 'PATCH', `/issues/${top.id}`, { parentId: chain[3]!.id })
    expect(cycle.status).toBe(409)
    expect(cycle.body.error.code).toBe('issue_cycle')
    const self = await api('chair', 'PATCH', `/issues/${second.id}`, { parentId: second.id })
    expect(self.body.error.code).toBe('issue_cycle')

    // Moving the chain under another issue would make it 7 deep.
    const other = await issueOk({ title: `Elsewhere ${suffix}` })
    const moved = await api('chair', 'PATCH', `/issues/${top.id}`, { parentId: other.id })
    expect(moved.status).toBe(409)
    expect(moved.body.error.code).toBe('too_deep')

    const changed = await api('chair', 'PATCH', `/issues/${second.id}`, {
      title: 'Failure rate',
      articleIds: ['art-2'],
    })
    expect(changed.status).toBe(200)
    expect(changed.body.issue).toMatchObject({
      id: second.id,
      title: 'Failure rate',
      parentId: top.id,
      articleIds: ['art-2'],
    })
    const toTop = await api('chair', 'PATCH', `/issues/${second.id}`, { parentId: null })
    expect(toTop.body.issue).toMatchObject({ parentId: null, title: 'Failure rate' })

    const unknown = await api('chair', 'PATCH', `/issues/no-such-issue`, { title: 'x' })
    expect(unknown.status).toBe(404)
    expect(unknown.body.error.code).toBe('issue_not_found')
    const badLink = await api('chair', 'PATCH', `/issues/${second.id}`, { articleIds: ['art-999'] })
    expect(badLink.body.error.code).toBe('unknown_article')
    const renamed = await api('chair', 'PATCH', `/issues/${second.id}`, { id: 'new-id' })
    expect(renamed.status).toBe(400)

    const events = await api('france', 'GET', '/events?type=issue-changed')
    expect(events.body.events.at(-1)).toMatchObject({
      type: 'issue-changed',
      data: { issueId: second.id, changed: ['parentId'] },
    })
  })

  it('lets nobody but the chair create or change issues', async () => {
    const issue = await issueOk({ title: `Chair only ${++n}` })
    for (const who of ['france', 'ana', 'observer']) {
      const made = await create({ title: 'Capybara question' }, who)
      expect(made.status, who).toBe(403)
      expect(made.body.error).toMatchObject({ code: 'forbidden', message: expect.any(String) })
      const changed = await api(who, 'PATCH', `/issues/${issue.id}`, { title: 'Capybara' })
      expect(changed.status, who).toBe(403)
      expect(changed.body.error.code).toBe('forbidden')
    }
    const { body } = await api('chair', 'GET', '/issues')
    expect(JSON.stringify(body)).not.toContain('Capybara')
  })
})
