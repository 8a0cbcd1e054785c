import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { layoutDocx } from '../support/layoutDocx'
import { parisExtract } from '../support/parisExtract'
import { tempDataDir } from '../support/startServer'
import { wordLayout } from '../support/wordLayout'

const ROOT = path.resolve(import.meta.dirname, '../..')
const TSX = path.join(ROOT, 'node_modules/.bin/tsx')

// Runs `npm run import -- ...args` as the script does, against a data folder.
const runImport = (dataDir: string, ...args: string[]) =>
  spawnSync(TSX, ['server/src/cli/import.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
  })

describe('npm run import -- file.docx', { timeout: 240_000 }, () => {
  let dataDir: string
  beforeEach(() => {
    dataDir = tempDataDir()
  })
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }))

  it('imports a Word file, its warnings placed by paragraph', async () => {
    const file = path.join(dataDir, 'paris-extract.docx')
    fs.writeFileSync(file, await layoutDocx(wordLayout(parisExtract())))
    const run = runImport(dataDir, file, '--id', 'paris-extract')
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/as paris-extract \(6 articles, 8 warnings\)/)
    const warnings = run.stderr.trim().split('\n')
    expect(warnings).toHaveLength(8)
    for (const w of warnings) {
      expect(w).toMatch(/^.*paris-extract\.docx, paragraph \d+: warning: unmatched "[[\]]"/)
    }
  })

  it('refuses a file that is not a Word document, exit 1', () => {
    const file = path.join(dataDir, 'notes.docx')
    fs.writeFileSync(file, '## Article 1\n\nPlain text with a .docx name.')
    const run = runImport(dataDir, file)
    expect(run.status).toBe(1)
    expect(run.stderr.trim()).toBe(
      `${file}: The file is not a Word document (.docx): it is not a zip archive.`,
    )
  })
})
