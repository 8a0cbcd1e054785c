import { describe, expect, it } from 'vitest'
import { issueCells, proposalCells } from '../../shared/domain/stances/cells'
import type { Issue } from '../../shared/domain/stances/types'
import { anIssue, statementMaker } from '../support/stances'

const issue = (id: string, parentId: string | null, proposalIds: string[] = []): Issue =>
  anIssue(id, { parentId, proposalIds })

const said = statementMaker('exemptions', 'report')

const issues = [issue('exemptions', null), issue('self-destruct', 'exemptions', ['p-sd'])]

describe('issueCells', () => {
  it('shows a parent issue’s entry on a child, marked as inherited, and the child’s own first', () => {
    const statements = [
      said({ actorId: 'FRA', stance: 'supports' }),
      said({ actorId: 'DEU', stance: 'supports' }),
      said({
        actorId: 'npa',
        stance: 'opposes',
        target: { kind: 'issue', issueId: 'self-destruct' },
      }),
      said({
        actorId: 'DEU',
        stance: 'concerns',
        target: { kind: 'proposal', proposalId: 'p-sd' },
      }),
    ]
    const cells = issueCells(issues, statements, 'self-destruct', { roundId: 'vienna' })
    expect(cells.get('FRA')).toMatchObject({ stance: 'supports', inheritedFrom: 'exemptions' })
    expect(cells.get('npa')).toMatchObject({ stance: 'opposes', inheritedFrom: null })
    expect(cells.get('DEU')).toMatchObject({ stance: 'concerns', inheritedFrom: null })
    expect(issueCells(issues, statements, 'self-destruct', { roundId: 'lima' }).size).toBe(0)
  })

  it('keeps records apart and marks where they disagree; a later entry of a record supersedes', () => {
    const statements = [
      said({ actorId: 'FRA', stance: 'opposes', recordedAt: '2007-12-05T09:00:00Z' }),
      said({ actorId: 'FRA', stance: 'supports', recordedAt: '2007-12-05T10:00:00Z' }),
      said({ actorId: 'FRA', stance: 'concerns', record: 'group:cmc', published: false }),
    ]
    const cell = issueCells(issues, statements, 'exemptions', { roundId: 'vienna' }).get('FRA')!
    expect(cell.stance).toBe('mixed')
    expect(cell.disagree).toBe(true)
    expect(cell.entries.map((e) => `${e.record}:${e.stance}`).sort()).toEqual([
      'group:cmc:concerns',
      'secretariat:supports',
    ])
    const secretariatOnly = issueCells(issues, statements, 'exemptions', {
      roundId: null,
      records: ['secretariat'],
    }).get('FRA')!
    expect(secretariatOnly).toMatchObject({ stance: 'supports', disagree: false })
  })

  it('reads a proposal’s cells from entries on it only', () => {
    const statements = [
      said({ actorId: 'AUT', stance: 'opposes', target: { kind: 'proposal', proposalId: 'p-sd' } }),
      said({ actorId: 'FRA', stance: 'supports' }),
    ]
    const cells = proposalCells(statements, 'p-sd', { roundId: null })
    expect([...cells.keys()]).toEqual(['AUT'])
  })
})
