import { useId, useState } from 'react'
import { groupIdFrom, type CampaignGroup } from './membersApi'

interface GroupsPanelProps {
  groups: CampaignGroup[]
  onCreate: (group: CampaignGroup) => Promise<void>
}

const VALID_ID = /^[a-z0-9][a-z0-9-]{0,63}$/

/** The campaign groups of the negotiation, and fields to add one (a name and its id). */
export function GroupsPanel({ groups, onCreate }: GroupsPanelProps) {
  const nameId = useId()
  const idId = useId()
  const [name, setName] = useState('')
  // The id follows the name until the chair edits it.
  const [id, setId] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const groupId = id ?? groupIdFrom(name)
  const valid = name.trim() !== '' && VALID_ID.test(groupId) && groupId !== 'public'
  return (
    <section className="panel" aria-labelledby="groups-heading">
      <h2 id="groups-heading" className="panel-heading">
        Campaign groups <span className="count">{groups.length}</span>
      </h2>
      <ul className="plain-list">
        {groups.map((g) => (
          <li key={g.id}>
            {g.name} <code className="muted">{g.id}</code>
          </li>
        ))}
      </ul>
      <form
        className="inline-form"
        aria-label="New campaign group"
        onSubmit={(e) => {
          e.preventDefault()
          if (!valid) return
          setBusy(true)
          onCreate({ id: groupId, name: name.trim() })
            .then(() => {
              setName('')
              setId(null)
            })
            .catch(() => {})
            .finally(() => setBusy(false))
        }}
      >
        <div className="field field-grow">
          <label htmlFor={nameId}>New group</label>
          <input
            id={nameId}
            value={name}
            maxLength={200}
            placeholder="e.g. Handicap International"
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="field field-id">
          <label htmlFor={idId}>Id</label>
          <input
            id={idId}
            value={groupId}
            maxLength={64}
            aria-invalid={(groupId !== '' && !valid) || undefined}
            onChange={(e) => setId(e.target.value)}
          />
        </div>
        <button type="submit" disabled={busy || !valid}>
          Add group
        </button>
      </form>
    </section>
  )
}
