// How a secretariat would lay a Markdown draft out in a word processor, for the tests that write
// a Word (or OpenDocument) file of a draft and import it: headings, paragraphs, automatically
// numbered paragraphs ("1.", nested "1.", "(a)", bullets) nested by indentation, unnumbered
// paragraphs indented under the numbered one they continue, bold/italic runs and footnotes.
// Independent of the importer's own Markdown reader: a small reader of this extract's layout.

/** A piece of a paragraph: words with emphasis, or a footnote reference. */
export type Run = { text: string; bold: boolean; italic: boolean } | { footnote: string }

/** Which automatic list a numbered paragraph belongs to. */
export type ListKind = 'decimal' | 'letter' | 'bullet'

/** One paragraph as a word processor holds it. */
export interface WordBlock {
  kind: 'title' | 'heading' | 'paragraph' | 'item'
  /** Nesting: 0 at the margin, 1 under a numbered paragraph, ... */
  depth: number
  runs: Run[]
  /** For items: the list, its number as printed in the Markdown, and where it counts. */
  list?: ListPlace
}

/**
 * Where an item counts: a list instance (Word's numId), the level in it (a nested "1." under a
 * "1." is the outer list's next level; any other list is its own, at level 0), and the number the
 * instance starts from.
 */
export interface ListPlace {
  kind: ListKind
  number: number
  instance: number
  level: number
  start: number
}

/** The draft's paragraphs and its footnotes' texts by label. */
export interface WordLayout {
  blocks: WordBlock[]
  footnotes: Map<string, string>
}

/** `*`/`**` toggle italic and bold; `[^n]` is a footnote reference. */
export function runsOf(text: string): Run[] {
  const runs: Run[] = []
  let bold = false
  let italic = false
  let buf = ''
  const flush = () => {
    if (buf) runs.push({ text: buf, bold, italic })
    buf = ''
  }
  for (let i = 0; i < text.length;) {
    const note = /^\[\^([^\]]+)\]/.exec(text.slice(i))
    if (note && !/^\[\^[^\]]+\]:/.test(text.slice(i))) {
      flush()
      runs.push({ footnote: note[1] as string })
      i += note[0].length
    } else if (text.startsWith('**', i)) {
      flush()
      bold = !bold
      i += 2
    } else if (text[i] === '*') {
      flush()
      italic = !italic
      i += 1
    } else buf += text[i++]
  }
  flush()
  return runs
}

// Which list an item continues, as a person using Word would have set it: the item just
// before at its depth (or the parent it nests under, for a first "1."), else an earlier list of
// the same kind whose last number comes just before (Word's "continue numbering"), else a new
// list starting at its number.
function listFor(
  blocks: WordBlock[],
  depth: number,
  kind: ListKind,
  number: number,
  fresh: () => number,
): ListPlace {
  const previous = blocks[blocks.length - 1]
  const base = { kind, number }
  if (previous?.list && previous.depth === depth && previous.list.kind === kind) {
    if (previous.list.number + 1 === number) return { ...previous.list, ...base }
  }
  if (number === 1 && kind === 'decimal' && previous?.list?.kind === 'decimal') {
    if (previous.depth === depth - 1 && previous.list.level === depth - 1) {
      return { ...previous.list, ...base, level: depth }
    }
  }
  if (number > 1) {
    // Back to the latest item of this depth since the enclosing item, if it counts on to here.
    for (let k = blocks.length - 1; k >= 0; k--) {
      const b = blocks[k] as WordBlock
      if (b.kind === 'heading' || (b.kind === 'item' && b.depth < depth)) break
      if (b.list && b.depth === depth && b.list.kind === kind) {
        if (b.list.number + 1 === number) return { ...b.list, ...base }
        break
      }
    }
  }
  return { kind, number, instance: fresh(), level: 0, start: number }
}

const ITEM = /^(?:(\d+)\.|\(([a-z])\)|(-))\s+/

/** Reads a draft in the Paris drafts' Markdown layout into word-processor paragraphs. */
export function wordLayout(markdown: string): WordLayout {
  const blocks: WordBlock[] = []
  const footnotes = new Map<string, string>()
  const open: number[] = [] // columns of the numbered paragraphs that hold what follows
  let instances = 0
  const lines = markdown.split('\n')
  let i = 0
  if (lines[0] === '---') {
    const end = lines.indexOf('---', 1)
    const title = lines.slice(1, end).find((l) => l.startsWith('title:'))
    if (title) blocks.push({ kind: 'title', depth: 0, runs: runsOf(title.slice(6).trim()) })
    i = end + 1
  }
  for (; i < lines.length; i++) {
    const line = lines[i] as string
    if (!line.trim()) continue
    const def = /^\[\^([^\]]+)\]:\s*(.*)$/.exec(line)
    if (def) {
      footnotes.set(def[1] as string, (def[2] as string).trim())
      continue
    }
    if (line.startsWith('## ')) {
      blocks.push({ kind: 'heading', depth: 0, runs: runsOf(line.slice(3).trim()) })
      open.length = 0
      continue
    }
    const column = line.length - line.trimStart().length
    while (open.length > 0 && (open[open.length - 1] as number) >= column) open.pop()
    const depth = open.length
    const content = line.trim()
    const item = ITEM.exec(content)
    if (!item) {
      blocks.push({ kind: 'paragraph', depth, runs: runsOf(content) })
      continue
    }
    const kind: ListKind = item[1] ? 'decimal' : item[2] ? 'letter' : 'bullet'
    const number = item[1] ? Number(item[1]) : item[2] ? item[2].charCodeAt(0) - 96 : 1
    blocks.push({
      kind: 'item',
      depth,
      runs: runsOf(content.slice(item[0].length)),
      list: listFor(blocks, depth, kind, number, () => ++instances),
    })
    open.push(column)
  }
  return { blocks, footnotes }
}
