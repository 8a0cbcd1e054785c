import { Router, type Request, type Response } from 'express'
import { negotiationAccessOf } from '../auth/negotiationAccess'
import { HttpError } from '../http/errors'
import { buildMatrix, ownRecord, roundName } from '../../../shared/domain/stances/matrix'
import { matrixCsv, matrixLongTable, matrixTable } from '../../../shared/domain/stances/matrixCsv'
import { parseMatrixQuery } from '../../../shared/domain/stances/matrixQuery'
import { stanceData } from '../stances/stanceData'
import type { Storage } from '../storage/Storage'

/**
 * The positions matrix as files, after negotiationGate: GET .../matrix.csv and .../matrix.xlsx
 * take the page's own query (round, compare, columns, records, filters, sort; `format=long` for
 * one row per entry) and build from what this reader may see, so a file holds exactly the view.
 */
export function matrixRoutes(storage: Storage): Router {
  const router = Router()

  async function table(req: Request, res: Response) {
    const { negotiation, principal } = negotiationAccessOf(res)
    const params = new URLSearchParams()
    for (const [k, v] of Object.entries(req.query)) if (typeof v === 'string') params.set(k, v)
    const { query, problems } = parseMatrixQuery((name) => params.get(name))
    const format = params.get('format') ?? 'wide'
    if (format !== 'wide' && format !== 'long') problems.push('format must be wide or long.')
    if (problems.length > 0) throw new HttpError(400, 'bad_query', problems.join(' '))
    const data = await stanceData(storage, principal, negotiation.id)
    const matrix = buildMatrix(data, query, ownRecord(principal))
    const rows = format === 'long' ? matrixLongTable(matrix, data) : matrixTable(matrix, data)
    const round = matrix.round === 'all' ? 'all-rounds' : matrix.round
    const name = `${negotiation.id}-positions-${round}${matrix.compare ? `-vs-${matrix.compare}` : ''}`
    const title = `${negotiation.name}: positions, ${roundName(data, matrix.round)}`
    return { rows, name, title }
  }

  router.get('/negotiations/:id/matrix.csv', async (req, res) => {
    const { rows, name } = await table(req, res)
    res.type('text/csv; charset=utf-8').attachment(`${name}.csv`).send(matrixCsv(rows))
  })

  router.get('/negotiations/:id/matrix.xlsx', async (req, res) => {
    const { rows, name, title } = await table(req, res)
    // ExcelJS (tens of MB once loaded) loads on the first spreadsheet, not with the server.
    const { matrixXlsx } = await import('../stances/matrixXlsx')
    res
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .attachment(`${name}.xlsx`)
      .send(await matrixXlsx(rows, title))
  })

  return router
}
