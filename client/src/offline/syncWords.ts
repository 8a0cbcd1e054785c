import type { ConnectionStatus } from '../collab/useCollabRoom'
import { counted } from '../features/common/plural'
import type { KeptOnDevice, RoomSync, SyncSummary } from './syncRegistry'
import { summarize } from './syncRegistry'

/** The 24-hour local time of an instant, "HH:MM" (e.g. "09:05"). */
export function clockTime(at: number): string {
  const d = new Date(at)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** "1 change only on this device" / "N changes only on this device". */
export const onDeviceWords = (pending: number): string =>
  `${counted(pending, 'change')} only on this device`

/** What the header's sync indicator says for a summary of the rooms (or of one room). */
export function syncWords(summary: SyncSummary): string {
  switch (summary.state) {
    case 'saved':
      return 'All saved on the server'
    case 'pending':
      return onDeviceWords(summary.pending)
    case 'offline': {
      const since = `Offline since ${clockTime(summary.since)}`
      return summary.pending > 0 ? `${since} · ${onDeviceWords(summary.pending)}` : since
    }
    case 'connecting':
      return 'Connecting…'
    case 'refused':
      return 'Not connected'
  }
}

/** One room's own state, in the indicator's words. */
export const roomSyncWords = (room: RoomSync): string => syncWords(summarize([room]))

/** Whether a room's contents stay in this browser, in words. */
export const keptWords = (kept: KeptOnDevice): string =>
  kept === 'not-kept' ? 'Not kept on this device' : 'Kept on this device'

/** The chair's offline change set still to review, e.g. "3 articles to review". */
export const reviewWords = (articles: number): string => `${counted(articles, 'article')} to review`

/**
 * The header's one state: the rooms' summary, or, before any room has reported (the first
 * render), what the text room's connection says.
 */
export function headerSummary(
  rooms: readonly RoomSync[],
  textStatus: ConnectionStatus,
): SyncSummary {
  if (rooms.length > 0) return summarize(rooms)
  if (textStatus === 'connected') return { state: 'saved' }
  if (textStatus === 'refused' || textStatus === 'outdated') return { state: 'refused' }
  return { state: 'connecting' }
}
