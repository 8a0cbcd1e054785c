import { TEXT_FRAGMENT, roomName, type Origin } from '../../../shared/collab'
import type { Concordance } from '../../../shared/domain/concordance'
import { can } from '../../../shared/domain/policy'
import type { Room } from '../collab/Room'
import { currentRoundId, newEvent } from '../history/events'
import { HttpError } from '../http/errors'
import { commitAtomically } from '../proposals/commit'
import type { RoundContext } from '../rounds/roundCommands'
import { renumberLabels, type LabelWrites } from './labelWrites'

/** The origin of the server's freezing of a text's numbers (a round closing, or the migration). */
export const FREEZE_ORIGIN: Origin = { kind: 'server-command', command: 'freeze-numbers' }
/** The origin of the chair's renumbering. */
export const RENUMBER_ORIGIN: Origin = { kind: 'server-command', command: 'renumber' }

/** A negotiation's renumberings, oldest first (anyone who reads the negotiation). */
export async function listConcordances(
  ctx: Pick<RoundContext, 'storage' | 'negotiationId'>,
): Promise<{ concordances: Concordance[] }> {
  return { concordances: await ctx.storage.concordances.list(ctx.negotiationId) }
}

/**
 * The chair's renumbering: every article and numbered clause takes its number from order (per
 * instrument), and the labels that changed are kept as a concordance with who and when; the text
 * change, the concordance and a `text-renumbered` event are stored in one step before anyone
 * sees the new numbers. A renumbering that changes nothing stores nothing (answers null).
 */
export async function renumberText(
  ctx: RoundContext,
): Promise<{ concordance: Concordance | null }> {
  const decision = can(ctx.principal, { type: 'manage-rounds' })
  if (!decision.ok) throw new HttpError(403, 'forbidden', decision.reason)
  return ctx.queue.run(ctx.negotiationId, async () => {
    // Summaries of edits before the renumbering are written first, so the log reads in order.
    await ctx.edits?.flush(ctx.negotiationId)
    const roundId = await currentRoundId(ctx.storage, ctx.negotiationId)
    const text = roomName({ negotiationId: ctx.negotiationId, kind: 'text' })
    return ctx.registry.withRooms([text], async ([room]) => {
      let writes: LabelWrites = { set: 0, articles: [], clauses: [] }
      let concordance: Concordance | null = null
      await commitAtomically(
        ctx.storage,
        RENUMBER_ORIGIN,
        [
          {
            room: room as Room,
            change: (doc) => {
              writes = renumberLabels(doc.getXmlFragment(TEXT_FRAGMENT))
            },
          },
        ],
        async (tx) => {
          if (writes.set === 0) return
          const at = new Date().toISOString()
          const by = { accountId: ctx.principal.accountId, byName: ctx.byName }
          concordance = await tx.concordances.append({
            negotiationId: ctx.negotiationId,
            at,
            ...by,
            articles: writes.articles,
            clauses: writes.clauses,
          })
          await tx.events.append(
            newEvent({
              negotiationId: ctx.negotiationId,
              type: 'text-renumbered',
              at,
              ...by,
              roundId,
              data: {
                concordance: concordance.seq,
                articles: writes.articles.length,
                clauses: writes.clauses.length,
                changes: writes.articles.slice(0, 50).map((a) => `${a.from} → ${a.to}`),
              },
            }),
          )
        },
      )
      return { concordance }
    })
  })
}
