import type { Proposal } from '../../../../shared/domain/proposals'
import { useGroupViews } from '../groups/useGroupViews'
import { describeParams } from './labels'

interface MyDraftsProps {
  negotiationId: string
  drafts: Proposal[]
  openId: string | null
  onOpen: (proposal: Proposal) => void
}

/** The delegation's drafts (its own and those it co-sponsors), each opening the draft editor. */
export function MyDrafts({ negotiationId, drafts, openId, onOpen }: MyDraftsProps) {
  const { groups } = useGroupViews(negotiationId)
  const coalitionOf = (d: Proposal) =>
    d.coalitionId
      ? ` · Coalition: ${groups?.find((g) => g.id === d.coalitionId)?.name ?? d.coalitionId}`
      : ''
  if (drafts.length === 0) return null
  return (
    <section className="my-drafts" aria-labelledby="my-drafts-heading" data-testid="my-drafts">
      <h2 id="my-drafts-heading" className="panel-heading">
        My drafts <span className="count">{drafts.length}</span>
      </h2>
      <ul className="draft-list">
        {drafts.map((d) => (
          <li key={d.id}>
            <button
              type="button"
              className="draft-item"
              aria-current={d.id === openId ? 'true' : undefined}
              onClick={() => onOpen(d)}
            >
              <span className="draft-title">{d.title}</span>
              <span className="draft-meta">
                {describeParams(d.params)} · {[...d.sponsors, ...d.coSponsors].join(', ')}
                {coalitionOf(d)}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
