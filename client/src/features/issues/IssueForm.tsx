import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import type { StanceProposal } from '../../../../shared/domain/stances/stanceData'
import { type Issue, type Provenance } from '../../../../shared/domain/stances/types'
import { createIssue, editIssue, type IssueFields } from './issueEditApi'
import type { ArticleLabel } from './issuesApi'
import { childrenOf } from './whoStandsWhere'
import { ProvenanceOptions } from '../common/ProvenanceOptions'

interface IssueFormProps {
  negotiationId: string
  issues: Issue[]
  proposals: StanceProposal[]
  articles: ArticleLabel[] | null
  /** The issue being edited, or null to name a new one. */
  issue: Issue | null
  /** The parent a new issue starts under (the issue shown when the form opened). */
  defaultParentId?: string | null
  onSaved: (issue: Issue) => void
  onCancel: () => void
}

/** The issues in tree order with their depth, leaving out `skip` and everything under it. */
function parentChoices(issues: Issue[], skip: string | null) {
  const children = childrenOf(issues)
  const out: { issue: Issue; depth: number }[] = []
  const walk = (parent: string | null, depth: number) => {
    if (depth > 20) return
    for (const issue of children.get(parent) ?? []) {
      if (issue.id === skip) continue
      out.push({ issue, depth })
      walk(issue.id, depth + 1)
    }
  }
  walk(null, 0)
  return out
}

const toggle = (list: string[], id: string, on: boolean) =>
  on ? [...list.filter((x) => x !== id), id] : list.filter((x) => x !== id)

/**
 * The chair's form to name an issue or change one: title, parent, description (Markdown), the
 * articles and tabled proposals it concerns, bracket ids, and where it comes from. The server
 * checks the same rules (who may, links, cycles, depth) and its sentence shows when it refuses.
 */
export function IssueForm(props: IssueFormProps) {
  const { negotiationId, issues, proposals, articles, issue, onSaved, onCancel } = props
  const id = useId()
  const heading = useRef<HTMLHeadingElement>(null)
  const [title, setTitle] = useState(issue?.title ?? '')
  const [parentId, setParentId] = useState(
    issue ? (issue.parentId ?? '') : (props.defaultParentId ?? ''),
  )
  const [description, setDescription] = useState(issue?.description ?? '')
  const [articleIds, setArticleIds] = useState<string[]>(issue?.articleIds ?? [])
  const [proposalIds, setProposalIds] = useState<string[]>(issue?.proposalIds ?? [])
  const [brackets, setBrackets] = useState((issue?.bracketIds ?? []).join(', '))
  const [source, setSource] = useState(issue?.source ?? '')
  const [provenance, setProvenance] = useState<Provenance>(issue?.provenance ?? 'recorded')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  useEffect(() => heading.current?.focus(), [])

  const parents = parentChoices(issues, issue?.id ?? null)
  // Articles already linked but no longer in the text stay listed, so saving keeps them.
  const gone = articles ? articleIds.filter((a) => !articles.some((x) => x.id === a)) : []
  const goneProposals = proposalIds.filter((p) => !proposals.some((x) => x.id === p))

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!title.trim()) return setError('An issue needs a title.')
    const fields: IssueFields = {
      title: title.trim(),
      parentId: parentId || null,
      description,
      articleIds,
      bracketIds: brackets
        .split(/[\s,]+/)
        .map((b) => b.trim())
        .filter(Boolean),
      proposalIds,
      source: source.trim(),
      provenance,
    }
    setBusy(true)
    setError(null)
    const saving = issue
      ? editIssue(negotiationId, issue.id, fields)
      : createIssue(negotiationId, fields)
    saving.then(
      (saved) => {
        setBusy(false)
        onSaved(saved)
      },
      (err: unknown) => {
        setBusy(false)
        setError((err as Error).message)
      },
    )
  }

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return
    e.preventDefault()
    onCancel()
  }

  return (
    <form
      className="issue-form"
      onSubmit={submit}
      onKeyDown={onKeyDown}
      aria-labelledby={`${id}-h`}
      data-testid="issue-form"
    >
      <h2 id={`${id}-h`} ref={heading} tabIndex={-1}>
        {issue ? `Edit issue: ${issue.title}` : 'New issue'}
      </h2>
      <label className="form-wide">
        Title
        <input value={title} required maxLength={200} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label className="form-wide">
        Part of
        <select value={parentId} onChange={(e) => setParentId(e.target.value)}>
          <option value="">None (top level)</option>
          {parents.map(({ issue: p, depth }) => (
            <option key={p.id} value={p.id}>
              {'\u00a0\u00a0'.repeat(depth) + p.title}
            </option>
          ))}
        </select>
      </label>
      <label className="form-wide">
        Description (Markdown)
        <textarea
          value={description}
          maxLength={20_000}
          rows={5}
          onChange={(e) => setDescription(e.target.value)}
        />
      </label>
      <fieldset className="issue-form-choices">
        <legend>Articles it concerns</legend>
        {!articles && <p className="muted">Loading the text’s articles…</p>}
        {articles?.length === 0 && <p className="muted">The text has no articles yet.</p>}
        {articles?.map((a) => (
          <label key={a.id}>
            <input
              type="checkbox"
              checked={articleIds.includes(a.id)}
              onChange={(e) => setArticleIds((l) => toggle(l, a.id, e.target.checked))}
            />
            {`Art. ${a.label} ${a.title}`.trim()}
          </label>
        ))}
        {gone.map((a) => (
          <label key={a}>
            <input
              type="checkbox"
              checked
              onChange={() => setArticleIds((l) => toggle(l, a, false))}
            />
            An article no longer in the text ({a})
          </label>
        ))}
      </fieldset>
      <fieldset className="issue-form-choices">
        <legend>Tabled proposals it concerns</legend>
        {proposals.length === 0 && goneProposals.length === 0 && (
          <p className="muted">No proposals are tabled yet.</p>
        )}
        {proposals.map((p) => (
          <label key={p.id}>
            <input
              type="checkbox"
              checked={proposalIds.includes(p.id)}
              onChange={(e) => setProposalIds((l) => toggle(l, p.id, e.target.checked))}
            />
            {p.title} <span className="muted">({p.status})</span>
          </label>
        ))}
        {goneProposals.map((p) => (
          <label key={p}>
            <input
              type="checkbox"
              checked
              onChange={() => setProposalIds((l) => toggle(l, p, false))}
            />
            A proposal not tabled now ({p})
          </label>
        ))}
      </fieldset>
      <label className="form-wide">
        Bracket ids (optional, separated by commas)
        <input value={brackets} onChange={(e) => setBrackets(e.target.value)} />
      </label>
      <div className="form-row">
        <label>
          Provenance
          <select value={provenance} onChange={(e) => setProvenance(e.target.value as Provenance)}>
            <ProvenanceOptions />
          </select>
        </label>
        <label className="form-grow">
          Source {provenance === 'reported' ? '(required)' : '(optional)'}
          <input
            value={source}
            maxLength={300}
            onChange={(e) => setSource(e.target.value)}
            placeholder="A report’s section, the chair’s list of 6 Dec"
          />
        </label>
      </div>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <p className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {issue ? 'Save changes' : 'Create issue'}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </p>
    </form>
  )
}
