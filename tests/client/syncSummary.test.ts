import { describe, expect, it } from 'vitest'
import { summarize, type RoomSync } from '../../client/src/offline/syncRegistry'
import {
  clockTime,
  headerSummary,
  keptWords,
  reviewWords,
  roomSyncWords,
  syncWords,
} from '../../client/src/offline/syncWords'
import { copyFileName, keptAt } from '../../client/src/offline/LocalCopies'

// A room's entry, saved and connected unless the test says otherwise.
const room = (patch: Partial<RoomSync> = {}): RoomSync => ({
  room: 'ccm/text',
  label: 'Text',
  connected: true,
  offlineSince: null,
  pending: 0,
  changeSet: 0,
  kept: 'always',
  refusal: null,
  ...patch,
})

// Local times, so that the words' HH:MM are the same in every time zone.
const at = (h: number, m: number) => new Date(2026, 10, 30, h, m, 27).getTime()

describe('summarize', () => {
  it('says saved when every room is connected with nothing pending', () => {
    expect(summarize([room(), room({ room: 'ccm/register' })])).toEqual({ state: 'saved' })
  })

  it('sums the changes only on this device', () => {
    const rooms = [room({ pending: 2 }), room({ room: 'ccm/draft/d1', pending: 1 })]
    expect(summarize(rooms)).toEqual({ state: 'pending', pending: 3 })
  })

  it('lets offline win, since the earliest room went offline, with the pending changes', () => {
    const rooms = [
      room({ connected: false, offlineSince: at(10, 50), pending: 1 }),
      room({ room: 'ccm/register', connected: false, offlineSince: at(10, 42) }),
      room({ room: 'ccm/draft/d1', pending: 2 }),
    ]
    expect(summarize(rooms)).toEqual({ state: 'offline', since: at(10, 42), pending: 3 })
  })

  it('says connecting while a room has not connected yet, and ignores refused rooms', () => {
    expect(summarize([room(), room({ room: 'ccm/register', connected: false })])).toEqual({
      state: 'connecting',
    })
    const refusedOffline = room({ connected: false, offlineSince: at(9, 0), refusal: 4403 })
    expect(summarize([room({ room: 'ccm/register' }), refusedOffline])).toEqual({
      state: 'saved',
    })
  })

  it('says refused only when every room was refused', () => {
    expect(summarize([room({ connected: false, refusal: 4401 })])).toEqual({ state: 'refused' })
  })
})

describe('syncWords', () => {
  it('says each state in the indicator’s words', () => {
    expect(syncWords({ state: 'saved' })).toBe('All saved on the server')
    expect(syncWords({ state: 'pending', pending: 1 })).toBe('1 change only on this device')
    expect(syncWords({ state: 'pending', pending: 4 })).toBe('4 changes only on this device')
    expect(syncWords({ state: 'connecting' })).toBe('Connecting…')
    expect(syncWords({ state: 'refused' })).toBe('Not connected')
  })

  it('says since when offline in 24-hour time, and the changes only here after it', () => {
    expect(syncWords({ state: 'offline', since: at(10, 42), pending: 0 })).toBe(
      'Offline since 10:42',
    )
    expect(syncWords({ state: 'offline', since: at(16, 5), pending: 3 })).toBe(
      'Offline since 16:05 · 3 changes only on this device',
    )
    expect(clockTime(at(0, 7))).toBe('00:07')
  })

  it('says one room’s own state, whether it is kept, and what is left to review', () => {
    expect(roomSyncWords(room({ pending: 1 }))).toBe('1 change only on this device')
    expect(roomSyncWords(room({ connected: false, refusal: 4403 }))).toBe('Not connected')
    expect(keptWords('always')).toBe('Kept on this device')
    expect(keptWords('opted-in')).toBe('Kept on this device')
    expect(keptWords('not-kept')).toBe('Not kept on this device')
    expect(reviewWords(1)).toBe('1 article to review')
    expect(reviewWords(2)).toBe('2 articles to review')
  })
})

describe('headerSummary', () => {
  it('follows the rooms once any has reported', () => {
    expect(headerSummary([room({ pending: 2 })], 'connecting')).toEqual({
      state: 'pending',
      pending: 2,
    })
  })

  it('follows the text room’s connection before any room has reported', () => {
    expect(headerSummary([], 'connecting')).toEqual({ state: 'connecting' })
    expect(headerSummary([], 'offline')).toEqual({ state: 'connecting' })
    expect(headerSummary([], 'connected')).toEqual({ state: 'saved' })
    expect(headerSummary([], 'outdated')).toEqual({ state: 'refused' })
  })
})

describe('local copies', () => {
  it('names the exported files after the copy, without characters file systems refuse', () => {
    expect(copyFileName('Group notes', 'txt')).toBe('Group notes.txt')
    expect(copyFileName('Draft: Art. 3 / a "new" text', 'json')).toBe(
      'Draft- Art. 3 - a -new- text.json',
    )
    expect(copyFileName(' / ', 'txt')).toBe('-.txt')
    expect(copyFileName('', 'txt')).toBe('Local copy.txt')
  })

  it('says when a copy was kept, in words and 24-hour time', () => {
    expect(keptAt(at(9, 3))).toBe('30 November, 09:03')
  })
})
