import { useId, useState, type KeyboardEvent } from 'react'
import type { Issue } from '../../../../shared/domain/stances/types'
import { SyntheticBadge } from '../common/ProvenanceBadge'
import { childrenOf } from './whoStandsWhere'

interface IssueTreeProps {
  issues: Issue[]
  selectedId: string | null
  onSelect: (issueId: string) => void
}

/**
 * The issues as a tree (WAI-ARIA tree, one Tab stop): arrows move up and down, Right opens or
 * enters a branch, Left closes it or goes to the parent, Home and End jump, Enter or Space (or
 * a click) selects.
 */
export function IssueTree({ issues, selectedId, onSelect }: IssueTreeProps) {
  const idBase = useId()
  const children = childrenOf(issues)
  const [closed, setClosed] = useState<ReadonlySet<string>>(new Set())
  const [focusId, setFocusId] = useState<string | null>(null)

  // The items a reader can reach now, in order, with their parents.
  const visible: { issue: Issue; parent: string | null }[] = []
  const walk = (parent: string | null, depth: number) => {
    if (depth > 20) return
    for (const issue of children.get(parent) ?? []) {
      visible.push({ issue, parent })
      if (!closed.has(issue.id)) walk(issue.id, depth + 1)
    }
  }
  walk(null, 0)
  const tabStop =
    visible.find((v) => v.issue.id === focusId)?.issue.id ??
    visible.find((v) => v.issue.id === selectedId)?.issue.id ??
    visible[0]?.issue.id
  const itemId = (id: string) => `${idBase}-${id}`
  const focus = (id: string | undefined) => {
    if (!id) return
    setFocusId(id)
    document.getElementById(itemId(id))?.focus()
  }
  const toggle = (id: string, open: boolean) =>
    setClosed((c) => {
      const next = new Set(c)
      if (open) next.delete(id)
      else next.add(id)
      return next
    })

  const onKeyDown = (e: KeyboardEvent, issue: Issue) => {
    const at = visible.findIndex((v) => v.issue.id === issue.id)
    const hasChildren = (children.get(issue.id)?.length ?? 0) > 0
    const open = hasChildren && !closed.has(issue.id)
    const moves: Record<string, () => void> = {
      ArrowDown: () => focus(visible[at + 1]?.issue.id),
      ArrowUp: () => focus(visible[at - 1]?.issue.id),
      Home: () => focus(visible[0]?.issue.id),
      End: () => focus(visible[visible.length - 1]?.issue.id),
      ArrowRight: () => {
        if (hasChildren && !open) toggle(issue.id, true)
        else if (open) focus(children.get(issue.id)?.[0]?.id)
      },
      ArrowLeft: () => {
        if (open) toggle(issue.id, false)
        else focus(visible[at]?.parent ?? undefined)
      },
      Enter: () => onSelect(issue.id),
      ' ': () => onSelect(issue.id),
    }
    const move = moves[e.key]
    if (!move) return
    e.preventDefault()
    e.stopPropagation()
    move()
  }

  // A flat tree (aria-level, -setsize, -posinset): each item's name is its own title only.
  const items = visible.map(({ issue, parent }) => {
    const siblings = children.get(parent) ?? []
    const kids = children.get(issue.id) ?? []
    const open = !closed.has(issue.id)
    const selected = issue.id === selectedId
    let depth = 1
    for (let at = parent; at !== null && depth <= 20; depth++) {
      at = visible.find((v) => v.issue.id === at)?.parent ?? null
    }
    return (
      <li
        key={issue.id}
        id={itemId(issue.id)}
        role="treeitem"
        aria-selected={selected}
        aria-expanded={kids.length > 0 ? open : undefined}
        aria-level={depth}
        aria-setsize={siblings.length}
        aria-posinset={siblings.indexOf(issue) + 1}
        tabIndex={issue.id === tabStop ? 0 : -1}
        className={`issue-item${selected ? ' issue-item-selected' : ''}`}
        style={{ paddingLeft: `${(depth - 1) * 16}px` }}
        data-issue-id={issue.id}
        onKeyDown={(e) => onKeyDown(e, issue)}
        onFocus={() => setFocusId(issue.id)}
        onClick={() => {
          setFocusId(issue.id)
          onSelect(issue.id)
        }}
      >
        <span className="issue-row">
          <span
            className="issue-twisty"
            aria-hidden="true"
            onClick={(e) => {
              if (kids.length === 0) return
              e.stopPropagation()
              toggle(issue.id, !open)
            }}
          >
            {kids.length === 0 ? '' : open ? '▾' : '▸'}
          </span>
          <span className="issue-title">{issue.title}</span>
          {issue.provenance === 'synthetic' && <SyntheticBadge />}
        </span>
      </li>
    )
  })

  return (
    <ul role="tree" aria-label="Issues" className="issue-tree">
      {items}
    </ul>
  )
}
