import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { prosemirrorToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror'
import * as Y from 'yjs'
import { TEXT_FRAGMENT } from '../../shared/collab'
import { outlineOf } from '../../shared/domain/numbering'
import { treatySchema } from '../../shared/schema'
import { freezeCirculatedTexts } from '../../server/src/numbering/freezeCirculated'
import { call, type Caller } from '../support/api'
import { article, article_title, doc, numbered_paragraph } from '../support/builders'
import { connectClient, waitFor } from '../support/collabClient'
import { startServer, type TestServer } from '../support/startServer'
import { storageBackends } from '../support/storageBackends'

const threeArticles = () =>
  doc(
    ...['a', 'b', 'c'].map((id) =>
      article(
        `art-${id}`,
        article_title(`Article ${id}`),
        numbered_paragraph('One.'),
        numbered_paragraph('Two.'),
      ),
    ),
  )

const encode = (node: Parameters<typeof prosemirrorToYXmlFragment>[0]) => {
  const ydoc = new Y.Doc()
  prosemirrorToYXmlFragment(node, ydoc.getXmlFragment(TEXT_FRAGMENT))
  return Y.encodeStateAsUpdate(ydoc)
}

const readText = (updates: Uint8Array[]) => {
  const ydoc = new Y.Doc()
  updates.forEach((u) => Y.applyUpdate(ydoc, u))
  return yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(TEXT_FRAGMENT), treatySchema)
}

describe.each(storageBackends)(
  'schema 3 migration on $name: texts circulated before numbers could freeze',
  (backend) => {
    it('freezes the live text of a negotiation with a closed round once, and never one never circulated', async () => {
      const opened = await backend.open()
      const storage = opened.storage
      try {
        const round = (id: string) => ({
          id,
          name: `Round ${id}`,
          place: 'Geneva, Switzerland',
          startDate: '2009-01-10',
          endDate: '2009-01-12',
          verified: false,
        })
        await storage.atomically(async (tx) => {
          for (const id of ['circ', 'draft']) {
            await tx.createNegotiation(
              { id, name: id },
              [{ room: `${id}/text`, update: encode(threeArticles()) }],
              [round('r1')],
            )
          }
          await tx.rounds.open('circ', 'r1', '2009-01-10T09:00:00.000Z')
          await tx.rounds.close('circ', {
            roundId: 'r1',
            name: 'Geneva text',
            closedAt: '2009-01-12T17:00:00.000Z',
            closedBy: 'Chair',
            doc: threeArticles().toJSON(),
            state: encode(threeArticles()),
          })
        })
        expect(await freezeCirculatedTexts(storage)).toEqual(['circ'])
        const frozen = readText(await storage.loadRoom('circ/text'))
        const labels = (n: typeof frozen) =>
          Array.from({ length: n.childCount }, (_, i) => [
            n.child(i).attrs.label,
            n.child(i).child(1).attrs.label,
            n.child(i).child(2).attrs.label,
          ])
        expect(labels(frozen)).toEqual([
          ['1', '1.', '2.'],
          ['2', '1.', '2.'],
          ['3', '1.', '2.'],
        ])
        expect(labels(readText(await storage.loadRoom('draft/text')))).toEqual([
          ['', '', ''],
          ['', '', ''],
          ['', '', ''],
        ])
        // Idempotent: a second start finds nothing to do and stores nothing.
        const rows = await storage.pendingUpdates('circ/text')
        const loads = vi.spyOn(storage, 'loadRoom')
        expect(await freezeCirculatedTexts(storage)).toEqual([])
        expect(await storage.pendingUpdates('circ/text')).toBe(rows)
        // Recorded as done: a later start loads no text for it.
        expect(loads).not.toHaveBeenCalled()
        loads.mockRestore()
        // The frozen round text, stored as JSON before schema 3, reads as before.
        const snapshot = await storage.rounds.snapshot('circ', 'r1')
        const old = treatySchema.nodeFromJSON(snapshot?.doc)
        expect(outlineOf(old).map((a) => a.label)).toEqual(['1', '2', '3'])
      } finally {
        await opened.cleanup()
      }
    })
  },
)

describe('a schema 2 JSON export, and a concordance, into a fresh instance', () => {
  let source: TestServer
  let fresh: TestServer
  let sourceAdmin: Caller
  let freshAdmin: Caller
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let exported: any

  beforeAll(async () => {
    source = await startServer()
    fresh = await startServer({ demo: false })
    sourceAdmin = await source.loginAs('admin')
    freshAdmin = await fresh.loginAs('admin')
    // A renumbering in the source: an article inserted after Article 2, then the chair's command.
    const chair = connectClient(source.wsUrl, 'ccm/text', { token: await source.tokenFor('chair') })
    await chair.synced()
    const inserted = new Y.XmlElement('article')
    inserted.setAttribute('id', 'art-new')
    chair.doc.getXmlFragment(TEXT_FRAGMENT).insert(4, [inserted])
    await waitFor('the article stored', () => chair.pmDoc().child(4).attrs.id === 'art-new')
    const renumbered = await call(
      source.url,
      { token: await source.tokenFor('chair') },
      'POST',
      '/api/negotiations/ccm/renumber',
    )
    expect(renumbered.status).toBe(200)
    chair.destroy()
    exported = (
      await call(source.url, sourceAdmin, 'GET', '/api/negotiations/ccm/export/negotiation.json')
    ).body
  })
  afterAll(async () => {
    await source.dispose()
    await fresh.dispose()
  })

  it('carries the concordance across', async () => {
    expect(exported.concordances).toHaveLength(1)
    const imported = await call(
      fresh.url,
      freshAdmin,
      'POST',
      '/api/negotiations/import-json?id=moved',
      exported,
    )
    expect(imported.status).toBe(201)
    const list = await call(fresh.url, freshAdmin, 'GET', '/api/negotiations/moved/concordance')
    expect(list.body.concordances).toHaveLength(1)
    expect(list.body.concordances[0]).toMatchObject({
      negotiationId: 'moved',
      seq: 1,
      articles: exported.concordances[0].articles,
    })
  })

  it('imports a schema 2 file (no labels), freezing the numbers of its circulated text', async () => {
    // As a schema 2 instance wrote it: no label or bracketed attrs in the text or its Yjs state.
    const strip = (node: unknown): unknown => {
      if (Array.isArray(node)) return node.map(strip)
      if (!node || typeof node !== 'object') return node
      const { attrs, content, ...rest } = node as Record<string, unknown>
      const out: Record<string, unknown> = { ...rest }
      if (attrs) {
        const kept = { ...(attrs as Record<string, unknown>) }
        delete kept.label
        delete kept.bracketed
        if (Object.keys(kept).length > 0) out.attrs = kept
      }
      if (content) out.content = strip(content)
      return out
    }
    const room = exported.rooms.find((r: { name: string }) => r.name === 'text')
    const ydoc = new Y.Doc()
    Y.applyUpdate(ydoc, new Uint8Array(Buffer.from(room.update, 'base64')))
    const unlabel = (el: Y.XmlElement | Y.XmlFragment) => {
      for (const child of el.toArray()) {
        if (!(child instanceof Y.XmlElement)) continue
        child.removeAttribute('label')
        child.removeAttribute('bracketed')
        unlabel(child)
      }
    }
    unlabel(ydoc.getXmlFragment(TEXT_FRAGMENT))
    const old = {
      ...exported,
      schemaVersion: 2,
      text: strip(exported.text),
      rooms: exported.rooms.map((r: { name: string }) =>
        r.name === 'text'
          ? { ...r, update: Buffer.from(Y.encodeStateAsUpdate(ydoc)).toString('base64') }
          : r,
      ),
      concordances: undefined,
    }
    expect(JSON.stringify(old.text)).not.toContain('"label"')

    // Another fresh instance: the first holds this file's records already.
    const other = await startServer({ demo: false })
    const otherAdmin = await other.loginAs('admin')
    const imported = await call(
      other.url,
      otherAdmin,
      'POST',
      '/api/negotiations/import-json?id=old',
      old,
    )
    expect(imported.status).toBe(201)
    const again = await call(
      other.url,
      otherAdmin,
      'GET',
      '/api/negotiations/old/export/negotiation.json',
    )
    const articles = (
      again.body.text.content as { type: string; attrs: { label: string } }[]
    ).filter((c) => c.type === 'article')
    await other.dispose()
    expect(articles.map((a) => a.attrs.label)).toEqual(articles.map((_, i) => String(i + 1)))
  })
})
