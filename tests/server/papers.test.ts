import { describe, expect, it } from 'vitest'
import type { Paper } from '../../shared/domain/stances/types'
import { useTestServer } from '../support/serverHarness'

const OUTSIDERS = ['chair', 'france', 'hana', 'observer']

describe('briefing papers on an issue', () => {
  const { api } = useTestServer(['chair', 'france', 'ana', 'ben', 'hana', 'observer'])
  let n = 0
  const newIssue = async () => {
    const made = await api('chair', 'POST', '/issues', { title: `Papers ${++n}` })
    expect(made.status).toBe(201)
    return made.body.issue.id as string
  }
  const papersSeenBy = async (who: string, issueId: string) => {
    const answer = await api(who, 'GET', `/issues/${issueId}/papers`)
    expect(answer.status, who).toBe(200)
    return answer.body.papers as Paper[]
  }

  it('publishes the secretariat’s papers at once, versioned, Markdown kept as text', async () => {
    const issue = await newIssue()
    const body = '# Self-destruct\n\nFailure rates of **M85** in Lebanon: <script>alert(1)</script>'
    const made = await api('chair', 'POST', `/issues/${issue}/papers`, {
      title: 'Background note',
      body,
      source: 'CMC Vienna report',
      provenance: 'reported',
    })
    expect(made.status).toBe(201)
    const paper = made.body.paper as Paper
    expect(paper).toMatchObject({ groupId: null, published: true, provenance: 'reported' })
    expect(paper.versions).toMatchObject([{ version: 1, title: 'Background note', body }])

    const next = await api('chair', 'POST', `/papers/${paper.id}/versions`, { body: 'Revised.' })
    expect(next.status).toBe(201)
    expect(
      next.body.paper.versions.map((v: { version: number; title: string }) => v),
    ).toMatchObject([
      { version: 1, title: 'Background note' },
      { version: 2, title: 'Background note', body: 'Revised.' },
    ])
    for (const who of [...OUTSIDERS, 'ana']) {
      const seen = await papersSeenBy(who, issue)
      expect(
        seen.map((p) => p.versions.length),
        who,
      ).toEqual([2])
      expect(seen[0]?.versions[0]?.body).toBe(body)
    }
    // Only the secretariat writes its papers.
    for (const who of ['france', 'ana', 'observer']) {
      const refused = await api(who, 'POST', `/papers/${paper.id}/versions`, { body: 'Mine now' })
      expect(refused.status, who).toBe(403)
      expect(refused.body.error.code).toBe('forbidden')
      const created = await api(who, 'POST', `/issues/${issue}/papers`, {
        title: 'Not mine',
        body: 'x',
      })
      expect(created.status, who).toBe(403)
      expect(created.body.error.code).toBe('forbidden')
    }
  })

  it('keeps a group’s paper to the group until it publishes it', async () => {
    const issue = await newIssue()
    const made = await api('ana', 'POST', `/issues/${issue}/papers`, {
      title: 'Lobbying lines',
      body: 'Press France on the numbatian exemption.',
      groupId: 'cmc',
    })
    expect(made.status).toBe(201)
    const paper = made.body.paper as Paper
    expect(paper).toMatchObject({ groupId: 'cmc', published: false })
    expect((await papersSeenBy('ben', issue)).map((p) => p.id)).toEqual([paper.id])

    const missing = await api('hana', 'POST', '/papers/paper-000000000000/versions', { body: 'x' })
    expect(missing.status).toBe(404)
    for (const who of OUTSIDERS) {
      const seen = await papersSeenBy(who, issue)
      expect(JSON.stringify(seen), who).not.toContain('numbatian')
      // Writing to it or publishing it answers as if it were not there.
      for (const path of [`/papers/${paper.id}/versions`, `/papers/${paper.id}/publish`]) {
        const answer = await api(who, 'POST', path, { body: 'Overwritten' })
        expect(answer.status, `${who} ${path}`).toBe(404)
        expect(answer.body.error.code).toBe(missing.body.error.code)
        expect(JSON.stringify(answer.body)).not.toContain('numbatian')
      }
    }
    // Another group cannot write one for the coalition.
    const forged = await api('hana', 'POST', `/issues/${issue}/papers`, {
      title: 'Forged',
      body: 'x',
      groupId: 'cmc',
    })
    expect(forged.status).toBe(403)
    expect(forged.body.error.code).toBe('forbidden')

    const revised = await api('ben', 'POST', `/papers/${paper.id}/versions`, {
      title: 'Lobbying lines, rev. 1',
      body: 'Press France and Germany on the numbatian exemption.',
    })
    expect(revised.status).toBe(201)
    expect(revised.body.paper.versions).toHaveLength(2)

    const published = await api('ana', 'POST', `/papers/${paper.id}/publish`)
    expect(published.status).toBe(200)
    expect(published.body.paper).toMatchObject({ published: true })
    expect(published.body.paper.versions).toHaveLength(2)
    for (const who of OUTSIDERS) {
      const seen = await papersSeenBy(who, issue)
      expect(
        seen.map((p) => [p.id, p.published, p.versions.length]),
        who,
      ).toEqual([[paper.id, true, 2]])
      // Read by all, written by the group alone.
      const answer = await api(who, 'POST', `/papers/${paper.id}/versions`, { body: 'Ours' })
      expect(answer.status, who).toBe(403)
    }
  })

  it('answers bad input and unknown issues with a code', async () => {
    const issue = await newIssue()
    const unknown = await api('observer', 'GET', '/issues/no-such-issue/papers')
    expect(unknown.status).toBe(404)
    expect(unknown.body.error.code).toBe('issue_not_found')
    const onUnknown = await api('chair', 'POST', '/issues/no-such-issue/papers', {
      title: 'x',
      body: 'x',
    })
    expect(onUnknown.status).toBe(404)
    const tooLong = await api('chair', 'POST', `/issues/${issue}/papers`, {
      title: 'Long',
      body: 'x'.repeat(100_001),
    })
    expect(tooLong.status).toBe(400)
    expect(tooLong.body.error.code).toBe('invalid_request')
    const untitled = await api('chair', 'POST', `/issues/${issue}/papers`, { title: ' ', body: '' })
    expect(untitled.status).toBe(400)
    const html = await api('chair', 'POST', `/issues/${issue}/papers`, {
      title: 'x',
      body: 'x',
      format: 'html',
    })
    expect(html.status).toBe(400)
  })
})
