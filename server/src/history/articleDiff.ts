import { articleVersion, type ArticleVersion } from '../../../shared/domain/articleText'
import { diffSteps, type DiffGranularity, type TextDiff } from '../../../shared/domain/diff'
import { HttpError } from '../http/errors'
import { Limiter } from '../work/Limiter'
import { inSlices, yieldToOthers } from '../work/slices'
import { articleNotFound, textSources, type HistoryContext } from './texts'

const COARSENESS: DiffGranularity[] = ['word', 'paragraph', 'text']

// One diff computes at a time (each in slices of a few dozen ms), so that many at once still
// leave the event loop free between slices; a few more wait, the rest are refused.
const diffs = new Limiter(1, 16)

/**
 * A diff of an article between two versions, each a closed round's id or 'current'; where the
 * article is absent from a version its text is empty. `granularity` says how finely the wording
 * was compared (the coarser of title and text): a large change is compared paragraph by
 * paragraph, so that one diff never holds the server for long. `diff` is the flat list of
 * parts, `paragraphs` the same parts grouped by paragraph of the text.
 */
export async function articleDiff(
  ctx: HistoryContext,
  articleId: string,
  from: string,
  to: string,
) {
  const all = await textSources(ctx)
  const pick = async (key: string) => {
    const t = all.find((x) => x.key === key)
    if (!t) {
      throw new HttpError(
        404,
        'version_not_found',
        `No text "${key}": name a closed round's id or "current".`,
      )
    }
    const version = articleVersion(await t.doc(), articleId)
    // Each text is converted whole; let waiting requests through between the two.
    await yieldToOthers()
    return { ...t.meta, key, version }
  }
  const a = await pick(from)
  const b = await pick(to)
  if (!a.version && !b.version) throw articleNotFound(articleId)
  const side = ({ version, ...meta }: typeof a) => ({
    ...meta,
    number: version?.number ?? null,
    title: version?.title ?? '',
  })
  const text = (v: ArticleVersion | null) => v?.text ?? ''
  const result = await diffs.run(async (): Promise<[TextDiff, TextDiff]> => [
    await inSlices(diffSteps(a.version?.title ?? '', b.version?.title ?? '')),
    await inSlices(diffSteps(text(a.version), text(b.version))),
  ])
  if (!result.ok) {
    throw new HttpError(
      503,
      'busy',
      'The server is comparing many texts at once; try again in a moment.',
    )
  }
  const [title, body] = result.value
  const granularity =
    COARSENESS[
      Math.max(COARSENESS.indexOf(title.granularity), COARSENESS.indexOf(body.granularity))
    ]
  return {
    from: side(a),
    to: side(b),
    granularity,
    titleDiff: title.parts,
    diff: body.parts,
    paragraphs: body.paragraphs,
  }
}
