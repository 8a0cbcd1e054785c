import fs from 'node:fs'
import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import { call } from '../support/api'
import { freshPgSchema, type PgSchema } from '../support/pgSchema'
import { randomRedisPrefix, TEST_REDIS_URL } from '../support/redisServer'
import { spawnServer, type ServerProcess } from '../support/spawnServer'
import { DEMO_PASSWORD, login, tempDataDir } from '../support/startServer'

// Two instances started at the same moment on an empty database (issue 16): the first start's
// steps (admin, demo, registers, frozen numbers) run under the storage's lock 'startup', once.
describe('two instances starting together', () => {
  let schema: PgSchema | undefined
  const processes: ServerProcess[] = []
  const dirs: string[] = []
  afterEach(async () => {
    for (const p of processes.splice(0)) {
      p.child.kill('SIGKILL')
      await p.exited
    }
    dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }))
    await schema?.drop()
  })

  it('load the demo once, and both serve it', async () => {
    schema = await freshPgSchema()
    const env = {
      DATABASE_URL: schema.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: randomRedisPrefix(),
    }
    const start = () => {
      const dir = tempDataDir()
      dirs.push(dir)
      return spawnServer(dir, env)
    }
    const started = await Promise.all([start(), start()])
    processes.push(...started)
    for (const instance of started) {
      const session = await login(instance.url, 'chair', DEMO_PASSWORD)
      const listed = await call(instance.url, session, 'GET', '/api/negotiations')
      expect(listed.status).toBe(200)
      expect(listed.body.negotiations.map((n: { id: string }) => n.id)).toEqual(['ccm'])
    }
    // One demo's worth of rows: one admin, each demo account once, the demo's events once.
    const client = new pg.Client({ connectionString: schema.url })
    await client.connect()
    try {
      const one = async (sql: string) => Number((await client.query(sql)).rows[0].n)
      expect(await one(`SELECT count(*) AS n FROM negotiations`)).toBe(1)
      expect(await one(`SELECT count(*) - count(DISTINCT username) AS n FROM accounts`)).toBe(0)
      expect(await one(`SELECT count(*) AS n FROM accounts WHERE is_admin`)).toBe(1)
    } finally {
      await client.end()
    }
  }, 120_000)
})
