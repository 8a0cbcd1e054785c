import fs from 'node:fs'
import { parseArgs } from 'node:util'
import { parseTreatyText } from '../../../shared/domain/importText'
import { importNegotiation } from '../negotiations/importNegotiation'
import { openStorage } from '../storage/openStorage'

// `npm run import -- <file> [--name "..."] [--id slug]`: imports a plain-text treaty as a new
// negotiation into DATA_DIR's database (default ./data). Malformed input changes nothing.
const USAGE = 'usage: npm run import -- <file> [--name "Display name"] [--id slug]'

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { name: { type: 'string' }, id: { type: 'string' } },
  })
  const [file] = positionals
  if (!file || positionals.length > 1) {
    console.error(USAGE)
    return 2
  }
  const text = fs.readFileSync(file, 'utf8')
  // Parse before the database is even opened, so a malformed file leaves it untouched.
  const parsed = parseTreatyText(text)
  if (!parsed.ok) {
    const { line, expected, found } = parsed.error
    console.error(`${file}:${line}: expected ${expected}, found ${found}`)
    return 1
  }
  const storage = openStorage(process.env.DATA_DIR ?? './data')
  try {
    const result = await importNegotiation(storage, { text, name: values.name, id: values.id })
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
    console.log(`imported "${name}" as ${id} (${parsed.doc.childCount - 2} articles)`)
    return 0
  } finally {
    await storage.close()
  }
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  return 1
})
