import { useId } from 'react'
import type { Round } from '../../../../shared/domain/rounds'

interface RoundSelectProps {
  rounds: readonly Round[]
  /** The round a membership list starts at; null: from the start. */
  value: string | null
  onChange: (roundId: string | null) => void
}

/** From which round a coalition's membership list holds (blocs change between rounds). */
export function RoundSelect({ rounds, value, onChange }: RoundSelectProps) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>Members from</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">The start</option>
        {rounds.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name}
          </option>
        ))}
      </select>
    </div>
  )
}
