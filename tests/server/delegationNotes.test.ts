import { beforeAll, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/collab'
import type { SearchResults } from '../../shared/domain/search/results'
import { annotationAnchorOn, download, noteIds, writeAnnotation } from '../support/annotations'
import { waitFor } from '../support/collabClient'
import { invitedAccount, rawAnswer } from '../support/groups'
import { useTestServer } from '../support/serverHarness'

const ROOM = 'ccm/notes/delegation-fra'
// Everyone but France's two accounts, the chair and an administrator included.
const OUTSIDERS = ['germany', 'chair', 'observer', 'hana', 'ana', 'admin']

// France's delegation keeps private notes: its two accounts share them live, nobody else sees
// a byte of them, over websockets, exports or search, until France publishes one.
describe("a delegation's private notes", () => {
  const t = useTestServer(['france', 'germany', 'chair', 'observer', 'hana', 'ana'])

  beforeAll(async () => {
    await invitedAccount(t.server, 'fra-second', { role: 'delegate', actorId: 'FRA' })
  })

  const searchHits = async (who: string, q: string) => {
    const answer = await t.api(who, 'GET', `/search?${new URLSearchParams({ q })}`)
    expect(answer.status).toBe(200)
    return (answer.body as SearchResults).groups.flatMap((g) => g.hits)
  }

  it("opens to France's two accounts, who write it together", async () => {
    const text = await t.connect('france', 'ccm/text')
    const [one, two] = [await t.connect('france', ROOM), await t.connect('fra-second', ROOM)]
    const anchor = annotationAnchorOn(text.doc, 'art-5', 'collect reliable relevant data')
    const first = writeAnnotation(one.doc, {
      id: 'n-fra-quokka',
      groupId: 'delegation-fra',
      articleId: 'art-5',
      anchor,
      body: 'Ask the capital about quokkaish costs',
    })
    const second = writeAnnotation(two.doc, {
      groupId: 'delegation-fra',
      articleId: 'art-5',
      anchor,
      body: 'Second account agrees',
    })
    await waitFor('both notes in both copies', () =>
      [one, two].every((c) => [first, second].every((id) => noteIds(c.doc).includes(id))),
    )
    const md = await download(
      t.server.url,
      { token: await t.server.tokenFor('fra-second') },
      '/api/negotiations/ccm/notes/delegation-fra/annotations.md',
    )
    expect(md.status).toBe(200)
    expect(md.text).toContain('# Annotations of Delegation of France')
    expect(md.text).toContain('quokkaish')
    // And in the Word file of the text, as comments on their words.
    const docx = await download(
      t.server.url,
      { token: await t.server.tokenFor('france') },
      '/api/negotiations/ccm/export/text.docx?notes=delegation-fra',
    )
    expect(docx.status).toBe(200)
  })

  it('refuses everyone else, as for a delegation that does not exist', async () => {
    for (const who of OUTSIDERS) {
      for (const room of [ROOM, 'ccm/notes/delegation-xyz']) {
        expect(await rawAnswer(t.server, who, room)).toEqual({
          who,
          room,
          code: CloseCode.Forbidden,
          messages: 0,
        })
      }
      const md = await t.api(who, 'GET', '/notes/delegation-fra/annotations.md')
      expect({ who, status: md.status }).toEqual({ who, status: 403 })
      const docx = await t.api(who, 'GET', '/export/text.docx?notes=delegation-fra')
      expect({ who, status: docx.status }).toEqual({ who, status: 403 })
      const publish = await t.api(
        who,
        'POST',
        '/notes/delegation-fra/annotations/n-fra-quokka/publish',
      )
      expect({ who, status: publish.status }).toEqual({ who, status: 403 })
    }
  })

  it('stays out of everyone else’s search until France publishes it', async () => {
    // France's own accounts find it in their delegation's notes.
    for (const who of ['france', 'fra-second']) {
      const own = await searchHits(who, 'quokkaish')
      expect({ who, kinds: own.map((h) => h.kind) }).toEqual({ who, kinds: ['notes'] })
    }
    for (const who of OUTSIDERS.filter((w) => w !== 'admin')) {
      expect({ who, hits: await searchHits(who, 'quokkaish') }).toEqual({ who, hits: [] })
    }
    const published = await t.api(
      'france',
      'POST',
      '/notes/delegation-fra/annotations/n-fra-quokka/publish',
    )
    expect(published.status).toBe(200)
    expect(published.body.annotation).toMatchObject({ groupId: 'delegation-fra', replies: [] })
    // Published, it is everyone's: Germany finds it in the public notes.
    let found = false
    for (let i = 0; i < 50 && !found; i += 1) {
      found = (await searchHits('germany', 'quokkaish')).some((h) => h.kind === 'notes')
      if (!found) await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(found).toBe(true)
  })
})
