import { useEffect, useId, useState } from 'react'
import type { Proposal } from '../../../../shared/domain/proposals'
import { listArticles, type ArticleLabel } from '../issues/issuesApi'
import type { ActorChoice } from '../proposals/CoSponsorPicker'
import { ProposeDialog, type ProposalTarget } from '../proposals/ProposeDialog'

interface CommonProposalProps {
  negotiationId: string
  coalition: { id: string; name: string }
  actors: ActorChoice[]
  /** The delegate's own actor (null for the chair). */
  ownActorId: string | null
  onCreated: (proposal: Proposal) => void
}

/**
 * "New common proposal": the article it goes with, then the usual propose dialog with the
 * coalition chosen (a new article after the chosen one; to amend words, select them in the text
 * and propose there in the coalition's name).
 */
export function CommonProposal(props: CommonProposalProps) {
  const { negotiationId, coalition, actors, ownActorId, onCreated } = props
  const selectId = useId()
  const [open, setOpen] = useState(false)
  const [articles, setArticles] = useState<ArticleLabel[] | null>(null)
  const [articleId, setArticleId] = useState('')
  const [target, setTarget] = useState<ProposalTarget | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    if (!open || articles) return
    const abort = new AbortController()
    listArticles(negotiationId, abort.signal).then(
      (list) => {
        setArticles(list)
        setArticleId((id) => id || (list.at(-1)?.id ?? ''))
      },
      (e: unknown) => !abort.signal.aborted && setError((e as Error).message),
    )
    return () => abort.abort()
  }, [open, articles, negotiationId])

  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        New common proposal…
      </button>
    )
  }
  const chosen = articles?.find((a) => a.id === articleId)
  return (
    <>
      <form
        className="inline-form common-proposal"
        aria-label={`New common proposal of ${coalition.name}`}
        onSubmit={(e) => {
          e.preventDefault()
          if (!chosen) return
          setTarget({ articleId: chosen.id, articleLabel: `Art. ${chosen.label}`, anchor: null })
        }}
      >
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="field">
          <label htmlFor={selectId}>A new article after</label>
          <select id={selectId} value={articleId} onChange={(e) => setArticleId(e.target.value)}>
            {(articles ?? []).map((a) => (
              <option key={a.id} value={a.id}>
                Art. {a.label}
                {a.title ? ` · ${a.title}` : ''}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button-primary" disabled={!chosen}>
          Continue…
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </form>
      <ProposeDialog
        negotiationId={negotiationId}
        target={target}
        actors={actors}
        ownActorId={ownActorId}
        coalitionId={coalition.id}
        onCancel={() => setTarget(null)}
        onCreated={(proposal) => {
          setTarget(null)
          setOpen(false)
          onCreated(proposal)
        }}
      />
    </>
  )
}
