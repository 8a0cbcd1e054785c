/** What one author's edits did to an article's brackets and option blocks ('text-edited' data). */
export interface CleaningEdit {
  bracketsAdded: number
  bracketsRemoved: number
  optionsAdded: number
  optionsRemoved: number
}

const count = (value: unknown): number =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0

/** The cleaning counts of a 'text-edited' event's data (0 for an event recorded before them). */
export function cleaningEditOf(data: Record<string, unknown>): CleaningEdit {
  return {
    bracketsAdded: count(data.bracketsAdded),
    bracketsRemoved: count(data.bracketsRemoved),
    optionsAdded: count(data.optionsAdded),
    optionsRemoved: count(data.optionsRemoved),
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/**
 * The edit as a phrase after its author's name: "bracketed 2, cleaned 1 bracket, added 1 option
 * block"; "" when it touched no bracket or option block.
 */
export function describeCleaning(edit: CleaningEdit): string {
  const parts: string[] = []
  if (edit.bracketsAdded) parts.push(`bracketed ${edit.bracketsAdded}`)
  if (edit.bracketsRemoved) parts.push(`cleaned ${plural(edit.bracketsRemoved, 'bracket')}`)
  if (edit.optionsAdded) parts.push(`added ${plural(edit.optionsAdded, 'option block')}`)
  if (edit.optionsRemoved) parts.push(`cleaned ${plural(edit.optionsRemoved, 'option block')}`)
  return parts.join(', ')
}
