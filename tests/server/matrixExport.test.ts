import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { readCsv } from '../../shared/domain/csv'
import { useTestServer } from '../support/serverHarness'
import { libreOffice } from '../support/report'

const run = promisify(execFile)

/** Downloads one of the matrix files as a signed-in demo account. */
async function download(
  h: ReturnType<typeof useTestServer>,
  who: string,
  file: string,
): Promise<{ status: number; type: string; bytes: Buffer }> {
  const res = await fetch(`${h.server.url}/api/negotiations/ccm/${file}`, {
    headers: h.session(who),
  })
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    bytes: Buffer.from(await res.arrayBuffer()),
  }
}

const PRIVATE_QUOTE = 'France is wavering on the self-destruct claim'

describe('the positions matrix as CSV and XLSX', () => {
  const h = useTestServer(['chair', 'ana', 'france', 'observer'])

  // An issue tree of our own (the demo's issues may come and go): France supports the parent in
  // the secretariat's record; the coalition heard concerns on the child, privately.
  const seed = async () => {
    const parent = await h.api('chair', 'POST', '/issues', {
      id: 'mx-exemptions',
      title: 'Matrix exemptions',
    })
    expect(parent.status).toBe(201)
    const child = await h.api('chair', 'POST', '/issues', {
      id: 'mx-self-destruct',
      parentId: 'mx-exemptions',
      title: 'Matrix self-destruct',
    })
    expect(child.status).toBe(201)
    const base = { actorId: 'FRA', roundId: 'vienna-2007' }
    const secretariat = await h.api('chair', 'POST', '/statements', {
      ...base,
      target: { kind: 'issue', issueId: 'mx-exemptions' },
      stance: 'supports',
      record: 'secretariat',
      provenance: 'reported',
      source: 'Test source, p. 1',
    })
    expect(secretariat.status).toBe(201)
    const group = await h.api('ana', 'POST', '/statements', {
      ...base,
      target: { kind: 'issue', issueId: 'mx-self-destruct' },
      stance: 'concerns',
      record: 'group:cmc',
      provenance: 'synthetic',
      quote: PRIVATE_QUOTE,
    })
    expect(group.status).toBe(201)
  }

  it('gives a campaigner her group’s private entry and a delegate or observer nothing of it', async () => {
    await seed()
    const query = 'matrix.csv?round=vienna-2007&format=long'
    const ana = await download(h, 'ana', query)
    expect(ana.status).toBe(200)
    expect(ana.type).toMatch(/^text\/csv; charset=utf-8/)
    const text = ana.bytes.toString('utf8')
    expect(text.charCodeAt(0)).toBe(0xfeff)
    expect(text).toContain(PRIVATE_QUOTE)
    expect(text).toContain('Cluster Munition Coalition (private)')
    for (const who of ['france', 'observer']) {
      const other = (await download(h, who, query)).bytes.toString('utf8')
      expect(other).toContain('Test source, p. 1')
      expect(other).not.toContain(PRIVATE_QUOTE)
      expect(other).not.toContain('(private)')
    }

    // The wide sheet: one row per actor; France's child cell shows the group's concerns for
    // ana, and what France said of the parent for the delegate.
    const wide = (who: string) =>
      download(h, who, 'matrix.csv?round=vienna-2007').then((d) => {
        const read = readCsv(d.bytes.toString('utf8'))
        if (!read.ok) throw new Error(read.error.message)
        const header = read.records[0]!.cells.map((c) => c.value)
        const fra = read.records.find((r) => r.cells[1]?.value === 'FRA')!.cells.map((c) => c.value)
        return (col: string) => fra[header.indexOf(col)]
      })
    const forAna = await wide('ana')
    const child = 'Matrix exemptions › Matrix self-destruct'
    expect(forAna(child)).toBe('Concerns')
    expect(forAna(`${child}: provenance`)).toBe('Synthetic')
    const forFrance = await wide('france')
    expect(forFrance(child)).toBe('Supports (said of Matrix exemptions)')
    expect(forFrance(`${child}: records`)).toBe('Secretariat: Supports')
    // Treaty status as the actors table words it: France is not in the demo's partial UNTC list.
    expect(forFrance('Treaty status')).toBe('Unknown: not in the partial UNTC list')

    const xlsx = async (who: string) => {
      const file = await download(h, who, 'matrix.xlsx?round=vienna-2007')
      expect(file.status).toBe(200)
      expect(file.type).toMatch(/spreadsheetml/)
      const book = new ExcelJS.Workbook()
      // exceljs declares an older Buffer type than @types/node's.
      await book.xlsx.load(file.bytes as unknown as Parameters<typeof book.xlsx.load>[0])
      const sheet = book.getWorksheet('Positions')!
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
      const cells: string[] = []
      sheet.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))))
      return cells
    }
    const anaCells = await xlsx('ana')
    expect(anaCells).toContain('Synthetic')
    expect(anaCells.some((c) => c.includes('Cluster Munition Coalition (private): Concerns'))).toBe(
      true,
    )
    const franceCells = await xlsx('france')
    expect(franceCells).toContain('France')
    expect(franceCells).toContain('Treaty status')
    expect(franceCells).toContain('Signed 2008-12-03 · Ratified 2011-09-08')
    expect(franceCells.some((c) => c.includes('(private)'))).toBe(false)
  })

  it('refuses a query it cannot read, with a code and a sentence', async () => {
    const bad = await h.api('ana', 'GET', '/matrix.csv?columns=rows&sort=size')
    expect(bad.status).toBe(400)
    expect(bad.body.error).toMatchObject({ code: 'bad_query' })
    expect(bad.body.error.message).toMatch(/columns must be one of/)
    expect((await h.api(null, 'GET', '/matrix.csv')).status).toBe(401)
  })

  it('ignores a target list that is not the reader’s: a delegate gets every actor', async () => {
    const list = await h.api('ana', 'POST', '/groups/cmc/targets', {
      id: 'mx-list',
      name: 'Matrix list',
      actorIds: ['FRA'],
    })
    expect(list.status).toBe(201)
    const rows = async (who: string) => {
      const read = readCsv(
        (await download(h, who, 'matrix.csv?target=mx-list')).bytes.toString('utf8'),
      )
      return read.ok ? read.records.length - 1 : -1
    }
    expect(await rows('ana')).toBe(1)
    expect(await rows('france')).toBeGreaterThan(1)
  })

  // The demo's matrix opens in LibreOffice Calc where it is installed (CI installs it).
  it('opens in LibreOffice Calc as a spreadsheet (where LibreOffice is installed)', async () => {
    const binary = await libreOffice()
    if (!binary) {
      console.warn('LibreOffice is not installed: the matrix CSV was not opened in Calc')
      return
    }
    const csv = await download(h, 'france', 'matrix.csv?round=all')
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-matrix-'))
    try {
      fs.writeFileSync(path.join(dir, 'matrix.csv'), csv.bytes)
      const convert = (to: string, file: string) =>
        run(
          binary,
          [
            `-env:UserInstallation=file://${dir}/profile`,
            '--headless',
            '--convert-to',
            to,
            '--outdir',
            path.join(dir, to.split(':')[0]!),
            path.join(dir, file),
          ],
          { timeout: 120_000 },
        )
      // UTF-8 (76), comma-separated (44), quoted by " (34): how Calc reads our CSV.
      await convert('ods', 'matrix.csv')
      const ods = path.join(dir, 'ods', 'matrix.ods')
      expect(fs.statSync(ods).size).toBeGreaterThan(1000)
      fs.copyFileSync(ods, path.join(dir, 'back.ods'))
      await convert('csv:Text - txt - csv (StarCalc):44,34,76', 'back.ods')
      const back = fs.readFileSync(path.join(dir, 'csv', 'back.csv'), 'utf8')
      expect(back).toContain('France')
      expect(back).toContain('Actor,Actor id,Region,UN regional group')
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }, 180_000)
})
