import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import type { CollabClient } from './collabClient'
import { waitFor } from './collabClient'
import { anchorOn, blockText } from './proposals'
import type { ApiAnswer } from './api'

/** Calls the negotiation's REST API as a demo account. */
export type ApiAs = (
  who: string,
  method: string,
  path: string,
  body?: unknown,
) => Promise<ApiAnswer>

/** Connects a demo account to a room of the demo negotiation and waits for its first sync. */
export type ConnectAs = (who: string, room: string) => Promise<CollabClient>

/**
 * A delegation drafts a definition proposal on `quote` in `articleId` with `wording` and, unless
 * `table` is false, tables it; answers the proposal's id.
 */
export async function proposeAs(
  api: ApiAs,
  connect: ConnectAs,
  who: string,
  p: { articleId: string; quote: string; title: string; wording: string; table?: boolean },
): Promise<string> {
  const text = await connect(who, 'ccm/text')
  const created = await api(who, 'POST', '/proposals', {
    params: { kind: 'definition' },
    title: p.title,
    articleId: p.articleId,
    anchor: anchorOn(text.doc, p.articleId, p.quote),
  })
  if (created.status !== 201)
    throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`)
  const id: string = created.body.proposal.id
  const draft = await connect(who, `ccm/draft/${id}`)
  const line = blockText(draft.doc, 0)
  line.delete(0, line.length)
  line.insert(0, p.wording)
  const watcher = await connect(who, `ccm/draft/${id}`)
  await waitFor('the wording stored', () => blockText(watcher.doc, 0).toString() === p.wording)
  if (p.table !== false) {
    const tabled = await api(who, 'POST', `/proposals/${id}/table`)
    if (tabled.status !== 200) throw new Error(`table: ${tabled.status}`)
  }
  return id
}

const run = promisify(execFile)

/** The LibreOffice binary of this machine, or null where none is installed. */
export async function libreOffice(): Promise<string | null> {
  for (const name of ['soffice', 'libreoffice']) {
    try {
      const { stdout } = await run('which', [name])
      if (stdout.trim()) return stdout.trim()
    } catch {
      // not on the PATH
    }
  }
  return null
}

/** A Word file's text as LibreOffice reads it (converted headless to plain text). */
export async function libreOfficeText(binary: string, bytes: Uint8Array): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-lo-'))
  try {
    const file = path.join(dir, 'file.docx')
    fs.writeFileSync(file, bytes)
    await run(
      binary,
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        'txt:Text',
        '--outdir',
        dir,
        file,
      ],
      { timeout: 120_000 },
    )
    return fs.readFileSync(path.join(dir, 'file.txt'), 'utf8')
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** Downloads a file from the API as a session or token; answers status, type and bytes. */
export async function downloadBytes(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; type: string; bytes: Uint8Array }> {
  const res = await fetch(url, { headers })
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    bytes: new Uint8Array(await res.arrayBuffer()),
  }
}
