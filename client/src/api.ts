import type { Round } from '../../shared/domain/rounds'

/** A negotiation as the REST API lists it. */
export interface NegotiationInfo {
  id: string
  name: string
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(path, { headers: { accept: 'application/json' }, signal })
  if (!res.ok) {
    // The server's errors carry a human sentence; show it rather than the status line alone.
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null
    throw new Error(body?.error?.message ?? `${res.status} ${res.statusText}`)
  }
  return (await res.json()) as T
}

/** Every negotiation the server holds. */
export const listNegotiations = async (signal?: AbortSignal) =>
  (await getJson<{ negotiations: NegotiationInfo[] }>('/api/negotiations', signal)).negotiations

/** A negotiation with its rounds, as the REST API shows one. */
export interface NegotiationDetail extends NegotiationInfo {
  rounds: Round[]
}

/** One negotiation's name, id and rounds. */
export const getNegotiation = async (id: string, signal?: AbortSignal) =>
  (
    await getJson<{ negotiation: NegotiationDetail }>(
      `/api/negotiations/${encodeURIComponent(id)}`,
      signal,
    )
  ).negotiation
