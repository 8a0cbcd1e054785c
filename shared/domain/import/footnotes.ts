import type { FootnoteDefinition } from './markdownBlocks'
import { markdownPieces } from './inline'
import type { WarningLog } from './warnings'

/**
 * Resolves footnote references to their definitions, in reading order. A label defined twice is
 * reported; when the label just before it has no definition of its own (4 December 2015 defines
 * "[^2]" twice and "[^1]" never, the first "[^2]" sitting where "[^1]" belongs), the first of the
 * two is read as that one. Otherwise the n-th reference of a label takes its n-th definition.
 */
export class Footnotes {
  private readonly byLabel = new Map<string, FootnoteDefinition[]>()
  private readonly seen = new Map<string, number>()

  constructor(
    definitions: FootnoteDefinition[],
    referenced: ReadonlySet<string>,
    links: ReadonlySet<string>,
    private readonly log: WarningLog,
  ) {
    for (const d of definitions) {
      const list = this.byLabel.get(d.label) ?? []
      list.push(d)
      this.byLabel.set(d.label, list)
    }
    for (const [label, list] of [...this.byLabel]) {
      if (list.length < 2) continue
      const [first, second] = list as [FootnoteDefinition, FootnoteDefinition]
      const n = Number(label)
      const before = String(n - 1)
      const takesBefore = Number.isInteger(n) && referenced.has(before) && !this.byLabel.has(before)
      if (takesBefore) {
        this.byLabel.set(before, [first])
        this.byLabel.set(label, list.slice(1))
      }
      this.log.add(
        second.line,
        'footnote-duplicate',
        takesBefore
          ? `footnote [^${label}] is defined twice; the first (line ${first.line}) is read as [^${before}], which has no definition`
          : `footnote [^${label}] is defined ${list.length} times; references take them in order`,
        second.source.slice(0, 80),
      )
    }
    this.texts = new Map(
      [...this.byLabel].map(([label, list]) => [
        label,
        list.map((d) => plainText(d.source, links)),
      ]),
    )
    for (const [label, list] of this.byLabel) {
      if (!referenced.has(label)) {
        const d = list[0] as FootnoteDefinition
        this.log.add(
          d.line,
          'footnote-unused',
          `footnote [^${label}] is defined but not referenced in the text`,
          d.source.slice(0, 80),
        )
      }
    }
  }

  private readonly texts: Map<string, string[]>

  /** The id and text of the next reference to `label`; a missing definition is reported. */
  take(label: string, line: number, context: string): { id: string; text: string } {
    const count = (this.seen.get(label) ?? 0) + 1
    this.seen.set(label, count)
    const id = count === 1 ? `fn-${label}` : `fn-${label}-${count}`
    const texts = this.texts.get(label)
    if (!texts || texts.length === 0) {
      if (count === 1) {
        this.log.add(line, 'footnote-missing', `footnote [^${label}] has no definition`, context)
      }
      return { id, text: '' }
    }
    return { id, text: texts[Math.min(count, texts.length) - 1] as string }
  }
}

// A definition's words: emphasis and links dropped, brackets kept as the characters they are.
function plainText(source: string, links: ReadonlySet<string>): string {
  return markdownPieces(source, links)
    .map((p) =>
      p.kind === 'text'
        ? p.text
        : p.kind === 'open'
          ? '['
          : p.kind === 'close'
            ? ']'
            : p.kind === 'placeholder'
              ? p.label
              : '',
    )
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
}
