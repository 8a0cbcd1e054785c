import { Fragment } from 'react'
import { ProvenanceBadge } from '../common/ProvenanceBadge'
import { endorsementText, treatyText, type CellText, type StanceIndex } from './stanceColumns'
import './stanceFacts.css'

// Known facts read plainly; what is not known is muted, so it never reads as a "no".
function Fact({ cell, testId }: { cell: CellText; testId: string }) {
  return (
    <span
      className={cell.known ? 'fact' : 'fact fact-unknown'}
      title={cell.title || undefined}
      data-testid={testId}
    >
      {cell.text.split(' · ').map((part, i) => (
        // Each fact keeps its date on one line; the table wraps between them.
        <Fragment key={i}>
          {i > 0 && ' · '}
          <span className="fact-part">{part}</span>
        </Fragment>
      ))}
      {cell.provenance && cell.provenance !== 'reported' && (
        <>
          {' '}
          <ProvenanceBadge provenance={cell.provenance} />
        </>
      )}
    </span>
  )
}

/** A state's treaty status: signature, ratification or accession with dates, or "Unknown: …". */
export function TreatyFact({ index, actorId }: { index: StanceIndex; actorId: string }) {
  return <Fact cell={treatyText(index, actorId)} testId="treaty-status" />
}

/** A state's endorsement of one declaration: "✓ date", or what is known instead. */
export function EndorsementFact(props: {
  index: StanceIndex
  declarationId: string
  actorId: string
}) {
  const { index, declarationId, actorId } = props
  return (
    <Fact
      cell={endorsementText(index, declarationId, actorId)}
      testId={`endorsed-${declarationId}`}
    />
  )
}
