// An annotation's body is plain text with a little markup: *emphasis*, **strong**, bare http(s)
// URLs and [label](http(s) URL) links. It is parsed into tokens that a view renders as text
// nodes, never as HTML, so whatever a body holds (`<img onerror=...>`) shows as the characters.

/** One run of a body: plain text, emphasised, strong, or a link with its http(s) target. */
export interface Token {
  type: 'text' | 'em' | 'strong' | 'link'
  text: string
  /** Only on links: an absolute http: or https: URL. */
  href?: string
}

// A bare URL runs to the next space, quote or angle bracket; closing punctuation stays outside.
const BARE_URL = /^https?:\/\/[^\s<>"'`]+/i
const TRAILING = /[.,;:!?'")\]]+$/
const LABELLED = /^\[([^\]\n]+)\]\(([^()\s]+)\)/

/** The http(s) URL a string names, normalised, or null for any other scheme or no URL. */
export function safeHref(raw: string): string | null {
  try {
    const url = new URL(raw)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

/** Tokens of an annotation body; markup that does not close, or nests, stays as its characters. */
export function parseBody(text: string): Token[] {
  const tokens: Token[] = []
  const push = (token: Token) => {
    const last = tokens[tokens.length - 1]
    if (token.type === 'text' && last?.type === 'text') last.text += token.text
    else if (token.text !== '') tokens.push(token)
  }
  let i = 0
  while (i < text.length) {
    const rest = text.slice(i)
    const run = emphasisAt(rest) ?? linkAt(rest)
    if (run) {
      push(run.token)
      i += run.length
      continue
    }
    // Plain text up to the next character that may start markup.
    const next = rest.slice(1).search(/[*[]|https?:\/\//i)
    const length = next < 0 ? rest.length : next + 1
    push({ type: 'text', text: rest.slice(0, length) })
    i += length
  }
  return tokens
}

// `**strong**` or `*em*` at the start of `s`: the marker must hug non-space text on both sides,
// so that "5 * 3 * 2" stays text. What is inside is the token's text as written: no nesting.
function emphasisAt(s: string): { token: Token; length: number } | null {
  for (const [marker, type] of [
    ['**', 'strong'],
    ['*', 'em'],
  ] as const) {
    if (!s.startsWith(marker)) continue
    // A `*` right before another starts a strong run or nothing, never emphasis.
    if (marker === '*' && s.startsWith('**')) continue
    const body = s.slice(marker.length)
    if (body === '' || /^\s/.test(body)) continue
    const close = findClose(body, marker)
    if (close <= 0) continue
    const inner = body.slice(0, close)
    if (/\s$/.test(inner)) continue
    return { token: { type, text: inner }, length: marker.length * 2 + close }
  }
  return null
}

// Where `marker` closes in `s` (on the same line), or -1. A single `*` never closes on a `**`.
function findClose(s: string, marker: string): number {
  for (let i = 1; i < s.length; i += 1) {
    if (s[i] === '\n') return -1
    if (!s.startsWith(marker, i)) continue
    if (marker === '*' && (s[i + 1] === '*' || s[i - 1] === '*')) continue
    return i
  }
  return -1
}

// A labelled or bare http(s) link at the start of `s`; any other scheme is not a link.
function linkAt(s: string): { token: Token; length: number } | null {
  const labelled = LABELLED.exec(s)
  if (labelled) {
    const [all, label = '', target = ''] = labelled
    const href = safeHref(target)
    return href ? { token: { type: 'link', text: label, href }, length: all.length } : null
  }
  const bare = BARE_URL.exec(s)
  if (!bare) return null
  const raw = bare[0].replace(TRAILING, '')
  const href = safeHref(raw)
  return href ? { token: { type: 'link', text: raw, href }, length: raw.length } : null
}
