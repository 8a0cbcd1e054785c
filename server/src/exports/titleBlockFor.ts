import { formatDay, formatTime, type TitleBlock } from '../../../shared/domain/export'
import { currentRound } from '../proposals/currentRound'
import { lastTextChange } from '../report/reportEvents'
import type { Negotiation, Storage } from '../storage/Storage'
import type { TextVersion } from './textVersion'

/**
 * The title block of a text as circulated: the chair's symbol and distribution for that text
 * (the live text's, or the round's), its round, and the date of the text itself: a frozen
 * text's close, or for the live text the last change on record ("Current text as of …").
 */
export async function titleBlockFor(
  storage: Storage,
  negotiation: Negotiation,
  version: Pick<TextVersion, 'roundId' | 'date' | 'synthetic'>,
): Promise<TitleBlock> {
  const rounds = await storage.listRounds(negotiation.id)
  const settings = await storage.documents.get(negotiation.id, version.roundId)
  const round = version.roundId
    ? rounds.find((r) => r.id === version.roundId)
    : (currentRound(rounds) ?? undefined)
  let dateLine: string
  if (version.roundId) {
    dateLine = formatDay(version.date)
  } else {
    const at = (await lastTextChange(storage, negotiation.id)) ?? negotiation.createdAt
    dateLine = `Current text as of ${formatTime(at)}`
  }
  return {
    negotiation: negotiation.name,
    round: round?.name ?? null,
    symbol: settings?.symbol ?? '',
    distribution: settings?.distribution ?? 'general',
    dateLine,
    synthetic: version.synthetic === true,
  }
}

/** The title block of the compendium: the live text's distribution, no symbol of its own. */
export async function compendiumTitleBlock(
  storage: Storage,
  negotiation: Negotiation,
  asOf: string,
): Promise<TitleBlock> {
  const block = await titleBlockFor(storage, negotiation, {
    roundId: null,
    date: asOf,
    synthetic: false,
  })
  return { ...block, symbol: '', dateLine: `Proposals as of ${formatDay(asOf)}` }
}
