import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { clauseText, waitFor, type CollabClient } from '../support/collabClient'
import { anchorOn, anchoredWords } from '../support/proposals'
import { random } from '../support/random'
import { useTestServer } from '../support/serverHarness'

const QUOTE = 'designed to disperse or release explosive submunitions'
// Art. 2 is article 1 (0-based); its clause 3 is paragraph 2, holding the quote; 2 and 4 are
// its neighbours.
const ARTICLE = 1
const CLAUSE = 3

describe('anchors under concurrent edits', () => {
  const harness = useTestServer(['chair', 'germany', 'observer'], 'each')
  const { api, connect } = harness

  const openProposal = async () => {
    const text = await connect('germany', 'ccm/text')
    const created = await api('germany', 'POST', '/proposals', {
      params: { kind: 'definition' },
      title: 'A narrower definition',
      articleId: 'art-2',
      anchor: anchorOn(text.doc, 'art-2', QUOTE),
    })
    const id: string = created.body.proposal.id
    expect((await api('germany', 'POST', `/proposals/${id}/table`)).status).toBe(200)
    return (await api('observer', 'GET', `/proposals/${id}`)).body.proposal
  }

  it('keeps the anchor on its words while two chair clients type around it', async () => {
    const proposal = await openProposal()
    const [before, after] = [await connect('chair', 'ccm/text'), await connect('chair', 'ccm/text')]
    const next = random(20071205)
    const word = () => `${'xyzq'[Math.floor(next() * 4)]}${Math.floor(next() * 1000)} `
    const pick = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1))

    // `before` edits only up to the words' start, `after` only from their end, and either may
    // edit the neighbouring clauses; both type at once, without waiting for each other.
    const edit = (client: CollabClient, side: 'before' | 'after') => {
      const roll = next()
      if (roll < 0.2) {
        const other = clauseText(client.doc, ARTICLE, side === 'before' ? CLAUSE - 1 : CLAUSE + 1)
        other.insert(pick(0, other.length), word())
        return
      }
      const text = clauseText(client.doc, ARTICLE, CLAUSE)
      const s = text.toString()
      const start = s.indexOf(QUOTE)
      const end = start + QUOTE.length
      const [lo, hi] = side === 'before' ? [0, start] : [end, s.length]
      if (roll < 0.7 || hi - lo < 2) {
        // Boundaries included: typing right at the words' start or end.
        text.insert(pick(lo, hi), word())
      } else {
        const from = pick(lo, hi - 1)
        text.delete(from, pick(1, Math.min(5, hi - from)))
      }
    }

    for (let round = 0; round < 8; round += 1) {
      for (let i = 0; i < 6; i += 1) {
        edit(before, 'before')
        edit(after, 'after')
      }
      const vector = (c: CollabClient) => Buffer.from(Y.encodeStateVector(c.doc))
      await waitFor('the chairs converge', () => vector(before).equals(vector(after)))
      expect(anchoredWords(before.doc, proposal.anchor)).toBe(QUOTE)
      expect(anchoredWords(after.doc, proposal.anchor)).toBe(QUOTE)
    }
    const observer = await connect('observer', 'ccm/text')
    await waitFor('the observer has every edit', () => observer.pmDoc().eq(before.pmDoc()))
    expect(clauseText(observer.doc, ARTICLE, CLAUSE).toString()).toMatch(/[xyzq]\d+ /)
    // The server resolves it on its own copy of the text the same way.
    const shown = (await api('observer', 'GET', `/proposals/${proposal.id}`)).body.proposal
    expect(shown).toMatchObject({ anchorState: 'ok', anchorText: QUOTE })
  })

  it('shows a partly edited range as its current words, and deleted words as orphaned', async () => {
    const proposal = await openProposal()
    const chair = await connect('chair', 'ccm/text')
    const text = clauseText(chair.doc, ARTICLE, CLAUSE)
    const at = text.toString().indexOf('release')
    text.delete(at, 'release'.length)
    text.insert(at, 'drop')
    const get = async () =>
      (await api('observer', 'GET', `/proposals/${proposal.id}`)).body.proposal
    await waitFor('the edit stored', () => anchoredWords(chair.doc, proposal.anchor) !== QUOTE)
    await expect
      .poll(async () => (await get()).anchorText)
      .toBe('designed to disperse or drop explosive submunitions')
    const start = text.toString().indexOf('designed to disperse')
    text.delete(start, 'designed to disperse or drop explosive submunitions'.length)
    await expect.poll(async () => (await get()).anchorState).toBe('orphaned')
    expect(await get()).toMatchObject({ status: 'tabled', anchor: { quote: QUOTE } })
  })
})
