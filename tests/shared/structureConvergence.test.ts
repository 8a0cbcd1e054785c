import { readFileSync } from 'node:fs'
import { Schema, type Node } from 'prosemirror-model'
import type { Transaction } from 'prosemirror-state'
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { moveArticle } from '../../client/src/editor/commands/articleCommands'
import { parseTreatyText } from '../../shared/domain/importText'
import { outlineOf } from '../../shared/domain/numbering'
import { fillStructureGaps, structureGaps } from '../../shared/domain/structure'
import { marks, nodes, treatySchema } from '../../shared/schema'
import { ReplicaNetwork, expectConverged, type Replica } from '../support/convergence'
import { random } from '../support/random'
import {
  blocksOf,
  editorAllows,
  runCommand,
  structuralEdits,
  tokensOf,
  TOKEN,
  word,
} from '../support/structuralEdits'

function ccm(schema: Schema = treatySchema): Node {
  const text = readFileSync(new URL('../../fixtures/ccm-2008.txt', import.meta.url), 'utf8')
  const parsed = parseTreatyText(text)
  if (!parsed.ok) throw new Error(parsed.error.message)
  return schema.nodeFromJSON(parsed.doc.toJSON())
}

// The content rules of schema version 1, to show what they did to the same merges.
const strictSchema = new Schema({
  nodes: {
    ...nodes,
    doc: { content: 'title preamble article*' },
    preamble: { ...nodes.preamble, content: 'paragraph+' },
    article: { ...nodes.article, content: 'article_title clause*' },
  },
  marks,
})

let ids = 0
const freshId = () => `art-fresh${ids++}`

// Runs the server's fix-up on its replica, as handleMessage does after a client's update.
function restore(net: ReplicaNetwork, server: Replica): number {
  const gaps = structureGaps(server.fragment)
  if (gaps.length > 0) net.transact(server, (f) => fillStructureGaps(f, gaps, freshId))
  return gaps.length
}

// Deletes preamble paragraphs [from, to) on a replica, as selecting them and pressing Delete.
function deletePreamble(net: ReplicaNetwork, r: Replica, from: number, to: number): void {
  const ps = blocksOf(r.state.doc).filter((b) => b.container === 'preamble')
  const [a, z] = [ps[from], ps[to - 1]]
  if (!a || !z) throw new Error('no such preamble paragraphs')
  net.apply(r, r.state.tr.delete(a.pos, z.pos + z.node.nodeSize))
}

// The articles as JSON: what edits to the preamble must not touch.
const articlesJson = (doc: Node) =>
  doc.content.toJSON().filter((n: { type: string }) => n.type === 'article')

// The local edit that deleted `type` or an element holding it, if any. A typed word's text can
// be deleted by a remote update that deleted its block: the label sits on the block.
function removedBy(net: ReplicaNetwork, type: Y.XmlText): string | undefined {
  for (let t = type as Y.AbstractType<unknown> | null; t; t = t.parent) {
    const by = t._item?.deleted ? net.removedByEdit(t._item.id) : undefined
    if (by) return by
  }
  return undefined
}

// Applies a transaction made on this replica's state (or one equal to it), if the editor would.
function applyOn(net: ReplicaNetwork, r: Replica, made: Transaction, label?: string): boolean {
  const tr = r.state.tr
  made.steps.forEach((step) => tr.step(step))
  if (!tr.docChanged || !editorAllows(r.state, tr)) return false
  net.apply(r, tr, label)
  return true
}

// Where each typed word was last seen: its Y.XmlText in some replica.
function observe(r: Replica, seen: Map<string, Y.XmlText>): void {
  const walk = (t: Y.XmlFragment | Y.XmlElement) =>
    t.toArray().forEach((c) => {
      if (c instanceof Y.XmlText) for (const w of c.toString().match(TOKEN) ?? []) seen.set(w, c)
      else if (c instanceof Y.XmlElement) walk(c)
    })
  walk(r.fragment)
}

describe('two clients each delete half of the preamble', () => {
  it('with the content rules of schema version 1, reading the merge deletes the preamble from Yjs', () => {
    const net = new ReplicaNetwork(strictSchema, ccm(strictSchema), ['a', 'b'], random(1))
    const [a, b] = net.replicas as [Replica, Replica]
    deletePreamble(net, a, 0, 11)
    deletePreamble(net, b, 11, 22)
    net.flush()
    expectConverged(net.replicas)
    expect(a.rejections + b.rejections).toBeGreaterThan(0)
    expect(a.fragment.toArray().map((c) => (c as Y.XmlElement).nodeName)).not.toContain('preamble')
    expect(() => yXmlFragmentToProseMirrorRootNode(a.fragment, strictSchema).check()).toThrow()
  })

  it('keeps the preamble element, and the server adds one empty paragraph to it', () => {
    const net = new ReplicaNetwork(treatySchema, ccm(), ['server', 'a', 'b'], random(1))
    const [server, a, b] = net.replicas as [Replica, Replica, Replica]
    const articles = articlesJson(a.state.doc)
    deletePreamble(net, a, 0, 11)
    deletePreamble(net, b, 11, 22)
    net.flush()
    expect(server.rejections + a.rejections + b.rejections).toBe(0)
    expect(structureGaps(server.fragment)).toEqual([{ kind: 'preamble-paragraph' }])
    expect(restore(net, server)).toBe(1)
    net.flush()
    expect(restore(net, server)).toBe(0)
    expectConverged(net.replicas)
    const read = yXmlFragmentToProseMirrorRootNode(b.fragment, treatySchema)
    read.check()
    expect(read.child(1).toJSON()).toEqual({
      type: 'preamble',
      content: [{ type: 'paragraph', attrs: { label: '' } }],
    })
    expect(articlesJson(read)).toEqual(articles)
  })
})

describe('moving an article while another client types in it', () => {
  it('keeps every word typed in the moved article, in the moved article', () => {
    const net = new ReplicaNetwork(treatySchema, ccm(), ['a', 'b'], random(2))
    const [a, b] = net.replicas as [Replica, Replica]
    // Article 3 (the doc's fifth child) moves down past Article 4 while b types in its title,
    // its first clause and its last.
    const moved = a.state.doc.child(4)
    const start = blocksOf(a.state.doc).find((x) => x.top === 4)!.pos
    for (const tr of runCommand(a.state, start + 1, moveArticle(1))) applyOn(net, a, tr)
    const words = [word(1), word(2), word(3)]
    const blocks = blocksOf(b.state.doc).filter((x) => x.top === 4)
    const targets = [0, 1, blocks.length - 1]
    targets.forEach((index, i) => {
      const t = blocksOf(b.state.doc).filter((x) => x.top === 4)[index]!
      net.apply(b, b.state.tr.insertText(` ${words[i]} `, t.pos + 1 + t.node.content.size))
    })
    net.flush()
    expectConverged(net.replicas)
    const after = a.state.doc.child(5)
    expect(after.attrs.id).toBe(moved.attrs.id)
    expect(a.state.doc.child(4).textContent).toBe(
      yXmlFragmentToProseMirrorRootNode(a.fragment, treatySchema).child(4).textContent,
    )
    expect([...(after.textContent.match(TOKEN) ?? [])].sort()).toEqual(words)
    // The rest of both articles is as it was.
    expect(words.reduce((t, w) => t.replace(` ${w} `, ''), after.textContent)).toBe(
      moved.textContent,
    )
  })
})

// 30 by default; STRUCTURE_SEEDS=500 explores further (a failure names its seed, which replays).
const SEEDS = Number(process.env.STRUCTURE_SEEDS ?? 30)

describe('seeded random structural edits by three clients', () => {
  function run(seed: number) {
    const rand = random(seed)
    const net = new ReplicaNetwork(treatySchema, ccm(), ['server', 'a', 'b', 'c'], rand)
    const [server, ...clients] = net.replicas as [Replica, ...Replica[]]
    const edits = structuralEdits(rand)
    const typed = new Set<string>()
    const deleted = new Set<string>()
    const seen = new Map<string, Y.XmlText>()
    const ops: Record<string, number> = {}
    let n = 0
    const next = () => word(n++)
    let fixups = 0
    for (let round = 0; round < 12; round++) {
      for (const client of clients) {
        for (let k = Math.floor(rand() * 3); k > 0; k--) {
          const edit = edits[Math.floor(rand() * edits.length)]!
          const made = edit.run(client.state, next) ?? []
          const trs = Array.isArray(made) ? made : [made]
          if (trs.length > 0) ops[edit.name] = (ops[edit.name] ?? 0) + 1
          for (const tr of trs) {
            const before = tokensOf(client.state.doc)
            // The editor refuses an edit that removes the title, preamble or an article's title.
            if (!applyOn(net, client, tr, edit.name)) break
            const after = tokensOf(client.state.doc)
            after.forEach((w) => !before.has(w) && typed.add(w))
            before.forEach((w) => !after.has(w) && deleted.add(w))
            observe(client, seen)
          }
        }
      }
      net.deliver(Math.floor(rand() * net.pending))
      fixups += restore(net, server)
      net.replicas.forEach((r) => observe(r, seen))
    }
    net.flush()
    fixups += restore(net, server)
    net.flush()
    expectConverged(net.replicas)
    expect(net.replicas.map((r) => r.rejections)).toEqual([0, 0, 0, 0])
    expect(structureGaps(server.fragment)).toEqual([])
    const read = yXmlFragmentToProseMirrorRootNode(server.fragment, treatySchema)
    read.check()
    expect(read.toJSON()).toEqual(server.state.doc.toJSON())
    expect(read.child(0).type.name).toBe('title')
    expect(read.child(1).type.name).toBe('preamble')
    expect(read.child(1).childCount).toBeGreaterThan(0)
    read.forEach((node, _o, i) => {
      if (i > 1) expect(node.firstChild?.type.name, `article ${i - 1}`).toBe('article_title')
    })
    // Two concurrent moves can copy one article twice; the server gives the later copy a new id.
    const ids = outlineOf(read).map((a) => a.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).not.toContain('')
    const present = tokensOf(read)
    const missing = [...typed].filter((w) => !deleted.has(w) && !present.has(w))
    // y-prosemirror writes a join (or a delete across clauses) as "delete the second block,
    // append its text to the first", and Yjs keeps no insert inside a deleted element: a word
    // typed meanwhile into the block that goes is lost with it. Count those by the edit that
    // deleted the block; any other missing word is a loss the test reports.
    const lostWith: Record<string, number> = {}
    const unexplained = missing.filter((w) => {
      const t = seen.get(w)
      const by = t ? removedBy(net, t) : undefined
      if (by) lostWith[by] = (lostWith[by] ?? 0) + 1
      if (process.env.DEBUG_LOSS && !by) {
        const chain: string[] = []
        for (let x = t as Y.AbstractType<unknown> | null; x; x = x.parent)
          chain.push(
            `${(x as Y.XmlElement).nodeName ?? 'text'}:${x._item?.deleted}:${x.toString().slice(0, 60)}`,
          )
        console.log('LOSS', seed, w, chain)
      }
      return !by || by === 'reading'
    })
    expect(unexplained, `seed ${seed}`).toEqual([])
    return { typed: typed.size, deleted: deleted.size, lostWith, fixups, ops }
  }

  it(
    'converge, pass check(), get their structure back from the server and lose no typed word',
    { timeout: SEEDS * 2_000 },
    () => {
      const totals = { typed: 0, deleted: 0, fixups: 0 }
      const lostWith: Record<string, number> = {}
      const ops: Record<string, number> = {}
      for (let seed = 1; seed <= SEEDS; seed++) {
        const r = run(seed)
        totals.typed += r.typed
        totals.deleted += r.deleted
        totals.fixups += r.fixups
        for (const [k, v] of Object.entries(r.lostWith)) lostWith[k] = (lostWith[k] ?? 0) + v
        for (const [k, v] of Object.entries(r.ops)) ops[k] = (ops[k] ?? 0) + v
      }
      console.log(
        `${SEEDS} seeds:`,
        totals,
        '\nedits:',
        ops,
        '\nwords lost with a block deleted by:',
        lostWith,
      )
      expect(totals.typed).toBeGreaterThan(0)
    },
  )
})
