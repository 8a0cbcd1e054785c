import { spawn } from 'node:child_process'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type TestServer } from '../support/startServer'

const ROOT = path.resolve(import.meta.dirname, '../..')
const TSX = path.join(ROOT, 'node_modules/.bin/tsx')

// Runs the README's Node client script and collects what it prints.
const runScript = (token: string, ...args: string[]) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(TSX, ['scripts/sync-text.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, PLENARY_TOKEN: token },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })

describe('the documented Node client (scripts/sync-text.ts)', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startServer()
  })
  afterAll(() => server.dispose())

  it('syncs the text room with the official provider and finds the 23 articles', async () => {
    const wsUrl = `${server.url.replace('http', 'ws')}/collab`
    const run = await runScript(await server.tokenFor('observer'), wsUrl, 'ccm')
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Convention on Cluster Munitions: 23 articles')
    expect(run.stdout).toContain('Article 2 (art-2): Definitions')
  })

  it('exits non-zero with the close code when the negotiation does not exist', async () => {
    const wsUrl = `${server.url.replace('http', 'ws')}/collab`
    const run = await runScript(await server.tokenFor('admin'), wsUrl, 'nope')
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/Refused by the server: 4404/)
  })
})
