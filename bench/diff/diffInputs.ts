import fs from 'node:fs'
import path from 'node:path'
import { articleText } from '../../shared/domain/articleText'
import { parseTreatyText } from '../../shared/domain/importText'
import { outlineOf } from '../../shared/domain/numbering'

/** Two versions of one article to diff, and what they are. */
export interface DiffInput {
  name: string
  before: string
  after: string
}

const CCM = path.resolve(import.meta.dirname, '../../fixtures/ccm-2008.txt')

// A small seeded generator, so that every run diffs the same texts.
function seeded(seed: number): () => number {
  let s = seed
  return () => (s = (s * 16807) % 2147483647) / 2147483647
}

// The Convention's Article 2 (Definitions, its longest) as the history shows it: clause a line.
function definitions(): { text: string; vocabulary: string[] } {
  const source = fs.readFileSync(CCM, 'utf8')
  const parsed = parseTreatyText(source)
  if (!parsed.ok) throw new Error(`fixtures/ccm-2008.txt: ${parsed.error.message}`)
  const id = outlineOf(parsed.doc)[1]?.id
  if (!id) throw new Error('the Convention has an Article 2')
  return { text: articleText(parsed.doc, id), vocabulary: [...new Set(source.match(/\p{L}+/gu))] }
}

/**
 * The worst cases of issue 9 on the Convention's Article 2: 3,000 words inserted at its start and
 * 3,000 at its end; and about 99k characters of words inserted across its clauses.
 */
export function diffInputs(): DiffInput[] {
  const { text, vocabulary } = definitions()
  const next = seeded(9)
  const words = (n: number) =>
    Array.from({ length: n }, () => vocabulary[Math.floor(next() * vocabulary.length)]).join(' ')
  // The article with about `chars` characters of words inserted in the middle of its clauses.
  const spread = (chars: number) => {
    const lines = text.split('\n')
    const perLine = Math.ceil(chars / lines.length)
    return lines
      .map((line) => {
        const cut = line.indexOf(' ', line.length >> 1)
        const at = cut < 0 ? line.length : cut
        let inserted = ''
        while (inserted.length < perLine) inserted += ` ${words(20)}`
        return line.slice(0, at) + inserted + line.slice(at)
      })
      .join('\n')
  }
  const edited = spread(99_000)
  return [
    { name: '3,000 + 3,000 words', before: text, after: `${words(3000)} ${text} ${words(3000)}` },
    {
      name: `${Math.round((edited.length - text.length) / 1000)}k chars inserted`,
      before: text,
      after: edited,
    },
  ]
}
