// Runs the pre-issue-9 reference diff once in its own process (the bench stops it past its
// limits): reads {before, after} as JSON on stdin, prints a line `ready` as it starts the diff,
// then {ms, parts, rssBefore, rssPeak} as JSON.
import fs from 'node:fs'
import { pre9DiffWords } from './pre9Myers'

const kb = (field: string) =>
  1024 *
  Number(
    new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(
      fs.readFileSync('/proc/self/status', 'utf8'),
    )?.[1],
  )

const { before, after } = JSON.parse(fs.readFileSync(0, 'utf8')) as {
  before: string
  after: string
}
const rssBefore = kb('VmRSS')
process.stdout.write('ready\n')
const start = performance.now()
const parts = pre9DiffWords(before, after)
const ms = performance.now() - start
process.stdout.write(JSON.stringify({ ms, parts: parts.length, rssBefore, rssPeak: kb('VmHWM') }))
