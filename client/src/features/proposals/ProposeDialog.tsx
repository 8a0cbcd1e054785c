import { useEffect, useRef, useState, type FormEvent } from 'react'
import type { Anchor, Proposal } from '../../../../shared/domain/proposals'
import { ApiError } from '../../api'
import { useGroupViews } from '../groups/useGroupViews'
import { CoSponsorPicker, type ActorChoice } from './CoSponsorPicker'
import { ParamsFields } from './ParamsFields'
import { emptyParamsForm, paramsOf, type ParamsForm } from './paramsForm'
import { createProposal } from './proposalsApi'

/** What a new proposal applies to: an article, and the anchored words (none for a new article). */
export interface ProposalTarget {
  articleId: string
  /** "Art. 2", for the dialog's heading. */
  articleLabel: string
  anchor: Anchor | null
}

interface ProposeDialogProps {
  negotiationId: string
  /** The proposal being started, or null when the dialog is closed. */
  target: ProposalTarget | null
  actors: ActorChoice[]
  /** The delegate's own actor; null for the chair, who chooses the sponsor. */
  ownActorId: string | null
  onCancel: () => void
  onCreated: (proposal: Proposal) => void
  /** The coalition chosen when the dialog opens ("New common proposal" on the Rooms page). */
  coalitionId?: string | null
}

const shorten = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n - 1)}…` : s)

/**
 * Starts a proposal on the selected words (or a new article): kind and typed parameters, the
 * new wording (prefilled with the selected words), title, sponsor (the chair chooses; a delegate
 * sponsors for their delegation), co-sponsors and rationale; creates the draft on the server
 * with the anchor computed in the browser, its draft room starting from that wording.
 */
export function ProposeDialog(props: ProposeDialogProps) {
  const { negotiationId, target, actors, ownActorId, onCancel, onCreated } = props
  const preset = props.coalitionId ?? ''
  const dialogRef = useRef<HTMLDialogElement>(null)
  // A delegate may draft in the name of a coalition of its state; the chair of any coalition.
  const { groups } = useGroupViews(negotiationId)
  const coalitions = (groups ?? []).filter(
    (g) => g.kind === 'coalition' && (ownActorId === null || g.mine),
  )
  const [inNameOf, setInNameOf] = useState('')
  const coalition = coalitions.find((c) => c.id === inNameOf) ?? null
  const [form, setForm] = useState<ParamsForm>(emptyParamsForm())
  const [title, setTitle] = useState('')
  const [sponsor, setSponsor] = useState('')
  const [coSponsors, setCoSponsors] = useState<string[]>([])
  const [rationale, setRationale] = useState('')
  const [wording, setWording] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    const dialog = dialogRef.current
    if (!dialog) return
    if (target && !dialog.open) {
      setForm(emptyParamsForm(target.anchor ? 'replacement' : 'new-article'))
      setTitle('')
      setSponsor(ownActorId ?? '')
      setInNameOf(preset)
      setCoSponsors([])
      setRationale('')
      // An amendment starts from the words it amends, for the delegate to rewrite here.
      setWording(target.anchor?.quote ?? '')
      setError(null)
      dialog.showModal()
    }
    if (!target && dialog.open) dialog.close()
  }, [target, ownActorId, preset])

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!target) return
    const params = paramsOf(form)
    if (!params.ok) return setError(params.reason)
    if (!title.trim()) return setError('Give the proposal a title.')
    if (!sponsor && !coalition) return setError('Choose the sponsoring delegation.')
    setBusy(true)
    setError(null)
    try {
      const created = await createProposal(negotiationId, {
        params: params.params,
        title: title.trim(),
        articleId: target.articleId,
        ...(target.anchor ? { anchor: target.anchor } : {}),
        ...(coalition
          ? { coalitionId: coalition.id }
          : { sponsors: [sponsor], coSponsors: coSponsors.filter((c) => c !== sponsor) }),
        rationale: rationale.trim(),
        wording,
      })
      onCreated(created)
    } catch (caught) {
      setError(
        caught instanceof ApiError || caught instanceof Error ? caught.message : String(caught),
      )
    } finally {
      setBusy(false)
    }
  }

  const others = actors.filter((a) => a.id !== sponsor)
  return (
    <dialog
      ref={dialogRef}
      className="dialog proposal-dialog"
      aria-labelledby="propose-title"
      onCancel={(e) => {
        e.preventDefault()
        onCancel()
      }}
    >
      {target && (
        <form onSubmit={(e) => void submit(e)}>
          <h2 id="propose-title">
            {target.anchor
              ? `Propose an amendment to ${target.articleLabel}`
              : `Propose a new article after ${target.articleLabel}`}
          </h2>
          {target.anchor && (
            <p className="proposal-quote" data-testid="proposal-quote">
              “{shorten(target.anchor.quote, 160)}”
            </p>
          )}
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <ParamsFields form={form} onChange={setForm} newArticle={!target.anchor} />
          <div className="field">
            <label htmlFor="proposal-wording">
              {target.anchor ? 'New wording' : 'Wording of the new article'}
            </label>
            <textarea
              id="proposal-wording"
              rows={4}
              maxLength={20_000}
              aria-describedby="proposal-wording-hint"
              value={wording}
              onChange={(e) => setWording(e.target.value)}
            />
            <p className="field-hint muted" id="proposal-wording-hint">
              Plain text, one clause a line. The draft starts from it; the co-sponsors can go on
              editing it with you before it is tabled.
            </p>
          </div>
          <div className="field">
            <label htmlFor="proposal-title">Title</label>
            <input
              id="proposal-title"
              value={title}
              required
              maxLength={200}
              autoFocus
              onChange={(e) => setTitle(e.target.value)}
            />
          </div>
          {coalitions.length > 0 && (
            <div className="field">
              <label htmlFor="proposal-in-name-of">In the name of</label>
              <select
                id="proposal-in-name-of"
                value={inNameOf}
                aria-describedby="proposal-in-name-of-hint"
                onChange={(e) => setInNameOf(e.target.value)}
              >
                <option value="">
                  {ownActorId === null ? 'The sponsor chosen below' : 'My delegation'}
                </option>
                {coalitions.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name} (coalition)
                  </option>
                ))}
              </select>
              <p className="field-hint muted" id="proposal-in-name-of-hint">
                {coalition
                  ? `Sponsored by every member of ${coalition.name}: ${coalition.members
                      .map((id) => actors.find((a) => a.id === id)?.name ?? id)
                      .join(', ')}. They draft it together before it is tabled.`
                  : 'A coalition’s proposal is sponsored by all its member states.'}
              </p>
            </div>
          )}
          {ownActorId === null && !coalition && (
            <div className="field">
              <label htmlFor="proposal-sponsor">Sponsor</label>
              <select
                id="proposal-sponsor"
                value={sponsor}
                onChange={(e) => setSponsor(e.target.value)}
              >
                <option value="">Choose a delegation…</option>
                {actors.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          {!coalition && (
            <CoSponsorPicker actors={others} selected={coSponsors} onChange={setCoSponsors} />
          )}
          <div className="field">
            <label htmlFor="proposal-rationale">Rationale</label>
            <textarea
              id="proposal-rationale"
              rows={3}
              value={rationale}
              onChange={(e) => setRationale(e.target.value)}
            />
          </div>
          <div className="dialog-buttons">
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
            <button type="submit" className="button-primary" disabled={busy}>
              {busy ? 'Creating…' : 'Create draft'}
            </button>
          </div>
        </form>
      )}
    </dialog>
  )
}
