import type { ActorStance } from '../../../../shared/domain/stances/mapSummary'
import { ProvenanceBadge } from '../common/ProvenanceBadge'
import { hasSynthetic, MAP_STANCE_LABELS, stateLabel, type MapNames } from './mapLabels'

interface OrganisationListProps {
  organisations: readonly ActorStance[]
  names: MapNames
  isDimmed: (actorId: string) => boolean
  selected: string | null
  onOpen: (actorId: string) => void
}

/** Organisations with an entry (the CMC, the ICRC): no territory to colour, so listed beside the map. */
export function OrganisationList(props: OrganisationListProps) {
  const { organisations, names, isDimmed, selected, onOpen } = props
  return (
    <section className="panel map-organisations" aria-labelledby="map-organisations-heading">
      <h3 id="map-organisations-heading" className="subheading">
        Organisations
      </h3>
      {organisations.length === 0 ? (
        <p className="map-note">No organisation has an entry here.</p>
      ) : (
        <ul className="plain-list" data-testid="map-organisations">
          {organisations.map((o) => (
            <li
              key={o.actor.id}
              data-actor={o.actor.id}
              className={isDimmed(o.actor.id) ? 'is-dimmed' : undefined}
            >
              <span className={`map-swatch map-fill-${o.stance}`} aria-hidden="true" />
              <button
                type="button"
                className="link-button"
                aria-label={stateLabel(o, names, isDimmed(o.actor.id))}
                aria-pressed={selected === o.actor.id}
                onClick={() => onOpen(o.actor.id)}
              >
                {o.actor.name}
              </button>{' '}
              <span className="map-org-stance" aria-hidden="true">
                {MAP_STANCE_LABELS[o.stance]}
                {o.cell?.inheritedFrom ? ' (inherited)' : ''}
              </span>
              {hasSynthetic(o) && <ProvenanceBadge provenance="synthetic" />}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
