import { describe, expect, it } from 'vitest'
import { currentStatements, recordsDisagree } from '../../shared/domain/stances/statements'
import type { Statement } from '../../shared/domain/stances/types'
import { REGISTER_POSITIONS, type Position } from '../../shared/domain/proposals/types'
import { waitFor } from '../support/collabClient'
import { useTestServer } from '../support/serverHarness'

const PEOPLE = ['chair', 'france', 'germany', 'ana', 'ben', 'hana', 'observer']
// Everyone who is not in the coalition (group cmc).
const OUTSIDERS = ['chair', 'france', 'germany', 'hana', 'observer']

describe("statements in each recorder's record", () => {
  const harness = useTestServer(PEOPLE)
  const { api, connect } = harness
  // A file the API answers (CSV, HTML), as text.
  const textOf = async (who: string, path: string) => {
    const res = await fetch(`${harness.server.url}/api/negotiations/ccm${path}`, {
      headers: { ...harness.session(who) },
    })
    expect(res.status, `${who} GET ${path}`).toBe(200)
    return res.text()
  }
  let n = 0

  const newIssue = async (title: string) => {
    const made = await api('chair', 'POST', '/issues', {
      title: `${title} ${++n}`,
      articleIds: ['art-2'],
    })
    expect(made.status).toBe(201)
    return made.body.issue.id as string
  }
  const onIssue = (issueId: string) => ({ kind: 'issue', issueId })
  const aTabledProposal = async () => {
    const { body } = await api('observer', 'GET', '/proposals')
    const tabled = (body.proposals as { id: string; tabledSeq: number | null }[]).find(
      (p) => p.tabledSeq !== null,
    )
    expect(tabled).toBeDefined()
    return tabled!.id
  }
  const statementsOf = async (who: string, query = '') => {
    const answer = await api(who, 'GET', `/statements${query}`)
    expect(answer.status).toBe(200)
    return answer.body.statements as Statement[]
  }
  // Everything a reader can fetch that could show an entry: as text, to look for its words.
  const everythingSeenBy = async (who: string, q: string) => {
    const seen: string[] = []
    for (const path of ['/statements', '/stances', '/events?limit=5000']) {
      const answer = await api(who, 'GET', path)
      expect(answer.status, `${who} GET ${path}`).toBe(200)
      seen.push(JSON.stringify(answer.body))
    }
    for (const path of [
      '/matrix.csv?format=long',
      '/export/positions.csv',
      '/export/compendium.html',
    ]) {
      seen.push(await textOf(who, path))
    }
    // The whole negotiation's JSON is an administrator's backup: refused to everyone else.
    const backup = await api(who, 'GET', '/export/negotiation.json')
    expect(backup.status, `${who} negotiation.json`).toBe(403)
    seen.push(JSON.stringify(backup.body))
    const search = await api(who, 'GET', `/search?q=${encodeURIComponent(q)}`)
    expect(search.status).toBe(200)
    seen.push(JSON.stringify(search.body.groups))
    return seen.join('\n')
  }

  it('keeps a group’s entry from everyone outside it until the group publishes it', async () => {
    const issue = await newIssue('Interoperability')
    const secretariat = await api('chair', 'POST', '/statements', {
      target: onIssue(issue),
      actorId: 'FRA',
      stance: 'supports',
      record: 'secretariat',
      source: 'Vienna plenary, 6 Dec',
    })
    expect(secretariat.status).toBe(201)
    expect(secretariat.body.statement).toMatchObject({
      record: 'secretariat',
      provenance: 'recorded',
      published: true,
    })

    const quote = 'France: concerns about quokkaworthy interoperability'
    const recorded = await api('ana', 'POST', '/statements', {
      target: onIssue(issue),
      actorId: 'FRA',
      stance: 'concerns',
      record: 'group:cmc',
      quote,
    })
    expect(recorded.status).toBe(201)
    const entry = recorded.body.statement as Statement
    expect(entry).toMatchObject({ record: 'group:cmc', published: false, stance: 'concerns' })

    for (const who of OUTSIDERS) {
      const seen = await everythingSeenBy(who, 'quokkaworthy')
      expect(seen, who).not.toContain('quokkaworthy')
      expect(seen, who).not.toContain(entry.id)
      // The secretariat's own entry is there for all.
      expect((await statementsOf(who, `?issue=${issue}`)).map((s) => s.id)).toEqual([
        secretariat.body.statement.id,
      ])
    }
    // The coalition's other member sees it, in its record.
    const ben = await statementsOf('ben', `?issue=${issue}&actor=FRA`)
    expect(ben.map((s) => [s.record, s.stance])).toEqual([
      ['secretariat', 'supports'],
      ['group:cmc', 'concerns'],
    ])
    const benStances = await api('ben', 'GET', '/stances')
    expect(JSON.stringify(benStances.body)).toContain('quokkaworthy')
    // The matrix file would show it to a member: its absence for others means something.
    expect(await textOf('ben', '/matrix.csv?format=long')).toContain('quokkaworthy')
    expect(await textOf('ben', '/export/positions.csv')).toContain('quokkaworthy')

    // Nobody outside learns whether it exists: the same 404 as for no statement at all.
    const missing = await api('hana', 'POST', '/statements/st-000000000000/publish')
    expect(missing.status).toBe(404)
    for (const who of OUTSIDERS) {
      const answer = await api(who, 'POST', `/statements/${entry.id}/publish`)
      expect(answer.status, who).toBe(404)
      expect(answer.body.error.code).toBe(missing.body.error.code)
      expect(JSON.stringify(answer.body)).not.toContain('quokkaworthy')
    }

    const published = await api('ana', 'POST', `/statements/${entry.id}/publish`)
    expect(published.status).toBe(200)
    expect(published.body.statement).toMatchObject({ id: entry.id, published: true })
    expect(published.body.statement.publishedAt).toEqual(expect.any(String))

    for (const who of [...OUTSIDERS, 'ben']) {
      const seen = await statementsOf(who, `?issue=${issue}&actor=FRA`)
      expect(seen.map((s) => s.record).sort(), who).toEqual(['group:cmc', 'secretariat'])
      // Both records stand, marked where they disagree.
      expect(recordsDisagree(currentStatements(seen)), who).toBe(true)
      const stances = (await api(who, 'GET', '/stances')).body.statements as Statement[]
      expect(stances.find((s) => s.id === entry.id)?.quote).toBe(quote)
    }
    const events = await api('observer', 'GET', '/events?type=statement-published')
    expect(events.body.events.at(-1)).toMatchObject({
      type: 'statement-published',
      actorId: 'FRA',
      articleId: 'art-2',
      data: { statementId: entry.id, record: 'group:cmc', stance: 'concerns', quote },
    })
    // A public entry is public already: publishing it again is a no-op, a public one a 409.
    expect((await api('ben', 'POST', `/statements/${entry.id}/publish`)).status).toBe(200)
    // Once published, outsiders may read it, but only the group publishes its record.
    const hana = await api('hana', 'POST', `/statements/${entry.id}/publish`)
    expect(hana.status).toBe(403)
    expect(hana.body.error.code).toBe('forbidden')
    const again = await api('chair', 'POST', `/statements/${secretariat.body.statement.id}/publish`)
    expect(again.status).toBe(409)
    expect(again.body.error.code).toBe('not_private')
  })

  it('refuses to write into a record that is not the caller’s, and stores nothing', async () => {
    const issue = await newIssue('Transition periods')
    const refused: [string, string, string][] = [
      ['france', 'secretariat', 'FRA'],
      ['france', 'delegation:DEU', 'DEU'],
      ['france', 'delegation:FRA', 'DEU'],
      ['france', 'group:cmc', 'FRA'],
      ['germany', 'delegation:FRA', 'FRA'],
      ['ana', 'secretariat', 'FRA'],
      ['ana', 'delegation:FRA', 'FRA'],
      ['ana', 'group:hrw', 'FRA'],
      ['hana', 'group:cmc', 'FRA'],
      ['observer', 'secretariat', 'FRA'],
      ['observer', 'group:cmc', 'FRA'],
      ['observer', 'delegation:FRA', 'FRA'],
      ['chair', 'group:cmc', 'FRA'],
      ['chair', 'delegation:FRA', 'FRA'],
    ]
    for (const [who, record, actorId] of refused) {
      const answer = await api(who, 'POST', '/statements', {
        target: onIssue(issue),
        actorId,
        stance: 'opposes',
        record,
        quote: 'wallabyish refusal',
      })
      expect(answer.status, `${who} into ${record} for ${actorId}`).toBe(403)
      expect(answer.body.error).toMatchObject({ code: 'forbidden', message: expect.any(String) })
    }
    for (const who of ['ana', 'hana', 'chair']) {
      expect(JSON.stringify(await statementsOf(who))).not.toContain('wallabyish')
    }
    // And each may write its own.
    const own: [string, string, string][] = [
      ['france', 'delegation:FRA', 'FRA'],
      ['chair', 'secretariat', 'DEU'],
      ['hana', 'group:hrw', 'DEU'],
      ['ben', 'group:cmc', 'MEX'],
    ]
    for (const [who, record, actorId] of own) {
      const answer = await api(who, 'POST', '/statements', {
        target: onIssue(issue),
        actorId,
        stance: 'statement',
        record,
      })
      expect(answer.status, `${who} into ${record}`).toBe(201)
    }
  })

  it('answers bad input with a code and a sentence', async () => {
    const issue = await newIssue('Clearance deadline')
    const base = {
      target: onIssue(issue),
      actorId: 'FRA',
      stance: 'concerns',
      record: 'secretariat',
    }
    const bad = async (body: object, status: number, code: string) => {
      const answer = await api('chair', 'POST', '/statements', { ...base, ...body })
      expect(answer.status, JSON.stringify(body)).toBe(status)
      expect(answer.body.error).toMatchObject({ code, message: expect.any(String) })
      return answer
    }
    await bad({ provenance: 'reported' }, 400, 'invalid_request')
    await bad({ provenance: 'reported', source: '   ' }, 400, 'invalid_request')
    await bad({ actorId: 'XXX' }, 400, 'unknown_actor')
    await bad({ roundId: 'atlantis-1999' }, 404, 'unknown_round')
    await bad({ stance: 'loves' }, 400, 'invalid_request')
    await bad({ record: 'everyone' }, 400, 'invalid_request')
    await bad({ date: '6 Dec 2007' }, 400, 'invalid_request')
    await bad({ target: onIssue('no-such-issue') }, 404, 'target_not_found')
    await bad({ target: { kind: 'proposal', proposalId: 'p-nowhere' } }, 404, 'target_not_found')

    // A draft another delegation holds answers as if it did not exist, in a group's record too.
    const draft = await api('germany', 'POST', '/proposals', {
      params: { kind: 'definition' },
      title: 'A private draft',
      articleId: 'art-2',
    })
    expect(draft.status).toBe(201)
    const onDraft = { kind: 'proposal', proposalId: draft.body.proposal.id }
    const nowhere = { kind: 'proposal', proposalId: 'p-nowhere' }
    for (const target of [onDraft, nowhere]) {
      const answer = await api('ana', 'POST', '/statements', {
        ...base,
        target,
        record: 'group:cmc',
      })
      expect(answer.status).toBe(404)
      expect(answer.body.error.code).toBe('target_not_found')
    }

    const reported = await api('chair', 'POST', '/statements', {
      ...base,
      provenance: 'reported',
      source: 'CMC Vienna report, p. 4',
      date: '2007-12-06',
      roundId: null,
    })
    expect(reported.status).toBe(201)
    expect(reported.body.statement).toMatchObject({
      provenance: 'reported',
      source: 'CMC Vienna report, p. 4',
      date: '2007-12-06',
      roundId: null,
    })
  })

  it('logs a public entry in the event log, with its provenance and record', async () => {
    const issue = await newIssue('Victim assistance')
    const made = await api('france', 'POST', '/statements', {
      target: onIssue(issue),
      actorId: 'FRA',
      stance: 'supports',
      record: 'delegation:FRA',
      source: 'Statement of France, Vienna',
      quote: 'We support the co-chair’s four points',
      provenance: 'reported',
    })
    expect(made.status).toBe(201)
    const { body } = await api('hana', 'GET', '/events?type=statement-recorded')
    expect(body.events.at(-1)).toMatchObject({
      type: 'statement-recorded',
      actorId: 'FRA',
      articleId: 'art-2',
      byName: 'Delegate of France',
      data: {
        statementId: made.body.statement.id,
        target: { kind: 'issue', issueId: issue },
        stance: 'supports',
        provenance: 'reported',
        record: 'delegation:FRA',
        source: 'Statement of France, Vienna',
        quote: 'We support the co-chair’s four points',
      },
    })
    expect(body.events.at(-1).roundId).toEqual(made.body.statement.roundId)
  })

  it('shows a public record’s stance on a proposal live on its card, and keeps a group’s apart', async () => {
    const proposalId = await aTabledProposal()
    const register = await connect('observer', 'ccm/register')
    const onProposal = { kind: 'proposal', proposalId }

    const france = await api('france', 'POST', '/statements', {
      target: onProposal,
      actorId: 'FRA',
      stance: 'concerns',
      record: 'delegation:FRA',
      source: 'Statement of France',
    })
    expect(france.status).toBe(201)
    const id = france.body.statement.id as string
    expect(france.body.statement).toMatchObject({
      target: onProposal,
      record: 'delegation:FRA',
      provenance: 'recorded',
    })
    const positions = register.doc.getMap(REGISTER_POSITIONS)
    await waitFor('the position on the card', () => positions.has(id))
    expect(positions.get(id) as Position).toMatchObject({
      proposalId,
      actorId: 'FRA',
      stance: 'concerns',
      record: 'delegation:FRA',
      provenance: 'recorded',
    })
    const listed = await api('observer', 'GET', `/proposals/${proposalId}/positions`)
    expect(listed.body.positions.find((p: Position) => p.id === id)).toMatchObject({
      record: 'delegation:FRA',
    })

    // The coalition's entry on the same proposal stays in its record, off the card.
    const group = await api('ben', 'POST', '/statements', {
      target: onProposal,
      actorId: 'FRA',
      stance: 'supports',
      record: 'group:cmc',
      quote: 'France privately dingoesque',
    })
    expect(group.status).toBe(201)
    const groupId = group.body.statement.id as string
    const after = await api('observer', 'GET', `/proposals/${proposalId}/positions`)
    expect(JSON.stringify(after.body)).not.toContain('dingoesque')
    expect(positions.has(groupId)).toBe(false)
    expect((await statementsOf('ana', `?proposal=${proposalId}`)).map((s) => s.id)).toContain(
      groupId,
    )
    expect((await statementsOf('france', `?proposal=${proposalId}`)).map((s) => s.id)).toEqual(
      expect.not.arrayContaining([groupId]),
    )
    expect((await statementsOf('france', `?proposal=${proposalId}`)).map((s) => s.id)).toContain(id)
  })

  it('gives positions recorded the old way their record and provenance', async () => {
    const proposalId = await aTabledProposal()
    const chair = await api('chair', 'POST', `/proposals/${proposalId}/positions`, {
      actorId: 'AUT',
      stance: 'supports',
      source: 'Vienna plenary',
    })
    expect(chair.status).toBe(201)
    expect(chair.body.position).toMatchObject({ record: 'secretariat', provenance: 'recorded' })
    const germany = await api('germany', 'POST', `/proposals/${proposalId}/positions`, {
      actorId: 'DEU',
      stance: 'opposes',
      source: 'CMC Vienna report',
      provenance: 'reported',
    })
    expect(germany.status).toBe(201)
    expect(germany.body.position).toMatchObject({
      record: 'delegation:DEU',
      provenance: 'reported',
    })
    const noSource = await api('germany', 'POST', `/proposals/${proposalId}/positions`, {
      actorId: 'DEU',
      stance: 'opposes',
      source: '',
      provenance: 'reported',
    })
    expect(noSource.status).toBe(400)
    expect(noSource.body.error.code).toBe('invalid_request')
    const badProvenance = await api('germany', 'POST', `/proposals/${proposalId}/positions`, {
      actorId: 'DEU',
      stance: 'opposes',
      source: 'x',
      provenance: 'rumoured',
    })
    expect(badProvenance.status).toBe(400)

    const statements = await statementsOf('observer', `?proposal=${proposalId}&actor=DEU`)
    expect(statements.find((s) => s.id === germany.body.position.id)).toMatchObject({
      record: 'delegation:DEU',
      provenance: 'reported',
    })
    const events = await api(
      'observer',
      'GET',
      `/events?type=position-recorded&proposal=${proposalId}`,
    )
    expect(events.body.events.at(-1).data).toMatchObject({
      positionId: germany.body.position.id,
      record: 'delegation:DEU',
      provenance: 'reported',
    })
  })
})
