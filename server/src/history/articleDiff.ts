import { diffSteps, type DiffGranularity, type TextDiff } from '../../../shared/domain/diff'
import { bracketChanges, markBrackets } from '../../../shared/domain/diffBrackets'
import { HttpError } from '../http/errors'
import { Limiter } from '../work/Limiter'
import { inSlices, yieldToOthers } from '../work/slices'
import { bracketedVersion, type BracketedVersion } from './bracketedVersion'
import { articleNotFound, textSources, type HistoryContext } from './texts'

const COARSENESS: DiffGranularity[] = ['word', 'paragraph', 'text']

// One diff computes at a time (each in slices of a few dozen ms), so that many at once still
// leave the event loop free between slices; a few more wait, the rest are refused.
const diffs = new Limiter(1, 16)

/**
 * A diff of an article between two versions, each a closed round's id or 'current'; where the
 * article is absent from a version its text is empty. `granularity` says how finely the wording
 * was compared (the coarser of title and text): a large change is compared paragraph by
 * paragraph, so that one diff never holds the server for long. The texts carry their brackets
 * and option blocks as printed: `diff` is the flat list of parts, each bracket removed or added
 * a part of its own flagged `bracket`, `paragraphs` the same parts grouped by paragraph of the
 * text, and `brackets` how many bracketed spans the diff removes and adds.
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
    const version = bracketedVersion(await t.doc(), articleId)
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
    label: version?.label ?? null,
    title: version?.title ?? '',
    brackets: version?.brackets ?? 0,
    options: version?.options ?? 0,
  })
  const text = (v: BracketedVersion | null) => v?.text ?? ''
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
    // Brackets removed or added stand apart, flagged, so that cleaning reads as such.
    diff: markBrackets(body.parts),
    paragraphs: body.paragraphs.map((p) => ({ ...p, parts: markBrackets(p.parts) })),
    brackets: bracketChanges(body.parts),
  }
}
