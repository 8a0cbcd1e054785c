import fs from 'node:fs'
import path from 'node:path'
import { random } from './random'

const CCM = path.resolve(import.meta.dirname, '../../fixtures/ccm-2008.txt')

/** `count` words drawn (seeded) from the Convention's own vocabulary, as a pasted text would read. */
export function seededWords(count: number, seed: number): string {
  const vocabulary = [...new Set(fs.readFileSync(CCM, 'utf8').match(/\p{L}+/gu) ?? [])]
  const next = random(seed)
  return Array.from(
    { length: count },
    () => vocabulary[Math.floor(next() * vocabulary.length)] as string,
  ).join(' ')
}
