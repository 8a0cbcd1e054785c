import fs from 'node:fs'
import { parseArgs } from 'node:util'
import { formatWarning, parseNegotiatingText, type TextFormat } from '../../../shared/domain/import'
import { MAX_TREATY_LINES, lineCount } from '../../../shared/domain/importText'
import { outlineOf } from '../../../shared/domain/numbering'
import { docxToMarkdown } from '../import/docx/docxToMarkdown'
import { formatDocxWarning, withParagraph } from '../import/docx/docxWarnings'
import { importNegotiation } from '../negotiations/importNegotiation'
import { openStorage } from '../storage/openStorage'

// `npm run import -- <file> [--name "..."] [--id slug] [--format markdown|plain]`: imports a
// negotiating text (Markdown such as the Paris drafts, or the plain layout; chosen by the file's
// extension unless --format says) as a new negotiation into DATA_DIR's database (default
// ./data). Warnings go to stderr as `file:line: warning: ...` and the import still succeeds;
// an unreadable file changes nothing and exits 1.
const USAGE =
  'usage: npm run import -- <file> [--name "Display name"] [--id slug] [--format markdown|plain]'

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { name: { type: 'string' }, id: { type: 'string' }, format: { type: 'string' } },
  })
  const [file] = positionals
  const format = values.format
  if (!file || positionals.length > 1 || (format && format !== 'markdown' && format !== 'plain')) {
    console.error(USAGE)
    return 2
  }
  // A Word file (.docx) is read into the Markdown the Markdown importer reads.
  const docx = /\.docx$/i.test(file) ? await docxToMarkdown(fs.readFileSync(file)) : undefined
  if (docx && !docx.ok) {
    console.error(`${file}: ${docx.error.message}`)
    return 1
  }
  const text = docx ? docx.markdown : fs.readFileSync(file, 'utf8')
  const lines = lineCount(text)
  if (lines > MAX_TREATY_LINES) {
    console.error(
      `${file} has ${lines} lines; a treaty is imported with at most ${MAX_TREATY_LINES}`,
    )
    return 1
  }
  // Parse before the database is even opened, so an unreadable file leaves it untouched.
  const options = { file, format: (docx ? 'markdown' : format) as TextFormat | undefined }
  const parsed = parseNegotiatingText(text, options)
  if (!parsed.ok) {
    const { line, expected, found } = parsed.error
    const where = docx ? `, paragraph ${docx.paragraphOfLine[line - 1] ?? '?'}` : `:${line}`
    console.error(`${file}${where}: expected ${expected}, found ${found}`)
    return 1
  }
  for (const warning of parsed.warnings) {
    console.error(
      docx
        ? formatDocxWarning(withParagraph(warning, docx.paragraphOfLine))
        : formatWarning(warning),
    )
  }
  for (const dropped of docx?.warnings ?? []) console.error(`${file}: warning: ${dropped}`)
  // DATABASE_URL: import into the PostgreSQL the instances share, as they would read it.
  const storage = await openStorage(process.env.DATA_DIR ?? './data', {
    databaseUrl: process.env.DATABASE_URL || undefined,
  })
  try {
    const result = await importNegotiation(storage, {
      text,
      ...options,
      name: values.name,
      id: values.id,
    })
    if (!result.ok) {
      console.error(
        result.reason === 'malformed'
          ? `${file}:${result.error.line}: ${result.error.message}`
          : result.reason === 'too-large'
            ? `${file} has ${result.lines} lines; a treaty is imported with at most ${result.limit}`
            : result.reason === 'id-taken'
              ? `a negotiation "${result.id}" already exists; choose another --id`
              : `"${result.id}" is not a valid id (a-z, 0-9 and -, at most 64)`,
      )
      return 1
    }
    const { id, name } = result.negotiation
    const articles = outlineOf(parsed.doc).length
    const warned = parsed.warnings.length
    console.log(
      `imported "${name}" as ${id} (${articles} articles${warned ? `, ${warned} warnings` : ''})`,
    )
    return 0
  } finally {
    await storage.close()
  }
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  return 1
})
