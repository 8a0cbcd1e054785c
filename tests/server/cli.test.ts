import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sqliteFile } from '../../server/src/storage/openStorage'
import { tempDataDir } from '../support/startServer'

const ROOT = path.resolve(import.meta.dirname, '../..')
const TSX = path.join(ROOT, 'node_modules/.bin/tsx')
const CCM = path.join(ROOT, 'fixtures/ccm-2008.txt')
const PARIS = ['23-oct-2015', '4-dec-2015', '9-dec-2015', '12-dec-2015'].map((name) =>
  path.join(ROOT, `fixtures/paris/${name}.md`),
)

// Runs `npm run import -- ...args` as the script does, against a data folder.
const runImport = (dataDir: string, ...args: string[]) =>
  spawnSync(TSX, ['server/src/cli/import.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
  })

// Each run starts tsx afresh (seconds each, more on a busy machine): generous timeouts.
describe('npm run import', { timeout: 240_000 }, () => {
  let dataDir: string
  beforeEach(() => {
    dataDir = tempDataDir()
  })
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }))

  it('imports a treaty file into the data folder', () => {
    const run = runImport(dataDir, CCM, '--name', 'Cluster Munitions', '--id', 'ccm-2008')
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/ccm-2008.*23 articles/)
    expect(runImport(dataDir, CCM, '--id', 'ccm-2008').status).not.toBe(0)
  })

  it('prints the offending line of a malformed file, exits non-zero, changes nothing', () => {
    expect(runImport(dataDir, CCM, '--id', 'first').status).toBe(0)
    const db = sqliteFile(dataDir)
    // The import closed the database, which folded its WAL into the file: these are all its bytes.
    const before = fs.readFileSync(db)

    const lines = fs.readFileSync(CCM, 'utf8').split('\n')
    const at = lines.findIndex((l) => /^Article 12\s*$/.test(l))
    lines.splice(at + 1, 1, '')
    const bad = path.join(dataDir, 'broken.txt')
    fs.writeFileSync(bad, lines.join('\n'))

    const run = runImport(dataDir, bad, '--id', 'second')
    expect(run.status).not.toBe(0)
    const match = /^(.+):(\d+): expected (.+), found (.*)$/m.exec(run.stderr)
    expect(match?.[1]).toBe(bad)
    expect(Number(match?.[2])).toBeGreaterThan(at)
    expect(fs.readFileSync(db)).toEqual(before)
    expect(fs.existsSync(`${db}-wal`) ? fs.statSync(`${db}-wal`).size : 0).toBe(0)
  })

  it('imports the four Paris drafts unmodified, warnings on stderr as file:line, exit 0', () => {
    for (const [index, file] of PARIS.entries()) {
      const run = runImport(dataDir, file, '--id', `paris-${index}`)
      expect(run.status).toBe(0)
      expect(run.stdout).toMatch(new RegExp(`paris-${index} \\((29|30) articles`))
      const warnings = run.stderr.split('\n').filter((l) => l !== '')
      for (const line of warnings) expect(line).toMatch(/^.+\.md:\d+: warning: .+/)
      if (index === 0) {
        expect(run.stdout).toMatch(/\(30 articles, \d+ warnings\)/)
        expect(warnings).toContainEqual(
          expect.stringMatching(/23-oct-2015\.md:24: warning: unmatched "\]".*circumstances,\]\]$/),
        )
      }
      if (index === 3) expect(warnings).toEqual([])
    }
  })

  it('refuses an unreadable Markdown file with its line, exit 1, database untouched', () => {
    expect(runImport(dataDir, PARIS[3] as string, '--id', 'first').status).toBe(0)
    const db = sqliteFile(dataDir)
    const before = fs.readFileSync(db)
    const bad = path.join(dataDir, 'no-articles.md')
    fs.writeFileSync(bad, '---\ntitle: A draft\n---\n\n## Preamble\n\nThe Parties,\n')
    const run = runImport(dataDir, bad, '--id', 'second')
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(
      new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:7: expected`),
    )
    expect(fs.readFileSync(db)).toEqual(before)
    expect(fs.existsSync(`${db}-wal`) ? fs.statSync(`${db}-wal`).size : 0).toBe(0)
  })
})
