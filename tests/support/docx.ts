import { XMLValidator } from 'fast-xml-parser'
import JSZip from 'jszip'

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
const decode = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_m, e: string) =>
    e.startsWith('#x') || e.startsWith('#X')
      ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(Number(e.slice(1)))
        : (ENTITIES[e] ?? _m),
  )

/**
 * Reads a .docx back: unzips it and answers the text of each paragraph of word/document.xml
 * (its <w:t> runs joined, a <w:tab/> as a tab). Throws if it is not a Word file or its XML is
 * not well-formed.
 */
export async function docxParagraphs(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes)
  const xml = await zip.file('word/document.xml')?.async('string')
  if (!xml) throw new Error('no word/document.xml in the file')
  if (!(await zip.file('[Content_Types].xml')?.async('string'))) {
    throw new Error('no [Content_Types].xml in the file')
  }
  const wellFormed = XMLValidator.validate(xml)
  if (wellFormed !== true) throw new Error(`word/document.xml: ${JSON.stringify(wellFormed.err)}`)
  const paragraphs = xml.split(/<w:p[ >]/).slice(1)
  return paragraphs.map((p) => {
    let text = ''
    for (const m of p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)) {
      text += m[1] === undefined ? '\t' : decode(m[1])
    }
    return text
  })
}

/** One part of a .docx as XML text (e.g. "word/comments.xml"), or null if the file has none. */
export async function docxPart(bytes: Uint8Array, name: string): Promise<string | null> {
  const zip = await JSZip.loadAsync(bytes)
  return (await zip.file(name)?.async('string')) ?? null
}
