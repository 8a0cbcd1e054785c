import fs from 'node:fs'
import path from 'node:path'

const repoRoot = path.resolve(import.meta.dirname, '../..')

/** The real Paris drafts as committed (fixtures/paris, copied from ../shared byte for byte). */
export const parisDraft = (file: string): string =>
  fs.readFileSync(path.join(repoRoot, 'fixtures/paris', file), 'utf8')

const cut = (lines: string[], from: string, before: string): string[] => {
  const start = lines.indexOf(from)
  const end = lines.indexOf(before, start + 1)
  if (start < 0 || end < 0) throw new Error(`the draft has no "${from}" … "${before}"`)
  return lines.slice(start, end)
}

/**
 * An extract of the draft of 23 October 2015 (fixtures/paris/23-oct-2015.md), its lines
 * unchanged: the preamble (with its option block), Articles 1, 2 and 2bis, Article 3's first two
 * paragraphs (paragraph-level options and footnotes 2 and 3), [Article 3bis] and [Article 3ter]
 * (options, "(a)"-lettered paragraphs, bullets), with the title and those two footnotes.
 */
export function parisExtract(): string {
  const lines = parisDraft('23-oct-2015.md').split('\n')
  const title = lines.find((l) => l.startsWith('title:'))
  const footnotes = lines.filter((l) => /^\[\^[23]\]:/.test(l))
  return [
    '---',
    title,
    '---',
    '',
    ...cut(lines, '## Preamble', '3. **Differentiated efforts**'),
    ...cut(lines, '## [Article 3bis] *(REDD-plus)*', '## Article 4 *(adaptation)*'),
    ...footnotes.flatMap((f) => [f, '']),
  ].join('\n')
}
