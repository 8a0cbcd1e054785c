import { describe, expect, it } from 'vitest'
import {
  changeParticipant,
  changeRound,
  csvHeader,
  newParticipant,
  parseCsv,
  roundsOf,
  toCsv,
  type Actor,
  type Participant,
} from '../../shared/domain/actors'
import { readCsv, writeCsv } from '../../shared/domain/csv'

const ROUNDS = ['oslo-2007', 'vienna-2007']
const ACTORS: Record<string, Actor> = {
  FRA: { id: 'FRA', kind: 'state', name: 'France' },
  DEU: { id: 'DEU', kind: 'state', name: 'Germany' },
  VAT: { id: 'VAT', kind: 'state', name: 'Holy See' },
  cmc: { id: 'cmc', kind: 'organisation', name: 'Cluster Munition Coalition' },
}
const actor = (id: string) => ACTORS[id]
const known = (id: string) => id in ACTORS

const france: Participant = {
  actorId: 'FRA',
  flags: { user: false, producer: true, stockpiler: true, affected: false },
  note: 'Asked for a transition period, "reliable" munitions; 5-year clearance unrealistic',
  rounds: { 'oslo-2007': { attended: true, endorsed: true } },
}
const vatican: Participant = {
  actorId: 'VAT',
  flags: { user: false, producer: false, stockpiler: false, affected: false },
  note: 'Core group\nline two',
  rounds: { 'vienna-2007': { attended: true, endorsed: false } },
}

// Rows of a CSV text as plain strings, for readable expectations.
const rows = (text: string) => {
  const read = readCsv(text)
  if (!read.ok) throw new Error(read.error.message)
  return read.records.map((r) => r.cells.map((c) => c.value))
}

describe('the states spreadsheet as CSV', () => {
  it('writes the header, yes/no cells and quotes where needed', () => {
    const text = toCsv([france, vatican], actor, ROUNDS)
    expect(text.split('\r\n')[0]).toBe(
      'actor,name,kind,user,producer,stockpiler,affected,note,' +
        'oslo-2007 attended,oslo-2007 endorsed,vienna-2007 attended,vienna-2007 endorsed',
    )
    expect(rows(text)[1]).toEqual([
      'FRA',
      'France',
      'state',
      'no',
      'yes',
      'yes',
      'no',
      france.note,
      'yes',
      'yes',
      'no',
      'no',
    ])
    expect(text).toContain('"Asked for a transition period, ""reliable"" munitions;')
  })

  it('round-trips participants, notes with commas, quotes, line breaks and formulas', () => {
    const formula = { ...newParticipant('cmc'), note: '=HYPERLINK("http://x")' }
    const text = toCsv([france, vatican, formula], actor, ROUNDS)
    // A spreadsheet must not run the note as a formula.
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`)
    const parsed = parseCsv(text, known, ROUNDS)
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    const full = (p: Participant) => ({ ...p, rounds: roundsOf(p, ROUNDS) })
    expect(parsed.participants.map(full)).toEqual([france, vatican, formula].map(full))
    expect(toCsv(parsed.participants, actor, ROUNDS)).toBe(text)
  })

  it('reads CRLF or LF, a byte-order mark, any column order, blanks as no, and skips empty lines', () => {
    const text =
      '\ufeffnote,actor,vienna-2007 endorsed,producer\n' +
      'hi,DEU,YES,\n' +
      '\n' +
      '"a, b",FRA, no ,yes\r\n'
    const parsed = parseCsv(text, known, ROUNDS)
    expect(parsed).toMatchObject({
      ok: true,
      participants: [
        {
          actorId: 'DEU',
          note: 'hi',
          flags: { producer: false },
          rounds: { 'vienna-2007': { endorsed: true, attended: false } },
        },
        { actorId: 'FRA', note: 'a, b', flags: { producer: true } },
      ],
    })
  })

  it('names the line and column of a bad cell, an unknown actor or a repeated one', () => {
    const header = csvHeader(ROUNDS).join(',')
    const good = 'FRA,France,state,no,yes,yes,no,,yes,yes,no,no'
    expect(
      parseCsv(
        `${header}\n${good}\nDEU,Germany,state,no,maybe,no,no,,no,no,no,no\n`,
        known,
        ROUNDS,
      ),
    ).toEqual({
      ok: false,
      error: { line: 3, column: 5, message: '"producer" must be yes or no, not "maybe"' },
    })
    expect(
      parseCsv(`${header}\n${good}\nXYZ,,state,no,no,no,no,,no,no,no,no\n`, known, ROUNDS),
    ).toMatchObject({ ok: false, error: { line: 3, column: 1, message: 'unknown actor "XYZ"' } })
    expect(parseCsv(`${header}\n${good}\n${good}\n`, known, ROUNDS)).toMatchObject({
      ok: false,
      error: { line: 3, column: 1, message: 'FRA is already on line 2' },
    })
  })

  it('counts lines inside quoted cells when it reports a later error', () => {
    const text = 'actor,note,user\nFRA,"one\ntwo\nthree",no\nDEU,x,perhaps\n'
    expect(parseCsv(text, known, ROUNDS)).toMatchObject({
      ok: false,
      error: { line: 5, column: 3 },
    })
  })

  it('refuses unknown rounds and columns, repeated columns and a missing actor column', () => {
    expect(parseCsv('actor,madrid-2008 attended\nFRA,yes\n', known, ROUNDS)).toMatchObject({
      ok: false,
      error: {
        line: 1,
        column: 2,
        message: expect.stringContaining('unknown round "madrid-2008"'),
      },
    })
    expect(parseCsv('actor,colour\n', known, ROUNDS)).toMatchObject({
      ok: false,
      error: { line: 1, column: 2, message: expect.stringContaining('unknown column "colour"') },
    })
    expect(parseCsv('actor,user,user\n', known, ROUNDS)).toMatchObject({
      ok: false,
      error: { line: 1, column: 3 },
    })
    expect(parseCsv('name,user\n', known, ROUNDS)).toMatchObject({
      ok: false,
      error: { line: 1, message: 'the header has no "actor" column' },
    })
    expect(parseCsv('', known, ROUNDS)).toMatchObject({ ok: false, error: { line: 1 } })
  })

  it('refuses rows of the wrong length and broken quoting', () => {
    expect(parseCsv('actor,user\nFRA\n', known, ROUNDS)).toMatchObject({
      ok: false,
      error: { line: 2, column: 2, message: 'this row has 1 cells; the header has 2' },
    })
    expect(parseCsv('actor,note\nFRA,"open\n', known, ROUNDS)).toMatchObject({
      ok: false,
      error: { line: 2, column: 2, message: 'a quoted cell is never closed' },
    })
    expect(parseCsv('actor,note\nFRA,"x"y\n', known, ROUNDS)).toMatchObject({
      ok: false,
      error: { line: 2, column: 2 },
    })
    expect(parseCsv('actor,note\nFRA,x"y\n', known, ROUNDS)).toMatchObject({
      ok: false,
      error: { line: 2, column: 2, message: 'a quote inside an unquoted cell' },
    })
  })

  it('writes and reads back cells that need quoting', () => {
    const cells = ['plain', 'a,b', 'say "yes"', 'two\r\nlines', ' padded ', '']
    expect(rows(writeCsv([cells, ['x']]))).toEqual([cells, ['x']])
  })
})

describe('changing a participant', () => {
  it('adds the actor on first change and keeps what a change does not name', () => {
    const added = changeParticipant(null, 'FRA', { flags: { stockpiler: true } })
    expect(added).toEqual({
      ...newParticipant('FRA'),
      flags: { user: false, producer: false, stockpiler: true, affected: false },
    })
    const noted = changeParticipant(added, 'FRA', { note: 'Vienna: transition period' })
    expect(noted.flags.stockpiler).toBe(true)
    expect(noted.note).toBe('Vienna: transition period')
  })

  it('records endorsement without attendance (a declaration can be adopted from afar)', () => {
    const p = changeRound(null, 'NZL', 'oslo-2007', { endorsed: true })
    expect(p.rounds['oslo-2007']).toEqual({ attended: false, endorsed: true })
    const q = changeRound(p, 'NZL', 'oslo-2007', { attended: true })
    expect(q.rounds['oslo-2007']).toEqual({ attended: true, endorsed: true })
    expect(roundsOf(q, ROUNDS)['vienna-2007']).toEqual({ attended: false, endorsed: false })
  })
})
