import { memo, useState } from 'react'
import type { RoomSummary } from '../../../../shared/collab/presence'
import type { ArticleSummary } from '../../../../shared/domain/numbering'
import { USER_COLORS, type LocalUser } from './localUser'
import './presence.css'
import { hereCount, moreFollowingWords, unnamedCount } from './presenceWords'
import type { Peer } from './usePeers'

interface PresenceListProps {
  peers: Peer[]
  articles: ArticleSummary[]
  user: LocalUser
  onUserChange: (user: LocalUser) => void
  /** The room's count of those it does not list (useRoomSummary); absent in small rooms. */
  summary?: RoomSummary | null
}

/**
 * Who is in the text, where each one is ("Art. 3"), how many more follow it without being
 * listed (a conference's readers), and the local user's name and colour.
 */
export const PresenceList = memo(function PresenceList(props: PresenceListProps) {
  const { peers, articles, user, onUserChange, summary } = props
  const numberOf = new Map(articles.map((a) => [a.id, a.label]))
  const others = peers.filter((p) => !p.isLocal)
  const self = peers.find((p) => p.isLocal)
  const where = (peer: Peer) => {
    const n = peer.articleId ? numberOf.get(peer.articleId) : undefined
    return n ? `Art. ${n}` : ''
  }
  const unnamed = unnamedCount(summary, others.length)
  return (
    <section className="presence" aria-labelledby="presence-heading">
      <h2 id="presence-heading" className="panel-heading">
        Here now <span className="count">{hereCount(summary, others.length)}</span>
      </h2>
      <ul className="people" data-testid="presence">
        <li className="person is-local">
          <span className="swatch" style={{ background: user.color }} aria-hidden="true" />
          <PersonText name={`${user.name} (you)`} role={user.role} />
          <span className="person-where">{self ? where(self) : ''}</span>
        </li>
        {others.map((peer) => (
          <li className="person" key={peer.clientId}>
            <span className="swatch" style={{ background: peer.color }} aria-hidden="true" />
            <PersonText name={peer.name} role={peer.role} account={peer.account} />
            <span className="person-where">{where(peer)}</span>
          </li>
        ))}
      </ul>
      {unnamed > 0 && (
        <p className="people-more" data-testid="presence-more">
          {moreFollowingWords(unnamed)}
        </p>
      )}
      <IdentityForm key={user.name} user={user} onUserChange={onUserChange} />
    </section>
  )
})

interface PersonTextProps {
  name: string
  role?: string | null
  /** The account the server vouches for; the name and role are whatever the person typed. */
  account?: string | null
}

/** A person's name, and under it the role they announce and the account they signed in with. */
function PersonText({ name, role, account }: PersonTextProps) {
  const details = [role, account && `@${account}`].filter(Boolean).join(' · ')
  return (
    <span className="person-text" title={account ? `Signed in as ${account}` : undefined}>
      <span className="person-name">{name}</span>
      {details && <span className="person-role">{details}</span>}
    </span>
  )
}

/** The local user's display name and cursor colour, saved in this browser. */
function IdentityForm({ user, onUserChange }: Omit<PresenceListProps, 'peers' | 'articles'>) {
  const [name, setName] = useState(user.name)
  return (
    <form
      className="identity"
      onSubmit={(e) => {
        e.preventDefault()
        onUserChange({ ...user, name })
      }}
    >
      <label htmlFor="identity-name">Your name</label>
      <div className="identity-row">
        <input
          id="identity-name"
          value={name}
          maxLength={40}
          onChange={(e) => setName(e.target.value)}
          onBlur={() => name.trim() && name !== user.name && onUserChange({ ...user, name })}
        />
        <button type="submit">Save</button>
      </div>
      <fieldset className="colors">
        <legend>Your colour</legend>
        {USER_COLORS.map(({ value, name: colorName }) => (
          <label key={value} className="color-choice" style={{ background: value }}>
            <input
              type="radio"
              name="identity-color"
              value={value}
              checked={user.color === value}
              onChange={() => onUserChange({ ...user, color: value })}
              aria-label={colorName}
            />
          </label>
        ))}
      </fieldset>
    </form>
  )
}
