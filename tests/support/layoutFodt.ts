import type { ListKind, Run, WordBlock, WordLayout } from './wordLayout'

const NS = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
].join(' ')

const escape = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // OpenDocument collapses runs of spaces: the second and later are <text:s/>.
    .replace(/ {2,}/g, (m) => ` <text:s text:c="${m.length - 1}"/>`)

// A list style per kind, levels 1-3, each level's text further right ("label-alignment" mode,
// as Writer makes lists today).
const level = (kind: ListKind, n: number) => {
  const props =
    '<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">' +
    `<style:list-level-label-alignment text:label-followed-by="listtab" fo:text-indent="-0.25in" fo:margin-left="${0.5 * (kind === 'bullet' ? n + 1 : n)}in"/>` +
    '</style:list-level-properties>'
  if (kind === 'bullet') {
    return `<text:list-level-style-bullet text:level="${n}" text:bullet-char="\u2022">${props}</text:list-level-style-bullet>`
  }
  const format =
    kind === 'letter'
      ? 'style:num-format="a" style:num-prefix="(" style:num-suffix=")"'
      : 'style:num-format="1" style:num-suffix="."'
  return `<text:list-level-style-number text:level="${n}" ${format}>${props}</text:list-level-style-number>`
}
const listStyle = (kind: ListKind) =>
  `<text:list-style style:name="L-${kind}">${[1, 2, 3].map((n) => level(kind, n)).join('')}</text:list-style>`

const SPAN: Record<string, string> = { '10': 'B', '01': 'I', '11': 'BI' }
const STYLES =
  '<style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>' +
  '<style:style style:name="I" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>' +
  '<style:style style:name="BI" style:family="text"><style:text-properties fo:font-weight="bold" fo:font-style="italic"/></style:style>' +
  (['decimal', 'letter', 'bullet'] as const).map(listStyle).join('')

/**
 * A flat OpenDocument text (.fodt) of a draft as Writer holds it, for LibreOffice to save as
 * .docx: headings at outline level 2, the title in "Title", numbered paragraphs as Writer's
 * automatic lists (text:list, nested lists inside their item), unnumbered paragraphs that
 * continue a numbered one inside its list item, bold/italic spans, and footnotes.
 */
export function layoutFodt(layout: WordLayout): string {
  let noteCount = 0
  const runs = (list: Run[]) =>
    list
      .map((r) => {
        if ('footnote' in r) {
          noteCount += 1
          const text = escape(layout.footnotes.get(r.footnote) ?? '')
          return `<text:note text:id="ftn${noteCount}" text:note-class="footnote"><text:note-citation>${noteCount}</text:note-citation><text:note-body><text:p>${text}</text:p></text:note-body></text:note>`
        }
        const style = SPAN[`${Number(r.bold)}${Number(r.italic)}`]
        return style
          ? `<text:span text:style-name="${style}">${escape(r.text)}</text:span>`
          : escape(r.text)
      })
      .join('')

  const started = new Set<number>()
  // Renders blocks[from..] that belong at `depth`, returns the XML and where it stopped.
  // A nested list of another kind (bullets under a numbered paragraph) would take the outer
  // list's style in Writer: it ends the outer list and stands on its own, further right.
  const render = (
    blocks: WordBlock[],
    from: number,
    depth: number,
    outer?: ListKind,
  ): [string, number] => {
    let xml = ''
    let i = from
    while (i < blocks.length && (blocks[i] as WordBlock).depth >= depth) {
      const b = blocks[i] as WordBlock
      if (outer && b.list && b.list.kind !== outer) break
      if (b.kind !== 'item' || !b.list) {
        const tag =
          b.kind === 'heading'
            ? `text:h text:outline-level="2"`
            : b.kind === 'title'
              ? 'text:p text:style-name="Title"'
              : 'text:p'
        xml += `<${tag}>${runs(b.runs)}</${tag.split(' ')[0]}>`
        i += 1
        continue
      }
      // Consecutive items of one list are one text:list; a list broken by a paragraph at the
      // margin and taken up again continues its numbers.
      const { kind, instance } = b.list
      const cont = started.has(instance) ? ' text:continue-numbering="true"' : ''
      started.add(instance)
      xml += `<text:list text:style-name="L-${kind}"${cont}>`
      while (i < blocks.length) {
        const item = blocks[i] as WordBlock
        if (item.kind !== 'item' || item.depth !== b.depth || item.list?.instance !== instance)
          break
        const [inner, next] = render(blocks, i + 1, b.depth + 1, kind)
        xml += `<text:list-item><text:p>${runs(item.runs)}</text:p>${inner}</text:list-item>`
        i = next
      }
      xml += '</text:list>'
    }
    return [xml, i]
  }
  const [body] = render(layout.blocks, 0, 0)
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<office:document ${NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">` +
    `<office:automatic-styles>${STYLES}</office:automatic-styles>` +
    `<office:body><office:text>${body}</office:text></office:body></office:document>\n`
  )
}
