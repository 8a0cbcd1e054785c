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
] as const

/** Where an export downloads; `round` picks a closed round's frozen text (else the current). */
export function exportUrl(negotiationId: string, file: string, round?: string | null): string {
  const query = round ? `?round=${encodeURIComponent(round)}` : ''
  return negotiationPath(negotiationId, `/export/${file}${query}`)
}

/** The file name a download is saved under: "ccm-vienna-2007-text.docx". */
export function downloadName(negotiationId: string, file: string, round?: string | null): string {
  return [negotiationId, round, file].filter(Boolean).join('-')
}
