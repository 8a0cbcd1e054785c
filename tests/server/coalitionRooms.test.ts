import { beforeAll, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/collab'
import { call } from '../support/api'
import { REGISTER_PROPOSALS } from '../../shared/domain/proposals/types'
import { annotationAnchorOn, download, noteIds, writeAnnotation } from '../support/annotations'
import { waitFor } from '../support/collabClient'
import { invitedAccount, rawAnswer } from '../support/groups'
import { anchorOn, blockText, wordingOf } from '../support/proposals'
import { useTestServer } from '../support/serverHarness'
import { startServer } from '../support/startServer'

const MEMBERS = ['france', 'germany', 'austria']
// Hana (a campaigner), the observer and the United Kingdom's delegate, in no coalition here.
const OUTSIDERS = ['hana', 'observer', 'uk']

// France, Germany and Austria form a coalition the chair creates; they keep notes together and
// draft a common proposal that nobody else sees until it is tabled in all three names.
describe("a coalition's rooms and its common proposal", () => {
  const t = useTestServer(['chair', ...MEMBERS, 'hana', 'observer'])
  let proposalId = ''

  beforeAll(async () => {
    await invitedAccount(t.server, 'uk', { role: 'delegate', actorId: 'GBR' })
    const created = await t.api('chair', 'POST', '/groups', {
      id: 'test-core',
      kind: 'coalition',
      name: 'Test core group',
      actorIds: ['FRA', 'DEU', 'AUT'],
    })
    expect(created.status).toBe(201)
  })

  it("lets the coalition's three delegations write its notes room and see each other", async () => {
    const text = await t.connect('france', 'ccm/text')
    const rooms = await Promise.all(MEMBERS.map((who) => t.connect(who, 'ccm/notes/test-core')))
    const ids = rooms.map((room, i) =>
      writeAnnotation(room.doc, {
        groupId: 'test-core',
        articleId: 'art-2',
        anchor: annotationAnchorOn(text.doc, 'art-2', 'each weighing less than 20 kilograms'),
        body: `Line of ${MEMBERS[i] ?? ''}`,
      }),
    )
    await waitFor('every note in every copy', () =>
      rooms.every((r) => ids.every((id) => noteIds(r.doc).includes(id))),
    )
    for (const who of MEMBERS) {
      const csv = await download(
        t.server.url,
        t.session(who),
        '/api/negotiations/ccm/notes/test-core/annotations.csv',
      )
      expect({ who, status: csv.status }).toEqual({ who, status: 200 })
      for (const member of MEMBERS) expect(csv.text).toContain(`Line of ${member}`)
    }
  })

  it('refuses everyone else its notes, the same as a coalition that does not exist', async () => {
    for (const who of [...OUTSIDERS, 'chair']) {
      for (const room of ['ccm/notes/test-core', 'ccm/notes/no-such-coalition']) {
        expect(await rawAnswer(t.server, who, room)).toEqual({
          who,
          room,
          code: CloseCode.Forbidden,
          messages: 0,
        })
      }
      for (const group of ['test-core', 'no-such-coalition']) {
        const got = await t.api(who, 'GET', `/notes/${group}/annotations.md`)
        expect({ who, group, status: got.status, error: got.body.error }).toEqual({
          who,
          group,
          status: 403,
          error: { code: 'forbidden', message: 'Only members of this group read its notes.' },
        })
      }
    }
  })

  it('drafts a common proposal together, hidden from others, and tables it in all three names', async () => {
    const text = await t.connect('austria', 'ccm/text')
    const anchor = anchorOn(text.doc, 'art-2', 'each weighing less than 20 kilograms')
    const created = await t.api('austria', 'POST', '/proposals', {
      params: { kind: 'definition' },
      title: 'A common definition',
      articleId: 'art-2',
      anchor,
      coalitionId: 'test-core',
    })
    expect(created.status).toBe(201)
    const proposal = created.body.proposal
    proposalId = proposal.id
    // The caller's own state first, then the coalition's list.
    expect(proposal).toMatchObject({
      status: 'draft',
      sponsors: ['AUT', 'FRA', 'DEU'],
      coalitionId: 'test-core',
    })

    const room = `ccm/draft/${proposalId}`
    const drafts = await Promise.all(MEMBERS.map((who) => t.connect(who, room)))
    const [fr, de, at] = drafts
    if (!fr || !de || !at) throw new Error('three drafts')
    blockText(fr.doc, 0).insert(0, 'FR ')
    blockText(de.doc, 0).insert(blockText(de.doc, 0).length, ' DE')
    await waitFor('both edits everywhere', () =>
      drafts.every((c) => /^FR .* DE$/.test(wordingOf(c.doc).textContent)),
    )
    blockText(at.doc, 0).insert(0, 'AT ')
    await waitFor('all three edits everywhere', () =>
      drafts.every((c) => wordingOf(c.doc).textContent.startsWith('AT FR ')),
    )

    for (const who of [...OUTSIDERS, 'chair']) {
      for (const r of [room, 'ccm/draft/p-000000000000']) {
        expect(await rawAnswer(t.server, who, r)).toEqual({
          who,
          room: r,
          code: CloseCode.Forbidden,
          messages: 0,
        })
      }
    }
    for (const who of OUTSIDERS) {
      // As today for others' drafts: the same 404 as a proposal that does not exist.
      const one = await t.api(who, 'GET', `/proposals/${proposalId}`)
      const none = await t.api(who, 'GET', '/proposals/p-000000000000')
      for (const answer of [one, none]) {
        expect([who, answer.status, answer.body.error.code]).toEqual([
          who,
          404,
          'proposal_not_found',
        ])
      }
      const listed = await t.api(who, 'GET', '/proposals')
      expect(listed.body.proposals.map((p: { id: string }) => p.id)).not.toContain(proposalId)
      // Nobody outside drafts in the coalition's name.
      const usurped = await t.api(who, 'POST', '/proposals', {
        params: { kind: 'definition' },
        title: 'Not theirs',
        articleId: 'art-2',
        coalitionId: 'test-core',
      })
      expect({ who, status: usurped.status }).toEqual({ who, status: 403 })
    }
    const history = await t.api('observer', 'GET', `/events?proposal=${proposalId}`)
    expect(history.body.events).toEqual([])

    const register = await t.connect('observer', 'ccm/register')
    await waitFor('the wording stored', () => wordingOf(de.doc).textContent.startsWith('AT FR '))
    const tabled = await t.api('germany', 'POST', `/proposals/${proposalId}/table`)
    expect(tabled.status).toBe(200)
    expect(tabled.body.proposal).toMatchObject({
      status: 'tabled',
      sponsors: ['AUT', 'FRA', 'DEU'],
      coalitionId: 'test-core',
    })
    expect(tabled.body.proposal.wordingText).toMatch(/^AT FR .* DE$/)
    const shown = () =>
      register.doc.getMap(REGISTER_PROPOSALS).get(proposalId) as
        { sponsors: string[]; coalitionId?: string } | undefined
    await waitFor('the register shows it', () => shown() !== undefined)
    expect(shown()).toMatchObject({ sponsors: ['AUT', 'FRA', 'DEU'], coalitionId: 'test-core' })
    for (const who of OUTSIDERS) {
      const seen = await t.api(who, 'GET', `/proposals/${proposalId}`)
      expect({ who, status: seen.status, coalitionId: seen.body.proposal?.coalitionId }).toEqual({
        who,
        status: 200,
        coalitionId: 'test-core',
      })
    }
    // The compendium names the coalition before its members.
    for (const ext of ['html', 'akn.xml']) {
      const file = await download(
        t.server.url,
        t.session('observer'),
        `/api/negotiations/ccm/export/compendium.${ext}`,
      )
      expect(file.status).toBe(200)
      expect(file.text).toMatch(/Sponsors:(<\/strong>)? Test core group: .*Austria/)
    }
    // The admin's backup keeps the coalition of the proposal through a restore elsewhere.
    const exported = await t.api('admin', 'GET', '/export/negotiation.json')
    expect(exported.status).toBe(200)
    const fresh = await startServer({ demo: false })
    try {
      const admin = await fresh.loginAs('admin')
      const restore = (path: string, body?: unknown) =>
        call(fresh.url, admin, body === undefined ? 'GET' : 'POST', path, body)
      const restored = await restore('/api/negotiations/import-json', exported.body)
      expect(restored.status).toBe(201)
      const copy = await restore(`/api/negotiations/ccm/proposals/${proposalId}`)
      expect(copy.body.proposal).toMatchObject({
        sponsors: ['AUT', 'FRA', 'DEU'],
        coalitionId: 'test-core',
      })
    } finally {
      await fresh.dispose()
    }
  })

  it("refuses a coalition's proposal that names sponsors, or a coalition that does not exist", async () => {
    const named = await t.api('france', 'POST', '/proposals', {
      params: { kind: 'definition' },
      title: 'Named sponsors',
      articleId: 'art-2',
      coalitionId: 'test-core',
      sponsors: ['FRA'],
    })
    expect([named.status, named.body.error.code]).toEqual([400, 'invalid_request'])
    // A delegate is in no coalition that does not exist: the refusal of one they are not in.
    const missing = await t.api('france', 'POST', '/proposals', {
      params: { kind: 'definition' },
      title: 'No such coalition',
      articleId: 'art-2',
      coalitionId: 'no-such-coalition',
    })
    const notMine = await t.api('uk', 'POST', '/proposals', {
      params: { kind: 'definition' },
      title: 'Not my coalition',
      articleId: 'art-2',
      coalitionId: 'test-core',
    })
    expect(missing.status).toBe(403)
    expect(missing.body).toEqual(notMine.body)
    // The chair may draft in its name: the sponsors in the coalition's own order.
    const byChair = await t.api('chair', 'POST', '/proposals', {
      params: { kind: 'definition' },
      title: 'For the coalition',
      articleId: 'art-2',
      coalitionId: 'test-core',
    })
    expect(byChair.status).toBe(201)
    expect(byChair.body.proposal).toMatchObject({
      sponsors: ['FRA', 'DEU', 'AUT'],
      coalitionId: 'test-core',
    })
    const none = await t.api('chair', 'POST', '/proposals', {
      params: { kind: 'definition' },
      title: 'For nobody',
      articleId: 'art-2',
      coalitionId: 'no-such-coalition',
    })
    expect([none.status, none.body.error.code]).toEqual([400, 'unknown_group'])
  })
})
