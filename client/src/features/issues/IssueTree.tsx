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

  const renderLevel = (parent: string | null, depth: number) => (
    <>
      {(children.get(parent) ?? []).map((issue) => {
        const kids = children.get(issue.id) ?? []
        const open = !closed.has(issue.id)
        const selected = issue.id === selectedId
        return (
          <li
            key={issue.id}
            id={itemId(issue.id)}
            role="treeitem"
            aria-selected={selected}
            aria-expanded={kids.length > 0 ? open : undefined}
            aria-labelledby={`${itemId(issue.id)}-label`}
            aria-level={depth + 1}
            tabIndex={issue.id === tabStop ? 0 : -1}
            className={`issue-item${selected ? ' issue-item-selected' : ''}`}
            data-issue-id={issue.id}
            onKeyDown={(e) => onKeyDown(e, issue)}
            onFocus={(e) => {
              if (e.target === e.currentTarget) setFocusId(issue.id)
            }}
            onClick={(e) => {
              e.stopPropagation()
              setFocusId(issue.id)
              onSelect(issue.id)
            }}
          >
            <span className="issue-row">
              {kids.length > 0 ? (
                <span
                  className="issue-twisty"
                  aria-hidden="true"
                  onClick={(e) => {
                    e.stopPropagation()
                    toggle(issue.id, !open)
                  }}
                >
                  {open ? '▾' : '▸'}
                </span>
              ) : (
                <span className="issue-twisty" aria-hidden="true" />
              )}
              <span id={`${itemId(issue.id)}-label`} className="issue-title">
                {issue.title}
              </span>
              {issue.provenance === 'synthetic' && <SyntheticBadge />}
            </span>
            {kids.length > 0 && open && (
              <ul role="group" className="issue-group">
                {renderLevel(issue.id, depth + 1)}
              </ul>
            )}
          </li>
        )
      })}
    </>
  )

  return (
    <ul role="tree" aria-label="Issues" className="issue-tree">
      {renderLevel(null, 0)}
    </ul>
  )
}
