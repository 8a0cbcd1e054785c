import { useId, useState } from 'react'
import { keyOf, type ArticleVersion, type VersionKey } from './historyApi'
import { defaultPair, versionLabel, versionName } from './historySelectors'
import { DiffCounts, DiffLegend, DiffView } from './DiffView'
import { useArticleDiff } from './useArticleHistory'

interface DiffCompareProps {
  negotiationId: string
  articleId: string
  versions: readonly ArticleVersion[]
}

/** Compares any two versions of the article, chosen with two selects (previous → next first). */
export function DiffCompare({ negotiationId, articleId, versions }: DiffCompareProps) {
  const id = useId()
  const present = versions.filter((v) => v.number !== null)
  const [chosen, setChosen] = useState<[VersionKey, VersionKey] | null>(null)
  const pair = chosen ?? defaultPair(versions)
  const diff = useArticleDiff(negotiationId, articleId, pair)
  if (!pair || present.length === 0) return null
  const [from, to] = pair
  const name = (key: VersionKey) =>
    versionName(present.find((v) => keyOf(v) === key) ?? present[0]!)
  const option = (v: ArticleVersion) => (
    <option key={keyOf(v)} value={keyOf(v)}>
      {versionName(v)}
      {v.number !== null ? ` (Art. ${versionLabel(v)})` : ''}
    </option>
  )
  return (
    <section className="panel diff-compare" aria-labelledby={`${id}-heading`}>
      <div className="diff-compare-head">
        <h3 id={`${id}-heading`} className="panel-heading">
          Compare
        </h3>
        <div className="field">
          <label htmlFor={`${id}-from`}>From</label>
          <select id={`${id}-from`} value={from} onChange={(e) => setChosen([e.target.value, to])}>
            {present.map(option)}
          </select>
        </div>
        <span aria-hidden="true" className="diff-arrow">
          →
        </span>
        <div className="field">
          <label htmlFor={`${id}-to`}>To</label>
          <select id={`${id}-to`} value={to} onChange={(e) => setChosen([from, e.target.value])}>
            {present.map(option)}
          </select>
        </div>
        {diff.parts && <DiffCounts parts={diff.parts} />}
      </div>
      {diff.error && (
        <p className="form-error" role="alert">
          {diff.error}
        </p>
      )}
      {!diff.parts && !diff.error && (
        <p className="muted" role="status">
          Comparing…
        </p>
      )}
      {diff.parts && (
        <>
          <DiffView
            parts={diff.parts}
            paragraphs={diff.paragraphs}
            granularity={diff.granularity}
            label={`Changes from ${name(from)} to ${name(to)}`}
          />
          <DiffLegend />
        </>
      )}
    </section>
  )
}
