import { describe, expect, it } from 'vitest'
import { REGISTER_PROPOSALS } from '../../shared/domain/proposals/types'
import type { ApiAnswer } from '../support/api'
import { waitFor, type CollabClient } from '../support/collabClient'
import { anchorOn, articleText, blockText } from '../support/proposals'
import { useTestServer } from '../support/serverHarness'

const QUOTE = 'not later than eight years'

// The chair decides on tabled proposals; incorporating one rewrites the live text for everyone.
describe('decisions on proposals', () => {
  // A fresh server per test: incorporating changes the text the next test anchors in.
  const harness = useTestServer(
    ['chair', 'germany', 'france', 'austria', 'observer', 'ana'],
    'each',
  )
  const { api, connect } = harness

  // Germany drafts "not later than four years" in Art. 3 and tables it.
  const tabledProposal = async (words = QUOTE, wording = 'not later than four years') => {
    const text = await connect('germany', 'ccm/text')
    const created = await api('germany', 'POST', '/proposals', {
      params: { kind: 'deadline-change', fromYears: 8, toYears: 4 },
      title: 'Destroy stockpiles in four years',
      articleId: 'art-3',
      anchor: anchorOn(text.doc, 'art-3', words),
    })
    expect(created.status).toBe(201)
    const id: string = created.body.proposal.id
    const draft = await connect('germany', `ccm/draft/${id}`)
    const line = blockText(draft.doc, 0)
    line.delete(0, line.length)
    line.insert(0, wording)
    const watcher = await connect('germany', `ccm/draft/${id}`)
    await waitFor('the wording stored', () => blockText(watcher.doc, 0).toString() === wording)
    expect((await api('germany', 'POST', `/proposals/${id}/table`)).status).toBe(200)
    return id
  }

  it('incorporates: the text changes at every client, with who and when, positions kept', async () => {
    const id = await tabledProposal()
    const position = await api('austria', 'POST', `/proposals/${id}/positions`, {
      actorId: 'AUT',
      stance: 'supports',
      source: 'Vienna plenary',
      quote: 'Austria will destroy its stockpile in three years.',
    })
    expect(position.status).toBe(201)
    const watchers = [
      await connect('chair', 'ccm/text'),
      await connect('observer', 'ccm/text'),
      await connect('france', 'ccm/text'),
    ]
    const register = await connect('ana', 'ccm/register')
    const before = Date.now()
    const done = await api('chair', 'POST', `/proposals/${id}/decision`, {
      decision: 'incorporate',
      note: 'Agreed in plenary',
    })
    expect(done.status).toBe(200)
    expect(done.body.proposal.status).toBe('incorporated')
    const last = done.body.proposal.history.at(-1)
    expect(last).toMatchObject({
      from: 'tabled',
      to: 'incorporated',
      byName: 'Chair (Norway)',
      note: 'Agreed in plenary',
      actorId: null,
    })
    expect(Date.parse(last.at)).toBeGreaterThanOrEqual(before - 1000)
    for (const w of watchers) {
      await waitFor('the new words at every client', () =>
        articleText(w.pmDoc(), 'art-3').includes('not later than four years'),
      )
      expect(articleText(w.pmDoc(), 'art-3')).not.toContain(QUOTE)
    }
    await waitFor(
      'the register',
      () =>
        (register.doc.getMap(REGISTER_PROPOSALS).get(id) as { status: string } | undefined)
          ?.status === 'incorporated',
    )
    const positions = await api('observer', 'GET', `/proposals/${id}/positions`)
    expect(positions.body.positions).toMatchObject([{ actorId: 'AUT', stance: 'supports' }])
    // A final decision: nothing moves it any more.
    const again = await api('chair', 'POST', `/proposals/${id}/decision`, { decision: 'reject' })
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'illegal_transition' } } })
    expect(again.body.error.message).toMatch(/final/)
  })

  it('refuses to incorporate an orphaned anchor, and shows it as orphaned', async () => {
    const words = 'separate all cluster munitions under its jurisdiction and control'
    const id = await tabledProposal(words, 'separate all cluster munitions')
    const chair = await connect('chair', 'ccm/text')
    // Art. 3 is the third article; its clause 1 (0 is the title) holds the words.
    const clause = blockTextOfArticle(chair, 2, 1)
    const at = clause.toString().indexOf(words)
    clause.delete(at, words.length)
    const observer = await connect('observer', 'ccm/text')
    await waitFor(
      'the deletion stored',
      () => !articleText(observer.pmDoc(), 'art-3').includes(words),
    )
    const shown = await api('observer', 'GET', `/proposals/${id}`)
    expect(shown.body.proposal).toMatchObject({ anchorState: 'orphaned', anchorText: null })
    expect(shown.body.proposal.anchor.quote).toBe(words)
    const refused = await api('chair', 'POST', `/proposals/${id}/decision`, {
      decision: 'incorporate',
    })
    expect(refused).toMatchObject({ status: 409, body: { error: { code: 'anchor_orphaned' } } })
    expect(refused.body.error.message).toContain(words)
    expect((await api('chair', 'GET', `/proposals/${id}`)).body.proposal.status).toBe('tabled')
    // Still on the list, not dropped; the chair may still reject it.
    const list = await api('austria', 'GET', '/proposals')
    expect(list.body.proposals.find((p: { id: string }) => p.id === id)).toMatchObject({
      anchorState: 'orphaned',
    })
    expect(
      (await api('chair', 'POST', `/proposals/${id}/decision`, { decision: 'reject' })).status,
    ).toBe(200)
  })

  it('answers illegal transitions with 409 and a reason, unauthorised ones with 403', async () => {
    const id = await tabledProposal()
    const path = (c: string) => `/proposals/${id}/${c}`
    const expectRefusal = async (r: ApiAnswer, status: number, pattern: RegExp) => {
      expect(r.status).toBe(status)
      expect(r.body.error.message).toMatch(pattern)
    }
    await expectRefusal(await api('germany', 'POST', path('table')), 409, /already tabled/)
    await expectRefusal(await api('chair', 'POST', path('reopen')), 409, /already tabled/)
    await expectRefusal(
      await api('germany', 'POST', path('decision'), { decision: 'reject' }),
      403,
      /chair/,
    )
    await expectRefusal(await api('chair', 'POST', path('withdraw')), 403, /sponsoring/)
    await expectRefusal(await api('france', 'POST', path('withdraw')), 403, /sponsoring/)
    // Deferral goes to a later known round; the demo's last round has come, so none is later.
    await expectRefusal(
      await api('chair', 'POST', path('decision'), { decision: 'defer', roundId: 'lima-2007' }),
      409,
      /later round/,
    )
    expect(
      (await api('chair', 'POST', path('decision'), { decision: 'bracket' })).body.proposal.status,
    ).toBe('bracketed')
    expect(
      (await api('chair', 'POST', path('decision'), { decision: 'consult' })).body.proposal.status,
    ).toBe('under-consultation')
    await expectRefusal(
      await api('chair', 'POST', path('decision'), { decision: 'consult' }),
      409,
      /already under consultation/,
    )
    const withdrawn = await api('germany', 'POST', path('withdraw'))
    expect(withdrawn.body.proposal).toMatchObject({ status: 'withdrawn' })
    expect(withdrawn.body.proposal.history.at(-1)).toMatchObject({ actorId: 'DEU' })
    await expectRefusal(await api('germany', 'POST', path('withdraw')), 409, /already withdrawn/)
    expect((await api('chair', 'POST', path('decision'), { decision: 'maybe' })).status).toBe(400)
  })

  it('refuses observers and campaigners every command with 403', async () => {
    const id = await tabledProposal()
    const commands: [string, string, unknown?][] = [
      ['POST', '/proposals', { params: { kind: 'definition' }, title: 'x', articleId: 'art-2' }],
      ['PATCH', `/proposals/${id}`, { title: 'x' }],
      ['PATCH', '/proposals/p-000000000000', { title: 'x' }],
      ['POST', `/proposals/${id}/table`],
      ['POST', `/proposals/${id}/withdraw`],
      ['POST', `/proposals/${id}/reopen`],
      ['POST', '/proposals/p-000000000000/withdraw'],
      ...['bracket', 'consult', 'incorporate', 'reject'].map(
        (decision): [string, string, unknown] => [
          'POST',
          `/proposals/${id}/decision`,
          { decision },
        ],
      ),
      ['POST', `/proposals/${id}/decision`, { decision: 'defer', roundId: 'dublin-2008' }],
      ['POST', `/proposals/${id}/positions`, { actorId: 'AUT', stance: 'supports', source: 'x' }],
    ]
    for (const who of ['observer', 'ana']) {
      for (const [method, p, body] of commands) {
        const r = await api(who, method, p, body)
        expect([who, method, p, r.status, r.body.error.code]).toEqual([
          who,
          method,
          p,
          403,
          'forbidden',
        ])
      }
    }
    expect((await api('chair', 'GET', `/proposals/${id}`)).body.proposal.status).toBe('tabled')
  })

  it('records positions: the chair for anyone, a delegation for itself only', async () => {
    const id = await tabledProposal()
    const record = (who: string, actorId: string, stance: string) =>
      api(who, 'POST', `/proposals/${id}/positions`, { actorId, stance, source: 'Vienna, 6 Dec' })
    const germanyForFrance = await record('france', 'DEU', 'opposes')
    expect(germanyForFrance.status).toBe(403)
    expect(germanyForFrance.body.error.message).toMatch(/FRA.*DEU/)
    expect((await record('france', 'FRA', 'concerns')).status).toBe(201)
    expect((await record('chair', 'LAO', 'opposes')).body.position).toMatchObject({
      actorId: 'LAO',
      roundId: 'dublin-2008',
      recordedBy: 'Chair (Norway)',
    })
    expect((await record('france', 'FRA', 'supports')).status).toBe(201)
    expect((await record('chair', 'ZZZ', 'supports')).status).toBe(400)
    const all = await api('observer', 'GET', `/proposals/${id}/positions`)
    expect(
      all.body.positions.map(
        (p: { actorId: string; stance: string }) => `${p.actorId} ${p.stance}`,
      ),
    ).toEqual(['FRA concerns', 'LAO opposes', 'FRA supports'])
  })
})

// The XmlText of clause `clause` of article `article` (0-based, 0 = its title) of a text client.
function blockTextOfArticle(client: CollabClient, article: number, clause: number) {
  const node = client.doc.getXmlFragment('prosemirror').get(2 + article)
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const text = (node as any).get(clause).get(0)
  return text as import('yjs').XmlText
}
