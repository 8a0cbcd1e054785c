import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun,
  type ILevelsOptions,
} from 'docx'
import type { ListKind, Run, WordLayout } from './wordLayout'

const INDENT = 720 // twips per nesting step
const HANGING = 360

const levels = (
  format: (typeof LevelFormat)[keyof typeof LevelFormat],
  text: (l: number) => string,
) =>
  [0, 1, 2].map((level): ILevelsOptions => ({
    level,
    format,
    text: text(level),
    start: 1,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: INDENT * (level + 1), hanging: HANGING } } },
  }))

// Word's automatic numbering as a secretariat sets it: "1." with nested "1.", "(a)", bullets.
const NUMBERING: Record<ListKind, ILevelsOptions[]> = {
  decimal: levels(LevelFormat.DECIMAL, (l) => `%${l + 1}.`),
  letter: levels(LevelFormat.LOWER_LETTER, (l) => `(%${l + 1})`),
  bullet: levels(LevelFormat.BULLET, () => '\u2022'),
}

/**
 * A .docx of a draft written with the `docx` package as a word processor holds it: headings in
 * Heading 2, the title in Title, numbered paragraphs with Word's automatic numbering (a new list
 * instance where the draft restarts its numbers), unnumbered paragraphs indented under the
 * numbered one they continue, bold and italic runs, and real Word footnotes.
 */
export async function layoutDocx(layout: WordLayout): Promise<Buffer> {
  const footnoteIds = new Map<string, number>()
  const runs = (list: Run[]) =>
    list.map((r) => {
      if ('footnote' in r) {
        const id = footnoteIds.get(r.footnote) ?? footnoteIds.size + 1
        footnoteIds.set(r.footnote, id)
        return new FootnoteReferenceRun(id)
      }
      return new TextRun({ text: r.text, bold: r.bold, italics: r.italic })
    })
  const paragraphs = layout.blocks.map((b) => {
    if (b.kind === 'title')
      return new Paragraph({ heading: HeadingLevel.TITLE, children: runs(b.runs) })
    if (b.kind === 'heading') {
      return new Paragraph({ heading: HeadingLevel.HEADING_2, children: runs(b.runs) })
    }
    if (b.kind === 'paragraph') {
      return new Paragraph({
        children: runs(b.runs),
        ...(b.depth > 0 ? { indent: { left: INDENT * b.depth } } : {}),
      })
    }
    const list = b.list as NonNullable<typeof b.list>
    // A nested decimal continues its parent's list one level down; other lists nest by indent.
    const sharesParent =
      list.kind === 'decimal' &&
      layout.blocks.some(
        (o) => o.kind === 'item' && o.list?.instance === list.instance && o.depth < b.depth,
      )
    const level = sharesParent ? b.depth : 0
    return new Paragraph({
      children: runs(b.runs),
      numbering: { reference: list.kind, level, instance: list.instance },
      ...(level !== b.depth ? { indent: { left: INDENT * (b.depth + 1), hanging: HANGING } } : {}),
    })
  })
  const footnotes: Record<number, { children: Paragraph[] }> = {}
  for (const [label, id] of footnoteIds) {
    footnotes[id] = { children: [new Paragraph(layout.footnotes.get(label) ?? '')] }
  }
  const doc = new Document({
    footnotes,
    numbering: {
      config: Object.entries(NUMBERING).map(([reference, lv]) => ({ reference, levels: lv })),
    },
    sections: [{ children: paragraphs }],
  })
  return Packer.toBuffer(doc)
}
