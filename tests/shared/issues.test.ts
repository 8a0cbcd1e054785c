import { describe, expect, it } from 'vitest'
import {
  bracketIdsIn,
  checkIssueParent,
  IssuePatchSchema,
  issueIdFrom,
  MAX_ISSUE_DEPTH,
  nextOrder,
} from '../../shared/domain/stances/issues'
import { treatySchema } from '../../shared/schema'
import { article, article_title, paragraph, treaty } from '../support/builders'

const tree = [
  { id: 'exemptions', parentId: null },
  { id: 'failure-rate', parentId: 'exemptions' },
  { id: 'self-destruct', parentId: 'exemptions' },
  { id: 'sd-backup', parentId: 'self-destruct' },
  { id: 'deadlines', parentId: null },
]

describe('the tree of issues', () => {
  it('takes a new issue at the top or under an issue that exists', () => {
    expect(checkIssueParent(tree, 'new', null)).toEqual({ ok: true })
    expect(checkIssueParent(tree, 'new', 'sd-backup')).toEqual({ ok: true })
    expect(checkIssueParent(tree, 'new', 'nowhere')).toMatchObject({
      ok: false,
      code: 'unknown_parent',
    })
  })

  it('refuses to hang an issue under itself or its own sub-issues', () => {
    expect(checkIssueParent(tree, 'exemptions', 'exemptions')).toMatchObject({
      code: 'issue_cycle',
    })
    expect(checkIssueParent(tree, 'exemptions', 'sd-backup')).toMatchObject({
      code: 'issue_cycle',
    })
    // Moving a subtree elsewhere is fine.
    expect(checkIssueParent(tree, 'self-destruct', 'deadlines')).toEqual({ ok: true })
  })

  it(`keeps the tree at most ${MAX_ISSUE_DEPTH} levels deep, subtrees counted`, () => {
    const chain = Array.from({ length: MAX_ISSUE_DEPTH }, (_, i) => ({
      id: `l${i + 1}`,
      parentId: i === 0 ? null : `l${i}`,
    }))
    expect(checkIssueParent(chain, 'new', `l${MAX_ISSUE_DEPTH - 1}`)).toEqual({ ok: true })
    expect(checkIssueParent(chain, 'new', `l${MAX_ISSUE_DEPTH}`)).toMatchObject({
      ok: false,
      code: 'too_deep',
    })
    // "self-destruct" carries one level below it: under l5 it would reach 7.
    const both = [...chain, ...tree]
    expect(checkIssueParent(both, 'self-destruct', 'l4')).toEqual({ ok: true })
    expect(checkIssueParent(both, 'self-destruct', 'l5')).toMatchObject({ code: 'too_deep' })
  })

  it('ends, refusing, on a cycle already in stored data', () => {
    const looped = [
      { id: 'a', parentId: 'b' },
      { id: 'b', parentId: 'a' },
    ]
    expect(checkIssueParent(looped, 'new', 'a')).toMatchObject({ code: 'issue_cycle' })
  })
})

describe('issue ids and order', () => {
  it('makes ids from titles, unique in the negotiation', () => {
    expect(issueIdFrom('Non-dangerous duds', new Set())).toBe('non-dangerous-duds')
    expect(issueIdFrom('Self-destruct (SD) mechanisms!', new Set())).toBe(
      'self-destruct-sd-mechanisms',
    )
    expect(issueIdFrom('Défense – Übergang', new Set())).toBe('defense-ubergang')
    expect(issueIdFrom('Exemptions', new Set(['exemptions', 'exemptions-2']))).toBe('exemptions-3')
    expect(issueIdFrom('???', new Set())).toBe('issue')
    expect(issueIdFrom('x'.repeat(200), new Set())).toMatch(/^x{1,56}$/)
  })

  it('puts a new issue after its last sibling', () => {
    const issues = [
      { parentId: null, order: 0 },
      { parentId: null, order: 4 },
      { parentId: 'a', order: 1 },
    ]
    expect(nextOrder(issues, null)).toBe(5)
    expect(nextOrder(issues, 'a')).toBe(2)
    expect(nextOrder(issues, 'b')).toBe(0)
  })

  it('changes only the fields a patch gives, never the id', () => {
    expect(IssuePatchSchema.parse({ title: ' Duds ' })).toEqual({ title: 'Duds' })
    expect(IssuePatchSchema.safeParse({ id: 'other' }).success).toBe(false)
    expect(IssuePatchSchema.safeParse({ parentId: 'Bad Id' }).success).toBe(false)
    expect(IssuePatchSchema.parse({ parentId: null })).toEqual({ parentId: null })
  })
})

describe('bracket ids of a text', () => {
  it('collects the ids of bracketed spans', () => {
    const bracket = (id: string) => treatySchema.marks.bracket!.create({ id })
    const words = (...parts: [string, string | null][]) =>
      paragraph(...parts.map(([t, id]) => treatySchema.text(t, id ? [bracket(id)] : [])))
    expect(bracketIdsIn(treaty(article('art-1', article_title('Scope'))))).toEqual(new Set())
    const text = treaty(
      article('art-1', article_title('Scope'), words(['shall ', null], ['not', 'b1'])),
      article('art-2', article_title('Duds'), words(['apply', 'b2'], [' here', 'b1'])),
    )
    expect(bracketIdsIn(text)).toEqual(new Set(['b1', 'b2']))
  })
})
