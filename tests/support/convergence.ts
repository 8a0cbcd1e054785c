import { Fragment, Slice, type Node, type Schema } from 'prosemirror-model'
import { EditorState, type Transaction } from 'prosemirror-state'
import { initProseMirrorDoc, prosemirrorToYXmlFragment, updateYFragment } from 'y-prosemirror'
import { expect } from 'vitest'
import * as Y from 'yjs'
import { TEXT_FRAGMENT } from '../../shared/collab'

// The origin of updates a replica receives from the queue, so that it does not send them on.
const REMOTE = Symbol('remote')

const idOf = (id: Y.ID) => `${id.client}:${id.clock}`

type BindingMeta = ReturnType<typeof initProseMirrorDoc>['meta']

/**
 * One client of the harness: a Y.Doc and the ProseMirror state it shows, kept in step the way
 * y-prosemirror's sync plugin does (PM -> Y with `updateYFragment`, Y -> PM by reading the
 * fragment and replacing the whole document).
 */
export interface Replica {
  name: string
  ydoc: Y.Doc
  fragment: Y.XmlFragment
  state: EditorState
  /** How often reading the fragment removed something from it (y-prosemirror drops what the schema rejects). */
  rejections: number
}

interface Message {
  to: Replica
  update: Uint8Array
}

/**
 * N replicas of one document over a controllable message queue: every local change is queued for
 * every other replica and delivered only when the test says so, in an order `rand` picks.
 */
export class ReplicaNetwork {
  readonly replicas: Replica[]
  private readonly queue: Message[] = []
  private readonly metas = new Map<Replica, BindingMeta>()
  private readonly removedBy = new Map<string, string>()

  constructor(
    readonly schema: Schema,
    initial: Node,
    names: readonly string[],
    private readonly rand: () => number,
  ) {
    // One replica creates the document; the others start from its state, as after a first sync.
    const origin = new Y.Doc()
    prosemirrorToYXmlFragment(initial, origin.getXmlFragment(TEXT_FRAGMENT))
    const start = Y.encodeStateAsUpdate(origin)
    origin.destroy()
    this.replicas = names.map((name, i) => {
      const ydoc = new Y.Doc()
      // Fixed client ids: Yjs orders concurrent inserts by them, so a seed replays exactly.
      ydoc.clientID = i + 1
      Y.applyUpdate(ydoc, start, REMOTE)
      const replica: Replica = {
        name,
        ydoc,
        fragment: ydoc.getXmlFragment(TEXT_FRAGMENT),
        state: EditorState.create({ schema, doc: initial }),
        rejections: 0,
      }
      ydoc.on('update', (update: Uint8Array, from: unknown) => {
        if (from === REMOTE) return
        for (const other of this.replicas) {
          if (other !== replica) this.queue.push({ to: other, update })
        }
      })
      return replica
    })
    this.replicas.forEach((r) => this.read(r))
  }

  /** The messages not yet delivered. */
  get pending(): number {
    return this.queue.length
  }

  /** Applies a local ProseMirror transaction on a replica and writes it into its Y.Doc. */
  apply(replica: Replica, tr: Transaction, label = 'edit'): void {
    if (!tr.docChanged) return
    replica.state = replica.state.apply(tr)
    const meta = this.metas.get(replica) as BindingMeta
    this.recording(replica, label, () =>
      replica.ydoc.transact(() =>
        updateYFragment(replica.ydoc, replica.fragment, replica.state.doc, meta),
      ),
    )
  }

  // Runs `change`, noting every Yjs element or text it deletes as deleted by `label`.
  private recording(replica: Replica, label: string, change: () => void): void {
    const record = (t: Y.Transaction) =>
      Y.iterateDeletedStructs(t, t.deleteSet, (struct) => {
        const type = struct instanceof Y.Item ? (struct.content as { type?: unknown }).type : null
        if (type) this.removedBy.set(idOf(struct.id), label)
      })
    replica.ydoc.on('afterTransaction', record)
    try {
      change()
    } finally {
      replica.ydoc.off('afterTransaction', record)
    }
  }

  /** Which local edit (by its label) deleted the Yjs element or text with this item id. */
  removedByEdit(id: Y.ID): string | undefined {
    return this.removedBy.get(idOf(id))
  }

  /** Changes a replica's Y.Doc directly (as the server does), then re-reads its document. */
  transact(replica: Replica, change: (fragment: Y.XmlFragment) => void): void {
    replica.ydoc.transact(() => change(replica.fragment))
    this.read(replica)
  }

  /** Delivers up to `count` queued messages, each picked at random from the queue. */
  deliver(count: number): void {
    const touched = new Set<Replica>()
    for (let i = 0; i < count && this.queue.length > 0; i++) {
      const at = Math.floor(this.rand() * this.queue.length)
      const [message] = this.queue.splice(at, 1) as [Message]
      Y.applyUpdate(message.to.ydoc, message.update, REMOTE)
      touched.add(message.to)
    }
    touched.forEach((r) => this.read(r))
  }

  /** Delivers every queued message (and whatever reading them sends), in random order. */
  flush(): void {
    while (this.queue.length > 0) this.deliver(this.queue.length)
  }

  // Y -> PM as the sync plugin does on a remote change: build nodes from the fragment (this is
  // where y-prosemirror deletes what the schema rejects) and replace the whole document with them.
  private read(replica: Replica): void {
    const before = replica.fragment.toString()
    let read: ReturnType<typeof initProseMirrorDoc> | undefined
    this.recording(replica, 'reading', () => {
      read = initProseMirrorDoc(replica.fragment, this.schema)
    })
    const { doc, meta } = read as ReturnType<typeof initProseMirrorDoc>
    const tr = replica.state.tr.replace(
      0,
      replica.state.doc.content.size,
      new Slice(Fragment.from(doc.content), 0, 0),
    )
    replica.state = replica.state.apply(tr)
    this.metas.set(replica, meta)
    // Reading also merges two adjacent Y.XmlTexts the replica made (y-prosemirror #160), which
    // changes nothing visible; a rejection removes something from the document.
    if (replica.fragment.toString() !== before) replica.rejections += 1
  }
}

/** Asserts that every replica holds the same Yjs state and the same ProseMirror document. */
export function expectConverged(replicas: readonly Replica[]): void {
  const [first, ...rest] = replicas
  if (!first) return
  const vector = Y.encodeStateVector(first.ydoc)
  const xml = first.fragment.toJSON()
  const json = first.state.doc.toJSON()
  for (const r of rest) {
    expect(Y.encodeStateVector(r.ydoc), `${r.name}'s state vector`).toEqual(vector)
    expect(r.fragment.toJSON(), `${r.name}'s fragment`).toBe(xml)
    expect(r.state.doc.toJSON(), `${r.name}'s document`).toEqual(json)
  }
}
