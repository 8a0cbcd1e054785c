import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Actor } from '../../shared/domain/actors'
import { parseTreatyStatusCsv, untcNameResolver } from '../../shared/domain/stances/treatyStatusCsv'
import { listActors } from '../../server/src/actors/catalogue'

const UNTC_FILE = path.resolve(import.meta.dirname, '../../fixtures/ccm-status-untc-partial.csv')
const SOURCE = 'UN Treaty Collection, MTDSG XXVI-6 (partial)'
const HEADER =
  'participant_untc_name,signature,provisional_application,action_date,action_type,untc_footnote'
const resolve = untcNameResolver(listActors())

describe('untcNameResolver', () => {
  it('resolves the depositary spellings of states to catalogue ids', () => {
    expect(resolve('Bolivia (Plurinational State of)')).toBe('BOL')
    expect(resolve("Côte d'Ivoire")).toBe('CIV')
    expect(resolve('Congo')).toBe('COG')
    expect(resolve('Democratic Republic of the Congo')).toBe('COD')
    expect(resolve('Holy See')).toBe('VAT')
    expect(resolve("Lao People's Democratic Republic")).toBe('LAO')
    expect(resolve('Bosnia and Herzegovina')).toBe('BIH')
    expect(resolve('Czech Republic')).toBe('CZE')
    expect(resolve('Czechia')).toBe('CZE')
    expect(resolve('United Kingdom of Great Britain and Northern Ireland')).toBe('GBR')
    expect(resolve('Cabo Verde')).toBe('CPV')
    expect(resolve('Venezuela (Bolivarian Republic of)')).toBe('VEN')
    expect(resolve('France')).toBe('FRA')
  })

  it('answers null for a name no actor has, and for one two actors have', () => {
    expect(resolve('Atlantis')).toBeNull()
    const twins: Actor[] = [
      { id: 'AAA', kind: 'state', name: 'Twin' },
      { id: 'BBB', kind: 'state', name: 'Other', officialName: 'Twin' },
    ]
    expect(untcNameResolver(twins)('Twin')).toBeNull()
  })

  it('uses an alias only for an actor in the list', () => {
    expect(untcNameResolver([{ id: 'FRA', kind: 'state', name: 'France' }])('Congo')).toBeNull()
  })
})

describe('parseTreatyStatusCsv', () => {
  it('reads all 37 rows of the real UNTC file and resolves every one', () => {
    const parsed = parseTreatyStatusCsv(fs.readFileSync(UNTC_FILE, 'utf8'), resolve, SOURCE)
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error))
    expect(parsed.unmatched).toEqual([])
    expect(parsed.rows).toHaveLength(37)
    expect(parsed.rows.find((r) => r.actorId === 'AUT')).toEqual({
      actorId: 'AUT',
      signature: '2008-12-03',
      actionDate: '2009-04-02',
      action: 'ratification',
      provisionalApplication: null,
      declarations: '',
      source: SOURCE,
    })
    expect(parsed.rows.find((r) => r.actorId === 'BLZ')).toMatchObject({
      signature: null,
      provisionalApplication: '2014-09-02',
      action: 'accession',
      declarations: '1',
    })
    // Signed, not ratified: unknown stays null.
    expect(parsed.rows.find((r) => r.actorId === 'AGO')).toMatchObject({
      signature: '2008-12-03',
      actionDate: null,
      action: null,
    })
    for (const id of ['BOL', 'CIV', 'COG', 'COD', 'CZE', 'CPV', 'BIH']) {
      expect(parsed.rows.map((r) => r.actorId)).toContain(id)
    }
  })

  it('reports a name it cannot resolve with its line, and never guesses', () => {
    const text = `# a comment, with "quotes"\n${HEADER}\nAustria,2008-12-03,,2009-04-02,ratification,\nAtlantis,2008-12-03,,,,\n`
    const parsed = parseTreatyStatusCsv(text, resolve, SOURCE)
    expect(parsed).toMatchObject({ ok: true, unmatched: [{ line: 4, name: 'Atlantis' }] })
    if (parsed.ok) expect(parsed.rows.map((r) => r.actorId)).toEqual(['AUT'])
  })

  it('names the line of a bad date, a bad action, a short row, a missing column, a state twice', () => {
    const bad = (rows: string, header = HEADER) => {
      const parsed = parseTreatyStatusCsv(`${header}\n${rows}`, resolve, SOURCE)
      if (parsed.ok) throw new Error('expected an error')
      return parsed.error
    }
    expect(bad('Austria,3 Dec 2008,,,,')).toMatchObject({ line: 2, column: 2 })
    expect(bad('Austria,2008-02-30,,,,').message).toMatch(/YYYY-MM-DD/)
    expect(bad('Austria,,,2009-04-02,ratified,')).toMatchObject({ line: 2, column: 5 })
    expect(bad('Austria,2008-12-03')).toMatchObject({ line: 2 })
    expect(
      bad('Austria,,,,', 'participant_untc_name,signature,action_date,action_type').message,
    ).toMatch(/provisional_application/)
    expect(bad('Austria,,,,,\nAustria,,,,,')).toMatchObject({ line: 3 })
    expect(bad('Austria,,,,,', HEADER + ',extra').message).toMatch(/unknown column "extra"/)
    expect(parseTreatyStatusCsv('', resolve, SOURCE).ok).toBe(false)
    expect(parseTreatyStatusCsv(`${HEADER}\n"Austria,,,,,`, resolve, SOURCE)).toMatchObject({
      ok: false,
    })
  })

  it('reads a CRLF file without a footnote column', () => {
    const text =
      'participant_untc_name,signature,provisional_application,action_date,action_type\r\nHoly See,2008-12-03,,2009-12-03,ratification\r\n'
    expect(parseTreatyStatusCsv(text, resolve, SOURCE)).toMatchObject({
      ok: true,
      rows: [{ actorId: 'VAT', declarations: '', action: 'ratification' }],
    })
  })
})
