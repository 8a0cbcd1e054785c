import { describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/collab'
import { findArticleNode } from '../../shared/domain/articleText'
import { clauseText, waitFor, type CollabClient } from '../support/collabClient'
import { useTestServer } from '../support/serverHarness'
import { friendsOnArticle2, inviteFacilitator, refusal } from '../support/sessions'

const ROOM = 'ccm/session/friends-of-the-president-on-article-2'
const NEW_WORDING = 'As agreed among the Friends of the President, '

const articleIds = (c: CollabClient) => {
  const ids: string[] = []
  c.pmDoc().forEach((n) => {
    if (n.type.name === 'article') ids.push(String(n.attrs.id))
  })
  return ids
}

describe('a closed session on Article 2 with its facilitator', () => {
  const h = useTestServer(['chair', 'france', 'germany', 'austria', 'observer', 'hana'], 'each')

  it('opens with a copy of Article 2, is written by its facilitator alone, read live by its attendees, and applied into the main text', async () => {
    const since = new Date().toISOString()
    const facilitator = await inviteFacilitator(h)
    const created = await h.api('chair', 'POST', '/sessions', friendsOnArticle2(facilitator))
    expect(created.status).toBe(201)
    expect(created.body.session).toMatchObject({
      id: 'friends-of-the-president-on-article-2',
      status: 'scheduled',
      facilitators: [facilitator],
      facilitatorNames: ['Ambassador Facilitator'],
      articleIds: ['art-2'],
      open: false,
    })
    const board = await h.api('observer', 'GET', '/sessions')
    expect(board.body.sessions.map((s: { id: string }) => s.id)).toContain(
      'friends-of-the-president-on-article-2',
    )

    // Before it opens, nobody opens its room, not even its facilitator or the chair.
    for (const who of ['test-facilitator', 'chair', 'france']) {
      expect(await refusal(h, who, ROOM)).toMatchObject({ code: CloseCode.Forbidden, messages: 0 })
    }
    // Only the chair opens it.
    const byFrance = await h.api(
      'france',
      'POST',
      '/sessions/friends-of-the-president-on-article-2/open',
    )
    expect(byFrance).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } })
    const opened = await h.api(
      'chair',
      'POST',
      '/sessions/friends-of-the-president-on-article-2/open',
    )
    expect(opened.status).toBe(200)
    expect(opened.body.session.status).toBe('in-session')
    const again = await h.api(
      'chair',
      'POST',
      '/sessions/friends-of-the-president-on-article-2/open',
    )
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'session_not_scheduled' } } })

    const text = await h.connect('germany', 'ccm/text')
    const pen = await h.connect('test-facilitator', ROOM)
    const [fr, de] = [await h.connect('france', ROOM), await h.connect('germany', ROOM)]
    // The copy: the main text's title, an empty preamble and Article 2 alone, with its id.
    expect(articleIds(pen)).toEqual(['art-2'])
    expect(pen.pmDoc().firstChild?.textContent).toBe(text.pmDoc().firstChild?.textContent)
    expect(pen.pmDoc().child(1).type.name).toBe('preamble')
    expect(pen.pmDoc().child(1).textContent).toBe('')
    const mainArticle = findArticleNode(text.pmDoc(), 'art-2')
    expect(findArticleNode(pen.pmDoc(), 'art-2')?.content.eq(mainArticle!.content)).toBe(true)
    expect(findArticleNode(pen.pmDoc(), 'art-2')?.attrs.label).toBe('2')

    // The facilitator writes; France and Germany see it live.
    clauseText(pen.doc, 0, 1).insert(0, NEW_WORDING)
    for (const reader of [fr, de]) {
      await waitFor('the attendee sees the new wording', () =>
        reader.pmDoc().textContent.includes(NEW_WORDING),
      )
    }
    // An attendee may not write.
    const refused = fr.nextClose()
    clauseText(fr.doc, 0, 1).insert(0, 'France writes ')
    expect((await refused).code).toBe(CloseCode.ReadOnly)
    // The observer, another campaign group and a state not attending get nothing; nor does a
    // session that does not exist.
    for (const who of ['observer', 'hana', 'austria']) {
      for (const room of [ROOM, 'ccm/session/no-such-session']) {
        expect(await refusal(h, who, room)).toMatchObject({
          code: CloseCode.Forbidden,
          messages: 0,
        })
      }
    }
    expect(await refusal(h, 'chair', 'ccm/session/no-such-session')).toMatchObject({
      code: CloseCode.Forbidden,
      messages: 0,
    })

    // Not applied while in session; not applied by anyone but the chair.
    const early = await h.api(
      'chair',
      'POST',
      '/sessions/friends-of-the-president-on-article-2/articles/art-2/apply',
    )
    expect(early).toMatchObject({ status: 409, body: { error: { code: 'session_not_reported' } } })
    expect(
      (await h.api('france', 'POST', '/sessions/friends-of-the-president-on-article-2/report'))
        .status,
    ).toBe(403)

    // The facilitator reports back: its connection is cut, and it may only read from then on.
    const cut = pen.nextClose()
    const reported = await h.api(
      'test-facilitator',
      'POST',
      '/sessions/friends-of-the-president-on-article-2/report',
    )
    expect(reported.status).toBe(200)
    expect(reported.body.session.status).toBe('reported-back')
    expect((await cut).code).toBe(CloseCode.MembershipChanged)
    pen.destroy()
    const reader = await h.connect('test-facilitator', ROOM)
    expect(reader.pmDoc().textContent).toContain(NEW_WORDING)
    const readOnly = reader.nextClose()
    clauseText(reader.doc, 0, 1).insert(0, 'Too late ')
    expect((await readOnly).code).toBe(CloseCode.ReadOnly)

    // The chair reviews the change against the main text.
    const changes = await h.api(
      'chair',
      'GET',
      '/sessions/friends-of-the-president-on-article-2/changes',
    )
    expect(changes.status).toBe(200)
    expect(changes.body.changes).toHaveLength(1)
    const [change] = changes.body.changes
    expect(change).toMatchObject({
      articleId: 'art-2',
      changed: true,
      missing: false,
      outcome: null,
    })
    expect(change.label).toMatch(/^Article 2 — /)
    expect(change.diff.parts).toContainEqual({
      op: 'insert',
      text: expect.stringContaining('agreed'),
    })

    expect(
      (
        await h.api(
          'france',
          'POST',
          '/sessions/friends-of-the-president-on-article-2/articles/art-2/apply',
        )
      ).status,
    ).toBe(403)
    const applied = await h.api(
      'chair',
      'POST',
      '/sessions/friends-of-the-president-on-article-2/articles/art-2/apply',
    )
    expect(applied.status).toBe(200)
    expect(applied.body.change.outcome).toMatchObject({ articleId: 'art-2', outcome: 'applied' })
    expect(applied.body.session.outcomes).toHaveLength(1)
    // Another client of the main text sees the new wording, in Article 2 with its id.
    await waitFor('the main text has the session’s wording', () =>
      (findArticleNode(text.pmDoc(), 'art-2')?.textContent ?? '').includes(NEW_WORDING),
    )
    expect(articleIds(text)).toContain('art-2')
    const after = await h.api(
      'chair',
      'GET',
      '/sessions/friends-of-the-president-on-article-2/changes',
    )
    expect(after.body.changes[0]).toMatchObject({ changed: false, outcome: { outcome: 'applied' } })

    // History names the session; no edit of the session's text counts as an edit of the text.
    const history = await h.api('france', 'GET', '/articles/art-2/history')
    expect(history.status).toBe(200)
    const events = history.body.events as {
      type: string
      byName: string
      data: Record<string, unknown>
    }[]
    const event = events.find((e) => e.type === 'session-text-applied')
    expect(event?.data).toMatchObject({
      sessionId: 'friends-of-the-president-on-article-2',
      sessionName: 'Friends of the President on Article 2',
      kind: 'friends-of-the-chair',
      day: '2026-05-22',
      facilitatorNames: ['Ambassador Facilitator'],
      summary: 'applied the wording from the Friends of the President on Article 2, 22 May',
    })
    expect(events.filter((e) => e.byName === 'Ambassador Facilitator')).toEqual([])
    // The report to capital names the session under Article 2.
    const report = await h.api('france', 'GET', `/report?since=${encodeURIComponent(since)}`)
    expect(report.status).toBe(200)
    const section = (
      report.body.report.sections as { articleId: string | null; other: { text: string }[] }[]
    ).find((s) => s.articleId === 'art-2')
    expect(section?.other.map((o) => o.text)).toContain(
      'Applied the wording from the Friends of the President on Article 2, 22 May',
    )
    const log = await h.api('chair', 'GET', '/events')
    const types = (log.body.events as { type: string }[]).map((e) => e.type)
    for (const t of [
      'session-created',
      'session-opened',
      'session-reported',
      'session-text-applied',
    ]) {
      expect(types).toContain(t)
    }
  })

  it('lets every member follow an open session, and refuses what only the chair may do', async () => {
    const facilitator = await inviteFacilitator(h)
    const input = friendsOnArticle2(facilitator, {
      id: 'open-talks',
      open: true,
      attendeeActorIds: [],
    })
    for (const who of ['france', 'observer', 'test-facilitator']) {
      expect((await h.api(who, 'POST', '/sessions', input)).status).toBe(403)
    }
    expect((await h.api('chair', 'POST', '/sessions', input)).status).toBe(201)
    expect(await h.api('chair', 'POST', '/sessions', input)).toMatchObject({
      status: 409,
      body: { error: { code: 'session_taken' } },
    })
    expect((await h.api('chair', 'POST', '/sessions/open-talks/open')).status).toBe(200)
    const observer = await h.connect('observer', 'ccm/session/open-talks')
    expect(articleIds(observer)).toEqual(['art-2'])
    const refused = observer.nextClose()
    clauseText(observer.doc, 0, 1).insert(0, 'x')
    expect((await refused).code).toBe(CloseCode.ReadOnly)
    expect((await h.api('observer', 'GET', '/sessions/open-talks/changes')).status).toBe(200)
    expect(
      (await h.api('france', 'PATCH', '/sessions/open-talks', { place: 'Room I' })).status,
    ).toBe(403)
    const changed = await h.api('chair', 'PATCH', '/sessions/open-talks', { place: 'Room I' })
    expect(changed.body).toMatchObject({ session: { place: 'Room I' } })
    // Its articles are fixed once open.
    expect(
      await h.api('chair', 'PATCH', '/sessions/open-talks', { articleIds: ['art-3'] }),
    ).toMatchObject({
      status: 409,
      body: { error: { code: 'session_not_scheduled' } },
    })
    // The chair may report back too; then leave keeps the main text as it is.
    expect((await h.api('chair', 'POST', '/sessions/open-talks/report')).status).toBe(200)
    const left = await h.api('chair', 'POST', '/sessions/open-talks/articles/art-2/leave')
    expect(left.status).toBe(200)
    expect(left.body.change.outcome).toMatchObject({ outcome: 'left' })
    expect(
      (await h.api('chair', 'POST', '/sessions/open-talks/articles/art-9/apply')).body.error.code,
    ).toBe('article_not_in_session')
    const history = await h.api('chair', 'GET', '/articles/art-2/history')
    expect(
      (history.body.events as { type: string }[]).some((e) => e.type === 'session-text-left'),
    ).toBe(true)
  })

  it('checks what a session names, and answers one sentence for a session one may not read or that does not exist', async () => {
    const facilitator = await inviteFacilitator(h)
    const bad = async (body: Record<string, unknown>) =>
      (await h.api('chair', 'POST', '/sessions', friendsOnArticle2(facilitator, body))).body.error
    expect((await bad({ facilitators: ['no-such-account'] })).code).toBe('unknown_facilitator')
    expect((await bad({ articleIds: ['art-404'] })).code).toBe('unknown_article')
    expect((await bad({ issueIds: ['no-such-issue'] })).code).toBe('unknown_issue')
    expect((await bad({ kind: 'plenary' })).code).toBe('invalid_request')
    expect((await h.api('chair', 'GET', '/sessions/no-such-session')).body.error.code).toBe(
      'session_not_found',
    )

    expect((await h.api('chair', 'POST', '/sessions', friendsOnArticle2(facilitator))).status).toBe(
      201,
    )
    expect(
      (await h.api('chair', 'POST', '/sessions/friends-of-the-president-on-article-2/open')).status,
    ).toBe(200)
    const closed = await h.api(
      'austria',
      'GET',
      '/sessions/friends-of-the-president-on-article-2/changes',
    )
    const missing = await h.api('austria', 'GET', '/sessions/no-such-session/changes')
    expect(closed.status).toBe(403)
    expect(missing.status).toBe(403)
    expect(closed.body).toEqual(missing.body)
    // The board shows its metadata to everyone, the facilitator's name filled in.
    const board = await h.api('hana', 'GET', '/sessions')
    const mine = board.body.sessions.find(
      (s: { id: string }) => s.id === 'friends-of-the-president-on-article-2',
    )
    expect(mine).toMatchObject({
      status: 'in-session',
      facilitatorNames: ['Ambassador Facilitator'],
    })
  })
})
