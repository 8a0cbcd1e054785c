import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { SERVER_NODE_FLAGS } from '../../server/src/nodeFlags'
import { connectClient, type CollabClient } from '../support/collabClient'
import { freshPgSchema, type PgSchema } from '../support/pgSchema'
import { createToken, login, tempDataDir, TEST_ADMIN_PASSWORD } from '../support/startServer'

const ROOT = path.resolve(import.meta.dirname, '../..')

// Starts `node <bundle>` on a free port; resolves with its URL once it says it is listening.
function startBundle(
  bundle: string,
  dataDir: string,
  more: NodeJS.ProcessEnv = {},
): Promise<{ child: ChildProcess; url: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    DATA_DIR: dataDir,
    ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
    ...more,
  }
  delete env.NODE_OPTIONS
  const child = spawn(process.execPath, [bundle], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return new Promise((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`no "listening" in 60 s:\n${out}`)), 60_000)
    const read = (chunk: Buffer) => {
      out += chunk.toString()
      const match = /listening on (http:\/\/\S+)/.exec(out)
      if (match) {
        clearTimeout(timer)
        resolve({ child, url: match[1]! })
      }
    }
    child.stdout!.on('data', read)
    child.stderr!.on('data', read)
    child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${out}`)))
  })
}

describe('the compiled server', () => {
  // Inside the project (the bundle finds fixtures/ and dist/client from its package.json).
  fs.mkdirSync(path.join(ROOT, '.tmp'), { recursive: true })
  const outDir = fs.mkdtempSync(path.join(ROOT, '.tmp/build-test-'))
  const dataDir = tempDataDir()
  const bundle = path.join(outDir, 'index.js')
  let child: ChildProcess | undefined
  let client: CollabClient | undefined
  let pgChild: ChildProcess | undefined
  let pgClient: CollabClient | undefined
  let schema: PgSchema | undefined
  const stop = async (c: ChildProcess | undefined) => {
    if (c && c.exitCode === null) {
      const exited = new Promise((resolve) => c.once('exit', resolve))
      c.kill('SIGTERM')
      await exited
    }
  }
  afterAll(async () => {
    client?.destroy()
    pgClient?.destroy()
    await stop(child)
    await stop(pgChild)
    await schema?.drop()
    fs.rmSync(outDir, { recursive: true, force: true })
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('is started by `npm start` with the node flags the benchmarks use', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>
    }
    const start = manifest.scripts.start!
    expect(start).toMatch(/^npm run build && node .*dist\/server\/index\.js$/)
    for (const flag of SERVER_NODE_FLAGS) expect(start).toContain(` ${flag} `)
    expect(start).not.toMatch(/tsx/)
  })

  it('runs with plain node and serves the demo negotiation', async () => {
    const built = spawnSync(process.execPath, ['scripts/build-server.mjs', bundle], {
      cwd: ROOT,
      encoding: 'utf8',
    })
    expect(built.status, built.stderr).toBe(0)
    expect(fs.existsSync(`${bundle}.map`)).toBe(true)

    const started = await startBundle(bundle, dataDir)
    child = started.child
    // Nothing of tsx in the process: neither its command line nor a loader in its environment.
    const cmdline = fs.readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').split('\0')
    expect(cmdline.filter(Boolean)).toEqual([process.execPath, bundle])
    const environ = fs.readFileSync(`/proc/${child.pid}/environ`, 'utf8')
    expect(environ).not.toMatch(/tsx/)

    const session = await login(started.url, 'chair', 'plenary-demo')
    const res = await fetch(`${started.url}/api/negotiations`, { headers: { ...session } })
    expect(res.status).toBe(200)
    const { negotiations } = (await res.json()) as { negotiations: { id: string }[] }
    expect(negotiations.map((n) => n.id)).toContain('ccm')

    // The demo's text, synced over the websocket by the official provider with an API token.
    const token = await createToken(started.url, session)
    client = connectClient(`${started.url.replace(/^http/, 'ws')}/collab`, 'ccm/text', { token })
    await client.synced()
    expect(client.pmDoc().textContent).toMatch(/Convention on Cluster Munitions|cluster munition/i)
    expect(client.pmDoc().childCount).toBeGreaterThan(10)
  }, 120_000)

  it('runs on PostgreSQL with DATABASE_URL (pg bundled as a package, no pg-native)', async () => {
    expect(fs.existsSync(bundle)).toBe(true) // built by the test above
    schema = await freshPgSchema()
    const emptyDir = tempDataDir()
    try {
      const started = await startBundle(bundle, emptyDir, { DATABASE_URL: schema.url })
      pgChild = started.child
      // The demo went to PostgreSQL, not to the data folder.
      expect(fs.readdirSync(emptyDir)).toEqual([])
      const session = await login(started.url, 'chair', 'plenary-demo')
      const res = await fetch(`${started.url}/api/negotiations`, { headers: { ...session } })
      const { negotiations } = (await res.json()) as { negotiations: { id: string }[] }
      expect(negotiations.map((n) => n.id)).toContain('ccm')
      const token = await createToken(started.url, session)
      pgClient = connectClient(`${started.url.replace(/^http/, 'ws')}/collab`, 'ccm/text', {
        token,
      })
      await pgClient.synced()
      expect(pgClient.pmDoc().childCount).toBeGreaterThan(10)
    } finally {
      fs.rmSync(emptyDir, { recursive: true, force: true })
    }
  }, 120_000)
})
