import type { IncomingMessage } from 'node:http'

/**
 * Whether an Origin (or Referer) names this server: PUBLIC_ORIGIN exactly when it is set,
 * otherwise the same host as the request's Host header, over http or https.
 */
export function isServerOrigin(
  origin: string,
  request: IncomingMessage,
  publicOrigin?: string,
): boolean {
  let url: URL
  try {
    url = new URL(origin)
  } catch {
    return false // includes the opaque origin "null" of sandboxed frames
  }
  if (publicOrigin) return url.origin === new URL(publicOrigin).origin
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false
  return request.headers.host !== undefined && url.host === request.headers.host.toLowerCase()
}

/** The origin a browser says a request comes from: its Origin, else its Referer; or null. */
export function requestOrigin(request: IncomingMessage): string | null {
  const { origin, referer } = request.headers
  if (origin) return origin
  return referer ?? null
}
