import { useCallback, useEffect, useId, useState, type FormEvent } from 'react'
import { can, effectiveRole, type Principal } from '../../../../shared/domain/policy'
import type { StanceData } from '../../../../shared/domain/stances/stanceData'
import type { Paper } from '../../../../shared/domain/stances/types'
import { ProvenanceBadge } from '../common/ProvenanceBadge'
import { MarkdownText } from './MarkdownText'
import { addPaper, addPaperVersion, listPapers, publishPaper } from './issuesApi'

interface IssuePapersProps {
  negotiationId: string
  data: StanceData
  principal: Principal
  issueId: string
}

// The group a campaigner writes papers for, or null (the secretariat's, for the chair).
const groupOf = (p: Principal) =>
  p.membership?.role === 'campaigner' ? p.membership.groupId : null

/**
 * Briefing papers on an issue: the secretariat's, the reader's group's (private until
 * published) and other groups' published ones; each read at any of its versions, with a new
 * version or a new paper written in Markdown by those who may.
 */
export function IssuePapers({ negotiationId, data, principal, issueId }: IssuePapersProps) {
  const [papers, setPapers] = useState<Paper[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [openId, setOpenId] = useState<string | null>(null)
  const [writing, setWriting] = useState<'new' | string | null>(null)
  const [generation, setGeneration] = useState(0)
  const reload = useCallback(() => setGeneration((g) => g + 1), [])
  useEffect(() => {
    const abort = new AbortController()
    listPapers(negotiationId, issueId, abort.signal).then(
      (list) => {
        setPapers(list)
        setError(null)
      },
      (e: unknown) => !abort.signal.aborted && setError((e as Error).message),
    )
    return () => abort.abort()
  }, [negotiationId, issueId, generation])

  const group = groupOf(principal)
  const mayWrite = (paper: Paper | null) =>
    paper
      ? paper.groupId === null
        ? effectiveRole(principal) === 'chair'
        : can(principal, { type: 'group-work', groupId: paper.groupId }).ok
      : effectiveRole(principal) === 'chair' || group !== null
  const groupName = (id: string) => data.groups.find((g) => g.id === id)?.name ?? id
  const whose = (p: Paper) =>
    p.groupId === null
      ? 'Secretariat'
      : `${groupName(p.groupId)} — ${p.published ? 'published' : 'private to your group'}`

  return (
    <section className="issue-papers" aria-label="Briefing papers">
      <h3>Briefing papers</h3>
      {error && <p className="muted">Papers cannot be read now: {error}</p>}
      {papers && papers.length === 0 && <p className="muted">No papers on this issue yet.</p>}
      <ul className="paper-list">
        {papers?.map((p) => {
          const current = p.versions[p.versions.length - 1]
          return (
            <li key={p.id} className="paper-item" data-testid="paper">
              <button
                type="button"
                className="link-button"
                aria-expanded={openId === p.id}
                onClick={() => setOpenId(openId === p.id ? null : p.id)}
              >
                {current?.title ?? p.id}
              </button>{' '}
              <span className="muted">
                {whose(p)} · {p.versions.length} version{p.versions.length === 1 ? '' : 's'}
              </span>
              <ProvenanceBadge provenance={p.provenance} source={p.source} />
              {openId === p.id && (
                <PaperReader
                  paper={p}
                  mayWrite={mayWrite(p)}
                  onWrite={() => setWriting(p.id)}
                  onPublish={() =>
                    publishPaper(negotiationId, p.id).then(reload, (e: unknown) =>
                      setError((e as Error).message),
                    )
                  }
                />
              )}
              {writing === p.id && (
                <PaperEditor
                  heading="New version"
                  initial={{ title: current?.title ?? '', body: current?.body ?? '' }}
                  onCancel={() => setWriting(null)}
                  onSave={(v) =>
                    addPaperVersion(negotiationId, p.id, v).then(() => {
                      setWriting(null)
                      reload()
                    })
                  }
                />
              )}
            </li>
          )
        })}
      </ul>
      {mayWrite(null) && writing !== 'new' && (
        <button type="button" className="button" onClick={() => setWriting('new')}>
          Add a paper{group ? ` (private to ${groupName(group)})` : ''}
        </button>
      )}
      {writing === 'new' && (
        <PaperEditor
          heading="New paper"
          initial={{ title: '', body: '' }}
          onCancel={() => setWriting(null)}
          onSave={(v) =>
            addPaper(negotiationId, issueId, {
              ...v,
              groupId: group,
              source: '',
              provenance: 'recorded',
            }).then(() => {
              setWriting(null)
              reload()
            })
          }
        />
      )}
    </section>
  )
}

function PaperReader(props: {
  paper: Paper
  mayWrite: boolean
  onWrite: () => void
  onPublish: () => void
}) {
  const { paper, mayWrite, onWrite, onPublish } = props
  const last = paper.versions.length
  const [version, setVersion] = useState(last)
  const shown = paper.versions.find((v) => v.version === version) ?? paper.versions[last - 1]
  const id = useId()
  return (
    <div className="paper-reader">
      <label htmlFor={`${id}-v`}>Version </label>
      <select id={`${id}-v`} value={version} onChange={(e) => setVersion(Number(e.target.value))}>
        {paper.versions.map((v) => (
          <option key={v.version} value={v.version}>
            {v.version} — {v.at.slice(0, 10)}, {v.byName}
            {v.version === last ? ' (current)' : ''}
          </option>
        ))}
      </select>
      {shown && (
        <article className="paper-body" aria-label={shown.title}>
          <h4>{shown.title}</h4>
          <MarkdownText text={shown.body} />
        </article>
      )}
      {mayWrite && (
        <p className="form-actions">
          <button type="button" className="button" onClick={onWrite}>
            Write a new version
          </button>
          {paper.groupId !== null && !paper.published && (
            <button type="button" className="button" onClick={onPublish}>
              Publish
            </button>
          )}
        </p>
      )}
    </div>
  )
}

function PaperEditor(props: {
  heading: string
  initial: { title: string; body: string }
  onSave: (v: { title: string; body: string }) => Promise<unknown>
  onCancel: () => void
}) {
  const [title, setTitle] = useState(props.initial.title)
  const [body, setBody] = useState(props.initial.body)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    props.onSave({ title: title.trim(), body }).then(
      () => setBusy(false),
      (err: unknown) => {
        setBusy(false)
        setError((err as Error).message)
      },
    )
  }
  return (
    <form className="paper-editor" onSubmit={submit} aria-label={props.heading}>
      <h4>{props.heading}</h4>
      <label className="form-wide">
        Title
        <input value={title} required maxLength={200} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label className="form-wide">
        Body (Markdown: *emphasis*, **strong**, links, “- ” lists)
        <textarea value={body} rows={10} onChange={(e) => setBody(e.target.value)} />
      </label>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <p className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          Save
        </button>
        <button type="button" className="button" onClick={props.onCancel}>
          Cancel
        </button>
      </p>
    </form>
  )
}
