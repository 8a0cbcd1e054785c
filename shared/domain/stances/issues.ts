import type { Node as PMNode } from 'prosemirror-model'
import { z } from 'zod'
import { PROVENANCES, type Issue } from './types'

/** How deep the tree of issues goes: "exemptions" › "failure rate" › ... at most 6 levels. */
export const MAX_ISSUE_DEPTH = 6

/** Why an issue cannot hang where it is asked to. */
export type IssueTreeFailure = {
  ok: false
  code: 'unknown_parent' | 'issue_cycle' | 'too_deep'
  reason: string
}

/** Whether an issue may hang under a parent: the parent exists, no cycle, depth at most 6. */
export type IssueTreeCheck = { ok: true } | IssueTreeFailure

type Node = Pick<Issue, 'id' | 'parentId'>

/**
 * Checks that issue `id` (new or existing) may have `parentId` as its parent in `issues`: the
 * parent is an issue, neither the issue itself nor one of its descendants, and the issue with
 * its subtree stays within MAX_ISSUE_DEPTH levels.
 */
export function checkIssueParent(
  issues: readonly Node[],
  id: string,
  parentId: string | null,
): IssueTreeCheck {
  const parentOf = new Map(issues.map((i) => [i.id, i.parentId]))
  if (parentId !== null && !parentOf.has(parentId)) {
    return { ok: false, code: 'unknown_parent', reason: `No issue "${parentId}" to hang it under.` }
  }
  // The levels from the root down to the new parent, walking up (bounded by the count).
  let above = 0
  for (let at = parentId; at !== null; at = parentOf.get(at) ?? null) {
    // Past as many steps as there are issues, the stored tree loops: refuse that too.
    if (at === id || ++above > issues.length) {
      return {
        ok: false,
        code: 'issue_cycle',
        reason: 'An issue cannot hang under itself or one of its own sub-issues.',
      }
    }
  }
  const depth = above + 1 + subtreeHeight(issues, id)
  if (depth > MAX_ISSUE_DEPTH) {
    return {
      ok: false,
      code: 'too_deep',
      reason: `Issues go at most ${MAX_ISSUE_DEPTH} levels deep; this would make ${depth}.`,
    }
  }
  return { ok: true }
}

// How many levels hang below an issue (0 for a leaf), guarded against cycles in stored data.
function subtreeHeight(issues: readonly Node[], id: string): number {
  const children = new Map<string, string[]>()
  for (const i of issues) {
    if (i.parentId !== null) children.set(i.parentId, [...(children.get(i.parentId) ?? []), i.id])
  }
  let height = 0
  let level = children.get(id) ?? []
  const seen = new Set([id])
  while (level.length > 0 && height <= issues.length) {
    height += 1
    level = level.flatMap((c) => (seen.has(c) ? [] : (seen.add(c), children.get(c) ?? [])))
  }
  return height
}

/**
 * An issue id from its title ("Non-dangerous duds" → "non-dangerous-duds"), made unique among
 * `taken` with a number ("-2", "-3", ...); "issue" when the title has no letters or digits.
 */
export function issueIdFrom(title: string, taken: ReadonlySet<string>): string {
  const base =
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 56)
      .replace(/-+$/, '') || 'issue'
  if (!taken.has(base)) return base
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`
    if (!taken.has(candidate)) return candidate
  }
}

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a-z, 0-9 and -, at most 64')

/** A change to an issue: only the fields given change (its id never does). */
export const IssuePatchSchema = z
  .object({
    parentId: id.nullable().optional(),
    title: z.string().trim().min(1).max(200).optional(),
    description: z.string().max(20_000).optional(),
    articleIds: z.array(z.string().min(1).max(64)).max(100).optional(),
    bracketIds: z.array(z.string().min(1).max(64)).max(200).optional(),
    proposalIds: z.array(z.string().min(1).max(64)).max(200).optional(),
    order: z.number().int().min(0).max(10_000).optional(),
    source: z.string().trim().max(300).optional(),
    provenance: z.enum(PROVENANCES).optional(),
  })
  .strict()
/** A validated change to an issue. */
export type IssuePatch = z.infer<typeof IssuePatchSchema>

/** An issue with a change applied: what is given replaces what was. */
export function patchIssue(issue: Issue, patch: IssuePatch): Issue {
  const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined))
  return { ...issue, ...given }
}

/** The order a new issue takes among its siblings: after the last. */
export function nextOrder(
  issues: readonly Pick<Issue, 'parentId' | 'order'>[],
  parentId: string | null,
) {
  const siblings = issues.filter((i) => i.parentId === parentId)
  return siblings.reduce((max, i) => Math.max(max, i.order + 1), 0)
}

/** The ids of every bracketed span of a text (the `bracket` mark's id), to check issue links. */
export function bracketIdsIn(doc: PMNode): Set<string> {
  const ids = new Set<string>()
  doc.descendants((node) => {
    for (const mark of node.marks) {
      if (mark.type.name === 'bracket' && mark.attrs.id) ids.add(String(mark.attrs.id))
    }
  })
  return ids
}
