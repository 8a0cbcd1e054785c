import fs from 'node:fs'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sqliteFile } from '../../server/src/storage/openStorage'
import { currentPositions } from '../../shared/domain/proposals/positions'
import {
  REGISTER_POSITIONS,
  REGISTER_PROPOSALS,
  type Position,
  type Proposal,
} from '../../shared/domain/proposals/types'
import type { ApiAnswer } from '../support/api'
import { connectClient, waitFor, type CollabClient } from '../support/collabClient'
import { anchoredWords, apiAs, articleText, wordingOf } from '../support/proposals'
import { startServer, type TestServer } from '../support/startServer'

const FIXTURE = JSON.parse(fs.readFileSync('fixtures/vienna-proposals.json', 'utf8')) as {
  proposals: { id: string; articleId: string; quote: string | null; wording: unknown }[]
}

const TABLE = JSON.parse(fs.readFileSync('fixtures/vienna-report/positions.json', 'utf8')) as {
  positions: { actorId: string; proposalId?: string; stance: string }[]
}
const REPORTED_ON_PROPOSALS = TABLE.positions
  .flatMap((p) => (p.proposalId ? [[p.proposalId, p.actorId, p.stance]] : []))
  .sort()

// The demo's Vienna register, and everything proposals write surviving a restart whole.
describe('the demo register and restarts', () => {
  let server: TestServer
  let api: (who: string, method: string, path: string, body?: unknown) => Promise<ApiAnswer>
  const clients: CollabClient[] = []
  const connect = async (who: string, room: string) => {
    const client = connectClient(server.wsUrl, room, { token: await server.tokenFor(who) })
    clients.push(client)
    await client.synced()
    return client
  }
  const signIn = async () => {
    const sessions = {
      chair: await server.loginAs('chair'),
      observer: await server.loginAs('observer'),
      germany: await server.loginAs('germany'),
    }
    const call = apiAs(server.url)
    api = (who, method, path, body) =>
      call(sessions[who as keyof typeof sessions], method, path, body)
  }
  const restart = async () => {
    clients.splice(0).forEach((c) => c.destroy())
    server = await server.restart()
    await signIn()
  }

  beforeEach(async () => {
    server = await startServer()
    await signIn()
  })
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.destroy())
    await server.dispose()
  })

  it('loads the Vienna proposals with their positions onto the right words', async () => {
    const register = await connect('observer', 'ccm/register')
    const text = await connect('observer', 'ccm/text')
    const proposals = register.doc.getMap(REGISTER_PROPOSALS).toJSON() as Record<string, Proposal>
    const positions = register.doc.getMap(REGISTER_POSITIONS).toJSON() as Record<string, Position>
    expect(Object.keys(proposals).sort()).toEqual(FIXTURE.proposals.map((p) => p.id).sort())
    // The register's positions are those the Vienna report ties to a proposal: Germany's two.
    expect(
      Object.values(positions)
        .map((p) => [p.proposalId, p.actorId, p.stance])
        .sort(),
    ).toEqual(REPORTED_ON_PROPOSALS)
    expect(Object.values(positions).every((p) => p.provenance === 'reported')).toBe(true)
    for (const f of FIXTURE.proposals) {
      const p = proposals[f.id] as Proposal
      expect(p.articleId).toBe(f.articleId)
      if (f.quote === null) expect(p.anchor).toBeNull()
      else expect(anchoredWords(text.doc, p.anchor as never)).toBe(f.quote)
    }
    // Germany's non-dangerous duds on Art. 2, its own claim in the report.
    const duds = Object.values(positions).filter((p) => p.proposalId === 'p-deu-non-dangerous-duds')
    expect(currentPositions(duds).get('DEU')?.quote).toMatch(/has not fully armed/)
    // The demo's packaging of the report's claims is marked synthetic; Germany's phase-out is not.
    expect((proposals['p-mex-broad-definition'] as Proposal).synthetic).toBe(true)
    expect((proposals['p-deu-phase-out'] as Proposal).synthetic).toBe(false)

    const listed = await api('observer', 'GET', '/proposals')
    expect(listed.body.proposals).toHaveLength(FIXTURE.proposals.length)
    const open = listed.body.proposals.filter((p: Proposal) => p.articleId === 'art-2')
    expect(open.every((p: { anchorState: string }) => p.anchorState === 'ok')).toBe(true)
    const history = await api('observer', 'GET', '/proposals/p-deu-phase-out')
    expect(history.body.proposal.history.map((h: { to: string }) => h.to)).toEqual([
      'draft',
      'tabled',
      'deferred',
      'tabled',
      'rejected',
    ])
    const draft = await connect('observer', 'ccm/draft/p-fin-sensor-fuzed')
    expect(wordingOf(draft.doc).textContent).toBe(
      (proposals['p-fin-sensor-fuzed'] as Proposal).wordingText.replace(/\n/g, ''),
    )
  })

  it('keeps proposals, decisions, positions and the text over a restart', async () => {
    const tabled = 'p-fin-sensor-fuzed'
    const position = await api('chair', 'POST', `/proposals/${tabled}/positions`, {
      actorId: 'NOR',
      stance: 'opposes',
      source: 'Wellington plenary',
    })
    expect(position.status).toBe(201)
    const done = await api('chair', 'POST', `/proposals/${tabled}/decision`, {
      decision: 'incorporate',
    })
    expect(done.status).toBe(200)
    const draft = await api('germany', 'POST', '/proposals', {
      params: { kind: 'deletion' },
      title: 'Delete paragraph 3',
      articleId: 'art-1',
    })
    const before = (await api('chair', 'GET', `/proposals/${tabled}`)).body.proposal
    const textBefore = articleText((await connect('observer', 'ccm/text')).pmDoc(), 'art-2')
    await restart()

    const after = (await api('chair', 'GET', `/proposals/${tabled}`)).body.proposal
    expect(after).toEqual(before)
    expect(after.status).toBe('incorporated')
    const text = await connect('observer', 'ccm/text')
    expect(articleText(text.pmDoc(), 'art-2')).toBe(textBefore)
    const positions = (await api('observer', 'GET', `/proposals/${tabled}/positions`)).body
    expect(positions.positions.at(-1)).toMatchObject({ actorId: 'NOR', stance: 'opposes' })
    const mine = await api('germany', 'GET', `/proposals/${draft.body.proposal.id}`)
    expect(mine.body.proposal).toMatchObject({ status: 'draft', title: 'Delete paragraph 3' })
    const register = await connect('observer', 'ccm/register')
    expect(register.doc.getMap(REGISTER_PROPOSALS).get(tabled)).toMatchObject({
      status: 'incorporated',
    })
  })

  it('rebuilds a lost register from the tables on start', async () => {
    await api('chair', 'POST', '/proposals/p-fin-sensor-fuzed/decision', { decision: 'bracket' })
    await server.close()
    const db = new Database(sqliteFile(server.dataDir))
    db.prepare("DELETE FROM room_updates WHERE room = 'ccm/register'").run()
    db.prepare("DELETE FROM room_snapshots WHERE room = 'ccm/register'").run()
    db.close()
    server = await startServer({ dataDir: server.dataDir })
    const register = await connect('observer', 'ccm/register')
    const proposals = register.doc.getMap(REGISTER_PROPOSALS)
    expect(proposals.size).toBe(FIXTURE.proposals.length)
    expect(proposals.get('p-fin-sensor-fuzed')).toMatchObject({ status: 'bracketed' })
    expect(register.doc.getMap(REGISTER_POSITIONS).size).toBe(REPORTED_ON_PROPOSALS.length)
  })

  it('incorporates all or nothing: a failed write leaves text, register and tables as they were', async () => {
    const id = 'p-fin-sensor-fuzed'
    await server.close()
    // Make the status row of an incorporation fail inside the command's transaction.
    const db = new Database(sqliteFile(server.dataDir))
    db.exec(`CREATE TRIGGER fail_incorporation BEFORE INSERT ON proposal_status_changes
      WHEN NEW.to_status = 'incorporated' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`)
    db.close()
    server = await startServer({ dataDir: server.dataDir })
    await signIn()
    const chair = await connect('chair', 'ccm/text')
    const register = await connect('observer', 'ccm/register')
    const textBefore = chair.pmDoc()
    const rows = () => {
      const d = new Database(sqliteFile(server.dataDir), { readonly: true })
      try {
        return d.prepare('SELECT COUNT(*) AS n FROM room_updates').get() as { n: number }
      } finally {
        d.close()
      }
    }
    const rowsBefore = rows().n
    const failed = await api('chair', 'POST', `/proposals/${id}/decision`, {
      decision: 'incorporate',
    })
    expect(failed).toMatchObject({ status: 503, body: { error: { code: 'storage_failure' } } })
    expect(rows().n).toBe(rowsBefore)
    expect((await api('chair', 'GET', `/proposals/${id}`)).body.proposal.status).toBe('tabled')
    // The clients reconnect and resync from storage: nothing of the change reached them.
    const late = await connect('observer', 'ccm/text')
    expect(late.pmDoc().eq(textBefore)).toBe(true)
    await waitFor(
      'the chair back in sync',
      () => chair.provider.wsconnected && chair.provider.synced,
    )
    expect(chair.pmDoc().eq(textBefore)).toBe(true)
    expect(register.doc.getMap(REGISTER_PROPOSALS).get(id)).toMatchObject({ status: 'tabled' })
  })
})
