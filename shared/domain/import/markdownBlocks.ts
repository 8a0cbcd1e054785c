import { importError, type ImportError } from './warnings'

/** A paragraph of the source: its first line, indentation and text (continuation lines joined). */
export interface Block {
  line: number
  indent: number
  text: string
  /** Where each source line starts in `text`, to give a warning its line. */
  lineStarts: { offset: number; line: number }[]
}

/** A part of the text under one `##` heading: the preamble, an article, or another heading. */
export interface Section {
  kind: 'preamble' | 'article' | 'heading'
  line: number
  /** The heading's text after the `#`s. */
  heading: string
  blocks: Block[]
}

/** A footnote definition `[^5]: ...` with its continuation lines. */
export interface FootnoteDefinition {
  label: string
  line: number
  /** Its Markdown source, lines joined. */
  source: string
}

/** A Markdown negotiating text cut into what the importer reads. */
export interface MarkdownOutline {
  /** The title of the YAML front matter, "" if none. */
  frontTitle: string
  /** The first `##` heading before the text proper, "" if none. */
  headingTitle: string
  sections: Section[]
  footnotes: FootnoteDefinition[]
  /** Labels of link definitions `[ref]: url`, lower-cased. */
  links: Set<string>
}

const FOOTNOTE_DEF = /^ {0,3}\[\^([^\]]+)\]:\s?(.*)$/
const LINK_DEF = /^ {0,3}\[([^\]^][^\]]*)\]:\s+\S/
// Kramdown's table-of-contents and attribute lines: "* TOC", "{:toc}", "{:.no_toc}".
const KRAMDOWN = /^\s*(?:\{:[^}]*\}|[*-]\s+TOC)\s*$/
const HEADING = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/
const PREAMBLE = /^\**\s*preamble\b/i
const ARTICLE = /^\[?\s*Article\b/i

/** A line that begins a new paragraph even without a blank line before it. */
export type StartsBlock = (content: string) => boolean

const indentOf = (line: string): number => {
  let width = 0
  for (const ch of line) {
    if (ch === ' ') width += 1
    else if (ch === '\t') width += 4 - (width % 4)
    else break
  }
  return width
}

/**
 * Cuts a Markdown text into front matter, the sections under `##` headings from the preamble
 * (or the first article) on, footnote and link definitions; skips the website's introduction
 * before the text and Kramdown's table-of-contents lines. Fails only on front matter that never
 * closes, or a text with no preamble or article heading at all.
 */
export function outlineMarkdown(
  text: string,
  startsBlock: StartsBlock,
): { ok: true; outline: MarkdownOutline } | { ok: false; error: ImportError } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  const used = new Array<boolean>(lines.length).fill(false)
  let frontTitle = ''
  let from = 0
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l))
    if (end < 0) {
      return {
        ok: false,
        error: importError(1, 'the front matter to close with "---"', 'the end of the file'),
      }
    }
    for (const l of lines.slice(1, end)) {
      const m = /^title:\s*(.*?)\s*$/.exec(l)
      if (m) frontTitle = (m[1] ?? '').replace(/^(["'])(.*)\1$/, '$2')
    }
    from = end + 1
  }

  const footnotes: FootnoteDefinition[] = []
  const links = new Set<string>()
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] as string
    const def = FOOTNOTE_DEF.exec(line)
    if (def) {
      const parts = [def[2] ?? '']
      used[i] = true
      let j = i + 1
      for (; j < lines.length; j++) {
        const next = lines[j] as string
        if (next.trim() === '') {
          // Blank lines belong to the definition only when an indented line follows.
          let k = j
          while (k < lines.length && (lines[k] as string).trim() === '') k++
          const after = lines[k]
          if (after === undefined || indentOf(after) < 2 || FOOTNOTE_DEF.test(after)) break
          for (; j < k; j++) used[j] = true
          j = k - 1
          continue
        }
        if (FOOTNOTE_DEF.test(next) || LINK_DEF.test(next) || HEADING.test(next)) break
        parts.push(next.trim())
        used[j] = true
      }
      footnotes.push({ label: def[1] as string, line: i + 1, source: parts.join(' ').trim() })
      i = j - 1
      continue
    }
    const link = LINK_DEF.exec(line)
    if (link) {
      links.add((link[1] as string).toLowerCase())
      used[i] = true
    } else if (KRAMDOWN.test(line)) used[i] = true
  }

  // The text proper starts at "## Preamble", else at the first article.
  let start = -1
  let headingTitle = ''
  for (let i = from; i < lines.length; i++) {
    if (used[i]) continue
    const h = HEADING.exec(lines[i] as string)
    if (!h) continue
    const content = h[2] ?? ''
    if (PREAMBLE.test(content) || ARTICLE.test(content)) {
      start = i
      break
    }
    if (!headingTitle) headingTitle = content
  }
  if (start < 0) {
    let last = lines.length
    while (last > 1 && (lines[last - 1] as string).trim() === '') last--
    return {
      ok: false,
      error: importError(last, 'a "## Preamble" or "## Article 1" heading', 'the end of the file'),
    }
  }

  const sections: Section[] = []
  let section: Section | undefined
  let block: Block | undefined
  for (let i = start; i < lines.length; i++) {
    if (used[i]) continue
    const line = lines[i] as string
    const h = HEADING.exec(line)
    if (h) {
      const heading = h[2] ?? ''
      const kind = PREAMBLE.test(heading)
        ? 'preamble'
        : ARTICLE.test(heading)
          ? 'article'
          : 'heading'
      section = { kind, line: i + 1, heading, blocks: [] }
      sections.push(section)
      block = undefined
      continue
    }
    if (line.trim() === '') {
      block = undefined
      continue
    }
    const indent = indentOf(line)
    const content = line.trim()
    if (!block || startsBlock(content)) {
      block = { line: i + 1, indent, text: content, lineStarts: [{ offset: 0, line: i + 1 }] }
      section?.blocks.push(block)
      continue
    }
    // A continuation line; a trailing backslash was a hard line break.
    block.text = block.text.replace(/\\$/, '').trimEnd()
    block.lineStarts.push({ offset: block.text.length + 1, line: i + 1 })
    block.text += ` ${content}`
  }
  return { ok: true, outline: { frontTitle, headingTitle, sections, footnotes, links } }
}

/** The source line of an offset into a block's text. */
export function lineAt(block: Block, offset: number): number {
  let line = block.line
  for (const start of block.lineStarts) {
    if (start.offset <= offset) line = start.line
    else break
  }
  return line
}
