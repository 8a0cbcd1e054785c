import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import JSZip from 'jszip'
import {
  DeletedTextRun,
  Document,
  HeadingLevel,
  InsertedTextRun,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun,
} from 'docx'
import { describe, expect, it } from 'vitest'
import { docxToMarkdown } from '../../server/src/import/docx/docxToMarkdown'
import { bracketedTexts, cleaningCounts } from '../../shared/domain/brackets'
import { parseNegotiatingText } from '../../shared/domain/import'
import { outlineOf } from '../../shared/domain/numbering'
import { layoutDocx } from '../support/layoutDocx'
import { layoutFodt } from '../support/layoutFodt'
import { parisExtract } from '../support/parisExtract'
import { wordLayout } from '../support/wordLayout'

const run = promisify(execFile)

// The extract's document as the Markdown importer reads it. Footnote ids come from the labels a
// source gives ("fn-2" for [^2]); Word numbers its footnotes afresh from 1, so they are left out.
const structureOf = (markdown: string) => {
  const parsed = parseNegotiatingText(markdown, { format: 'markdown' })
  if (!parsed.ok) throw new Error(parsed.error.message)
  const json = JSON.stringify(parsed.doc.toJSON(), (key, value: unknown) =>
    key === 'id' && typeof value === 'string' && value.startsWith('fn-') ? 'fn' : value,
  )
  return { parsed, json }
}

const imported = async (bytes: Uint8Array) => {
  const result = await docxToMarkdown(bytes)
  if (!result.ok) throw new Error(result.error.message)
  return { ...result, ...structureOf(result.markdown) }
}

// What a reader checks first: the articles with their labels and titles, and what cleaning is left.
const summary = (doc: Parameters<typeof outlineOf>[0]) => {
  const counts: string[] = []
  doc.forEach((n) => {
    if (n.type.name === 'article' || n.type.name === 'preamble') {
      const { brackets, options } = cleaningCounts(n)
      counts.push(`${n.type.name} ${n.attrs.label ?? ''}: ${brackets} brackets, ${options} options`)
    }
  })
  return {
    articles: outlineOf(doc).map((a) => `${a.bracketed ? `[${a.label}]` : a.label} (${a.title})`),
    counts,
  }
}

const footnoteTexts = (doc: Parameters<typeof outlineOf>[0]) => {
  const texts: string[] = []
  doc.descendants((n) => void (n.type.name === 'footnote' && texts.push(String(n.attrs.text))))
  return texts
}

describe('DOCX import', () => {
  const source = structureOf(parisExtract())

  it('reads the Paris extract written with the docx package to the same document as its Markdown', async () => {
    const docx = await layoutDocx(wordLayout(parisExtract()))
    const fromWord = await imported(docx)
    expect(fromWord.warnings).toEqual([])
    expect(summary(fromWord.parsed.doc)).toEqual({
      articles: [
        '1 (definitions)',
        '2 (purpose)',
        '2bis (general)',
        '3 (mitigation)',
        '[3bis] (REDD-plus)',
        '[3ter] (mechanism to support sustainable development)',
      ],
      counts: [
        'preamble : 38 brackets, 1 options',
        'article 1: 20 brackets, 0 options',
        'article 2: 16 brackets, 1 options',
        'article 2bis: 6 brackets, 1 options',
        'article 3: 65 brackets, 2 options',
        'article 3bis: 4 brackets, 0 options',
        'article 3ter: 3 brackets, 1 options',
      ],
    })
    expect(footnoteTexts(fromWord.parsed.doc)).toEqual([
      'There is a need to specify the context, which placement is yet to be decided.',
      'Indicate linkage with art 2 bis general, legal issue, housing, timing. The placing of this paragraph needs to be further discussed.',
    ])
    // Everything else too: clauses, their kinds and labels, brackets and alternatives, options,
    // emphasis, the title.
    expect(fromWord.json).toEqual(source.json)
    expect(fromWord.parsed.warnings.map((w) => w.message)).toEqual(
      source.parsed.warnings.map((w) => w.message),
    )
  })

  it('reads the extract saved as .docx by LibreOffice from a Writer file with automatic lists, where LibreOffice is installed', async () => {
    const soffice = await run('sh', ['-c', 'command -v soffice']).then(
      (r) => r.stdout.trim(),
      () => '',
    )
    if (!soffice) {
      console.warn(
        'NOT RUN: LibreOffice (soffice) is not installed, so the DOCX written by LibreOffice was not imported. .ci/run installs libreoffice-writer-nogui.',
      )
      expect(soffice).toBe('')
      return
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-docx-'))
    try {
      const fodt = path.join(dir, 'paris-23-oct-2015.fodt')
      fs.writeFileSync(fodt, layoutFodt(wordLayout(parisExtract())))
      // A profile of its own, so that the test never meets a running LibreOffice's lock.
      await run(
        soffice,
        [
          `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
          '--headless',
          '--convert-to',
          'docx',
          '--outdir',
          dir,
          fodt,
        ],
        { timeout: 120_000 },
      )
      const docx = fs.readFileSync(path.join(dir, 'paris-23-oct-2015.docx'))
      // Written by LibreOffice: its own numbering definitions and styles, not ours.
      const zip = await JSZip.loadAsync(docx)
      expect(await zip.file('docProps/app.xml')?.async('string')).toMatch(/LibreOffice/)
      expect(await zip.file('word/numbering.xml')?.async('string')).toMatch(/lowerLetter/)
      const fromWriter = await imported(docx)
      expect(fromWriter.warnings).toEqual([])
      expect(fromWriter.json).toEqual(source.json)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }, 180_000)

  it('refuses a file that is not a Word document, saying why', async () => {
    expect(await docxToMarkdown(Buffer.from('## Article 1\n\nNot a zip.'))).toEqual({
      ok: false,
      error: {
        code: 'not_docx',
        message: 'The file is not a Word document (.docx): it is not a zip archive.',
      },
    })
    const zip = new JSZip()
    zip.file('hello.txt', 'a zip, but no Word document in it')
    const notWord = await zip.generateAsync({ type: 'nodebuffer' })
    expect(await docxToMarkdown(notWord)).toMatchObject({ ok: false, error: { code: 'not_docx' } })

    // A small zip that unpacks to more than allowed is refused before it is unpacked.
    const bomb = await JSZip.loadAsync(await Packer.toBuffer(new Document({ sections: [] })))
    bomb.file('word/media/padding.bin', 'x'.repeat(3 * 1024 * 1024))
    const packed = await bomb.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
    expect(packed.length).toBeLessThan(100_000)
    expect(await docxToMarkdown(packed, { maxUnpackedBytes: 2 * 1024 * 1024 })).toEqual({
      ok: false,
      error: {
        code: 'docx_too_large',
        message: 'The Word file unpacks to more than 2 MB; a treaty needs far less.',
      },
    })

    const broken = await JSZip.loadAsync(await Packer.toBuffer(new Document({ sections: [] })))
    broken.file('word/document.xml', '<w:document><w:body><w:p>')
    const result = await docxToMarkdown(await broken.generateAsync({ type: 'nodebuffer' }))
    expect(result).toMatchObject({ ok: false, error: { code: 'unreadable_docx' } })
  })

  it('keeps a typed label, a bold heading paragraph, a numbered heading and emphasis', async () => {
    const doc = new Document({
      numbering: {
        config: [
          {
            reference: 'articles',
            levels: [{ level: 0, format: LevelFormat.DECIMAL, text: 'Article %1', start: 4 }],
          },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({
              children: [new TextRun({ text: 'Article 3 bis (adaptation)', bold: true })],
            }),
            new Paragraph({
              children: [new TextRun('4.1 alt Parties shall [enhance]\t[strengthen] 2 * 3 <b>.')],
            }),
            new Paragraph({
              children: [
                new TextRun({ text: 'Noting ', italics: true }),
                new TextRun({ text: 'Option 1: ', bold: true }),
                new TextRun('text'),
              ],
            }),
            // Word numbers the article headings itself: "Article 4" comes from the list.
            new Paragraph({
              heading: HeadingLevel.HEADING_2,
              numbering: { reference: 'articles', level: 0 },
              children: [new TextRun({ text: '(finance)', italics: true })],
            }),
          ],
        },
      ],
    })
    const result = await docxToMarkdown(await Packer.toBuffer(doc))
    expect(result).toMatchObject({
      ok: true,
      markdown: [
        '## Article 3 bis (adaptation)',
        '',
        '4.1 alt Parties shall [enhance] [strengthen] 2 \\* 3 \\<b>.',
        '',
        '*Noting* **Option 1:** text',
        '',
        '## Article 4 *(finance)*',
        '',
      ].join('\n'),
    })
    // The importer reads the typed characters back as they were typed.
    const parsed = result.ok ? parseNegotiatingText(result.markdown, { format: 'markdown' }) : null
    if (!parsed?.ok) throw new Error('the Markdown did not import')
    const texts: string[] = []
    parsed.doc.forEach((n) => void (n.type.name === 'article' && texts.push(...bracketedTexts(n))))
    expect(texts).toContain('Parties shall [enhance] [strengthen] 2 * 3 <b>.')
  })
  it('says which formatting it does not keep, by paragraph, and reads tracked changes as accepted', async () => {
    const date = '2015-10-23T23:30:00Z'
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun({ text: 'Article 1', bold: true })] }),
            new Paragraph({
              children: [
                new TextRun('Parties shall '),
                new TextRun({ text: 'not ', strike: true }),
                new TextRun({ text: 'apply', highlight: 'yellow' }),
              ],
            }),
            new Paragraph({ children: [new TextRun({ text: 'new words', underline: {} })] }),
            new Paragraph({
              children: [
                new TextRun('Each Party '),
                new DeletedTextRun({ text: 'should ', id: 1, author: 'Secretariat', date }),
                new InsertedTextRun({ text: 'shall ', id: 2, author: 'Secretariat', date }),
                new TextRun('report.'),
              ],
            }),
          ],
        },
      ],
    })
    const result = await docxToMarkdown(await Packer.toBuffer(doc))
    expect(result).toMatchObject({
      ok: true,
      markdown:
        '## Article 1\n\nParties shall not apply\n\nnew words\n\nEach Party shall report.\n',
      warnings: [
        'Text struck-through in Word (paragraph 2) is imported as ordinary text.',
        'Text highlighted in Word (paragraph 2) is imported as ordinary text.',
        'Text underlined in Word (paragraph 3) is imported as ordinary text.',
        'The file has tracked changes: they are read as if accepted (deleted text left out).',
      ],
    })
  })
})
