import type { MouseEvent, ReactNode } from 'react'
import { GROUP_KIND_LABELS } from '../../../../shared/domain/groups'
import type { Proposal } from '../../../../shared/domain/proposals'
import { ProvenanceBadge } from '../common/ProvenanceBadge'
import { nameOf, type ActorNames } from '../proposals/actorNames'
import { describeParams } from '../proposals/labels'
import type { GroupView } from './groupsApi'
import { roomMembers } from './groupViews'
import { NotesLink } from './NotesLink'

interface GroupSectionProps {
  negotiationId: string
  group: GroupView
  names: ActorNames
  /** The coalition's drafts (proposals in its name not yet tabled) this person may see. */
  drafts: Proposal[]
  openDraftId: string | null
  onOpenDraft: (draft: Proposal) => void
  /** Where its notes are (null: this person is not in the group and cannot open them). */
  showNotes: boolean
  /** "New common proposal" and the chair's members form, where they apply. */
  children?: ReactNode
  /** The address of the Issues page, where briefing papers are. */
  issuesHref: string
  onIssues: (e: MouseEvent<HTMLAnchorElement>) => void
}

/**
 * One group on the Rooms page: its kind, its members (a coalition's current member states with
 * where that comes from), a link to its private notes beside the text, its drafts (a
 * coalition's common proposals not yet tabled) and where its briefing papers are.
 */
export function GroupSection(props: GroupSectionProps) {
  const { negotiationId, group, names, drafts, openDraftId, onOpenDraft, showNotes } = props
  const headingId = `room-${group.id}`
  return (
    <section
      className="panel room"
      aria-labelledby={headingId}
      data-testid="room"
      data-group-id={group.id}
    >
      <h3 id={headingId} className="room-title">
        {group.name} <span className="room-kind">{GROUP_KIND_LABELS[group.kind]}</span>
        {group.kind === 'coalition' && (
          <>
            {' '}
            <ProvenanceBadge provenance={group.provenance} source={group.source || undefined} />
          </>
        )}
      </h3>
      <p className="room-members" data-testid="room-members">
        {group.kind === 'coalition' && <span className="muted">Members: </span>}
        {roomMembers(group, names)}
      </p>
      {group.kind === 'coalition' && group.source && group.provenance !== 'reported' && (
        <p className="muted room-source">Source: {group.source}</p>
      )}
      <p className="room-links">
        {showNotes && <NotesLink negotiationId={negotiationId} groupId={group.id} />}
        {showNotes && ' · '}
        <a href={props.issuesHref} onClick={props.onIssues}>
          Briefing papers (Issues)
        </a>
      </p>
      {group.kind === 'coalition' && !group.mine && (
        <p className="muted">Only its member states see its drafts until they are tabled.</p>
      )}
      {group.kind === 'coalition' && group.mine && (
        <div className="room-drafts">
          <h4 className="subheading">
            Drafts <span className="count">{drafts.length}</span>
          </h4>
          {drafts.length === 0 ? (
            <p className="muted">No common proposal is being drafted.</p>
          ) : (
            <ul className="draft-list" data-testid="room-drafts">
              {drafts.map((d) => (
                <li key={d.id}>
                  <button
                    type="button"
                    className="draft-item"
                    aria-current={d.id === openDraftId ? 'true' : undefined}
                    onClick={() => onOpenDraft(d)}
                  >
                    <span className="draft-title">{d.title}</span>
                    <span className="draft-meta">
                      {describeParams(d.params)} ·{' '}
                      {d.sponsors.map((id) => nameOf(names, id)).join(', ')}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {props.children}
    </section>
  )
}
