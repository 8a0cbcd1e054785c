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

const FORMAT = {
  decimal: LevelFormat.DECIMAL,
  letter: LevelFormat.LOWER_LETTER,
  bullet: LevelFormat.BULLET,
}
const TEXT: Record<ListKind, (l: number) => string> = {
  decimal: (l) => `%${l + 1}.`,
  letter: (l) => `(%${l + 1})`,
  bullet: () => '\u2022',
}

// Word's automatic numbering as a secretariat sets it: "1." with nested "1.", "(a)", bullets;
// a list that starts at another number has a definition of its own.
const levels = (kind: ListKind, start: number) =>
  [0, 1, 2].map((level): ILevelsOptions => ({
    level,
    format: FORMAT[kind],
    text: TEXT[kind](level),
    start: level === 0 ? start : 1,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: INDENT * (level + 1), hanging: HANGING } } },
  }))

/**
 * A .docx of a draft written with the `docx` package as a word processor holds it: headings in
 * Heading 2, the title in Title, numbered paragraphs with Word's automatic numbering (a new list
 * instance where the draft restarts its numbers), unnumbered paragraphs indented under the
 * numbered one they continue, bold and italic runs, and real Word footnotes.
 */
export async function layoutDocx(layout: WordLayout): Promise<Buffer> {
  const footnoteIds = new Map<string, number>()
  const references = new Set<string>()
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
    const reference = `${list.kind}-${list.start}`
    references.add(reference)
    return new Paragraph({
      children: runs(b.runs),
      numbering: { reference, level: list.level, instance: list.instance },
      // A list of its own nested under a numbered paragraph: its level 0, further right.
      ...(list.level !== b.depth
        ? { indent: { left: INDENT * (b.depth + 1), hanging: HANGING } }
        : {}),
    })
  })
  const footnotes: Record<number, { children: Paragraph[] }> = {}
  for (const [label, id] of footnoteIds) {
    footnotes[id] = { children: [new Paragraph(layout.footnotes.get(label) ?? '')] }
  }
  const doc = new Document({
    footnotes,
    numbering: {
      config: [...references].map((reference) => {
        const [kind, start] = reference.split('-') as [ListKind, string]
        return { reference, levels: levels(kind, Number(start)) }
      }),
    },
    sections: [{ children: paragraphs }],
  })
  return Packer.toBuffer(doc)
}
