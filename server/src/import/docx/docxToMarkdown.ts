import JSZip from 'jszip'
import mammoth from 'mammoth'
import { markParagraphs } from './markParagraphs'
import { markdownOf, type MammothDocument } from './markdownOf'
import { readWordNumbering } from './wordNumbering'

/** Why a file could not be read as a Word document. */
export interface DocxError {
  code: 'not_docx' | 'docx_too_large' | 'unreadable_docx'
  message: string
}

/** A Word file as UN-style Markdown, with what was lost on the way; or why it is not one. */
export type DocxToMarkdownResult =
  | {
      ok: true
      markdown: string
      warnings: string[]
      /** For each Markdown line (index = line - 1), the Word paragraph (from 1) it came from. */
      paragraphOfLine: (number | undefined)[]
    }
  | { ok: false; error: DocxError }

/** The most a file's parts may unpack to: a treaty of 1,000 pages is some megabytes of XML. */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024

// mammoth's warnings that say nothing about the text: styles it has no HTML mapping for.
const NOISE = /^Unrecognised (paragraph|run|table) style/

// What mammoth reads silently: tracked changes as if accepted (insertions kept, deletions left
// out), and no comments.
const kept = (body: string): string[] => [
  ...(/<w:(ins|del|moveFrom|moveTo)\b/.test(body)
    ? ['The file has tracked changes: they are read as if accepted (deleted text left out).']
    : []),
  ...(/<w:commentReference\b/.test(body) ? ['Comments in the file were left out.'] : []),
]

const fail = (code: DocxError['code'], message: string) =>
  ({ ok: false, error: { code, message } }) as const

// The main document part, as the package's relationships name it (word/document.xml in practice).
async function mainPart(zip: JSZip): Promise<string | undefined> {
  const rels = await zip.file('_rels/.rels')?.async('string')
  const target = rels
    ?.match(/<Relationship\b[^>]*>/g)
    ?.find((r) => /Type="[^"]*\/officeDocument"/.test(r))
    ?.match(/Target="\/?([^"]+)"/)?.[1]
  return [target, 'word/document.xml'].find((p) => p !== undefined && zip.file(p) !== null)
}

const unpackedSize = (zip: JSZip) => {
  let total = 0
  zip.forEach((_path, file) => {
    // JSZip keeps each entry's declared size from the zip's central directory.
    total +=
      (file as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0
  })
  return total
}

/**
 * Reads a .docx into the Markdown that the Markdown importer reads (see markdownOf): mammoth for
 * the text, emphasis and notes; word/numbering.xml and word/styles.xml for the numbers Word
 * prints, which mammoth drops. Expected failures are values: a file that is not a zip or has no
 * Word document in it, one that unpacks to too much, one whose XML cannot be read.
 */
export async function docxToMarkdown(
  bytes: Uint8Array,
  { maxUnpackedBytes = MAX_UNPACKED_BYTES } = {},
): Promise<DocxToMarkdownResult> {
  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(bytes)
  } catch {
    return fail('not_docx', 'The file is not a Word document (.docx): it is not a zip archive.')
  }
  const part = await mainPart(zip)
  if (!part) {
    return fail('not_docx', 'The file is a zip archive but holds no Word document (.docx).')
  }
  // Checked before anything is unpacked: a small zip may unpack to gigabytes.
  if (unpackedSize(zip) > maxUnpackedBytes) {
    return fail(
      'docx_too_large',
      `The Word file unpacks to more than ${Math.round(maxUnpackedBytes / 1024 / 1024)} MB; a treaty needs far less.`,
    )
  }
  const dir = part.slice(0, part.lastIndexOf('/') + 1)
  try {
    const read = (name: string) => zip.file(`${dir}${name}`)?.async('string')
    const numbering = readWordNumbering(await read('numbering.xml'), await read('styles.xml'))
    const body = (await zip.file(part)?.async('string')) ?? ''
    const marked = markParagraphs(body, numbering)
    zip.file(part, marked.xml)
    const buffer = await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' })
    let model: MammothDocument | undefined
    const converted = await mammoth.convertToHtml(
      { buffer },
      {
        transformDocument: (doc: MammothDocument) => {
          model = doc
          return doc
        },
      },
    )
    if (!model) return fail('unreadable_docx', 'The Word document could not be read.')
    const md = markdownOf(model, marked.paragraphs)
    const messages = converted.messages.map((m) => m.message).filter((m) => !NOISE.test(m))
    return {
      ok: true,
      markdown: md.markdown,
      paragraphOfLine: md.paragraphOfLine,
      warnings: [...marked.warnings, ...md.warnings, ...kept(body), ...new Set(messages)],
    }
  } catch (error) {
    return fail(
      'unreadable_docx',
      `The Word document could not be read: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
}
