import { recordLabel } from '../stances/statements'
import type { Provenance, RecordKey } from '../stances/types'

/** What every export says once when any entry in it is marked Synthetic. */
export const SYNTHETIC_NOTE =
  'Entries marked Synthetic were invented for the demo and are not from a source.'

/** The word that marks an invented item, wherever an export prints one. */
export const SYNTHETIC_WORD = 'Synthetic'

/**
 * Where an entry comes from, as exports print it after the entry: "Reported: CMC Vienna
 * report, IV", "Recorded by Delegation of France", "Synthetic". A recorded or synthetic entry's
 * source, if any, follows after a semicolon; `actorName` names a delegation's record.
 */
export function provenanceText(
  entry: { provenance: Provenance; source: string; record: RecordKey },
  actorName?: (id: string) => string,
): string {
  const source = entry.source.trim()
  switch (entry.provenance) {
    case 'reported':
      return `Reported: ${source || 'source not given'}`
    case 'recorded':
      return `Recorded by ${recordLabel(entry.record, { actor: actorName })}${source ? `; ${source}` : ''}`
    case 'synthetic':
      return `${SYNTHETIC_WORD}${source ? `; ${source}` : ''}`
  }
}
