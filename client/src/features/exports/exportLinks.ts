import { negotiationPath } from '../../api'

/** The formats the text of a round, or the current text, exports to. */
export const TEXT_FORMATS = [
  { file: 'text.docx', label: 'Word (DOCX)' },
  { file: 'text.html', label: 'Print (HTML)' },
  { file: 'text.pdf', label: 'PDF' },
  { file: 'text.akn.xml', label: 'Akoma Ntoso (XML)' },
] as const

/** The formats of the compendium of proposals. */
export const COMPENDIUM_FORMATS = [
  { file: 'compendium.docx', label: 'Word (DOCX)' },
  { file: 'compendium.html', label: 'Print (HTML)' },
  { file: 'compendium.akn.xml', label: 'Akoma Ntoso (XML)' },
] as const

/** The formats of who stands where: every position and statement the reader may see. */
export const POSITIONS_FORMATS = [
  { file: 'positions.csv', label: 'Positions and statements (CSV)' },
] as const

/** The formats of the "text with brackets" view: the current text with its tabled proposals. */
export const PROPOSALS_VIEW_FORMATS = [
  { file: 'text.docx', label: 'Word (DOCX)' },
  { file: 'text.html', label: 'Print (HTML)' },
  { file: 'text.pdf', label: 'PDF' },
] as const

/** Where the "text with brackets" view of the current text downloads. */
export const proposalsViewUrl = (negotiationId: string, file: string): string =>
  negotiationPath(negotiationId, `/export/${file}?view=proposals`)

/** Where an export downloads; `round` picks a closed round's frozen text (else the current). */
export function exportUrl(negotiationId: string, file: string, round?: string | null): string {
  const query = round ? `?round=${encodeURIComponent(round)}` : ''
  return negotiationPath(negotiationId, `/export/${file}${query}`)
}

/** The file name a download is saved under: "ccm-vienna-2007-text.docx". */
export function downloadName(negotiationId: string, file: string, round?: string | null): string {
  return [negotiationId, round, file].filter(Boolean).join('-')
}
