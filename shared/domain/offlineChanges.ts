import type { Node } from 'prosemirror-model'
import { treatySchema } from '../schema'
import { articleText } from './articleText'
import { DIFF_LIMITS, diffText, type DiffLimits, type TextDiff } from './diff'
import { markBrackets } from './diffBrackets'
import { articleTitleOf, outlineOf } from './numbering'

/**
 * The chair's offline change set (issue 14), pure: the parts of the main text (title, preamble,
 * each article by its stable id) that edits made offline changed, each read against the text
 * as it is now and applied to it, or dropped, one by one. Headings between articles (instrument,
 * part, chapter) are part of no change: an offline edit to one is left out, never applied.
 */

/** Which part of the main text a change is to. */
export type OfflinePart =
  { kind: 'title' } | { kind: 'preamble' } | { kind: 'article'; articleId: string }

/** One part the offline edits changed, added or deleted, with its wording before and after. */
export interface OfflineChange {
  /** 'title', 'preamble' or `article:<id>`. */
  id: string
  part: OfflinePart
  change: 'changed' | 'added' | 'deleted'
  /** "Title", "Preamble", "Article 3": the local text's label (the base's for a deletion). */
  label: string
  /** ProseMirror JSON of the part before the offline edits (null when added). */
  base: unknown | null
  /** ProseMirror JSON of the part as edited offline (null when deleted). */
  local: unknown | null
  /** For an added article: the id of the article before it in the local text (null: first). */
  after: string | null
}

/** Applying one change: the new text, or why not (its article is gone; its JSON is no valid part). */
export type OfflineApplyResult =
  { ok: true; doc: Node } | { ok: false; reason: 'part-missing' | 'invalid' }

const schema = treatySchema

// The doc's child of this type (title or preamble), with its index, or null.
function childOfType(doc: Node, type: 'title' | 'preamble'): { node: Node; index: number } | null {
  for (let i = 0; i < doc.childCount; i++) {
    const node = doc.child(i)
    if (node.type.name === type) return { node, index: i }
    // Both stand before any heading or article.
    if (node.type.name === 'heading' || node.type.name === 'article') break
  }
  return null
}

// The first article with this id, with its index among the doc's children, or null.
function articleIndex(doc: Node, articleId: string): { node: Node; index: number } | null {
  for (let i = 0; i < doc.childCount; i++) {
    const node = doc.child(i)
    if (node.type.name === 'article' && node.attrs.id === articleId) return { node, index: i }
  }
  return null
}

// A missing title or preamble reads as an empty one: the server puts them back
// (structure.ts), so "gone" is never a change of its own.
function framePart(doc: Node, type: 'title' | 'preamble'): Node {
  return childOfType(doc, type)?.node ?? schema.nodes[type]!.create()
}

/** The node of `part` in `doc` (an absent title or preamble as an empty one), or null. */
export function partOf(doc: Node, part: OfflinePart): Node | null {
  if (part.kind === 'article') return articleIndex(doc, part.articleId)?.node ?? null
  return framePart(doc, part.kind)
}

// A part's JSON as a node of the schema, or null when it is not a valid node of its kind.
function parsePart(json: unknown, part: OfflinePart): Node | null {
  if (json === null || json === undefined) return null
  try {
    const node = schema.nodeFromJSON(json)
    node.check()
    const type = part.kind === 'article' ? 'article' : part.kind
    if (node.type.name !== type) return null
    if (part.kind === 'article' && node.attrs.id !== part.articleId) return null
    return node
  } catch {
    return null
  }
}

const FRAME_LABEL = { title: 'Title', preamble: 'Preamble' } as const

/**
 * The parts that differ between `base` (the server's text when the person went offline) and
 * `local` (their text as edited offline): title, preamble, then articles in the local text's
 * order, each deleted article where it stood (after the last article before it that is still
 * there). Articles are matched by stable id; the first of a duplicated id counts.
 */
export function offlineChanges(base: Node, local: Node): OfflineChange[] {
  const out: OfflineChange[] = []
  for (const kind of ['title', 'preamble'] as const) {
    const a = framePart(base, kind)
    const b = framePart(local, kind)
    if (a.eq(b)) continue
    const part = { kind }
    out.push({
      id: kind,
      part,
      change: 'changed',
      label: FRAME_LABEL[kind],
      base: a.toJSON(),
      local: b.toJSON(),
      after: null,
    })
  }
  const baseOutline = outlineOf(base)
  const localOutline = outlineOf(local)
  const localIds = new Set(localOutline.map((a) => a.id))
  // Deleted articles, by the id of the last surviving article before them ('' = before all).
  const deletedAfter = new Map<string, OfflineChange[]>()
  let anchor = ''
  const seenBase = new Set<string>()
  for (const a of baseOutline) {
    if (seenBase.has(a.id)) continue
    seenBase.add(a.id)
    if (localIds.has(a.id)) {
      anchor = a.id
      continue
    }
    const node = articleIndex(base, a.id)!.node
    const list = deletedAfter.get(anchor) ?? []
    list.push(articleChange(a.id, 'deleted', `Article ${a.label}`, node, null, null))
    deletedAfter.set(anchor, list)
  }
  out.push(...(deletedAfter.get('') ?? []))
  let previous: string | null = null
  const seenLocal = new Set<string>()
  for (const a of localOutline) {
    if (seenLocal.has(a.id)) continue
    seenLocal.add(a.id)
    const node = articleIndex(local, a.id)!.node
    const before = seenBase.has(a.id) ? articleIndex(base, a.id)!.node : null
    const label = `Article ${a.label}`
    if (!before) out.push(articleChange(a.id, 'added', label, null, node, previous))
    else if (!before.eq(node)) out.push(articleChange(a.id, 'changed', label, before, node, null))
    out.push(...(deletedAfter.get(a.id) ?? []))
    previous = a.id
  }
  return out
}

function articleChange(
  articleId: string,
  change: OfflineChange['change'],
  label: string,
  base: Node | null,
  local: Node | null,
  after: string | null,
): OfflineChange {
  return {
    id: `article:${articleId}`,
    part: { kind: 'article', articleId },
    change,
    label,
    base: base?.toJSON() ?? null,
    local: local?.toJSON() ?? null,
    after: change === 'added' ? after : null,
  }
}

/**
 * The part as the current text has it (null: an article not there), and whether it changed
 * since the person went offline (it differs from the change's base: edited, added or deleted
 * meanwhile by someone else).
 */
export function againstCurrent(
  change: OfflineChange,
  current: Node,
): { current: Node | null; changedMeanwhile: boolean } {
  const now = partOf(current, change.part)
  const base = parsePart(change.base, change.part)
  const changedMeanwhile = now === null ? base !== null : base === null || !now.eq(base)
  return { current: now, changedMeanwhile }
}

// The article node the offline edit leaves: its content, and each attribute (fixed label,
// whole-article bracket) the edit changed; the others as the current text has them now, since
// someone may have changed them meanwhile (the id is the same on all three).
function mergedArticle(current: Node, base: Node | null, local: Node): Node {
  const attrs: Record<string, unknown> = { ...current.attrs }
  for (const [key, value] of Object.entries(local.attrs)) {
    if (key === 'id') continue
    if (!base || base.attrs[key] !== value) attrs[key] = value
  }
  return current.type.create(attrs, local.content, current.marks)
}

/**
 * The current text with one offline change applied: a changed part takes the local wording
 * (an article keeps the current attributes the offline edit did not change); an added article
 * goes after the article it followed offline, or after the last article when that one is gone
 * (one with its id already there is replaced); a deleted article is removed (already gone is
 * fine). Everything else stays as it is. 'part-missing': the changed article is gone from the
 * current text; 'invalid': the change's JSON is not a valid part of the text.
 */
export function applyOfflineChange(current: Node, change: OfflineChange): OfflineApplyResult {
  const { part } = change
  const local = parsePart(change.local, part)
  const base = parsePart(change.base, part)
  if (change.change !== 'deleted' && !local) return { ok: false, reason: 'invalid' }
  if (change.change !== 'added' && !base) return { ok: false, reason: 'invalid' }
  const children: Node[] = []
  current.forEach((n) => children.push(n))
  if (part.kind !== 'article') {
    const at = childOfType(current, part.kind)
    if (at) children[at.index] = local!
    else {
      // The preamble stands after the title, whichever the text holds.
      const title = childOfType(current, 'title')
      children.splice(part.kind === 'title' || !title ? 0 : title.index + 1, 0, local!)
    }
    return checked(current, children)
  }
  const found = articleIndex(current, part.articleId)
  if (change.change === 'deleted') {
    if (found) children.splice(found.index, 1)
    return found ? checked(current, children) : { ok: true, doc: current }
  }
  if (change.change === 'changed') {
    if (!found) return { ok: false, reason: 'part-missing' }
    children[found.index] = mergedArticle(found.node, base, local!)
    return checked(current, children)
  }
  if (found) children[found.index] = local!
  else children.splice(insertionIndex(current, change.after), 0, local!)
  return checked(current, children)
}

// Where an added article goes: after `after` if the current text has it; before the first
// article (after any heading above it) when it came first; else after the last article.
function insertionIndex(doc: Node, after: string | null): number {
  let first = -1
  let last = -1
  for (let i = 0; i < doc.childCount; i++) {
    const node = doc.child(i)
    if (node.type.name !== 'article') continue
    if (after !== null && node.attrs.id === after) return i + 1
    if (first < 0) first = i
    last = i
  }
  if (after === null && first >= 0) return first
  return last >= 0 ? last + 1 : doc.childCount
}

function checked(current: Node, children: Node[]): OfflineApplyResult {
  try {
    const doc = current.type.create(current.attrs, children, current.marks)
    doc.check()
    return { ok: true, doc }
  } catch {
    return { ok: false, reason: 'invalid' }
  }
}

/**
 * A part's wording as the diffs read it: a title or the preamble's clauses, or an article's
 * heading ("[Article 3bis] — Scope": the fixed label, else `label`; square brackets when the
 * whole article is bracketed) then its clauses one a line; "" for no part.
 */
export function partText(node: Node | null, label: string): string {
  if (!node) return ''
  if (node.type.name === 'title') return node.textContent
  if (node.type.name === 'preamble') {
    // The preamble's content is an article's body without a title: read it as one.
    return articleText(wrap(schema.nodes.article!.create({ id: '_' }, node.content)), '_')
  }
  const fixed = String(node.attrs.label ?? '')
  const name = fixed ? `Article ${fixed}` : label
  const heading = node.attrs.bracketed ? `[${name}]` : name
  const title = articleTitleOf(node)
  const body = articleText(wrap(node), String(node.attrs.id))
  return `${title ? `${heading} — ${title}` : heading}\n${body}`
}

const wrap = (article: Node): Node => schema.topNodeType.create(null, [article])

/**
 * The diff of a change's part from the current text's wording to the offline one (bounded by
 * `diffText`'s limits), brackets removed or added flagged as the history's diffs do.
 */
export function offlineDiff(
  change: OfflineChange,
  current: Node | null,
  limits: DiffLimits = DIFF_LIMITS,
): TextDiff {
  const now = current ? partOf(current, change.part) : null
  const local = parsePart(change.local, change.part)
  const diff = diffText(partText(now, change.label), partText(local, change.label), limits)
  return {
    ...diff,
    parts: markBrackets(diff.parts),
    paragraphs: diff.paragraphs.map((p) => ({ ...p, parts: markBrackets(p.parts) })),
  }
}

const CHANGE_WORD = { changed: 'changed', added: 'added', deleted: 'deleted' } as const

/** An entry's heading: "Article 3 — changed offline". */
export const changeHeading = (c: Pick<OfflineChange, 'label' | 'change'>): string =>
  `${c.label} — ${CHANGE_WORD[c.change]} offline`

/**
 * The local copy of a change set as plain text, for the person to keep: each entry's heading,
 * then its wording as edited offline (a deleted article: a line saying so), entries apart.
 */
export function localCopyText(changes: readonly OfflineChange[]): string {
  const entries = changes.map((c) => {
    const local = parsePart(c.local, c.part)
    const body =
      c.change === 'deleted' ? 'Deleted while offline.' : local ? partText(local, c.label) : ''
    return `${changeHeading(c)}\n\n${body.trimEnd()}\n`
  })
  return `Changes made offline\n\n${entries.join('\n')}`
}
