import { describe, expect, it } from 'vitest'
import { MAX_RECORD_ENTRIES } from '../../shared/domain/stances/statements'
import { useTestServer } from '../support/serverHarness'
import { openStorageOf } from '../support/startServer'
import { statementMaker } from '../support/stances'

describe('a record holds a bounded number of entries', () => {
  const harness = useTestServer(['chair', 'ana', 'observer'], 'all')
  const { api } = harness

  it('fills the secretariat’s record to the bound, refuses one more with 409, and still answers every view', async () => {
    const made = await api('chair', 'POST', '/issues', { title: 'A crowded question' })
    expect(made.status).toBe(201)
    const issueId = made.body.issue.id as string
    // Fill the record beside the running server, through the storage's own writes.
    const storage = await openStorageOf(harness.server)
    const said = statementMaker(issueId)
    const before = (await storage.issues.countStatements('ccm', 'secretariat')) as number
    await storage.atomically(async (tx) => {
      for (let i = before; i < MAX_RECORD_ENTRIES; i++) {
        await tx.issues.addStatement({
          ...said({ actorId: 'FRA', stance: 'supports' }),
          id: `bound-${i}`,
          negotiationId: 'ccm',
        })
      }
    })
    await storage.close()

    const entry = { target: { kind: 'issue', issueId }, actorId: 'FRA', stance: 'concerns' }
    const full = await api('chair', 'POST', '/statements', { ...entry, record: 'secretariat' })
    expect(full.status).toBe(409)
    expect(full.body.error.code).toBe('record_full')
    // Another record is not full.
    const group = await api('ana', 'POST', '/statements', { ...entry, record: 'group:cmc' })
    expect(group.status).toBe(201)

    const stances = await api('observer', 'GET', '/stances')
    expect(stances.status).toBe(200)
    expect(stances.body.statements.length).toBeGreaterThanOrEqual(MAX_RECORD_ENTRIES)
    const matrix = await fetch(`${harness.server.url}/api/negotiations/ccm/matrix.csv?round=all`, {
      headers: harness.session('observer'),
    })
    expect(matrix.status).toBe(200)
    expect(await matrix.text()).toContain('France')
  })
})
