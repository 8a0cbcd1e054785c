import { describe, expect, it } from 'vitest'
import { useTestServer } from '../support/serverHarness'

describe('a reported issue names its source', () => {
  const { api } = useTestServer(['chair'])

  it('refuses a reported issue without a source, on creation and on change', async () => {
    const none = await api('chair', 'POST', '/issues', {
      title: 'Retention for training',
      provenance: 'reported',
    })
    expect(none.status).toBe(400)
    expect(none.body.error).toMatchObject({
      code: 'source_required',
      message: 'A reported issue names its source.',
    })
    const listed = await api('chair', 'GET', '/issues')
    expect(JSON.stringify(listed.body)).not.toContain('Retention for training')

    const made = await api('chair', 'POST', '/issues', { title: 'Retention', source: '' })
    expect(made.status).toBe(201)
    const id = made.body.issue.id as string
    const changed = await api('chair', 'PATCH', `/issues/${id}`, { provenance: 'reported' })
    expect(changed.status).toBe(400)
    expect(changed.body.error).toMatchObject({ code: 'source_required' })
    const sourced = await api('chair', 'PATCH', `/issues/${id}`, {
      provenance: 'reported',
      source: 'CMC Vienna report, IV',
    })
    expect(sourced.status).toBe(200)
    expect(sourced.body.issue).toMatchObject({ provenance: 'reported' })
  })
})
