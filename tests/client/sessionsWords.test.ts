import { describe, expect, it } from 'vitest'
import type { Principal } from '../../shared/domain/policy'
import type { Session } from '../../shared/domain/sessions'
import {
  boardDay,
  describeSessionEvent,
  formatDay,
  sessionAccess,
  sessionSource,
  theSession,
  whenAndWhere,
} from '../../client/src/features/sessions/sessionWords'

const session = (over: Partial<Session> = {}): Session => ({
  id: 's1',
  negotiationId: 'ccm',
  name: 'Friends of the President on Article 2',
  kind: 'friends-of-the-chair',
  facilitators: ['acc-fac'],
  facilitatorNames: ['Facilitator'],
  articleIds: ['art-2'],
  issueIds: [],
  day: '2026-05-22',
  startTime: '10:00',
  endTime: '13:00',
  place: 'Room XII',
  open: false,
  attendeeActorIds: ['FRA', 'DEU'],
  attendeeAccountIds: [],
  status: 'in-session',
  roundId: null,
  openedAt: null,
  reportedAt: null,
  createdAt: '2026-05-21T10:00:00Z',
  createdBy: 'acc-chair',
  provenance: 'recorded',
  outcomes: [],
  ...over,
})

const delegate = (actorId: string): Principal => ({
  accountId: `acc-${actorId}`,
  isAdmin: false,
  membership: { role: 'delegate', actorId },
})

describe('the sessions board', () => {
  it('opens on today if it has sessions, else the next day that has, else the last', () => {
    const days = [{ day: '2026-05-20' }, { day: '2026-05-22' }, { day: null }]
    expect(boardDay(days, '2026-05-22')).toBe('2026-05-22')
    expect(boardDay(days, '2026-05-21')).toBe('2026-05-22')
    expect(boardDay(days, '2026-05-30')).toBe('2026-05-22')
    expect(boardDay([], '2026-05-30')).toBe('2026-05-30')
  })

  it('says the day, the times and the place as far as they are known', () => {
    expect(formatDay('2026-05-22')).toBe('22 May')
    expect(formatDay('2026-05-02', true)).toBe('2 May 2026')
    expect(whenAndWhere(session())).toBe('10:00–13:00 · Room XII')
    expect(whenAndWhere(session({ endTime: null, place: '' }))).toBe('from 10:00')
    expect(whenAndWhere(session({ startTime: null, endTime: null, place: '' }))).toBe('')
  })

  it('lets attendees, facilitators and the chair read a closed session, and nobody else', () => {
    const s = session()
    expect(sessionAccess(delegate('FRA'), s)).toBe('read')
    expect(sessionAccess(delegate('AUT'), s)).toBe('none')
    const observer: Principal = { accountId: 'o', isAdmin: false, membership: { role: 'observer' } }
    expect(sessionAccess(observer, s)).toBe('none')
    expect(sessionAccess(observer, session({ open: true }))).toBe('read')
    const facilitator: Principal = { ...observer, accountId: 'acc-fac' }
    expect(sessionAccess(facilitator, s)).toBe('write')
    expect(sessionAccess(facilitator, session({ status: 'reported-back' }))).toBe('read')
    expect(sessionAccess(delegate('FRA'), session({ status: 'scheduled' }))).toBe('none')
  })
})

describe('a session in history', () => {
  const data = {
    sessionId: 's1',
    sessionName: 'Friends of the President on Article 2',
    day: '2026-05-22',
  }

  it('names the session and its day as the source of applied wording', () => {
    expect(sessionSource(data)).toBe('from the Friends of the President on Article 2, 22 May')
    expect(describeSessionEvent('session-text-applied', data)).toBe(
      'applied the text from the Friends of the President on Article 2, 22 May to the main text',
    )
    expect(describeSessionEvent('session-text-left', data)).toContain('left the text from the')
    expect(describeSessionEvent('session-opened', data)).toContain(
      'opened the Friends of the President on Article 2 (22 May)',
    )
    expect(describeSessionEvent('session-reported', { sessionName: 'The contact group' })).toBe(
      'reported back the contact group',
    )
    expect(describeSessionEvent('text-edited', data)).toBeNull()
  })

  it('never doubles the article of a name', () => {
    expect(theSession('The Friends of the Chair')).toBe('the Friends of the Chair')
    expect(sessionSource({})).toBe('from a session')
  })
})
