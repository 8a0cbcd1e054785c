import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { CloseCode, TEXT_FRAGMENT } from '../../shared/collab'
import { clauseText, waitFor } from '../support/collabClient'
import { useTestServer } from '../support/serverHarness'
import { friendsOnArticle2, inviteFacilitator, refusal } from '../support/sessions'

const ROOM = 'ccm/session/fop'
const nodeNames = (doc: Y.Doc) =>
  doc
    .getXmlFragment(TEXT_FRAGMENT)
    .toArray()
    .map((c) => (c instanceof Y.XmlElement ? c.nodeName : 'text'))

describe("a session's room", () => {
  const h = useTestServer(['chair', 'germany', 'observer'], 'each')

  const openFop = async (extra: Record<string, unknown> = {}) => {
    const facilitator = await inviteFacilitator(h)
    const body = friendsOnArticle2(facilitator, { id: 'fop', attendeeActorIds: ['FRA'], ...extra })
    expect((await h.api('chair', 'POST', '/sessions', body)).status).toBe(201)
    expect((await h.api('chair', 'POST', '/sessions/fop/open')).status).toBe(200)
  }

  it('gets back the structure a facilitator’s edit left out, as the main text does', async () => {
    await openFop()
    const pen = await h.connect('test-facilitator', ROOM)
    expect(nodeNames(pen.doc)).toEqual(['title', 'preamble', 'article'])
    pen.doc.getXmlFragment(TEXT_FRAGMENT).delete(1, 1)
    await waitFor('the server puts the preamble back', () =>
      nodeNames(pen.doc).includes('preamble'),
    )
    expect(nodeNames(pen.doc)).toEqual(['title', 'preamble', 'article'])
  })

  it('never counts an edit of the session’s text as an edit of the main text', async () => {
    await openFop()
    const text = await h.connect('chair', 'ccm/text')
    const pen = await h.connect('test-facilitator', ROOM)
    clauseText(pen.doc, 0, 1).insert(0, 'Facilitator’s words ')
    clauseText(text.doc, 0, 1).insert(0, 'Chair’s words ')
    // A server command on the main text writes out the edits pending on it.
    expect((await h.api('chair', 'POST', '/sessions/fop/report')).status).toBe(200)
    expect((await h.api('chair', 'POST', '/sessions/fop/articles/art-2/apply')).status).toBe(200)
    const log = await h.api('chair', 'GET', '/events?type=text-edited')
    const edits = (log.body.events as { type: string; byName: string }[]).filter(
      (e) => e.type === 'text-edited',
    )
    expect(edits.map((e) => e.byName)).toContain('Chair (Norway)')
    expect(edits.map((e) => e.byName)).not.toContain('Ambassador Facilitator')
  })

  it('has nothing to apply an article to once the main text lost it', async () => {
    await openFop()
    expect((await h.api('chair', 'POST', '/sessions/fop/report')).status).toBe(200)
    const text = await h.connect('chair', 'ccm/text')
    const fragment = text.doc.getXmlFragment(TEXT_FRAGMENT)
    const index = fragment
      .toArray()
      .findIndex((c) => c instanceof Y.XmlElement && c.getAttribute('id') === 'art-2')
    expect(index).toBeGreaterThan(0)
    const other = await h.connect('germany', 'ccm/text')
    fragment.delete(index, 1)
    // Another client sees it only once the server has stored it.
    await waitFor('the article is gone from the main text', () =>
      other.doc
        .getXmlFragment(TEXT_FRAGMENT)
        .toArray()
        .every((c) => !(c instanceof Y.XmlElement) || c.getAttribute('id') !== 'art-2'),
    )
    const changes = await h.api('chair', 'GET', '/sessions/fop/changes')
    expect(changes.body.changes[0]).toMatchObject({ articleId: 'art-2', missing: true, diff: null })
    const applied = await h.api('chair', 'POST', '/sessions/fop/articles/art-2/apply')
    expect(applied).toMatchObject({ status: 409, body: { error: { code: 'article_missing' } } })
  })

  it('lets in those a change admits while it is in session, and cuts those it drops', async () => {
    await openFop()
    expect(await refusal(h, 'germany', ROOM)).toMatchObject({ code: CloseCode.Forbidden })
    expect(await refusal(h, 'observer', ROOM)).toMatchObject({ code: CloseCode.Forbidden })
    const added = await h.api('chair', 'PATCH', '/sessions/fop', {
      attendeeActorIds: ['FRA', 'DEU'],
    })
    expect(added.body.session.attendeeActorIds).toEqual(['FRA', 'DEU'])
    // The rest of the session is as it was: a change writes only what it names.
    expect(added.body.session).toMatchObject({
      open: false,
      articleIds: ['art-2'],
      place: 'Room XII',
    })
    const germany = await h.connect('germany', ROOM)
    expect(nodeNames(germany.doc)).toEqual(['title', 'preamble', 'article'])
    const cut = germany.nextClose()
    await h.api('chair', 'PATCH', '/sessions/fop', { attendeeActorIds: ['FRA'] })
    expect((await cut).code).toBe(CloseCode.MembershipChanged)
    expect(await refusal(h, 'germany', ROOM)).toMatchObject({
      code: CloseCode.Forbidden,
      messages: 0,
    })
    await h.api('chair', 'PATCH', '/sessions/fop', { open: true })
    const observer = await h.connect('observer', ROOM)
    expect(nodeNames(observer.doc)).toEqual(['title', 'preamble', 'article'])
  })
})
