import { describe, expect, it } from 'vitest'
import type { SearchHit, SearchResults } from '../../shared/domain/search/results'
import { call } from '../support/api'
import { annotationAnchorOn, writeAnnotation } from '../support/annotations'
import { clauseText } from '../support/collabClient'
import { useTestServer } from '../support/serverHarness'

const EVERYONE = ['chair', 'france', 'germany', 'austria', 'ana', 'ben', 'hana', 'observer']

// The demo negotiation, searched by each of its accounts over the REST API.
describe('searching a negotiation, with only what each person may read', () => {
  const harness = useTestServer(EVERYONE)
  const { api, connect } = harness
  const search = async (who: string, query: Record<string, string>): Promise<SearchResults> => {
    const answer = await api(who, 'GET', `/search?${new URLSearchParams(query)}`)
    expect(answer.status).toBe(200)
    return answer.body as SearchResults
  }
  const hits = (r: SearchResults, kind?: string): SearchHit[] =>
    r.groups.flatMap((g) => g.hits).filter((h) => kind === undefined || h.kind === kind)
  const marked = (h: SearchHit) => h.snippet.marks.map(([a, b]) => h.snippet.text.slice(a, b))
  // Polls a search until `found` holds: the index catches up with rooms when searched.
  const eventually = async (
    who: string,
    query: Record<string, string>,
    found: (r: SearchResults) => boolean,
  ) => {
    for (let i = 0; i < 200; i++) {
      const r = await search(who, query)
      if (found(r)) return r
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    throw new Error(`${who} never found ${JSON.stringify(query)}`)
  }

  it("finds the text's words with the match marked, grouped by article in the text's order", async () => {
    const r = await search('chair', { q: 'submunitions', kinds: 'text' })
    const art2 = r.groups.find((g) => g.articleId === 'art-2')
    expect(art2).toMatchObject({ number: 2, title: 'Definitions' })
    const hit = art2?.hits[0] as SearchHit
    expect(hit).toMatchObject({ kind: 'text', jump: { articleId: 'art-2', quote: 'submunitions' } })
    expect(typeof hit.jump.clause).toBe('number')
    expect(marked(hit).map((w) => w.toLowerCase())).toContain('submunitions')
    const numbers = r.groups.map((g) => g.number ?? Infinity)
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b))
    // The last word is a prefix: results come while the word is being typed.
    expect(hits(await search('chair', { q: 'submunit', kinds: 'text' })).length).toBeGreaterThan(0)
  })

  it("finds a tabled proposal for every delegate, and a draft only for its sponsors' delegates", async () => {
    const tabled = await search('france', { q: 'Phased elimination', kinds: 'proposals' })
    expect(hits(tabled).map((h) => h.id)).toContain('p-deu-phase-out')
    const open = await search('france', { q: 'engage', kinds: 'proposals' })
    const sensor = hits(open).find((h) => h.id === 'p-fin-sensor-fuzed') as SearchHit
    expect(marked(sensor).map((w) => w.toLowerCase())).toContain('engage')
    const created = await api('germany', 'POST', '/proposals', {
      params: { kind: 'replacement' },
      title: 'Quillwort reservation on transfers',
      articleId: 'art-2',
      rationale: 'Keeps the quillwort clause private until tabled.',
    })
    expect(created.status).toBe(201)
    const draftId = created.body.proposal.id as string
    const found = await search('germany', { q: 'quillwort' })
    expect(hits(found, 'proposals').map((h) => h.id)).toEqual([draftId])
    // Its events ("drafted …") are as private as the draft.
    expect(hits(found, 'events').length).toBeGreaterThan(0)
    for (const who of ['france', 'austria', 'chair', 'observer', 'ana', 'hana']) {
      expect(hits(await search(who, { q: 'quillwort' })), who).toEqual([])
    }
    // Tabled, it is everyone's.
    expect((await api('germany', 'POST', `/proposals/${draftId}/table`)).status).toBe(200)
    const later = await search('france', { q: 'quillwort', kinds: 'proposals' })
    expect(hits(later).map((h) => h.id)).toEqual([draftId])
  })

  it("keeps a group's notes to its campaigners until published, then finds them for all", async () => {
    const text = await connect('ana', 'ccm/text')
    const notes = await connect('ana', 'ccm/notes/cmc')
    const id = writeAnnotation(notes.doc, {
      groupId: 'cmc',
      articleId: 'art-2',
      anchor: annotationAnchorOn(
        text.doc,
        'art-2',
        'designed to disperse or release explosive submunitions',
      ),
      body: 'Call the bandicoot desk about the M85',
      authorName: 'Ana (CMC)',
    })
    const inNotes = (r: SearchResults) => hits(r, 'notes').some((h) => h.id === id)
    await eventually('ana', { q: 'bandicoot' }, inNotes)
    expect(inNotes(await search('ben', { q: 'bandicoot' }))).toBe(true)
    for (const who of ['hana', 'france', 'germany', 'chair', 'observer']) {
      expect(hits(await search(who, { q: 'bandicoot' })), who).toEqual([])
    }
    expect((await api('ana', 'POST', `/notes/cmc/annotations/${id}/publish`)).status).toBe(200)
    for (const who of ['hana', 'france', 'chair', 'observer']) {
      await eventually(who, { q: 'bandicoot', kinds: 'notes' }, (r) => hits(r).length === 1)
    }
  })

  it('finds an edit to the text once the index catches up, and not in a closed round', async () => {
    const chair = await connect('chair', 'ccm/text')
    clauseText(chair.doc, 1, 1).insert(0, 'Wombatically ')
    const r = await eventually(
      'france',
      { q: 'wombatically', kinds: 'text' },
      (x) => hits(x).length > 0,
    )
    expect(hits(r)[0]?.jump).toMatchObject({ articleId: 'art-2', clause: 0, quote: 'Wombatically' })
    // Vienna's frozen text has the treaty's words but not today's edit.
    const vienna = await search('france', {
      q: 'submunitions',
      kinds: 'text',
      round: 'vienna-2007',
    })
    expect(vienna.round).toBe('vienna-2007')
    expect(hits(vienna).length).toBeGreaterThan(0)
    const old = await search('france', { q: 'wombatically', kinds: 'text', round: 'vienna-2007' })
    expect(hits(old)).toEqual([])
    // A round with no frozen text has nothing to search.
    const open = await api('france', 'GET', '/search?q=submunitions&round=dublin-2008')
    expect(open.status).toBe(404)
  })

  it('treats FTS syntax in a query as words, and refuses queries past the limit', async () => {
    for (const q of [
      '"',
      '"cluster',
      'NEAR(cluster munitions, 2)',
      '*',
      'a*b*',
      'title:x',
      '^cluster',
      "o'clock",
      'AND OR NOT',
      '(((',
      '-x +y',
    ]) {
      const answer = await api('germany', 'GET', `/search?${new URLSearchParams({ q })}`)
      expect(answer.status, q).toBe(200)
    }
    const phrase = await search('germany', { q: '"cluster munitions"', kinds: 'text' })
    expect(hits(phrase).length).toBeGreaterThan(0)
    const long = await api('germany', 'GET', `/search?q=${'a'.repeat(10_000)}`)
    expect(long.status).toBe(400)
    expect((await api('germany', 'GET', '/search?q=x&kinds=secrets')).status).toBe(400)
    expect(
      (await call(harness.server.url, null, 'GET', '/api/negotiations/ccm/search?q=cluster'))
        .status,
    ).toBe(401)
  })
})
