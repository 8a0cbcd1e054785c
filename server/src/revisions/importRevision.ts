import { randomBytes } from 'node:crypto'
import type { Node } from 'prosemirror-model'
import { prosemirrorToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror'
import { z } from 'zod'
import { TEXT_FRAGMENT, roomName } from '../../../shared/collab'
import { cleaningCounts } from '../../../shared/domain/brackets'
import {
  articleDigests,
  confirmMatching,
  matchArticles,
  type CountsChange,
  type RevisionPreview as SharedPreview,
} from '../../../shared/domain/matchArticles'
import { can } from '../../../shared/domain/policy'
import { withContinuedIds } from '../../../shared/domain/revisionIds'
import { RoundSchema, type Round } from '../../../shared/domain/rounds'
import { treatySchema } from '../../../shared/schema'
import type { Room } from '../collab/Room'
import { newEvent } from '../history/events'
import { HttpError } from '../http/errors'
import { parseBody } from '../http/parseBody'
import { freeSlug, slugify } from '../negotiations/slug'
import { commandOrigin, commitAtomically } from '../proposals/commit'
import { closeRound, createRound, type RoundContext } from '../rounds/roundCommands'
import {
  REVISION_FORMATS,
  parseRevision,
  type RevisionFormat,
  type RevisionWarning,
} from './parseRevision'

// A round as the chair names it for the import; id and status are the command's.
const RoundFields = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  place: z.string().max(200).optional(),
  startDate: z.string().optional(),
  endDate: z.string().optional(),
  verified: z.boolean().optional(),
})

const Body = z.object({
  /** The text itself (Markdown or plain), or else `docx`. */
  text: z.string().min(1).max(2_000_000).optional(),
  /** A Word file in base64, read into Markdown as `POST /api/negotiations/import.docx` reads it. */
  docx: z.string().min(1).max(4_000_000).optional(),
  /** By default chosen from the file name, else from the text. */
  format: z.enum(REVISION_FORMATS).optional(),
  /** The file's name, for the warnings. */
  file: z.string().max(200).optional(),
  /** The chair's answers, by the revised article's index: the current article's id, or null for new. */
  confirm: z.record(z.string(), z.string().max(64).nullable()).optional(),
  /** The round the revised text opens; by default named after the text, dated today. */
  round: RoundFields.optional(),
  /** Only when the current text was never frozen: the round it is frozen as first. */
  previousRound: RoundFields.optional(),
})

/** What the chair sees before confirming: the matching, the importer's warnings and counts. */
export type RevisionPreview = SharedPreview<RevisionWarning>

const today = () => new Date().toISOString().slice(0, 10)

/** The revised text to read: the text sent, or the Markdown of the Word file sent. */
async function revisionSource(
  input: z.infer<typeof Body>,
): Promise<{ text: string; format: RevisionFormat | undefined }> {
  if (input.docx !== undefined) {
    const { docxToMarkdown } = await import('../import/docx/docxToMarkdown')
    const read = await docxToMarkdown(Buffer.from(input.docx, 'base64'))
    if (!read.ok) {
      throw new HttpError(
        read.error.code === 'docx_too_large' ? 413 : 400,
        read.error.code,
        read.error.message,
      )
    }
    return { text: read.markdown, format: 'markdown' }
  }
  if (input.text === undefined) {
    throw new HttpError(
      400,
      'invalid_request',
      'Send the revised text as `text`, or a Word file as `docx`.',
    )
  }
  return { text: input.text, format: input.format }
}

/**
 * POST .../rounds/import-revision (chair): without `confirm`, reads the revised text and
 * answers the proposed matching of its articles to the current ones (nothing is stored); with
 * `confirm` (the chair's answers, `{}` to take the proposal as it is), closes the open round
 * (freezing its text, as the round close command does; a text never frozen is first frozen as
 * a round of its own), then in one stored step opens the next round and replaces the live text
 * with the revised one, each matched article keeping its id, with its event in the log; clients
 * in the text room see it through the room's store-then-broadcast path.
 */
export async function importRevision(ctx: RoundContext, body: unknown) {
  const decision = can(ctx.principal, { type: 'manage-rounds' })
  if (!decision.ok) throw new HttpError(403, 'forbidden', decision.reason)
  const input = parseBody(Body, body)
  const started = performance.now()
  const source = await revisionSource(input)
  const parsed = parseRevision(source.text, source.format, input.file)
  if (!parsed.ok) {
    if (parsed.reason === 'too-large') {
      throw new HttpError(
        413,
        'treaty_too_large',
        `The text has ${parsed.lines.toLocaleString('en')} lines; a text is imported with at most ${parsed.limit.toLocaleString('en')}.`,
        { lines: parsed.lines, limit: parsed.limit },
      )
    }
    throw new HttpError(400, 'malformed_treaty', parsed.message, { line: parsed.line })
  }
  const text = roomName({ negotiationId: ctx.negotiationId, kind: 'text' })
  const readCurrent = () =>
    ctx.registry.read(text, (ydoc) =>
      yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(TEXT_FRAGMENT), treatySchema),
    )
  if (input.confirm === undefined) {
    return { preview: preview(await readCurrent(), parsed.doc, parsed.title, parsed.warnings) }
  }
  // Check the answers against the text as it is now, before closing anything.
  const now = await readCurrent()
  const checked = confirmMatching(
    matchArticles(articleDigests(now), articleDigests(parsed.doc)),
    articleIds(now),
    input.confirm,
  )
  if (!checked.ok) throw new HttpError(400, checked.code, checked.message)

  const closed = await closeCurrentRound(ctx, input.previousRound)
  const next = await ctx.queue.run(ctx.negotiationId, async () => {
    const rounds = await ctx.storage.rounds.list(ctx.negotiationId)
    const open = rounds.find((r) => r.status === 'open')
    if (open) {
      throw new HttpError(409, 'round_open', `${open.name} was opened meanwhile; try again.`)
    }
    const round = await nextRound(input.round, parsed.title, rounds)
    return ctx.registry.withRooms([text], async ([room]) => {
      const live = room as Room
      const current = yXmlFragmentToProseMirrorRootNode(
        live.doc.getXmlFragment(TEXT_FRAGMENT),
        treatySchema,
      )
      // The text as it is inside the room's queue, where no edit can land until we are done.
      const matching = matchArticles(articleDigests(current), articleDigests(parsed.doc))
      const ids = confirmMatching(matching, articleIds(current), input.confirm)
      if (!ids.ok) throw new HttpError(409, ids.code, ids.message)
      const revised = withContinuedIds(parsed.doc, ids.ids, current, freshArticleId)
      revised.check()
      const summary = summarise(
        ctx.byName,
        round.name,
        articleIds(current),
        ids.ids,
        input.confirm ?? {},
      )
      const at = new Date().toISOString()
      await commitAtomically(
        ctx.storage,
        commandOrigin('import-revision'),
        [
          {
            room: live,
            // Written as a change from the current text, so that what did not change stays.
            change: (doc) =>
              void prosemirrorToYXmlFragment(revised, doc.getXmlFragment(TEXT_FRAGMENT)),
          },
        ],
        async (tx) => {
          await tx.rounds.add(ctx.negotiationId, round)
          await tx.rounds.open(ctx.negotiationId, round.id, at)
          await tx.events.append(
            newEvent({
              negotiationId: ctx.negotiationId,
              type: 'round-opened',
              at,
              accountId: ctx.principal.accountId,
              byName: ctx.byName,
              roundId: round.id,
              data: { name: round.name, place: round.place },
            }),
          )
          await tx.events.append(
            newEvent({
              negotiationId: ctx.negotiationId,
              type: 'text-imported',
              at,
              accountId: ctx.principal.accountId,
              byName: ctx.byName,
              roundId: round.id,
              data: { ...summary.data, summary: summary.sentence, title: parsed.title },
            }),
          )
        },
      )
      return { round, summary, ids: ids.ids, counts: countsOf(current, revised) }
    })
  })
  return {
    imported: {
      closedRound: closed,
      round: (await ctx.storage.rounds.list(ctx.negotiationId)).find((r) => r.id === next.round.id),
      summary: next.summary.sentence,
      ...next.summary.data,
      ids: next.ids,
      counts: next.counts,
      ms: Math.round(performance.now() - started),
    },
  }
}

function preview(current: Node, revised: Node, title: string, warnings: RevisionWarning[]) {
  const matching = matchArticles(articleDigests(current), articleDigests(revised))
  const count = (c: string) => matching.matches.filter((m) => m.confidence === c).length
  return {
    title,
    articles: matching.matches.length,
    sure: count('sure'),
    doubtful: count('doubtful'),
    new: count('new'),
    removed: matching.removed.length,
    matching,
    warnings,
    counts: countsOf(current, revised),
  } satisfies RevisionPreview
}

const countsOf = (before: Node, after: Node): CountsChange => {
  const [b, a] = [cleaningCounts(before), cleaningCounts(after)]
  return {
    brackets: { before: b.brackets, after: a.brackets },
    options: { before: b.options, after: a.options },
  }
}

const articleIds = (doc: Node) => articleDigests(doc).map((a) => a.id)

const freshArticleId = () => `art-${randomBytes(5).toString('hex')}`

/**
 * Closes the open round through the round command (which freezes its text). With none open and
 * no text ever frozen, the current text is first frozen as a round of its own (`previous`, by
 * default named after its title); with none open and the last round closed (a retry after a
 * failed import, say), nothing needs closing. Answers the id of the round closed, if any.
 */
async function closeCurrentRound(
  ctx: RoundContext,
  previous: z.infer<typeof RoundFields> | undefined,
): Promise<string | null> {
  const rounds = await ctx.storage.rounds.list(ctx.negotiationId)
  const open = rounds.find((r) => r.status === 'open')
  if (open) {
    await closeRound(ctx, open.id, {})
    return open.id
  }
  if (rounds.some((r) => r.snapshotName !== null)) return null
  const text = roomName({ negotiationId: ctx.negotiationId, kind: 'text' })
  const title = await ctx.registry.read(
    text,
    (ydoc) =>
      yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(TEXT_FRAGMENT), treatySchema).firstChild
        ?.textContent,
  )
  const round = await nextRound(previous, title || 'Text before the revision', rounds)
  await createRound(ctx, { ...round, open: true })
  await closeRound(ctx, round.id, {})
  return round.id
}

async function nextRound(
  fields: z.infer<typeof RoundFields> | undefined,
  title: string,
  rounds: readonly { id: string }[],
): Promise<Round> {
  const name = fields?.name ?? title.slice(0, 200)
  const startDate = fields?.startDate ?? today()
  const id = await freeSlug(slugify(name), async (c) => rounds.some((r) => r.id === c))
  return parseBody(RoundSchema, {
    id,
    name,
    place: fields?.place ?? '',
    startDate,
    endDate: fields?.endDate ?? startDate,
    verified: fields?.verified ?? true,
  })
}

/**
 * The log's sentence and figures, named by the round the text opens (revised drafts often share
 * a title): "Chair imported the revised text as “Draft of 4 December 2015”: 30 articles, ...".
 */
function summarise(
  byName: string,
  name: string,
  currentIds: readonly string[],
  ids: readonly (string | null)[],
  confirm: Record<string, string | null>,
) {
  const matched = ids.filter((id) => id !== null).length
  const kept = new Set(ids)
  const removed = currentIds.filter((id) => !kept.has(id)).length
  const data = {
    articles: ids.length,
    matched,
    new: ids.length - matched,
    removed,
    confirmed: Object.keys(confirm).length,
  }
  const sentence =
    `${byName} imported the revised text as “${name}”: ${data.articles} articles, ` +
    `${data.matched} matched, ${data.new} new, ${data.removed} removed`
  return { data, sentence }
}
