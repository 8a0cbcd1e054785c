import { XMLParser } from 'fast-xml-parser'
import { toRoman } from '../../../../shared/domain/numbering'

// Word's automatic numbering, which mammoth reads only as "ordered or not": the printed label of
// each numbered paragraph from word/numbering.xml (formats, start values, level text, restarts,
// level overrides) and word/styles.xml (numbering that a paragraph style carries).

/** One level of a list definition (`w:lvl`). */
export interface ListLevel {
  start: number
  /** `w:numFmt`: decimal, lowerLetter, upperLetter, lowerRoman, upperRoman, bullet, none, ... */
  format: string
  /** `w:lvlText`, e.g. "%1." or "(%2)"; `%n` stands for level n's number. */
  text: string
  /** `w:lvlRestart`: 0 never restarts; n restarts after level n (one-based) is used. */
  restart?: number
  /** `w:isLgl`: every number of the label in decimal ("1.1" under a roman level). */
  legal: boolean
  /** Where the paragraph's text starts, in twentieths of a point. */
  indent?: number
  /** The label is bold (its `w:rPr`). */
  bold: boolean
}

interface AbstractList {
  levels: Map<number, ListLevel>
  /** `w:numStyleLink`: the list is defined by a numbering style's list. */
  styleLink?: string
}

interface ListInstance {
  abstractId: string
  /** Per level: a `w:startOverride` and/or a whole replacement `w:lvl`. */
  overrides: Map<number, { start?: number; level?: ListLevel }>
}

/** What a paragraph style says about numbering and indentation. */
export interface ParagraphStyle {
  numId?: string
  ilvl?: number
  indent?: number
  basedOn?: string
  name?: string
}

/** The lists and paragraph styles of one Word file. */
export interface WordNumbering {
  abstracts: Map<string, AbstractList>
  instances: Map<string, ListInstance>
  /** Paragraph and numbering styles by id. */
  styles: Map<string, ParagraphStyle>
}

type El = Record<string, unknown>
const ARRAYS = new Set(['w:abstractNum', 'w:num', 'w:lvl', 'w:lvlOverride', 'w:style'])
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ARRAYS.has(name),
})

const child = (el: unknown, name: string): El | undefined => {
  const c = (el as El | undefined)?.[name]
  return c && typeof c === 'object' ? (c as El) : undefined
}
const children = (el: unknown, name: string): El[] => {
  const c = (el as El | undefined)?.[name]
  return Array.isArray(c) ? (c as El[]) : []
}
const attr = (el: El | undefined, name: string): string | undefined => {
  const v = el?.[`@${name}`]
  return v === undefined ? undefined : String(v)
}
const val = (el: unknown, name: string) => attr(child(el, name), 'w:val')
const int = (s: string | undefined): number | undefined => {
  const n = s === undefined ? NaN : Number.parseInt(s, 10)
  return Number.isFinite(n) ? n : undefined
}
// `<w:b/>` and `<w:b w:val="true"/>` are on, `w:val="0"`/"false" off.
const flag = (el: unknown, name: string): boolean => {
  if (!el || typeof el !== 'object' || !(name in el)) return false
  const v = attr(child(el, name), 'w:val')
  return v === undefined || !['0', 'false', 'off'].includes(v)
}
const indentOf = (pPr: unknown): number | undefined => {
  const ind = child(pPr, 'w:ind')
  return int(attr(ind, 'w:left') ?? attr(ind, 'w:start'))
}

function readLevel(el: El): ListLevel {
  return {
    start: int(val(el, 'w:start')) ?? 0,
    format: val(el, 'w:numFmt') ?? 'decimal',
    text: val(el, 'w:lvlText') ?? '',
    restart: int(val(el, 'w:lvlRestart')),
    legal: flag(el, 'w:isLgl'),
    indent: indentOf(child(el, 'w:pPr')),
    bold: flag(child(el, 'w:rPr'), 'w:b'),
  }
}

/** Reads numbering.xml and styles.xml (either may be missing: a file without lists). */
export function readWordNumbering(
  numberingXml: string | undefined,
  stylesXml: string | undefined,
): WordNumbering {
  const abstracts = new Map<string, AbstractList>()
  const instances = new Map<string, ListInstance>()
  const styles = new Map<string, ParagraphStyle>()
  const numbering = numberingXml ? child(parser.parse(numberingXml), 'w:numbering') : undefined
  for (const a of children(numbering, 'w:abstractNum')) {
    const levels = new Map<number, ListLevel>()
    for (const l of children(a, 'w:lvl')) levels.set(int(attr(l, 'w:ilvl')) ?? 0, readLevel(l))
    abstracts.set(attr(a, 'w:abstractNumId') ?? '', {
      levels,
      styleLink: val(a, 'w:numStyleLink'),
    })
  }
  for (const n of children(numbering, 'w:num')) {
    const overrides = new Map<number, { start?: number; level?: ListLevel }>()
    for (const o of children(n, 'w:lvlOverride')) {
      const lvl = children(o, 'w:lvl')[0]
      overrides.set(int(attr(o, 'w:ilvl')) ?? 0, {
        start: int(val(o, 'w:startOverride')),
        level: lvl ? readLevel(lvl) : undefined,
      })
    }
    instances.set(attr(n, 'w:numId') ?? '', {
      abstractId: val(n, 'w:abstractNumId') ?? '',
      overrides,
    })
  }
  const stylesRoot = stylesXml ? child(parser.parse(stylesXml), 'w:styles') : undefined
  for (const s of children(stylesRoot, 'w:style')) {
    const pPr = child(s, 'w:pPr')
    const numPr = child(pPr, 'w:numPr')
    styles.set(attr(s, 'w:styleId') ?? '', {
      numId: val(numPr, 'w:numId'),
      ilvl: int(val(numPr, 'w:ilvl')),
      indent: indentOf(pPr),
      basedOn: val(s, 'w:basedOn'),
      name: val(s, 'w:name'),
    })
  }
  return { abstracts, instances, styles }
}

/** A paragraph style's own setting or the first one up its `basedOn` chain. */
export function styleSetting<K extends keyof ParagraphStyle>(
  numbering: WordNumbering,
  styleId: string | undefined,
  key: K,
): ParagraphStyle[K] | undefined {
  const seen = new Set<string>()
  for (let id = styleId; id && !seen.has(id); id = numbering.styles.get(id)?.basedOn) {
    seen.add(id)
    const v = numbering.styles.get(id)?.[key]
    if (v !== undefined) return v
  }
  return undefined
}

/** A number as Word prints it in `format`; `known` false for formats read as decimal. */
export function formatNumber(n: number, format: string): { text: string; known: boolean } {
  switch (format) {
    case 'decimal':
      return { text: String(n), known: true }
    case 'decimalZero':
      return { text: n < 10 ? `0${n}` : String(n), known: true }
    case 'lowerLetter':
    case 'upperLetter': {
      // Word repeats the letter past z: y, z, aa, bb, ...
      const letter = String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1)
      return { text: format === 'upperLetter' ? letter.toUpperCase() : letter, known: n > 0 }
    }
    case 'lowerRoman':
    case 'upperRoman': {
      const r = toRoman(n)
      return { text: format === 'upperRoman' ? r.toUpperCase() : r, known: n > 0 }
    }
    case 'none':
    case 'bullet':
      return { text: '', known: true }
    default:
      return { text: String(n), known: false }
  }
}

/** The label Word prints before one numbered paragraph. */
export interface ListLabel {
  /** As printed: "1.", "(a)", "3.2", "•". */
  label: string
  /** The list definition it counts in (its abstractNum). */
  list: string
  /** The list level (`w:ilvl`), from 0. */
  level: number
  /** This level's own counter. */
  value: number
  /** False for bullets. */
  ordered: boolean
  /** Where the text starts (twips), from the list level, if it says. */
  indent?: number
  bold: boolean
  /** A number format this reader does not know (printed in decimal instead). */
  unknownFormat?: string
}

/**
 * Counts numbered paragraphs in reading order as Word does: one counter per list definition
 * (abstractNum), which several list instances (numId) share and continue, except that an
 * instance's `w:startOverride` restarts its level where the instance is first used; a level
 * restarts after a higher level is used unless `w:lvlRestart` says otherwise.
 */
export class ListCounters {
  private readonly values = new Map<string, number[]>()
  private readonly started = new Set<string>()

  constructor(private readonly numbering: WordNumbering) {}

  /** The label of the next paragraph of list `numId` at `ilvl`; null if no such list exists. */
  next(numId: string, ilvl: number): ListLabel | null {
    const instance = this.numbering.instances.get(numId)
    if (!instance) return null
    const abstractId = this.abstractOf(instance.abstractId)
    const abstract = abstractId === undefined ? undefined : this.numbering.abstracts.get(abstractId)
    if (!abstract || abstractId === undefined) return null
    const levelOf = (l: number) => instance.overrides.get(l)?.level ?? abstract.levels.get(l)
    const level = levelOf(ilvl)
    if (!level) return null
    const values = this.values.get(abstractId) ?? []
    this.values.set(abstractId, values)
    if (!this.started.has(numId)) {
      this.started.add(numId)
      for (const [l, o] of instance.overrides) {
        const start = o.start ?? o.level?.start
        if (start !== undefined) values[l] = start - 1
      }
    }
    const value = (values[ilvl] ?? level.start - 1) + 1
    values[ilvl] = value
    for (let d = ilvl + 1; d < values.length; d++) {
      const restart = levelOf(d)?.restart
      if (restart === undefined || (restart > 0 && ilvl <= restart - 1)) delete values[d]
    }
    let unknownFormat: string | undefined
    const label = level.text.replace(/%([1-9])/g, (_m, k: string) => {
      const l = Number(k) - 1
      const at = levelOf(l)
      const format = level.legal && l !== ilvl ? 'decimal' : (at?.format ?? 'decimal')
      const printed = formatNumber(values[l] ?? at?.start ?? 1, format)
      if (!printed.known) unknownFormat = format
      return printed.text
    })
    return {
      label: label.trim(),
      list: abstractId,
      level: ilvl,
      value,
      ordered: level.format !== 'bullet',
      indent: level.indent,
      bold: level.bold,
      ...(unknownFormat ? { unknownFormat } : {}),
    }
  }

  // A list defined through a numbering style (w:numStyleLink) counts as the style's list.
  private abstractOf(abstractId: string, seen = new Set<string>()): string | undefined {
    if (seen.has(abstractId)) return undefined
    seen.add(abstractId)
    const link = this.numbering.abstracts.get(abstractId)?.styleLink
    if (!link) return abstractId
    const numId = this.numbering.styles.get(link)?.numId
    const instance = numId === undefined ? undefined : this.numbering.instances.get(numId)
    return instance ? this.abstractOf(instance.abstractId, seen) : undefined
  }
}
