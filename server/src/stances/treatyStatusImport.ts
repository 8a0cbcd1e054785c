import {
  parseTreatyStatusCsv,
  untcNameResolver,
} from '../../../shared/domain/stances/treatyStatusCsv'
import type { TreatyStatus } from '../../../shared/domain/stances/types'
import type { CommandContext } from '../actors/participantCommands'
import { listActors } from '../actors/catalogue'
import { currentRoundId, newEvent } from '../history/events'
import { HttpError } from '../http/errors'
import { askerName, authorizeCommand } from './declarationCommands'

/** The most rows a treaty status CSV may hold (the world has about 200 states). */
export const MAX_TREATY_ROWS = 5000

/** The longest source kept from a file's `# Source:` line. */
const MAX_SOURCE = 1000

// The catalogue does not change while the server runs: one resolver for every import.
const resolveUntcName = untcNameResolver(listActors())

/** Each state's treaty status, for any member. */
export async function listTreatyStatus(ctx: CommandContext) {
  authorizeCommand(ctx, { type: 'read-negotiation' })
  return { status: await ctx.storage.declarations.listTreatyStatus(ctx.negotiationId) }
}

// The text of the file's first `# Source:` comment line, or null.
function sourceLine(text: string): string | null {
  const m = /^\uFEFF?\s*#\s*Source:\s*(.+)$/im.exec(text)
  const source = m?.[1]?.trim()
  if (!source) return null
  return source.length > MAX_SOURCE ? `${source.slice(0, MAX_SOURCE - 1)}…` : source
}

/**
 * Replaces the treaty status of every state with a UN Treaty Collection CSV (the secretariat),
 * all or nothing; `readText` reads the body (undefined if it is not text). The source is `source` if given, else the file's `# Source:` line; a file
 * with neither is refused. Rows naming no known state are reported, never guessed.
 */
export async function importTreatyStatusCsv(
  ctx: CommandContext,
  readText: () => Promise<string | undefined>,
  source: string | undefined,
) {
  authorizeCommand(ctx, { type: 'manage-issues' })
  // Read only once the asker may import: nobody else's upload is received.
  const text = await readText()
  if (text === undefined) {
    throw new HttpError(415, 'unsupported_media_type', 'Send the treaty status as text/csv.')
  }
  const cited = source?.trim() || sourceLine(text)
  if (!cited) {
    throw new HttpError(
      400,
      'source_required',
      'Name where the status comes from: ?source=… or a first line "# Source: …".',
    )
  }
  const parsed = parseTreatyStatusCsv(text, resolveUntcName, cited.slice(0, MAX_SOURCE))
  if (!parsed.ok) {
    const { line, column, message } = parsed.error
    throw new HttpError(400, 'invalid_csv', `Line ${line}, column ${column}: ${message}.`, {
      line,
      column,
    })
  }
  const total = parsed.rows.length + parsed.unmatched.length
  if (total > MAX_TREATY_ROWS) {
    throw new HttpError(
      413,
      'too_many_rows',
      `The file has ${total} rows; at most ${MAX_TREATY_ROWS} are imported at once.`,
      { limit: MAX_TREATY_ROWS },
    )
  }
  if (parsed.rows.length === 0 && parsed.unmatched.length > 0) {
    throw new HttpError(
      400,
      'nothing_matched',
      `No row names a known state (${parsed.unmatched.length} unmatched); the status is unchanged.`,
      { unmatched: parsed.unmatched },
    )
  }
  const rows: TreatyStatus[] = parsed.rows.map((r) => ({ ...r, negotiationId: ctx.negotiationId }))
  const byName = await askerName(ctx)
  const roundId = await currentRoundId(ctx.storage, ctx.negotiationId)
  await ctx.storage.atomically(async (tx) => {
    await tx.declarations.replaceTreatyStatus(ctx.negotiationId, rows)
    await tx.events.append(
      newEvent({
        negotiationId: ctx.negotiationId,
        type: 'treaty-status-imported',
        accountId: ctx.principal.accountId,
        byName,
        roundId,
        data: { imported: rows.length, unmatched: parsed.unmatched.length, source: cited },
      }),
    )
  })
  return { imported: rows.length, unmatched: parsed.unmatched }
}
