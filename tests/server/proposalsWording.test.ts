import { describe, expect, it } from 'vitest'
import { anchorOn, wordingOf } from '../support/proposals'
import { useTestServer } from '../support/serverHarness'

// The wording typed in the propose dialog is where the draft room starts; it is bounded and
// gives nobody a way around who may propose.
describe('creating a draft with the wording typed when proposing', () => {
  const harness = useTestServer(['germany', 'observer'])
  const { api, connect } = harness

  const create = async (who: string, wording: unknown) => {
    const text = await connect('germany', 'ccm/text')
    return api(who, 'POST', '/proposals', {
      params: { kind: 'replacement' },
      title: 'Weight threshold',
      articleId: 'art-2',
      anchor: anchorOn(text.doc, 'art-2', 'each weighing less than 20 kilograms'),
      wording,
    })
  }

  it('starts the draft room from the typed wording, a clause a line', async () => {
    const created = await create(
      'germany',
      '  each weighing less than 10 kilograms;\r\n\nand no more\n',
    )
    expect(created.status).toBe(201)
    const draft = await connect('germany', `ccm/draft/${created.body.proposal.id}`)
    const clauses: string[] = []
    wordingOf(draft.doc).forEach((clause) => clauses.push(clause.textContent))
    expect(clauses).toEqual(['each weighing less than 10 kilograms;', 'and no more'])
    // The anchor still names the words it amends.
    expect(created.body.proposal.anchorText).toBe('each weighing less than 20 kilograms')
  })

  it('refuses a wording past its bounds, and anyone who may not propose', async () => {
    const long = await create('germany', 'x'.repeat(20_001))
    expect([long.status, long.body.error.code]).toEqual([400, 'invalid_request'])
    const lines = await create('germany', 'a\n'.repeat(500))
    expect([lines.status, lines.body.error.code]).toEqual([400, 'invalid_request'])
    const wrongType = await create('germany', ['a clause'])
    expect(wrongType.status).toBe(400)
    const observer = await create('observer', 'each weighing less than 10 kilograms')
    expect(observer.status).toBe(403)
  })
})
