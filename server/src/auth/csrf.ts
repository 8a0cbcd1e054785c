import type { RequestHandler } from 'express'
import { HttpError } from '../http/errors'
import { authOf } from './authenticate'
import { isServerOrigin, requestOrigin } from './origin'

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

const refused = () =>
  new HttpError(403, 'csrf', 'This request did not come from a Plenary page; it was refused.')

/**
 * Cross-site request forgery guard, after `authenticate`. A state-changing request signed in by
 * cookie must say it comes from this server's own pages (Origin, or Referer); any request whose
 * Origin names another site is refused; API-token requests are exempt, as no browser sends a
 * bearer token on its own.
 */
export function csrfGuard(publicOrigin?: string): RequestHandler {
  return (req, res, next) => {
    if (!STATE_CHANGING.has(req.method)) return next()
    const auth = authOf(res)
    if (auth?.via === 'token') return next()
    const origin = requestOrigin(req)
    if (origin === null ? auth?.via === 'session' : !isServerOrigin(origin, req, publicOrigin)) {
      throw refused()
    }
    next()
  }
}
