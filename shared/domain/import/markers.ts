// How the drafts mark options and clauses at the start of a paragraph.

/** An "Option 1:" marker as the drafts print it, bold or not. */
export interface OptionMarker {
  /** "Option 1", "Option I", "Option (a)". */
  label: string
  /** Its place in its series: 1 for "1", "I" or "(a)". */
  value: number
  style: 'digit' | 'roman' | 'letter'
  /** The footnote references printed inside the marker, as Markdown. */
  footnotes: string
  /** Where the option's own words start in the block's text. */
  rest: number
}

/** A numbered or labelled clause's label as printed: "1.", "3.3bis", "(5bis)", "(a)". */
export interface ClauseLabel {
  label: string
  /** The integer of a plain "N." label, for the sequence check. */
  number?: number
  /** 1 for letter labels ("(a)", "a."), which are subparagraphs at least. */
  minDepth: number
  /** Where the clause's words start in the block's text. */
  rest: number
}

// "**Option 1:**", "**Option 1**:", "**Option1**:", "**Option 3**", "**Option 1[^6][^7]:**",
// "Option (a):", "Option 1:" (unbolded only with a colon).
const OPTION =
  /^(\*\*)?Option\s*(\d+|[IVX]+(?![A-Za-z])|\([a-z]\))((?:\[\^[^\]]+\])*)\s*([:.])?\s*(\*\*)?\s*([:.])?\s*/

/** The option marker a paragraph starts with, if any. */
export function optionMarker(text: string): OptionMarker | undefined {
  const m = OPTION.exec(text)
  if (!m) return undefined
  const bold = m[1] !== undefined
  if (bold && m[5] === undefined) return undefined
  if (!bold && m[4] !== ':' && m[6] !== ':') return undefined
  const id = m[2] as string
  const style = /^\d/.test(id) ? 'digit' : id.startsWith('(') ? 'letter' : 'roman'
  const value =
    style === 'digit'
      ? Number(id)
      : style === 'letter'
        ? (id.charCodeAt(1) ?? 97) - 96
        : romanValue(id)
  return { label: `Option ${id}`, value, style, footnotes: m[3] ?? '', rest: m[0].length }
}

function romanValue(s: string): number {
  const v: Record<string, number> = { I: 1, V: 5, X: 10 }
  let total = 0
  for (let i = 0; i < s.length; i++) {
    const cur = v[s[i] as string] ?? 0
    const next = v[s[i + 1] as string] ?? 0
    total += cur < next ? -cur : cur
  }
  return total
}

/** A "- " or "* " bullet before a paragraph. */
export const BULLET = /^[-+*]\s+(?=\S)/
const NUMBERED = /^(\d+)\.\s+/
const SUFFIXED =
  /^(\d+(?:\.(?:\d+|x))?\.?(?:bis|ter|quater|quat|quinquies)?(?:\s?alt|\s+Alt)?)([.:])?(?=\s|\[\^|$)/
const PARENTHESISED = /^\(([0-9]+[a-z]*|[a-z]{1,4})\)\s+/
const LETTERED = /^([a-z])([.)])\s+/

/** The label a paragraph starts with (after a "- " bullet, if any), if any. */
export function clauseLabel(text: string): ClauseLabel | undefined {
  const bullet = BULLET.exec(text)
  const skip = bullet && !text.startsWith('**') ? bullet[0].length : 0
  const body = text.slice(skip)
  const numbered = NUMBERED.exec(body)
  if (numbered) {
    const n = Number(numbered[1])
    return { label: `${n}.`, number: n, minDepth: 0, rest: skip + numbered[0].length }
  }
  const suffixed = SUFFIXED.exec(body)
  if (suffixed && (/\.(\d|x)|bis|ter|qua|alt/i.test(suffixed[1] ?? '') || suffixed[2])) {
    const label = `${suffixed[1]}${suffixed[2] === '.' ? '.' : ''}`
    return { label, minDepth: 0, rest: skip + suffixed[0].length }
  }
  const paren = PARENTHESISED.exec(body)
  if (paren) {
    const letters = /^[a-z]+$/.test(paren[1] ?? '')
    return { label: `(${paren[1]})`, minDepth: letters ? 1 : 0, rest: skip + paren[0].length }
  }
  const letter = LETTERED.exec(body)
  if (letter) {
    return { label: `${letter[1]}${letter[2]}`, minDepth: 1, rest: skip + letter[0].length }
  }
  return undefined
}

/** Whether a line starts a new paragraph even right after another line. */
export function startsBlock(content: string): boolean {
  return (
    optionMarker(content) !== undefined ||
    clauseLabel(content) !== undefined ||
    BULLET.test(content)
  )
}
