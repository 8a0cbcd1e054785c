import { escapeXml } from './escape'
import { isOptions, type Run, type ViewBlock, type ViewToken } from './nest'

/** A small indenting XML writer: elements with escaped attributes and text. */
export class Xml {
  private readonly lines: string[] = []
  private depth = 0

  raw(line: string): void {
    this.lines.push(line)
  }

  open(name: string, attrs: Record<string, string | undefined> = {}): void {
    this.lines.push(`${this.indent()}<${name}${attributes(attrs)}>`)
    this.depth++
  }

  close(name: string): void {
    this.depth--
    this.lines.push(`${this.indent()}</${name}>`)
  }

  empty(name: string, attrs: Record<string, string | undefined> = {}): void {
    this.lines.push(`${this.indent()}<${name}${attributes(attrs)}/>`)
  }

  text(name: string, text: string, attrs: Record<string, string | undefined> = {}): void {
    this.lines.push(`${this.indent()}<${name}${attributes(attrs)}>${escapeXml(text)}</${name}>`)
  }

  /** An element whose content is already XML (from `InlineWriter`). */
  element(name: string, xml: string, attrs: Record<string, string | undefined> = {}): void {
    this.lines.push(`${this.indent()}<${name}${attributes(attrs)}>${xml}</${name}>`)
  }

  toString(): string {
    return this.lines.join('\n') + '\n'
  }

  private indent(): string {
    return '  '.repeat(this.depth)
  }
}

/** Attributes as XML, escaped; undefined ones left out. */
export const attributes = (attrs: Record<string, string | undefined>): string =>
  Object.entries(attrs)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('')

/** A run as AKN inline XML: emphasis as <i> and <b>. */
export function runXml(text: string, em: boolean, strong: boolean): string {
  let s = escapeXml(text)
  if (em) s = `<i>${s}</i>`
  if (strong) s = `<b>${s}</b>`
  return s
}

/** Runs as AKN inline XML. */
export const runsXml = (runs: readonly Run[]): string =>
  runs.map((r) => runXml(r.text, r.em, r.strong)).join('')

interface Frame {
  id: string
  role: 'bracketed' | 'alternative'
}

/**
 * Writes the tokens of one container's clauses (an article, the preamble) as AKN inline XML, one
 * `<p>` at a time, keeping brackets as spans: a bracketed span is `<span class="bracketed">`
 * holding its "[" and "]"; a span with alternatives holds one `<span class="alternative">` per
 * alternative, each after the first pointing to the first with `alternativeTo` (AKN's attribute
 * for "an alternative version of this element"), with "][" between them. Footnotes become
 * `<authorialNote>` where they stand, placeholders `<placeholder>`.
 *
 * XML elements must nest, brackets need not: a span that crosses another, or runs on into the
 * next clause, is closed there and reopened after as `class="bracketed continued"` (no eId, no
 * bracket character), so every paragraph is well-formed on its own.
 */
export class InlineWriter {
  private readonly stack: Frame[] = []
  private spans = 0
  private readonly spanIds = new Map<string, string>()
  private readonly altCounts: Map<string, number>

  /** `prefix`: the eId of the container ("art_2"); `all`: every clause's tokens, to count alternatives. */
  constructor(
    private readonly prefix: string,
    all: readonly (readonly ViewToken[])[],
  ) {
    this.altCounts = new Map()
    for (const tokens of all) {
      for (const t of tokens) {
        if (t.kind === 'alt') this.altCounts.set(t.id, (this.altCounts.get(t.id) ?? 1) + 1)
      }
    }
  }

  /** One clause's tokens as the content of its `<p>`. */
  paragraph(tokens: readonly ViewToken[]): string {
    // Brackets still open from the clause before go on here.
    let out = this.stack.map((f) => this.openTag(f, true)).join('')
    for (const t of tokens) {
      switch (t.kind) {
        case 'text':
          out += runXml(t.text, t.em, t.strong)
          break
        case 'placeholder':
          out += `<placeholder>${escapeXml(t.label)}</placeholder>`
          break
        case 'footnote':
          out +=
            `<authorialNote${attributes({
              eId: `${this.prefix}__authorialNote_${t.number}`,
              marker: String(t.number),
              placement: 'bottom',
            })}>` + `<p>${escapeXml(t.text)}</p></authorialNote>`
          break
        case 'open': {
          const eId = `${this.prefix}__span_${++this.spans}`
          this.spanIds.set(t.id, eId)
          const frame: Frame = { id: t.id, role: 'bracketed' }
          this.stack.push(frame)
          out += this.openTag(frame, false) + '['
          if ((this.altCounts.get(t.id) ?? 1) > 1) {
            const alt: Frame = { id: t.id, role: 'alternative' }
            this.stack.push(alt)
            out += `<span${attributes({ class: 'alternative', eId: `${eId}__alt_1` })}>`
          }
          break
        }
        case 'alt': {
          const eId = this.spanIds.get(t.id)
          out += this.unwind(
            (f) => f.id === t.id && f.role === 'alternative',
            () => {
              if (!eId) return ''
              const alt: Frame = { id: t.id, role: 'alternative' }
              this.stack.push(alt)
              return `][<span${attributes({
                class: 'alternative',
                eId: `${eId}__alt_${t.alt + 1}`,
                alternativeTo: `${eId}__alt_1`,
              })}>`
            },
          )
          break
        }
        case 'proposal-open':
        case 'proposal-close':
        case 'proposal':
          // Proposals are not the text: the AKN of a text leaves them out.
          break
        case 'close':
          out += this.unwind(
            (f) => f.id === t.id && f.role === 'bracketed',
            () => '',
            (f) => (f.id === t.id && f.role === 'bracketed' ? ']' : ''),
          )
          break
      }
    }
    // Close what is still open; it reopens in the next clause.
    for (let i = this.stack.length - 1; i >= 0; i--) out += '</span>'
    return out
  }

  // Closes frames down to the one `match` finds (which is dropped), writes `between`, then
  // reopens the frames that stood above it as continuations. `before` is written just before
  // each closing tag (the "]" of the span).
  private unwind(
    match: (f: Frame) => boolean,
    between: () => string,
    before: (f: Frame) => string = () => '',
  ): string {
    const at = findLast(this.stack, match)
    if (at < 0) return ''
    const [target, ...above] = this.stack.splice(at)
    let out = ''
    for (let i = above.length - 1; i >= 0; i--) out += `${before(above[i] as Frame)}</span>`
    // A bracket's "]" closes after its last alternative.
    if (target?.role === 'bracketed') {
      out += `${before(target)}</span>`
    } else {
      out += '</span>'
    }
    out += between()
    // Frames of the same span (its alternative, when the span closes) end with it.
    for (const f of above.filter((a) => a.id !== target?.id)) {
      this.stack.push(f)
      out += this.openTag(f, true)
    }
    return out
  }

  private openTag(f: Frame, continued: boolean): string {
    const eId = this.spanIds.get(f.id)
    if (f.role === 'alternative') {
      return `<span${attributes({ class: continued ? 'alternative continued' : 'alternative' })}>`
    }
    return `<span${attributes({
      class: continued ? 'bracketed continued' : 'bracketed',
      eId: continued ? undefined : eId,
    })}>`
  }
}

function findLast<T>(list: readonly T[], match: (x: T) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (match(list[i] as T)) return i
  return -1
}

/** Every clause's tokens under a container, in reading order (for counting alternatives). */
export function allTokens(blocks: readonly ViewBlock[], into: ViewToken[][] = []): ViewToken[][] {
  for (const b of blocks) {
    if (isOptions(b)) for (const o of b.options) allTokens(o.blocks, into)
    else {
      into.push(b.tokens)
      allTokens(b.children, into)
    }
  }
  return into
}
