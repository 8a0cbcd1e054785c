import { randomBytes } from 'node:crypto'
import { TEXT_FRAGMENT, STRUCTURE_ORIGIN } from '../../../shared/collab'
import {
  fillStructureGaps,
  structureGaps,
  wordingGaps,
  type StructureGap,
} from '../../../shared/domain/structure'
import type { Connection } from './Connection'
import type { Room } from './Room'

// The same shape as the ids the editor and the proposal commands give new articles.
const newArticleId = () => `art-${randomBytes(4).toString('hex')}`

/**
 * After a client's update, puts back what the editor needs and the merge left out (a title, a
 * preamble or its one paragraph, an article's title or unique id, in the text or a session's
 * text; a draft's only clause), stored and sent like any command. Runs in the room's queue,
 * so it adds each missing piece once: the next update finds it there. Answers what it added (nothing, almost always).
 */
export async function restoreStructure(room: Room, from: Connection): Promise<StructureGap[]> {
  // Only a writer's update can open a gap; a reader's sync must never make the server write
  // (into a tabled proposal's draft, say).
  if (from.access !== 'write') return []
  // A session's text is a treaty text of a few articles (issue 13): the same pieces hold.
  const kind = room.ref.kind
  const find =
    kind === 'text' || kind === 'session' ? structureGaps : kind === 'draft' ? wordingGaps : null
  if (!find) return []
  const gaps = find(room.doc.getXmlFragment(TEXT_FRAGMENT))
  if (gaps.length === 0) return gaps
  await room.transact(STRUCTURE_ORIGIN, (doc) =>
    fillStructureGaps(doc.getXmlFragment(TEXT_FRAGMENT), gaps, newArticleId),
  )
  return gaps
}
