import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { articleText, articleVersion } from '../../shared/domain/articleText'
import {
  DIFF_LIMITS,
  diffSteps,
  diffText,
  diffWords as diffWithin,
  paragraphs,
  tokenize,
  type DiffLimits,
  type DiffPart,
  type TextDiff,
} from '../../shared/domain/diff'
import { outlineChanges } from '../../shared/domain/outlineChanges'
import {
  article,
  article_title,
  item,
  numbered_paragraph,
  paragraph,
  subparagraph,
  treaty,
} from '../support/builders'
import { random } from '../support/random'

// No time limit: these tests pin what a word diff finds, whatever the machine's load.
const UNBOUNDED: DiffLimits = { wordMs: Infinity, paragraphMs: Infinity }
const diffWords = (a: string, b: string) => diffWithin(a, b, UNBOUNDED)
// Limits by edit count rather than time, so that which comparison is used never depends on load.
const NO_WORDS: DiffLimits = { ...UNBOUNDED, maxWordEdits: 0 }
const NO_PARAGRAPHS: DiffLimits = { ...NO_WORDS, maxParagraphEdits: 0 }

const older = (parts: DiffPart[]) =>
  parts
    .filter((p) => p.op !== 'insert')
    .map((p) => p.text)
    .join('')
const newer = (parts: DiffPart[]) =>
  parts
    .filter((p) => p.op !== 'delete')
    .map((p) => p.text)
    .join('')

describe('diffWords', () => {
  it('marks the words inserted and deleted, keeping the rest', () => {
    const diff = diffWords(
      'shall clear within ten years after entry into force',
      'shall clear within five years after entry into force',
    )
    expect(diff).toEqual([
      { op: 'equal', text: 'shall clear within ' },
      { op: 'delete', text: 'ten' },
      { op: 'insert', text: 'five' },
      { op: 'equal', text: ' years after entry into force' },
    ])
  })

  it('reads a rewritten phrase as one deletion and one insertion', () => {
    const diff = diffWords('not later than eight years', 'as soon as possible in six months')
    expect(diff.filter((p) => p.op === 'delete')).toHaveLength(1)
    expect(diff.filter((p) => p.op === 'insert')).toHaveLength(1)
  })

  it('handles empty sides and identical texts', () => {
    expect(diffWords('', '')).toEqual([])
    expect(diffWords('', 'new words')).toEqual([{ op: 'insert', text: 'new words' }])
    expect(diffWords('old words', '')).toEqual([{ op: 'delete', text: 'old words' }])
    expect(diffWords('same', 'same')).toEqual([{ op: 'equal', text: 'same' }])
  })

  it('tokenizes words, whitespace and punctuation so that the tokens give the text back', () => {
    expect(tokenize('“Transfer” involves, 10 years;')).toEqual([
      '“',
      'Transfer',
      '”',
      ' ',
      'involves',
      ',',
      ' ',
      '10',
      ' ',
      'years',
      ';',
    ])
  })

  it('gives back both texts from any pair (seeded random texts)', () => {
    let seed = 7
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647
    const words = ['shall', 'not', 'ten', 'five', 'years;', '[X]', 'a)', '\n', '  ', 'State']
    const text = () =>
      Array.from({ length: Math.floor(random() * 40) }, () => {
        return words[Math.floor(random() * words.length)]
      }).join(random() < 0.5 ? ' ' : '')
    for (let run = 0; run < 500; run++) {
      const [a, b] = [text(), text()]
      const diff = diffWords(a, b)
      expect(older(diff)).toBe(a)
      expect(newer(diff)).toBe(b)
      // Neighbouring parts never share an op: each run is maximal.
      diff.forEach((p, i) => expect(p.op).not.toBe(diff[i - 1]?.op))
    }
  })

  it('diffs the whole Convention against an edited copy', () => {
    const ccm = fs.readFileSync(
      path.resolve(import.meta.dirname, '../../fixtures/ccm-2008.txt'),
      'utf8',
    )
    const edited = ccm.replace(/ten years/g, 'five years').replace(/Article 2\b/g, 'Article 3')
    const diff = diffWords(ccm, edited)
    expect(older(diff)).toBe(ccm)
    expect(newer(diff)).toBe(edited)
    expect(diff.filter((p) => p.op === 'insert').map((p) => p.text)).toContain('five')
  })
})

describe('diffText past its limits', () => {
  const before = [
    '1. Scope of the Convention',
    '(a) flares;',
    '(b) smoke;',
    '2. Final clause',
  ].join('\n')
  const after = [
    '1. Scope of this Convention',
    '(a) flares;',
    '(b) smoke and dust;',
    '2. Final clause',
  ].join('\n')

  it('compares word by word within its limits', () => {
    const diff = diffText(before, after, UNBOUNDED)
    expect(diff.granularity).toBe('word')
    expect(diff.parts).toContainEqual({ op: 'insert', text: 'this' })
  })

  it('falls back to paragraphs: equal ones stay equal, changed ones are replaced whole', () => {
    const diff = diffText(before, after, NO_WORDS)
    expect(diff).toMatchObject({
      granularity: 'paragraph',
      parts: [
        { op: 'delete', text: '1. Scope of the Convention\n' },
        { op: 'insert', text: '1. Scope of this Convention\n' },
        { op: 'equal', text: '(a) flares;\n' },
        { op: 'delete', text: '(b) smoke;\n' },
        { op: 'insert', text: '(b) smoke and dust;\n' },
        { op: 'equal', text: '2. Final clause' },
      ],
    })
  })

  it('falls back to the whole text as one deletion and one insertion past both limits', () => {
    expect(diffText(before, after, NO_PARAGRAPHS)).toMatchObject({
      granularity: 'text',
      parts: [
        { op: 'delete', text: before },
        { op: 'insert', text: after },
      ],
    })
    expect(diffText('same', 'same', NO_PARAGRAPHS)).toMatchObject({
      granularity: 'word',
      parts: [{ op: 'equal', text: 'same' }],
    })
  })

  it('splits paragraphs with their line breaks, giving the text back', () => {
    expect(paragraphs('a\n\nb\n')).toEqual(['a\n', '\n', 'b\n'])
    expect(paragraphs('')).toEqual([])
  })

  it('gives back both texts at every granularity (seeded random texts)', () => {
    const next = random(9)
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T
    const words = ['shall', 'not', 'ten', 'five', 'years;', '(a)', 'State', '1.', '']
    const line = () => Array.from({ length: Math.floor(next() * 6) }, () => pick(words)).join(' ')
    const text = () => Array.from({ length: Math.floor(next() * 8) }, line).join('\n')
    // Edits of a text: lines kept, dropped, rewritten or added, so that many are shared.
    const edit = (t: string) =>
      t
        .split('\n')
        .flatMap((l) =>
          next() < 0.6 ? [l] : next() < 0.5 ? [] : [line(), ...(next() < 0.3 ? [line()] : [])],
        )
        .join('\n')
    const seen = new Set<string>()
    for (let run = 0; run < 600; run++) {
      const a = text()
      const b = next() < 0.8 ? edit(a) : text()
      const limits = pick([UNBOUNDED, NO_WORDS, NO_PARAGRAPHS, { ...UNBOUNDED, maxWordEdits: 4 }])
      const diff = diffText(a, b, limits)
      seen.add(diff.granularity)
      expect(older(diff.parts)).toBe(a)
      expect(newer(diff.parts)).toBe(b)
      diff.parts.forEach((p, i) => {
        expect(p.text).not.toBe('')
        expect(p.op).not.toBe(diff.parts[i - 1]?.op)
      })
    }
    expect([...seen].sort()).toEqual(['paragraph', 'text', 'word'])
  })
})

describe('diffText paragraph by paragraph', () => {
  const lines = (...ls: string[]) => ls.map((l) => `${l}\n`).join('')
  const ops = (diff: TextDiff) => diff.paragraphs.map((p) => p.op)

  it('shows a restructured paragraph as one deletion and one insertion, never interleaved', () => {
    const before = lines(
      '1. Scope',
      '2. Each State Party undertakes to destroy all cluster munitions under its jurisdiction and control as soon as possible but not later than eight years after entry into force.',
      '3. Final clause',
    )
    const after = lines(
      '1. Scope',
      '2. Not later than eight years after entry into force, each State Party shall destroy:',
      '(a) all munitions under its jurisdiction and all under its control.',
      '3. Final clause',
    )
    const diff = diffText(before, after, UNBOUNDED)
    expect(diff.granularity).toBe('word')
    expect(diff.parts).toEqual([
      { op: 'equal', text: '1. Scope\n' },
      { op: 'delete', text: before.split('\n')[1] + '\n' },
      { op: 'insert', text: after.split('\n').slice(1, 3).join('\n') + '\n' },
      { op: 'equal', text: '3. Final clause\n' },
    ])
    expect(ops(diff)).toEqual(['equal', 'delete', 'insert', 'insert', 'equal'])
  })

  it('marks a one-word change inside a paragraph word by word', () => {
    const before = lines('1. Scope', '2. within ten years of entry into force;', '3. Final')
    const after = lines('1. Scope', '2. within five years of entry into force;', '3. Final')
    const diff = diffText(before, after, UNBOUNDED)
    expect(ops(diff)).toEqual(['equal', 'changed', 'equal'])
    expect(diff.paragraphs[1]?.parts).toEqual([
      { op: 'equal', text: '2. within ' },
      { op: 'delete', text: 'ten' },
      { op: 'insert', text: 'five' },
      { op: 'equal', text: ' years of entry into force;\n' },
    ])
  })

  it('shows a moved paragraph deleted where it was and inserted where it is', () => {
    const moved = '(b) any explosive submunition designed to be dispersed from a dispenser;'
    const before = lines('(a) flares;', moved, '(c) smoke;', '(d) dust;')
    const after = lines('(a) flares;', '(c) smoke;', '(d) dust;', moved)
    const diff = diffText(before, after, UNBOUNDED)
    expect(ops(diff)).toEqual(['equal', 'delete', 'equal', 'equal', 'insert'])
    expect(diff.paragraphs[1]?.parts).toEqual([{ op: 'delete', text: `${moved}\n` }])
    expect(diff.paragraphs[4]?.parts).toEqual([{ op: 'insert', text: `${moved}\n` }])
  })

  it('gives back both texts by paragraph and flat (seeded random texts)', () => {
    const next = random(11)
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T
    const words = ['shall', 'not', 'ten', 'five', 'years;', '(a)', 'State', '1.', 'Party', '']
    const line = () => Array.from({ length: Math.floor(next() * 9) }, () => pick(words)).join(' ')
    const text = () => Array.from({ length: Math.floor(next() * 9) }, line).join('\n')
    // Lines kept, dropped, reworded, split, moved or added.
    const edit = (t: string) => {
      const out = t.split('\n').flatMap((l) => {
        const r = next()
        if (r < 0.4) return [l]
        if (r < 0.55) return []
        if (r < 0.75) return [l.replace(pick(words), pick(words))]
        if (r < 0.85) return [l.slice(0, l.length / 2), l.slice(l.length / 2)]
        return [line()]
      })
      if (out.length > 1 && next() < 0.3) out.push(out.shift() as string)
      return out.join('\n')
    }
    for (let run = 0; run < 600; run++) {
      const a = text()
      const b = next() < 0.85 ? edit(a) : text()
      const limits = pick([UNBOUNDED, NO_WORDS, NO_PARAGRAPHS, { ...UNBOUNDED, maxWordEdits: 6 }])
      const diff = diffText(a, b, limits)
      expect(older(diff.parts)).toBe(a)
      expect(newer(diff.parts)).toBe(b)
      const flat = diff.paragraphs.flatMap((p) => p.parts)
      expect(older(flat)).toBe(a)
      expect(newer(flat)).toBe(b)
      for (const p of diff.paragraphs) {
        // A paragraph deleted or inserted whole holds only that op; nothing is empty.
        if (p.op === 'delete' || p.op === 'insert' || p.op === 'equal') {
          expect(p.parts.map((x) => x.op)).toEqual([p.op])
        }
        p.parts.forEach((x) => expect(x.text).not.toBe(''))
      }
      diff.parts.forEach((p, i) => expect(p.op).not.toBe(diff.parts[i - 1]?.op))
    }
  })

  it('falls back to a coarser comparison on a worst case, within its limits', () => {
    const next = random(13)
    const vocabulary = ['State', 'Party', 'shall', 'destroy', 'munitions', 'years', 'not', 'all']
    const text = (paragraphCount: number, length: number) =>
      Array.from({ length: paragraphCount }, () =>
        Array.from({ length }, () => vocabulary[Math.floor(next() * 8)]).join(' '),
      ).join('\n')
    // Every paragraph changed in a third of its words: each has a partner to diff word by word.
    const edited = (t: string) =>
      t
        .split('\n')
        .map((l) =>
          l
            .split(' ')
            .map((w, i) => (i % 3 === 0 ? `${w}s` : w))
            .join(' '),
        )
        .join('\n')
    const run = (a: string, limits: DiffLimits) => {
      const b = edited(a)
      let pauses = 0
      const steps = diffSteps(a, b, limits)
      let step = steps.next()
      for (; !step.done; step = steps.next()) pauses++
      expect(older(step.value.parts)).toBe(a)
      expect(newer(step.value.parts)).toBe(b)
      return { granularity: step.value.granularity, pauses }
    }
    // The word diffs pass their 40 ms: the changed paragraphs are replaced whole. The diff
    // paused at least between aligning the paragraphs and marking words (more often when the
    // words took longer than a slice before running out).
    const words = run(text(400, 600), { ...DIFF_LIMITS, paragraphMs: Infinity })
    expect(words.granularity).toBe('paragraph')
    expect(words.pauses).toBeGreaterThan(0)
    // With the default limits, however many paragraphs change, the diff falls back.
    expect(['paragraph', 'text']).toContain(run(text(4000, 60), DIFF_LIMITS).granularity)
  })
})

describe('articleText', () => {
  const doc = treaty(
    article('art-1', article_title('Scope'), numbered_paragraph('Never')),
    article(
      'art-2',
      article_title('Definitions'),
      paragraph('For the purposes:'),
      numbered_paragraph('“Cluster munition” means'),
      subparagraph('flares;'),
      item('fewer than ten;'),
      item('more than four kilograms;'),
      numbered_paragraph('“Transfer” involves'),
    ),
  )

  it('labels each clause as numbering does, one a line', () => {
    expect(articleText(doc, 'art-2')).toBe(
      [
        'For the purposes:',
        '1. “Cluster munition” means',
        '(a) flares;',
        '(i) fewer than ten;',
        '(ii) more than four kilograms;',
        '2. “Transfer” involves',
      ].join('\n'),
    )
  })

  it('finds the article by id with its number in that text', () => {
    expect(articleVersion(doc, 'art-2')).toMatchObject({ number: 2, title: 'Definitions' })
    expect(articleVersion(doc, 'art-9')).toBeNull()
    expect(articleText(doc, 'art-9')).toBe('')
  })
})

describe('outlineChanges', () => {
  const a = (id: string, number: number, title = id) => ({ id, number, title })

  it('sees an article inserted before Article 2 as one addition, not a move of the rest', () => {
    const before = [a('art-1', 1), a('art-2', 2), a('art-3', 3)]
    const after = [a('art-1', 1), a('art-new', 2), a('art-2', 3), a('art-3', 4)]
    expect(outlineChanges(before, after)).toEqual([
      { type: 'article-added', articleId: 'art-new', data: { number: 2, title: 'art-new' } },
    ])
  })

  it('sees moves, renames and deletions by id', () => {
    const before = [a('art-1', 1), a('art-2', 2, 'Definitions'), a('art-3', 3), a('art-4', 4)]
    const after = [a('art-3', 1), a('art-1', 2), a('art-2', 3, 'Terms')]
    const changes = outlineChanges(before, after)
    expect(changes).toContainEqual({
      type: 'article-deleted',
      articleId: 'art-4',
      data: { number: 4, title: 'art-4' },
    })
    expect(changes).toContainEqual({
      type: 'article-renamed',
      articleId: 'art-2',
      data: { from: 'Definitions', to: 'Terms', number: 3 },
    })
    expect(changes.filter((c) => c.type === 'article-moved').map((c) => c.articleId)).toEqual([
      'art-3',
    ])
  })
})
