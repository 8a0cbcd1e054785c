import { Router, type Request, type Response } from 'express'
import { listActors } from '../actors/catalogue'
import { requireAuthOf } from '../auth/authenticate'
import { negotiationAccessOf } from '../auth/negotiationAccess'
import type { RoomRegistry } from '../collab/rooms'
import {
  compendium,
  compendiumAkn,
  compendiumHtml,
  compendiumPositions,
  formatDay,
  positionsCsv,
  toAkomaNtoso,
  treatyView,
  viewHtml,
  withProposals,
  type TreatyView,
} from '../../../shared/domain/export'
import { outlineOf } from '../../../shared/domain/numbering'
import { exportFileName } from '../exports/fileNames'
import { exportNegotiation } from '../exports/negotiationExport'
import { importNegotiation } from '../exports/negotiationImport'
import { htmlToPdf } from '../exports/pdf'
import { textWithNotes } from '../exports/notesInText'
import { textWithProposals } from '../exports/proposalsInText'
import { compendiumTitleBlock, titleBlockFor } from '../exports/titleBlockFor'
import { liveText, textVersion, type TextVersion } from '../exports/textVersion'
import { jsonBodyUpTo } from '../http/bodies'
import { HttpError } from '../http/errors'
import { hasBeenTabled } from '../proposals/visibility'
import { visibleStatements } from '../stances/stanceData'
import type { Storage } from '../storage/Storage'
import { Limiter } from '../work/Limiter'
import { negotiationJson } from './negotiations'

/** What the export routes need. */
export interface ExportDeps {
  storage: Storage
  registry: RoomRegistry
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

// A whole negotiation with its rooms is some megabytes; the API's default limit is 4 MB.
/** The body parser of the JSON import, mounted after the admin check and before the API's own. */
export const importJsonBody = jsonBodyUpTo(64 * 1024 * 1024)

const today = () => new Date().toISOString().slice(0, 10)

// Positions exports read every entry of a negotiation: two at a time, a few more waiting.
const positionExports = new Limiter(2, 8)

/**
 * Exports, after negotiationGate, for any member: GET /api/negotiations/:id/export/text.docx |
 * text.html | text.pdf | text.akn.xml (`?round=<id>` for a closed round's text; text.docx
 * `?notes=<group>` adds that group's notes as Word comments, for its campaigners only) and
 * compendium.docx | compendium.html | compendium.akn.xml (sponsors as `docProponent`),
 * positions.csv (every entry on who stands where the reader may see, with its provenance); for an
 * administrator, negotiation.json (every room, drafts, group notes and groups' private records,
 * papers, target lists and actions included: a full backup). Each is an attachment with a file
 * name.
 */
export function exportRoutes(deps: ExportDeps): Router {
  const router = Router()
  const { storage, registry } = deps

  const version = (req: Request, res: Response): Promise<TextVersion> => {
    const round = typeof req.query.round === 'string' ? req.query.round : undefined
    return textVersion(deps, negotiationAccessOf(res).negotiation, round)
  }
  // `?view=proposals`: the "text with brackets" view of the live text, tabled proposals in it.
  const withTabled = (req: Request): boolean => {
    const view = req.query.view
    if (view === undefined || view === 'text') return false
    if (view !== 'proposals') {
      throw new HttpError(400, 'unknown_view', 'view is "text" (the default) or "proposals".')
    }
    if (req.query.round !== undefined || req.query.notes !== undefined) {
      throw new HttpError(
        409,
        'proposals_on_live_text_only',
        'Proposals are placed in the current text; export the current text, without notes, with them.',
      )
    }
    return true
  }
  // The text as exports read it: as it stands, or with its tabled proposals in brackets.
  const viewOf = async (req: Request, res: Response, v: TextVersion): Promise<TreatyView> => {
    if (!withTabled(req)) return treatyView(v.doc)
    const placed = await textWithProposals(deps, negotiationAccessOf(res).negotiation.id)
    return withProposals(placed.doc, treatyView(placed.doc), placed.proposals)
  }
  const subtitleOf = (v: TextVersion, req?: Request) =>
    (v.roundId ? `${v.name}, closed ${formatDay(v.date)}` : `${v.name}, ${formatDay(v.date)}`) +
    (req && withTabled(req) ? ', with the tabled proposals in brackets' : '')
  const textFile = (id: string, v: TextVersion, ext: string, req?: Request) =>
    exportFileName(
      id,
      v.roundId ? v.name : `text ${req && withTabled(req) ? 'with proposals ' : ''}${v.date}`,
      ext,
    )

  router.get('/negotiations/:id/export/text.docx', async (req, res) => {
    const { negotiation, principal } = negotiationAccessOf(res)
    withTabled(req)
    const groupId = typeof req.query.notes === 'string' ? req.query.notes : undefined
    if (groupId !== undefined && req.query.round !== undefined) {
      throw new HttpError(
        409,
        'notes_on_live_text_only',
        'Notes are placed in the current text; export the current text with them.',
      )
    }
    // With ?notes=<group>: the live text and that group's notes read together (its campaigners only).
    const withNotes = groupId
      ? await textWithNotes({
          storage,
          registry,
          principal,
          byName: '',
          negotiationId: negotiation.id,
          groupId,
        })
      : null
    const v = withNotes
      ? { ...(await version(req, res)), doc: withNotes.doc }
      : await version(req, res)
    // Word writing (docx) loads on the first export, not with the server.
    const [{ textDocx }, { noteComments }] = await Promise.all([
      import('../exports/textDocx'),
      import('../exports/docxComments'),
    ])
    const file = await textDocx(await viewOf(req, res, v), subtitleOf(v, req), {
      titleBlock: await titleBlockFor(storage, negotiation, v),
      notes: withNotes ? noteComments(withNotes.doc, withNotes.notes) : undefined,
    })
    res
      .type(DOCX)
      .attachment(textFile(negotiation.id, v, 'docx', req))
      .send(file)
  })

  router.get('/negotiations/:id/export/text.html', async (req, res) => {
    const { negotiation } = negotiationAccessOf(res)
    withTabled(req)
    const v = await version(req, res)
    const html = viewHtml(await viewOf(req, res, v), {
      title: `${negotiation.name} — ${v.name}`,
      subtitle: subtitleOf(v, req),
      titleBlock: await titleBlockFor(storage, negotiation, v),
    })
    res
      .type('text/html; charset=utf-8')
      .attachment(textFile(negotiation.id, v, 'html', req))
      .send(html)
  })

  router.get('/negotiations/:id/export/text.pdf', async (req, res) => {
    const { negotiation } = negotiationAccessOf(res)
    withTabled(req)
    const v = await version(req, res)
    const html = viewHtml(await viewOf(req, res, v), {
      title: `${negotiation.name} — ${v.name}`,
      subtitle: subtitleOf(v, req),
      titleBlock: await titleBlockFor(storage, negotiation, v),
    })
    const pdf = await htmlToPdf(html)
    if (!pdf.ok && pdf.code === 'busy') {
      res.set('Retry-After', '10')
      throw new HttpError(
        503,
        'busy',
        'The server is already making several PDFs; try again in a few seconds, or print text.html from a browser.',
      )
    }
    if (!pdf.ok) {
      throw new HttpError(
        501,
        'pdf_unavailable',
        'This server has no Chromium to make PDFs (set CHROMIUM_PATH); print text.html from a browser instead.',
      )
    }
    res
      .type('application/pdf')
      .attachment(textFile(negotiation.id, v, 'pdf', req))
      .send(pdf.pdf)
  })

  router.get('/negotiations/:id/export/text.akn.xml', async (req, res) => {
    const { negotiation } = negotiationAccessOf(res)
    const v = await version(req, res)
    const rounds = await storage.listRounds(negotiation.id)
    const xml = toAkomaNtoso(v.doc, {
      negotiationId: negotiation.id,
      workDate: rounds[0]?.startDate ?? negotiation.createdAt.slice(0, 10),
      expressionDate: v.date,
      versionName: v.name,
      generated: today(),
    })
    res
      .type('application/akn+xml; charset=utf-8')
      .attachment(textFile(negotiation.id, v, 'akn.xml'))
      .send(xml)
  })

  const compendiumOf = async (res: Response) => {
    const { negotiation } = negotiationAccessOf(res)
    // Every member reads every tabled proposal; drafts stay with their sponsors.
    const proposals = (await storage.proposals.list(negotiation.id)).filter(hasBeenTabled)
    const shown = new Set(proposals.map((p) => p.id))
    // Positions on the register and stances on proposals in the records every member reads.
    const positions = compendiumPositions(
      await storage.proposals.listPositions(negotiation.id),
      await storage.issues.listStatements(negotiation.id),
    ).filter((p) => shown.has(p.proposalId))
    const articles = outlineOf(await liveText(registry, negotiation.id))
    const coalitions = (await storage.members.listGroups(negotiation.id)).filter(
      (g) => g.kind === 'coalition',
    )
    const names = {
      actors: listActors(),
      rounds: await storage.listRounds(negotiation.id),
      coalitions,
    }
    const title = `${negotiation.name}: compendium of proposals`
    const subtitle = `As of ${formatDay(today())}`
    const file = (ext: string) => exportFileName(negotiation.id, `compendium ${today()}`, ext)
    const titleBlock = await compendiumTitleBlock(storage, negotiation, today())
    return { proposals, positions, articles, names, title, subtitle, file, titleBlock }
  }

  router.get('/negotiations/:id/export/compendium.docx', async (_req, res) => {
    const c = await compendiumOf(res)
    const sections = compendium(c.proposals, c.positions, c.articles, c.names)
    const { compendiumDocx } = await import('../exports/compendiumDocx')
    const file = await compendiumDocx(c.title, c.subtitle, sections, c.titleBlock)
    res.type(DOCX).attachment(c.file('docx')).send(file)
  })

  router.get('/negotiations/:id/export/compendium.akn.xml', async (_req, res) => {
    const c = await compendiumOf(res)
    const { negotiation } = negotiationAccessOf(res)
    const rounds = await storage.listRounds(negotiation.id)
    const sections = compendium(c.proposals, c.positions, c.articles, c.names)
    const xml = compendiumAkn(sections, {
      negotiationId: negotiation.id,
      workDate: rounds[0]?.startDate ?? negotiation.createdAt.slice(0, 10),
      expressionDate: today(),
      generated: today(),
      title: c.title,
    })
    res.type('application/akn+xml; charset=utf-8').attachment(c.file('akn.xml')).send(xml)
  })

  router.get('/negotiations/:id/export/compendium.html', async (_req, res) => {
    const c = await compendiumOf(res)
    const html = compendiumHtml(c.proposals, c.positions, c.articles, {
      ...c.names,
      title: c.title,
      subtitle: c.subtitle,
      titleBlock: c.titleBlock,
    })
    res.type('text/html; charset=utf-8').attachment(c.file('html')).send(html)
  })

  router.get('/negotiations/:id/export/positions.csv', async (_req, res) => {
    const { negotiation, principal } = negotiationAccessOf(res)
    const id = negotiation.id
    const made = await positionExports.run(async () => {
      const [statements, rounds, issues, proposals, groups] = await Promise.all([
        visibleStatements(storage, principal, id),
        storage.listRounds(id),
        storage.issues.list(id),
        storage.proposals.list(id),
        storage.members.listGroups(id),
      ])
      return positionsCsv(statements, {
        actors: listActors(),
        rounds,
        issues,
        proposals: proposals.filter(hasBeenTabled),
        articles: outlineOf(await liveText(registry, id)),
        groups,
      })
    })
    if (!made.ok) {
      res.set('Retry-After', '5')
      throw new HttpError(
        503,
        'busy',
        'The server is making several exports; try again in a few seconds.',
      )
    }
    res
      .type('text/csv; charset=utf-8')
      .attachment(exportFileName(id, `positions ${today()}`, 'csv'))
      .send(made.value)
  })

  router.get('/negotiations/:id/export/negotiation.json', async (_req, res) => {
    const { negotiation, principal } = negotiationAccessOf(res)
    if (!principal.isAdmin) {
      throw new HttpError(
        403,
        'forbidden',
        'Only an administrator exports a whole negotiation: it holds every draft and every group’s notes and records.',
      )
    }
    const data = await exportNegotiation(storage, registry, negotiation)
    const file = exportFileName(negotiation.id, `negotiation ${today()}`, 'json')
    res.type('application/json').attachment(file).send(JSON.stringify(data))
  })

  return router
}

/**
 * POST /api/negotiations/import-json (admin): a file of `negotiation.json` as a new negotiation
 * (`?id=` to take another id, `?members=true` to restore memberships of accounts with the same
 * usernames) → 201 { negotiation, imported, skippedMembers }. Mounted before negotiationGate.
 */
export function negotiationJsonImportRoutes(storage: Storage): Router {
  const router = Router()
  router.post('/negotiations/import-json', async (req, res) => {
    const { account } = requireAuthOf(res)
    if (!account.isAdmin) {
      throw new HttpError(403, 'forbidden', 'Only an administrator imports negotiations.')
    }
    const id = typeof req.query.id === 'string' ? req.query.id : undefined
    const members = req.query.members === 'true'
    const outcome = await importNegotiation(storage, req.body, { id, members })
    const rounds = await storage.listRounds(outcome.negotiation.id)
    res.status(201).json({
      negotiation: negotiationJson(outcome.negotiation, rounds),
      imported: outcome.counts,
      skippedMembers: outcome.skippedMembers,
    })
  })
  return router
}
