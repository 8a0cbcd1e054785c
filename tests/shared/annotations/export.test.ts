import { describe, expect, it } from 'vitest'
import { readCsv } from '../../../shared/domain/csv'
import {
  EXPORT_COLUMNS,
  escapeMarkdown,
  toCsv,
  toMarkdown,
} from '../../../shared/domain/annotations/export'
import type { ArticleSummary } from '../../../shared/domain/numbering'
import { note } from './fixtures'

const articles: ArticleSummary[] = [
  {
    id: 'art-1',
    number: 1,
    label: '1',
    fixed: false,
    bracketed: false,
    instrument: '',
    title: 'General obligations and scope',
    pos: 40,
  },
  {
    id: 'art-2',
    number: 2,
    label: '2',
    fixed: false,
    bracketed: false,
    instrument: '',
    title: 'Definitions',
    pos: 400,
  },
]

const XSS = '<img src=x onerror=alert(1)>'

const list = [
  // Given out of order: the export sorts by article, then where the words start.
  note({
    id: 'n-late',
    articleId: 'art-2',
    placement: { state: 'ok', from: 450, to: 470, text: 'explosive submunitions' },
    anchor: { start: null, end: null, quote: 'explosive submunitions' },
    body: `**M85** would pass. ${XSS}`,
    tags: ['threat', 'm85'],
    replies: [
      {
        id: 'r1',
        authorAccountId: 'b',
        authorName: 'Ben',
        body: 'Counter with the Lebanon data',
        createdAt: '2008-02-18T10:00:00.000Z',
      },
      {
        id: 'r2',
        authorAccountId: 'b',
        authorName: 'Ben',
        body: '',
        createdAt: '2008-02-18T11:00:00.000Z',
        deleted: true,
      },
    ],
    resolved: true,
    resolvedBy: 'Ben',
  }),
  note({
    id: 'n-gone',
    articleId: 'art-2',
    placement: { state: 'orphaned' },
    anchor: { start: null, end: null, quote: 'self-destruct mechanism' },
    body: '=HYPERLINK("http://evil")',
  }),
  note({
    id: 'n-first',
    articleId: 'art-2',
    placement: { state: 'ok', from: 410, to: 420, text: 'cluster, munition' },
    anchor: { start: null, end: null, quote: 'cluster munition' },
  }),
  note({ id: 'n-art1', articleId: 'art-1', body: 'Scope is *too* narrow' }),
  note({ id: 'n-deleted-article', articleId: 'art-9', placement: { state: 'orphaned' } }),
]

describe('annotation export', () => {
  it('writes CSV by article in text order, orphans after, each once', () => {
    const read = readCsv(toCsv(list, articles))
    if (!read.ok) throw new Error(read.error.message)
    const [header, ...rows] = read.records.map((r) => r.cells.map((c) => c.value))
    expect(header).toEqual([...EXPORT_COLUMNS])
    const col = (name: (typeof EXPORT_COLUMNS)[number]) => EXPORT_COLUMNS.indexOf(name)
    expect(
      rows.map((r) => [
        r[col('article')],
        r[col('state')],
        r[col('words')],
        r[col('quoted words')],
      ]),
    ).toEqual([
      ['1', 'ok', 'the words', 'the words'],
      ['2', 'ok', 'cluster, munition', 'cluster munition'],
      ['2', 'ok', 'explosive submunitions', 'explosive submunitions'],
      ['2', 'orphaned', '', 'self-destruct mechanism'],
      ['', 'orphaned', '', 'the words'],
    ])
    const late = rows[2] ?? []
    expect(late[col('body')]).toBe(`**M85** would pass. ${XSS}`)
    expect(late[col('tags')]).toBe('threat; m85')
    expect(late[col('resolved')]).toBe('yes')
    expect(late[col('replies')]).toBe(
      'Ben (2008-02-18T10:00:00.000Z): Counter with the Lebanon data\nBen (2008-02-18T11:00:00.000Z): [reply deleted]',
    )
    // A spreadsheet does not run a body as a formula.
    expect(rows[3]?.[col('body')]).toBe(`'=HYPERLINK("http://evil")`)
    expect(rows[0]?.[col('article title')]).toBe('General obligations and scope')
  })

  it('writes Markdown by article, orphans as deleted words, bodies as text', () => {
    const md = toMarkdown(list, articles, 'Cluster Munition Coalition')
    expect(md.startsWith('# Annotations of Cluster Munition Coalition\n')).toBe(true)
    const order = [
      '## Article 1: General obligations and scope',
      'Scope is *too* narrow',
      '## Article 2: Definitions',
      '### 1. “cluster, munition”',
      '(annotated as ‘cluster munition’)',
      '### 2. “explosive submunitions”',
      '**M85** would pass.',
      '- Tags: threat, m85',
      '- Resolved by Ben',
      '- **Ben** (2008-02-18 10:00): Counter with the Lebanon data',
      '- **Ben** (2008-02-18 11:00): *reply deleted*',
      '### 3. words deleted: ‘self-destruct mechanism’',
      '## An article no longer in the text (art-9)',
    ].map((s) => md.indexOf(s))
    expect(order.every((at) => at >= 0)).toBe(true)
    expect(order).toEqual([...order].sort((a, b) => a - b))
    // The <img> is escaped: Markdown shows its characters and no renderer sees a tag.
    expect(md).toContain('\\<img src=x onerror=alert(1)\\>')
    expect(md).not.toMatch(/(^|[^\\])<img/)
  })

  it('escapes Markdown and HTML so text reads as itself', () => {
    expect(escapeMarkdown('<b>*a*</b> & [x](y) # 1')).toBe(
      '\\<b\\>\\*a\\*\\</b\\> \\& \\[x\\](y) \\# 1',
    )
    expect(escapeMarkdown('- item\n1. first')).toBe('\\- item\n1\\. first')
  })
})
