/** A negotiation as the REST API lists it. */
export interface NegotiationInfo {
  id: string
  name: string
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(path, { headers: { accept: 'application/json' }, signal })
  if (!res.ok) {
    // The server's errors carry a human sentence; show it rather than the status line alone.
    const body = (await res.json().catch(() => null)) as { message?: string } | null
    throw new Error(body?.message ?? `${res.status} ${res.statusText}`)
  }
  return (await res.json()) as T
}

/** Every negotiation the server holds. */
export const listNegotiations = (signal?: AbortSignal) =>
  getJson<NegotiationInfo[]>('/api/negotiations', signal)

/** One negotiation's name and id. */
export const getNegotiation = (id: string, signal?: AbortSignal) =>
  getJson<NegotiationInfo>(`/api/negotiations/${encodeURIComponent(id)}`, signal)
