/** What an import tolerated and reports: where, what kind, and the words around it. */
export interface ImportWarning {
  /** The file name given to the import ("" when none was). */
  file: string
  line: number
  kind: ImportWarningKind
  message: string
  /** The words around the problem as the source prints them. */
  context: string
}

/** The kinds of thing an import tolerates. */
export type ImportWarningKind =
  | 'unbalanced-bracket'
  | 'bracket-as-text'
  | 'numbering'
  | 'option-sequence'
  | 'footnote-missing'
  | 'footnote-duplicate'
  | 'footnote-unused'
  | 'skipped'

/** Where and why a text could not be imported at all. */
export interface ImportError {
  line: number
  expected: string
  found: string
  message: string
}

/** An error at `line`: what was expected there and what was found instead. */
export function importError(line: number, expected: string, found: string): ImportError {
  const shown = found.length > 60 ? `${found.slice(0, 57)}...` : found
  return {
    line,
    expected,
    found: shown,
    message: `Line ${line}: expected ${expected}, found "${shown}".`,
  }
}

const RADIUS = 32

/**
 * The words around `at` in `text`: about 32 characters either side, cut at word boundaries, with
 * "…" where the text goes on.
 */
export function contextAround(text: string, at: number, width = 1): string {
  let start = Math.max(0, at - RADIUS)
  let end = Math.min(text.length, at + width + RADIUS)
  if (start > 0) {
    const space = text.indexOf(' ', start)
    if (space !== -1 && space < at) start = space + 1
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end)
    if (space > at + width) end = space
  }
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`
}

/** Collects warnings for one file. */
export class WarningLog {
  readonly list: ImportWarning[] = []
  constructor(readonly file: string) {}

  add(line: number, kind: ImportWarningKind, message: string, context: string): void {
    this.list.push({ file: this.file, line, kind, message, context })
  }

  /** The warnings in the order of their lines (stable within a line). */
  sorted(): ImportWarning[] {
    return [...this.list].sort((a, b) => a.line - b.line)
  }
}

/** A warning as a compiler prints it: `file:line: warning: message (context)`. */
export function formatWarning(w: ImportWarning): string {
  const where = w.file ? `${w.file}:${w.line}` : `line ${w.line}`
  return `${where}: warning: ${w.message}${w.context ? ` — ${w.context}` : ''}`
}
