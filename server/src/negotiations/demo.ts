import fs from 'node:fs'
import path from 'node:path'
import type { Storage } from '../storage/Storage'
import { importNegotiation } from './importNegotiation'

/** The demo negotiation loaded on a first start. */
export const DEMO = {
  id: 'ccm',
  name: 'Convention on Cluster Munitions',
  file: path.resolve(import.meta.dirname, '../../../fixtures/ccm-2008.txt'),
} as const

/** Imports the demo negotiation if the database holds none yet; says whether it did. */
export async function loadDemoIfEmpty(
  storage: Storage,
  file: string = DEMO.file,
): Promise<boolean> {
  if ((await storage.listNegotiations()).length > 0) return false
  const result = await importNegotiation(storage, {
    text: fs.readFileSync(file, 'utf8'),
    name: DEMO.name,
    id: DEMO.id,
  })
  if (!result.ok)
    throw new Error(`the demo text ${file} does not import: ${JSON.stringify(result)}`)
  return true
}
