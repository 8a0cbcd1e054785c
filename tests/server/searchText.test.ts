import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { tokenize } from '../../server/src/storage/postgres/searchText'

// Blocks of the scripts and punctuation a negotiation's texts use.
const BLOCKS: [string, number, number][] = [
  ['Latin', 0x20, 0x24f],
  ['combining marks', 0x300, 0x36f],
  ['Greek', 0x370, 0x3ff],
  ['Cyrillic', 0x400, 0x4ff],
  ['Armenian', 0x530, 0x58f],
  ['Hebrew', 0x590, 0x5ff],
  ['Arabic', 0x600, 0x6ff],
  ['Devanagari', 0x900, 0x97f],
  ['Bengali', 0x980, 0x9ff],
  ['Thai', 0xe00, 0xe7f],
  ['Georgian', 0x10a0, 0x10ff],
  ['Latin Extended Additional', 0x1e00, 0x1eff],
  ['Greek Extended', 0x1f00, 0x1fff],
  ['General Punctuation', 0x2000, 0x206f],
  ['CJK punctuation, Hiragana, Katakana', 0x3000, 0x30ff],
  ['CJK', 0x4e00, 0x9fff],
  ['Hangul', 0xac00, 0xd7a3],
  ['Halfwidth and Fullwidth Forms', 0xff00, 0xffef],
]

// Characters assigned after Unicode 6.1, whose tables SQLite's tokenizer carries (JavaScript's
// are newer), and two whose folding FTS5 does its own way.
const KNOWN = [
  0x37f, 0x58d, 0x58e, 0x605, 0x61c, 0x61d, 0x9fd, 0x9fe, 0x2066, 0x2067, 0x2068, 0x2069, 0x1e9b,
  0x1fbe,
]

// The PostgreSQL index finds words by the tokens searchText.ts makes: they must be the tokens
// SQLite's FTS5 (unicode61, remove_diacritics 2) makes, or the two backends find different rows.
describe('search tokens', () => {
  it('are FTS5’s own for every character of the blocks texts use, alone and inside a word', () => {
    const db = new Database(':memory:')
    db.exec(`CREATE VIRTUAL TABLE f USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2');
      CREATE VIRTUAL TABLE v USING fts5vocab (f, 'instance')`)
    const insert = db.prepare('INSERT INTO f (rowid, body) VALUES (?, ?)')
    const bodies = new Map<number, string>()
    db.transaction(() => {
      for (const [, from, to] of BLOCKS) {
        for (let cp = from; cp <= to; cp++) {
          if (KNOWN.includes(cp)) continue
          const c = String.fromCodePoint(cp)
          const body = `q${c}z ${c} É${c}`
          bodies.set(cp, body)
          insert.run(cp, body)
        }
      }
    })()
    const terms = new Map<number, string[]>()
    for (const r of db.prepare('SELECT doc, term FROM v ORDER BY doc, "offset"').all() as {
      doc: number
      term: string
    }[]) {
      terms.set(r.doc, [...(terms.get(r.doc) ?? []), r.term])
    }
    const differ = [...bodies]
      .filter(([cp, body]) => {
        const ours = tokenize(body).map((t) => t.word)
        return JSON.stringify(ours) !== JSON.stringify(terms.get(cp) ?? [])
      })
      .map(([cp]) => `U+${cp.toString(16)}`)
    expect(differ).toEqual([])
    expect(bodies.size).toBeGreaterThan(30_000)
    db.close()
  })

  it('stand where the words stand in the text', () => {
    const text = 'L’École (de\u0301cembre) 条约—Договор'
    expect(tokenize(text).map((t) => [t.word, text.slice(t.start, t.end)])).toEqual([
      ['l', 'L'],
      ['ecole', 'École'],
      ['decembre', 'de\u0301cembre'],
      ['条约', '条约'],
      ['договор', 'Договор'],
    ])
  })
})
