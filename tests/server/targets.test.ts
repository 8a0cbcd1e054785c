import { describe, expect, it } from 'vitest'
import { useTestServer } from '../support/serverHarness'

// A word nothing else in the negotiation holds, to look for the list anywhere it must not be.
const SECRET = 'Zephyrquill'
const LIST = {
  id: 'h2-strengthen',
  name: `List 1: strengthen support (${SECRET})`,
  description: `States to see before Dublin, ${SECRET}`,
  source: 'CMC campaign plan',
  provenance: 'recorded',
  actorIds: ['FRA', 'DEU', 'JPN'],
}
const OUTSIDERS = ['chair', 'admin', 'france', 'observer', 'hana']

// A campaign group's target lists and actions: its members' alone.
describe('target lists and campaign actions over REST', () => {
  const t = useTestServer(['chair', 'admin', 'france', 'ana', 'ben', 'hana', 'observer'])

  // A call whose answer is kept as the exact text the server sent.
  const raw = async (who: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${t.server.url}/api/negotiations/ccm${path}`, {
      method,
      headers: {
        ...t.session(who),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return {
      status: res.status,
      type: res.headers.get('content-type') ?? '',
      text: await res.text(),
    }
  }

  it('lets a member of the group create a list that the other member reads', async () => {
    const created = await t.api('ana', 'POST', '/groups/cmc/targets', LIST)
    expect(created.status).toBe(201)
    expect(created.body.targetList).toMatchObject({ ...LIST, groupId: 'cmc' })
    const { status, body } = await t.api('ben', 'GET', '/groups/cmc/targets')
    expect(status).toBe(200)
    expect(body.targetLists.find((l: { id: string }) => l.id === LIST.id)).toMatchObject(LIST)
    const again = await t.api('ben', 'POST', '/groups/cmc/targets', LIST)
    expect(again.status).toBe(409)
    expect(again.body.error.code).toBe('target_list_taken')
  })

  it('refuses unknown actors with 400, listing them', async () => {
    const bad = await t.api('ana', 'POST', '/groups/cmc/targets', {
      name: 'Bad',
      actorIds: ['FRA', 'XXX', 'nobody'],
    })
    expect(bad.status).toBe(400)
    expect(bad.body.error).toMatchObject({ code: 'unknown_actor', actorIds: ['XXX', 'nobody'] })
    const put = await t.api('ana', 'PUT', `/groups/cmc/targets/${LIST.id}`, {
      ...LIST,
      actorIds: ['ZZZ'],
    })
    expect(put.body.error).toMatchObject({ code: 'unknown_actor', actorIds: ['ZZZ'] })
    const action = await t.api('ana', 'POST', '/groups/cmc/actions', {
      actorId: 'XXX',
      kind: 'letter',
      date: '2008-02-01',
    })
    expect(action.body.error).toMatchObject({ code: 'unknown_actor', actorIds: ['XXX'] })
    const noName = await t.api('ana', 'POST', '/groups/cmc/targets', { name: ' ' })
    expect(noName.status).toBe(400)
    expect(noName.body.error.code).toBe('invalid_request')
  })

  it('logs actions per state, filtered by actor, and exports the lists as CSV', async () => {
    const letter = await t.api('ben', 'POST', '/groups/cmc/actions', {
      actorId: 'FRA',
      kind: 'letter',
      date: '2008-02-01',
      note: `Letter to the minister, ${SECRET}`,
    })
    expect(letter.status).toBe(201)
    expect(letter.body.action).toMatchObject({
      actorId: 'FRA',
      groupId: 'cmc',
      recordedBy: 'Ben (CMC)',
    })
    await t.api('ana', 'POST', '/groups/cmc/actions', {
      actorId: 'DEU',
      kind: 'meeting',
      date: '2008-02-03',
    })
    const fra = await t.api('ana', 'GET', '/groups/cmc/actions?actor=FRA')
    expect(fra.body.actions.map((a: { actorId: string }) => a.actorId)).toEqual(
      fra.body.actions.map(() => 'FRA'),
    )
    expect(fra.body.actions.some((a: { note: string }) => a.note.includes(SECRET))).toBe(true)

    const csv = await raw('ana', 'GET', '/groups/cmc/targets.csv')
    expect(csv.status).toBe(200)
    expect(csv.type).toMatch(/^text\/csv/)
    const lines = csv.text.split('\r\n')
    expect(lines[0]).toBe(
      'list,list_name,provenance,source,actor,actor_name,last_action,last_action_date,actions',
    )
    expect(lines).toContain(
      `${LIST.id},${LIST.name},recorded,CMC campaign plan,FRA,France,letter,2008-02-01,1`,
    )
    expect(lines).toContain(`${LIST.id},${LIST.name},recorded,CMC campaign plan,JPN,Japan,,,0`)
  })

  it('refuses everyone outside the group with the same 403, whether or not the thing exists', async () => {
    const paths: [string, string, unknown?][] = [
      ['GET', '/groups/cmc/targets'],
      ['POST', '/groups/cmc/targets', { name: 'Intruder' }],
      ['PUT', `/groups/cmc/targets/${LIST.id}`, LIST],
      ['DELETE', `/groups/cmc/targets/${LIST.id}`],
      ['GET', '/groups/cmc/targets.csv'],
      ['GET', '/groups/cmc/actions'],
      ['GET', '/groups/cmc/actions?actor=FRA'],
      ['POST', '/groups/cmc/actions', { actorId: 'FRA', kind: 'call', date: '2008-02-05' }],
    ]
    // The same request about a group or a list that does not exist.
    const elsewhere = (path: string) =>
      path.replace(LIST.id, 'no-such-list').replace('/groups/cmc/', '/groups/no-such-group/')
    for (const who of OUTSIDERS) {
      for (const [method, path, body] of paths) {
        const real = await raw(who, method, path, body)
        expect(real.status, `${who} ${method} ${path}`).toBe(403)
        expect(JSON.parse(real.text).error.code).toBe('forbidden')
        expect(real.text).not.toContain(SECRET)
        expect(real.text).not.toContain(LIST.id)
        const missing = await raw(who, method, elsewhere(path), body)
        expect(missing.text, `${who} ${method} ${elsewhere(path)}`).toBe(real.text)
        const missingList = await raw(who, method, path.replace(LIST.id, 'no-such-list'), body)
        expect(missingList.text).toBe(real.text)
      }
    }
    // Nothing was changed by the refused writes.
    const { body } = await t.api('ana', 'GET', '/groups/cmc/targets')
    expect(body.targetLists.some((l: { name: string }) => l.name === 'Intruder')).toBe(false)
    expect(body.targetLists.find((l: { id: string }) => l.id === LIST.id)).toMatchObject(LIST)
  })

  it('keeps one group out of another: hrw cannot see cmc work, cmc cannot see hrw work', async () => {
    const hrw = await t.api('hana', 'POST', '/groups/hrw/targets', {
      id: 'hrw-list',
      name: 'HRW list',
      actorIds: ['GBR'],
    })
    expect(hrw.status).toBe(201)
    const fromCmc = await raw('ana', 'GET', '/groups/hrw/targets')
    expect(fromCmc.status).toBe(403)
    expect(fromCmc.text).not.toContain('HRW list')
    expect(fromCmc.text).toBe((await raw('ana', 'GET', '/groups/nobody/targets')).text)
  })

  it("gives GET stances the target lists of the reader's group alone", async () => {
    const ana = await t.api('ana', 'GET', '/stances')
    expect(ana.body.targetLists.find((l: { id: string }) => l.id === LIST.id)).toMatchObject(LIST)
    expect(ana.body.targetLists.every((l: { groupId: string }) => l.groupId === 'cmc')).toBe(true)
    const hana = await t.api('hana', 'GET', '/stances')
    expect(hana.body.targetLists.every((l: { groupId: string }) => l.groupId === 'hrw')).toBe(true)
    for (const who of ['chair', 'admin', 'france', 'observer', 'hana']) {
      const answer = await raw(who, 'GET', '/stances')
      expect(answer.status).toBe(200)
      expect(answer.text, who).not.toContain(SECRET)
      expect(answer.text, who).not.toContain(LIST.id)
      if (who !== 'hana') expect(JSON.parse(answer.text).targetLists).toEqual([])
    }
  })

  it('puts no target list or action in search or the event log, not even for the group', async () => {
    for (const who of ['ana', 'chair', 'observer']) {
      const search = await raw(who, 'GET', `/search?q=${SECRET}`)
      expect(search.status).toBe(200)
      const found = JSON.parse(search.text) as { query: string; counts: object }
      expect(found.query).toBe(SECRET)
      for (const count of Object.values(found.counts)) expect(count).toMatchObject({ hits: 0 })
      expect(search.text.replace(`"query":"${SECRET}"`, '')).not.toContain(SECRET)
      const events = await raw(who, 'GET', '/events?limit=5000')
      expect(events.status).toBe(200)
      expect(events.text).not.toContain(SECRET)
      expect(events.text).not.toContain(LIST.id)
    }
  })

  it('lets the group change and delete its list', async () => {
    const changed = await t.api('ben', 'PUT', `/groups/cmc/targets/${LIST.id}`, {
      ...LIST,
      actorIds: ['FRA', 'FRA', 'ITA'],
    })
    expect(changed.status).toBe(200)
    expect(changed.body.targetList.actorIds).toEqual(['FRA', 'ITA'])
    const renamed = await t.api('ben', 'PUT', `/groups/cmc/targets/${LIST.id}`, {
      ...LIST,
      id: 'other-id',
    })
    expect(renamed.status).toBe(400)
    const missing = await t.api('ben', 'PUT', '/groups/cmc/targets/no-such-list', LIST)
    expect(missing.status).toBe(404)
    expect(missing.body.error.code).toBe('unknown_target_list')
    expect((await t.api('ana', 'DELETE', `/groups/cmc/targets/${LIST.id}`)).body).toEqual({
      removed: LIST.id,
    })
    const { body } = await t.api('ana', 'GET', '/groups/cmc/targets')
    expect(body.targetLists.some((l: { id: string }) => l.id === LIST.id)).toBe(false)
    expect((await t.api('ana', 'DELETE', `/groups/cmc/targets/${LIST.id}`)).status).toBe(404)
  })
})
