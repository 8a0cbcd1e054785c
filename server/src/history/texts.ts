import type { Node } from 'prosemirror-model'
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror'
import { TEXT_FRAGMENT, roomName } from '../../../shared/collab'
import type { Principal } from '../../../shared/domain/policy'
import { treatySchema } from '../../../shared/schema'
import type { RoomRegistry } from '../collab/rooms'
import { HttpError } from '../http/errors'
import type { Storage } from '../storage/Storage'

/** Who reads an article's history in which negotiation. */
export interface HistoryContext {
  storage: Storage
  registry: RoomRegistry
  principal: Principal
  negotiationId: string
}

/** One version of an article: as frozen when a round closed (roundId), or now (roundId null). */
export interface VersionJson {
  roundId: string | null
  roundName: string | null
  snapshotName: string | null
  /** What to call the version: the frozen text's name, or "Current text". */
  name: string
  closedAt: string | null
  number: number
  /** What negotiators call the article in that text ("2bis", "3"). */
  label: string
  title: string
  /** Its clauses one a line, brackets and option blocks printed. */
  text: string
  /** Bracketed spans and option blocks in it there. */
  brackets: number
  options: number
}

/** The name of the live text among the versions. */
export const CURRENT_TEXT = 'Current text'

/** A text an article may be read in, by key (a closed round's id or 'current'), read on demand. */
export interface TextSource {
  key: string
  meta: Omit<VersionJson, 'number' | 'label' | 'title' | 'text' | 'brackets' | 'options'>
  /** The whole text as a ProseMirror document; each call converts it again. */
  doc(): Promise<Node>
}

/**
 * Every text an article may be read in: each closed round's frozen text in round order, then
 * now. Nothing is read or converted until asked for, so that a diff loads two texts, not all.
 */
export async function textSources(ctx: HistoryContext): Promise<TextSource[]> {
  const rounds = await ctx.storage.rounds.list(ctx.negotiationId)
  const frozen = rounds.flatMap((r): TextSource[] =>
    r.snapshotName === null || r.closedAt === null
      ? []
      : [
          {
            key: r.id,
            meta: {
              roundId: r.id,
              roundName: r.name,
              snapshotName: r.snapshotName,
              name: r.snapshotName,
              closedAt: r.closedAt,
            },
            doc: async () => {
              const s = await ctx.storage.rounds.snapshot(ctx.negotiationId, r.id)
              if (!s) throw new Error(`round ${r.id} lists a frozen text that is not stored`)
              return treatySchema.nodeFromJSON(s.doc)
            },
          },
        ],
  )
  const text = roomName({ negotiationId: ctx.negotiationId, kind: 'text' })
  const current: TextSource = {
    key: 'current',
    meta: {
      roundId: null,
      roundName: null,
      snapshotName: null,
      name: CURRENT_TEXT,
      closedAt: null,
    },
    doc: () =>
      ctx.registry.read(text, (ydoc) =>
        yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(TEXT_FRAGMENT), treatySchema),
      ),
  }
  return [...frozen, current]
}

/** The 404 for an article that is in no text of the negotiation. */
export const articleNotFound = (id: string): HttpError =>
  new HttpError(404, 'article_not_found', `No article "${id}" in any text of this negotiation.`)
