import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { ACK_PARAM, COLLAB_PATH, TEXT_FRAGMENT } from '../../../shared/collab'
import { offlineChanges, type OfflineChange } from '../../../shared/domain/offlineChanges'
import { SCHEMA_VERSION, treatySchema } from '../../../shared/schema'
import { announceOwnOnly } from '../collab/announceOwnOnly'
import { keepOwnPresence } from '../collab/keepOwnPresence'
import { quietLargeSync } from '../collab/quietLargeSync'
import {
  changeSetsKey,
  storeChangeSet,
  storeFork,
  storedChangeSet,
  storedFork,
  type ForkInfo,
} from './changeSets'
import {
  isPrivateRoom,
  keptOnDevice,
  saveLocalCopy,
  storePending,
  storedPending,
  subscribeLocalRooms,
} from './localRooms'
import { noteEditorDoc } from './editorDocWatch'
import { localCopyOf } from './localCopy'
import { PendingTracker } from './pendingTracker'
import { persistRoom, type RoomPersistence } from './roomPersistence'
import { defaultRoomLabel, removeRoomSync, setRoomSync } from './syncRegistry'
import { watchConnection, type ConnectionStatus } from './watchConnection'

// Origins of the two link directions of a chair's text (see OfflineRoom): edits of the editor's
// document forwarded to the server copy, and the server copy's updates forwarded to the editor's.
const FROM_EDITOR = Symbol('plenary:from-editor')
const FROM_SERVER = Symbol('plenary:from-server')

/** How long a room waits for its stored copy before connecting without it (IndexedDB stuck). */
const LOAD_TIMEOUT_MS = 3000

/**
 * How often, at most, a count of unacknowledged changes reaches the sync indicator and
 * localStorage: it changes with every keystroke and every acknowledgement (issue 15).
 */
const PENDING_EVERY_MS = 250

/** What a page needs to open a room. */
export interface OfflineRoomOptions {
  /** The room's name, `<negotiation>/text` etc. */
  name: string
  /** The signed-in account, whose database keeps the room; null keeps nothing. */
  accountId: string | null
  /** What the sync indicator calls the room. */
  label?: string
  /** The main text for someone who may edit it: offline edits come back as a change set. */
  review: boolean
  /** The websocket origin, `ws://host`. */
  wsOrigin: string
  /** The server closed the connection with a code that ends it. */
  onRefused?: (code: number) => void
  /** The person's role changed; the provider reconnects by itself. */
  onMembershipChanged?: () => void
}

/** What the page shows of the room. */
export interface OfflineRoomView {
  /** The document the page shows and edits. */
  ydoc: Y.Doc
  provider: WebsocketProvider
  status: ConnectionStatus
  /** The text is there to show: synced with the server once, or loaded from this device. */
  synced: boolean
  /** Synced with the server since the room opened: the server holds the room live. */
  serverSynced: boolean
  refusal: number | null
  /** The chair's edits made offline, per article, waiting for review (main text only). */
  changeSet: OfflineChange[]
}

/**
 * One room as a page holds it, online or not (issue 14): its Y.Doc on the y-websocket provider,
 * kept in this browser's IndexedDB under the account (always for the text, the register and
 * published notes; private rooms when the person opted in), its changes counted until the server
 * acknowledges them, and its entry in the sync registry.
 *
 * The main text of someone who may edit it forks when the connection goes: while online the
 * editor edits the provider's document itself (one copy: a long history is applied once, issue
 * 15). Going offline, the editor moves to a copy of its own, so that nothing typed offline merges
 * blindly into agreed text: those edits stay in the editor's document (kept in a database of its
 * own with the server copy as it was, the base). Once the server copy has synced again, the
 * edits become a change set — per article, base against offline wording — which the chair
 * reviews against the current text, and the editor goes back to the provider's document. An
 * offline spell without edits leaves the copy linked to the server's (edits go across at once
 * in both directions), which spares the editor a second rebuild.
 */
export class OfflineRoom {
  readonly provider: WebsocketProvider
  private readonly server = new Y.Doc()
  private editor: Y.Doc
  private readonly tracker: PendingTracker
  private persistence: RoomPersistence | null
  private forkCopy: RoomPersistence | null = null
  private fork: ForkInfo | null = null
  private base: Uint8Array | null = null
  // Whether the editor's edits reach the server copy: always while they are one document.
  private linked = true
  // Set once the stored copy is loaded and the editor has its document (see start).
  private started = false
  // Copies of the server's document made for the editor (seen by tests, editorDocWatch.ts).
  private copies = 0
  private status: ConnectionStatus = 'connecting'
  private synced = false
  private serverSynced = false
  private refusal: number | null = null
  private offlineSince: number | null = null
  private changeSet: OfflineChange[] = []
  private view: OfflineRoomView
  private readonly listeners = new Set<() => void>()
  private readonly cleanups: (() => void)[] = []
  private destroyed = false
  // Set while a count of pending changes waits to be published (see PENDING_EVERY_MS).
  private pendingTimer: ReturnType<typeof setTimeout> | null = null

  constructor(private readonly options: OfflineRoomOptions) {
    const { name, accountId } = options
    const kept = accountId ? keptOnDevice(accountId, name) : 'not-kept'
    this.tracker = new PendingTracker(
      accountId && kept !== 'not-kept' ? storedPending(accountId, name) : 0,
    )
    this.persistence =
      accountId && kept !== 'not-kept' ? persistRoom(accountId, name, this.server) : null
    // Listen before the provider does, so that a change is counted before it is sent.
    this.server.on('update', this.onServerUpdate)
    this.provider = new WebsocketProvider(`${options.wsOrigin}${COLLAB_PATH}`, name, this.server, {
      connect: false,
      disableBc: true,
      params: { schema: String(SCHEMA_VERSION), [ACK_PARAM]: '1' },
      WebSocketPolyfill: this.tracker.socketClass(),
    })
    this.tracker.install(this.provider)
    this.cleanups.push(announceOwnOnly(this.provider))
    this.cleanups.push(quietLargeSync(this.provider))
    this.cleanups.push(keepOwnPresence(this.provider))
    this.cleanups.push(this.tracker.onChange(() => this.publishPendingSoon()))
    this.cleanups.push(watchConnection(this.provider, this.connectionEvents()))
    this.editor = this.server
    if (accountId && options.review) this.changeSet = storedChangeSet(accountId, name)
    this.view = this.makeView()
    setRoomSync(name, { label: options.label ?? defaultRoomLabel(name), kept })
    const online = () => this.provider.connect()
    // Offline at once on the browser's word, whatever the closing socket reports (and when).
    const offline = () => {
      this.wentOffline()
      this.provider.disconnect()
    }
    this.cleanups.push(subscribeLocalRooms(() => this.keepChanged()))
    // Another tab of the same account applied, dropped or added entries of the change set.
    const storage = (e: StorageEvent) => {
      if (!accountId || !options.review || e.key !== changeSetsKey(accountId)) return
      this.changeSet = storedChangeSet(accountId, name)
      this.publish()
    }
    // A count still waiting is stored before the page goes (a reload keeps it).
    const leaving = () => this.flushPending()
    window.addEventListener('online', online)
    window.addEventListener('offline', offline)
    window.addEventListener('storage', storage)
    window.addEventListener('pagehide', leaving)
    this.cleanups.push(() => {
      window.removeEventListener('online', online)
      window.removeEventListener('offline', offline)
      window.removeEventListener('storage', storage)
      window.removeEventListener('pagehide', leaving)
    })
    void this.start()
  }

  /** The room as the page shows it now. */
  get current(): OfflineRoomView {
    return this.view
  }

  /** Calls `listener` whenever the view changes. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** An entry of the change set was applied to the text or dropped: it leaves the set. */
  resolveChange(id: string): void {
    this.changeSet = this.changeSet.filter((c) => c.id !== id)
    if (this.options.accountId)
      storeChangeSet(this.options.accountId, this.options.name, this.changeSet)
    this.publish()
  }

  /** Stops syncing and frees the documents; what is stored stays. */
  destroy(): void {
    this.flushPending()
    this.destroyed = true
    for (const c of this.cleanups) c()
    this.provider.destroy()
    void this.persistence?.destroy()
    void this.forkCopy?.destroy()
    if (this.editor !== this.server) this.editor.destroy()
    this.server.destroy()
    removeRoomSync(this.options.name)
  }

  // The person opted in (or out) of keeping private rooms while this one is open: start keeping
  // it now (y-indexeddb writes the whole document first), or delete its copy.
  private keepChanged(): void {
    const { accountId, name } = this.options
    if (!accountId || this.destroyed) return
    const kept = keptOnDevice(accountId, name)
    if (kept !== 'not-kept' && !this.persistence) {
      this.persistence = persistRoom(accountId, name, this.server)
      storePending(accountId, name, this.tracker.count)
    } else if (kept === 'not-kept' && this.persistence && isPrivateRoom(name)) {
      void this.persistence.clear()
      this.persistence = null
      storePending(accountId, name, 0)
    }
    setRoomSync(name, { kept })
  }

  private async start(): Promise<void> {
    const { accountId, name, review } = this.options
    // A first visit in this browser has nothing stored: the connection need not wait for the
    // empty copy to open (issue 15). Otherwise it waits, so that the server sends only what the
    // stored copy lacks.
    const connectFirst =
      this.persistence?.fresh === true && !(review && accountId && storedFork(accountId, name))
    if (connectFirst) this.connectOrOffline()
    await Promise.race([
      this.persistence?.loaded,
      new Promise((resolve) => setTimeout(resolve, LOAD_TIMEOUT_MS)),
    ])
    if (this.destroyed) return
    if (review && accountId) {
      this.fork = storedFork(accountId, name)
      if (this.fork) {
        // Reloaded with offline edits not yet compared with the server: the editor shows them.
        this.linked = false
        this.editor = this.newEditorDoc()
        this.forkCopy = persistRoom(accountId, name, this.editor, 'local')
        await this.forkCopy.loaded
        const base = (await this.forkCopy.idb.get('base')) as Uint8Array | undefined
        this.base = base ? new Uint8Array(base) : Y.encodeStateAsUpdate(this.server)
      } else if (!this.linked) {
        // The connection went while the stored copy was loading.
        this.forkEditor()
      }
      if (this.destroyed) return
    }
    this.started = true
    if (this.server.getXmlFragment(TEXT_FRAGMENT).length > 0 || this.hasNotes()) this.synced = true
    this.publish()
    if (!connectFirst) this.connectOrOffline()
  }

  private connectOrOffline(): void {
    if (navigator.onLine) this.provider.connect()
    else this.wentOffline()
  }

  private hasNotes(): boolean {
    return this.server.getMap('annotations').size > 0
  }

  private readonly onServerUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin !== this.provider && origin !== this.persistence?.idb) this.tracker.local()
    if (this.editor !== this.server && this.linked && origin !== FROM_EDITOR)
      this.applyToEditor(update)
  }

  // The server copy's changes into the editor's document. Its own listener would ignore them,
  // but Yjs encodes a transaction's update whenever a document has an 'update' listener: with a
  // long history the first sync's would cost as much as applying it (issue 15).
  private applyToEditor(update: Uint8Array): void {
    const editor = this.editor
    editor.off('update', this.onEditorUpdate)
    try {
      Y.applyUpdate(editor, update, FROM_SERVER)
    } finally {
      editor.on('update', this.onEditorUpdate)
    }
  }

  private readonly onEditorUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === FROM_SERVER || origin === this.forkCopy?.idb) return
    if (this.linked) Y.applyUpdate(this.server, update, FROM_EDITOR)
    else this.editedOffline()
  }

  // The chair's text goes offline: the editor moves to a copy of the server's document, linked
  // no more. The page rebuilds its editor on the new document (useEditorView keeps the caret).
  private forkEditor(): void {
    this.editor = this.newEditorDoc()
    this.applyToEditor(Y.encodeStateAsUpdate(this.server))
    this.copies++
  }

  // The editor's document of a chair's text offline, with a client id of its own: a document that
  // met its own id in an update from elsewhere would change it (Yjs guards against two writers
  // sharing one), and the editor recognises its own caret by the provider's presence id instead.
  private newEditorDoc(): Y.Doc {
    const doc = new Y.Doc()
    doc.on('update', this.onEditorUpdate)
    return doc
  }

  private editedOffline(): void {
    const { accountId, name } = this.options
    if (!accountId) return
    if (!this.fork) {
      this.fork = { since: Date.now(), edits: 0 }
      this.base = Y.encodeStateAsUpdate(this.server)
      const copy = persistRoom(accountId, name, this.editor, 'local')
      this.forkCopy = copy
      void copy.loaded.then(() => copy.idb.set('base', this.base as unknown as ArrayBuffer))
    }
    this.fork = { ...this.fork, edits: this.fork.edits + 1 }
    storeFork(accountId, name, this.fork)
    this.publish()
  }

  // The server copy synced again: offline edits become the change set, the link is restored.
  private reconcile(): void {
    const { accountId, name } = this.options
    if (this.editor === this.server || this.linked) return
    if (!this.fork || !accountId || !this.base) {
      // Nothing typed offline: the copy catches up and is linked again (no rebuild).
      Y.applyUpdate(
        this.editor,
        Y.encodeStateAsUpdate(this.server, Y.encodeStateVector(this.editor)),
        FROM_SERVER,
      )
      this.linked = true
      this.publish()
      return
    }
    const baseDoc = new Y.Doc()
    Y.applyUpdate(baseDoc, this.base)
    const found = offlineChanges(pmOf(baseDoc), pmOf(this.editor))
    baseDoc.destroy()
    const ids = new Set(found.map((c) => c.id))
    // Another tab may have stored its own offline changes meanwhile: keep them.
    const stored = storedChangeSet(accountId, name)
    this.changeSet = [...stored.filter((c) => !ids.has(c.id)), ...found]
    storeChangeSet(accountId, name, this.changeSet)
    storeFork(accountId, name, null)
    void this.forkCopy?.clear()
    this.forkCopy = null
    this.fork = null
    this.base = null
    const old = this.editor
    // The old document holds the offline edits: nothing of it may reach the server copy any
    // more. It is left to the garbage collector once the editor has moved.
    old.off('update', this.onEditorUpdate)
    // The caret published while offline points into wording the server never had.
    this.provider.awareness.setLocalStateField('cursor', null)
    this.editor = this.server
    this.linked = true
    this.publish()
  }

  private wentOffline(): void {
    this.offlineSince ??= lostConnectionAt()
    if (this.options.review && this.linked) {
      this.linked = false
      // Before start the editor has no document to fork yet: start forks it.
      if (this.started && this.editor === this.server) this.forkEditor()
    }
    this.setStatus('offline')
  }

  private connectionEvents() {
    return {
      status: (s: ConnectionStatus) => {
        if (s === 'offline') return this.wentOffline()
        if (s === 'connected') {
          this.offlineSince = null
          localStorage.removeItem(OFFLINE_SINCE)
        }
        this.setStatus(s)
      },
      synced: () => {
        this.synced = true
        this.serverSynced = true
        this.reconcile()
        this.publish()
      },
      refused: (code: number) => {
        this.refusal = code
        this.keepRefusedChanges(code)
        this.setStatus('refused')
        this.options.onRefused?.(code)
      },
      outdated: () => this.setStatus('outdated'),
      membershipChanged: () => this.options.onMembershipChanged?.(),
    }
  }

  // The server refused for good while changes made here were not stored: they are kept as a
  // local copy the person can export, and the room's stored copy is dropped, so that a reload
  // shows the server's text rather than wording it never took.
  private keepRefusedChanges(code: number): void {
    const { accountId, name, label } = this.options
    const changes = this.tracker.count + (this.fork?.edits ?? 0)
    if (!accountId || changes === 0) return
    saveLocalCopy(
      accountId,
      localCopyOf(this.editor, name, label ?? defaultRoomLabel(name), changes, code),
    )
    this.tracker.clear()
    storePending(accountId, name, 0)
    if (this.fork) storeFork(accountId, name, null)
    void this.forkCopy?.clear()
    void this.persistence?.clear()
  }

  private setStatus(next: ConnectionStatus): void {
    // A reload notice or a refusal is final: later reconnect attempts must not hide it.
    if (this.status === 'outdated' || this.status === 'refused') return
    this.status = next
    this.publish()
  }

  private makeView(): OfflineRoomView {
    return {
      ydoc: this.editor,
      provider: this.provider,
      status: this.status,
      synced: this.synced,
      serverSynced: this.serverSynced,
      refusal: this.refusal,
      changeSet: this.changeSet,
    }
  }

  // The pending count changed: published within PENDING_EVERY_MS, with the count of then.
  private publishPendingSoon(): void {
    this.pendingTimer ??= setTimeout(() => {
      this.pendingTimer = null
      this.publish()
    }, PENDING_EVERY_MS)
  }

  private flushPending(): void {
    if (this.pendingTimer !== null) this.publish()
  }

  private publish(): void {
    if (this.pendingTimer !== null) {
      // This publication carries the latest count: the one waiting is not needed any more.
      clearTimeout(this.pendingTimer)
      this.pendingTimer = null
    }
    if (this.destroyed) return
    const { accountId, name } = this.options
    const pending = this.tracker.count + (this.fork?.edits ?? 0) + this.changeSet.length
    if (accountId && this.persistence) storePending(accountId, name, this.tracker.count)
    setRoomSync(name, {
      connected: this.status === 'connected' && this.provider.synced,
      offlineSince: this.status === 'connected' ? null : this.offlineSince,
      pending,
      changeSet: this.changeSet.length,
      refusal: this.refusal,
    })
    noteEditorDoc(name, { shared: this.editor === this.server, copies: this.copies })
    const next = this.makeView()
    const prev = this.view
    if (
      next.ydoc === prev.ydoc &&
      next.status === prev.status &&
      next.synced === prev.synced &&
      next.serverSynced === prev.serverSynced &&
      next.refusal === prev.refusal &&
      next.changeSet === prev.changeSet
    )
      return
    this.view = next
    for (const l of this.listeners) l()
  }
}

// When this browser last lost the server, kept across reloads made while offline so that the
// indicator's "Offline since" stays true; cleared by the first room that connects again.
const OFFLINE_SINCE = 'plenary.offlineSince'
function lostConnectionAt(): number {
  const kept = Number(localStorage.getItem(OFFLINE_SINCE))
  if (kept > 0) return kept
  const now = Date.now()
  localStorage.setItem(OFFLINE_SINCE, String(now))
  return now
}

/** A room document's text as ProseMirror reads it. */
const pmOf = (doc: Y.Doc) =>
  yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(TEXT_FRAGMENT), treatySchema)
