import { describe, expect, it } from 'vitest'
import { diffText } from '../../shared/domain/diff'
import { bracketChanges, markBrackets } from '../../shared/domain/diffBrackets'

describe('a diff that understands brackets', () => {
  it('shows brackets removed around kept words as brackets removed', () => {
    const diff = diffText(
      '1. Parties [shall] take action [to this end].',
      '1. Parties shall take action to this end.',
    )
    const parts = markBrackets(diff.parts)
    expect(parts.filter((p) => p.bracket)).toEqual([
      { op: 'delete', text: '[', bracket: 'removed' },
      { op: 'delete', text: ']', bracket: 'removed' },
      { op: 'delete', text: '[', bracket: 'removed' },
      { op: 'delete', text: ']', bracket: 'removed' },
    ])
    // Every word is kept: only brackets changed.
    expect(parts.filter((p) => p.op !== 'equal' && !p.bracket)).toEqual([])
    expect(bracketChanges(diff.parts)).toEqual({ removed: 2, added: 0 })
  })

  it('keeps words apart from the brackets deleted with them, and flags added ones', () => {
    const parts = markBrackets([
      { op: 'equal', text: 'Parties ' },
      { op: 'delete', text: '[should][shall]' },
      { op: 'insert', text: '[shall]' },
    ])
    expect(parts.map((p) => p.text).join('')).toBe('Parties [should][shall][shall]')
    expect(parts).toContainEqual({ op: 'delete', text: 'should' })
    expect(parts.filter((p) => p.bracket === 'added')).toHaveLength(2)
    expect(bracketChanges(parts)).toEqual({ removed: 2, added: 1 })
  })
})
