import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

/** One edit of a trace: at code point `pos`, delete `del` characters, then insert `ins`. */
export type Patch = [pos: number, del: number, ins: string]

/** One keystroke (one Yjs transaction): its edits, into paragraph number `paragraph`. */
export interface Keystroke {
  paragraph: number
  patches: Patch[]
}

/** Where the keystrokes come from, and the keystrokes themselves. */
export interface KeystrokeSource {
  description: string
  keystrokes: Iterable<Keystroke>
}

interface SequentialTrace {
  startContent: string
  txns: { patches: Patch[] }[]
}

/** The shared trace folder, beside the repository (never copied into it). */
export const TRACES_DIR =
  process.env.BENCH_TRACES_DIR ??
  path.resolve(import.meta.dirname, '../../../shared/traces/sequential')

/**
 * `count` real keystrokes from a recorded editing trace (BENCH_TRACE, default seph-blog1: one
 * author writing a long text); when the trace runs out it starts again in the next paragraph.
 * Without the trace folder, synthetic typing stands in.
 */
export function keystrokeSource(count: number): KeystrokeSource {
  const name = process.env.BENCH_TRACE ?? 'seph-blog1'
  const file = path.join(TRACES_DIR, `${name}.json.gz`)
  if (!fs.existsSync(file)) {
    return { description: 'synthetic typing (no trace found)', keystrokes: synthetic(count) }
  }
  const trace = JSON.parse(
    zlib.gunzipSync(fs.readFileSync(file)).toString('utf8'),
  ) as SequentialTrace
  // Trace positions count code points, Yjs counts UTF-16 units: they agree only without astral
  // characters, which the shipped traces do not contain.
  const astral = /[\uD800-\uDFFF]/
  if (trace.txns.some((t) => t.patches.some(([, , ins]) => astral.test(ins)))) {
    throw new Error(`trace ${name} has characters outside the BMP; pick another BENCH_TRACE`)
  }
  return { description: `trace ${name}`, keystrokes: replay(trace, count) }
}

function* replay(trace: SequentialTrace, count: number): Generator<Keystroke> {
  let emitted = 0
  for (let paragraph = 0; ; paragraph++) {
    if (trace.startContent) {
      yield { paragraph, patches: [[0, 0, paragraphText(trace.startContent)]] }
      if (++emitted >= count) return
    }
    for (const { patches } of trace.txns) {
      yield { paragraph, patches: patches.map(([p, d, ins]) => [p, d, paragraphText(ins)]) }
      if (++emitted >= count) return
    }
  }
}

// A paragraph holds no line breaks; a space keeps every later position where the trace has it.
const paragraphText = (text: string): string => text.replace(/[\r\n]/g, ' ')

const WORDS = (
  'the states parties shall not under any circumstances use develop produce otherwise acquire ' +
  'stockpile retain or transfer to anyone directly or indirectly cluster munitions assist ' +
  'encourage induce engage in activity prohibited this convention each party undertakes'
).split(' ')

// Seeded so that every run types the same text: mostly typing at the cursor, some backspaces,
// now and then a jump to another place in the paragraph.
function* synthetic(count: number): Generator<Keystroke> {
  let seed = 42
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
  let length = 0
  let cursor = 0
  let pending = ''
  for (let i = 0; i < count; i++) {
    const paragraph = Math.floor(i / 5000)
    if (i % 5000 === 0) length = cursor = 0
    const roll = random()
    if (roll < 0.08 && cursor > 0) {
      yield { paragraph, patches: [[--cursor, 1, '']] }
      length--
      continue
    }
    if (roll < 0.1) cursor = Math.floor(random() * (length + 1))
    if (!pending) pending = `${WORDS[Math.floor(random() * WORDS.length)]} `
    const char = pending[0] ?? ' '
    pending = pending.slice(1)
    yield { paragraph, patches: [[cursor++, 0, char]] }
    length++
  }
}
