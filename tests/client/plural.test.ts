import { describe, expect, it } from 'vitest'
import { counted } from '../../client/src/features/common/plural'

describe('counted', () => {
  it('says one thing in the singular and any other number in the plural', () => {
    expect(counted(1, 'concern')).toBe('1 concern')
    expect(counted(0, 'concern')).toBe('0 concerns')
    expect(counted(2, 'has concerns', 'have concerns')).toBe('2 have concerns')
    expect(counted(1, 'supports', 'support')).toBe('1 supports')
    expect(counted(1250, 'word')).toBe('1,250 words')
  })
})
