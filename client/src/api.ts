import type { Round } from '../../shared/domain/rounds'

/** An error answer of the REST API: its status, machine-readable code, sentence and details. */
export class ApiError extends Error {
  constructor(
    /** The HTTP status. */
    readonly status: number,
    /** The server's code, e.g. `invalid_credentials`. */
    readonly code: string,
    message: string,
    /** The other fields of the error body, e.g. `line` and `column` of a malformed CSV. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message)
  }
}

/** The window event sent when the server answers 401: the session has ended. */
export const SIGNED_OUT_EVENT = 'plenary:signed-out'

/** The sentence of a command refused because the browser is offline (issue 14: never queued). */
export const OFFLINE_MESSAGE =
  'You are offline: this needs the server. Nothing was sent; try again when you are back online.'

/** The error of a command (any non-GET request) refused while offline. */
export const offlineError = (): ApiError => new ApiError(0, 'offline', OFFLINE_MESSAGE)

// `navigator` is absent outside browsers (server-side tests); there the browser is online.
const browserOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false
const workerControls = () =>
  typeof navigator !== 'undefined' && Boolean(navigator.serviceWorker?.controller)

/** How many GET paths read before the service worker took over are remembered. */
export const READS_KEPT = 100
// The JSON GET paths this page read before the service worker controlled it (so not in its
// cache), oldest first; the worker's warm-up reads them again through it.
const readsBeforeWorker = new Set<string>()
const readListeners = new Set<() => void>()

function recordRead(path: string) {
  readsBeforeWorker.delete(path)
  readsBeforeWorker.add(path)
  if (readsBeforeWorker.size > READS_KEPT) {
    const oldest = readsBeforeWorker.values().next().value
    if (oldest !== undefined) readsBeforeWorker.delete(oldest)
  }
  for (const l of readListeners) l()
}

/** Answers, and forgets, the JSON GET paths read without the service worker, oldest first. */
export function takeReadsBeforeWorker(): string[] {
  const paths = [...readsBeforeWorker]
  readsBeforeWorker.clear()
  return paths
}

/** Calls `listener` whenever such a read is recorded; answers the unsubscribe. */
export function onReadBeforeWorker(listener: () => void): () => void {
  readListeners.add(listener)
  return () => readListeners.delete(listener)
}

// Reads still waiting for their answer, and who waits for there to be none.
let readsInFlight = 0
const settledWaiters: (() => void)[] = []
function readDone() {
  readsInFlight--
  if (readsInFlight > 0) return
  for (const w of settledWaiters.splice(0)) w()
}

/** Resolves once no read of the API is waiting for its answer (e.g. before wiping its cache). */
export function readsSettled(): Promise<void> {
  if (readsInFlight === 0) return Promise.resolve()
  return new Promise((resolve) => settledWaiters.push(resolve))
}

/** What a request sends besides its method and path. */
interface RequestOptions {
  /** A JSON value, or a string sent as it is with `contentType`. */
  body?: unknown
  contentType?: string
  signal?: AbortSignal
}

/**
 * Calls the REST API with the session cookie (same origin); answers the parsed JSON (undefined
 * for 204) or throws an ApiError carrying the server's code and sentence.
 */
export async function request<T>(
  method: string,
  path: string,
  { body, contentType, signal }: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' }
  let payload: string | undefined
  if (typeof body === 'string' && contentType) {
    headers['content-type'] = contentType
    payload = body
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json'
    payload = JSON.stringify(body)
  }
  const isCommand = method.toUpperCase() !== 'GET'
  // A command needs the server: refused while offline, never queued (README, "Offline").
  if (isCommand && browserOffline()) throw offlineError()
  const controlled = workerControls()
  let res: Response
  if (!isCommand) readsInFlight++
  try {
    res = await fetch(path, { method, headers, body: payload, signal, credentials: 'same-origin' })
  } catch (error) {
    // fetch rejects with a TypeError when the network fails (an abort is a DOMException).
    if (isCommand && error instanceof TypeError) throw offlineError()
    throw error
  } finally {
    if (!isCommand) readDone()
  }
  if (res.status === 204) return undefined as T
  if (!isCommand && !controlled && res.ok && isJson(res)) recordRead(path)
  const json = (await res.json().catch(() => null)) as unknown
  if (!res.ok) {
    const error = (json as { error?: Record<string, unknown> } | null)?.error ?? {}
    const { code, message, ...details } = error
    // A 401 anywhere means the session is gone; the app listens and shows the sign-in page.
    if (res.status === 401) window.dispatchEvent(new Event(SIGNED_OUT_EVENT))
    const retryAfter = res.headers.get('retry-after')
    if (retryAfter && details.retryAfter === undefined) details.retryAfter = Number(retryAfter)
    throw new ApiError(
      res.status,
      typeof code === 'string' ? code : `http_${res.status}`,
      typeof message === 'string' ? message : `${res.status} ${res.statusText}`,
      details,
    )
  }
  return json as T
}

const isJson = (res: Response) => /^application\/json\b/.test(res.headers.get('content-type') ?? '')

/** The path of a negotiation's API resource, with the id escaped. */
export const negotiationPath = (id: string, rest = ''): string =>
  `/api/negotiations/${encodeURIComponent(id)}${rest}`

/** A negotiation as the REST API lists it. */
export interface NegotiationInfo {
  id: string
  name: string
}

/** A person's place in a negotiation as the API states it. */
export interface MembershipInfo {
  role: 'chair' | 'delegate' | 'campaigner' | 'observer'
  actorId?: string | null
  groupId?: string | null
}

/** The negotiations the signed-in person takes part in (all of them for an admin). */
export const listNegotiations = async (signal?: AbortSignal) =>
  (await request<{ negotiations: NegotiationInfo[] }>('GET', '/api/negotiations', { signal }))
    .negotiations

/** A negotiation with its rounds and the signed-in person's place in it. */
export interface NegotiationDetail extends NegotiationInfo {
  rounds: Round[]
  membership: MembershipInfo | null
  isAdmin: boolean
  /** The coalitions (group ids) the caller's delegation belongs to now; absent from old servers. */
  coalitions?: string[]
}

/** One negotiation's name, id, rounds and the caller's membership. */
export const getNegotiation = async (id: string, signal?: AbortSignal) =>
  (await request<{ negotiation: NegotiationDetail }>('GET', negotiationPath(id), { signal }))
    .negotiation
