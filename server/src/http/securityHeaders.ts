import type { RequestHandler } from 'express'
import helmet from 'helmet'
import { isHttps } from '../auth/secureCookies'

// helmet's default: a year, subdomains included.
const HSTS = 'max-age=31536000; includeSubDomains'

/**
 * Security headers (helmet's defaults) with a content security policy that allows the app and
 * nothing else: its own scripts and styles (plus inline style attributes, which the editor
 * sets), its own API and websockets, images from itself and data: URLs. Strict-Transport-
 * Security only when the browser reaches us over https (see isHttps).
 */
export function securityHeaders(publicOrigin?: string): RequestHandler {
  const helmetHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        // The app is served over plain http on localhost too; do not rewrite its URLs to https.
        upgradeInsecureRequests: null,
      },
    },
    // Over plain http it means nothing to browsers, and tells a local install's users wrongly
    // that this host is https-only.
    strictTransportSecurity: false,
  })
  return (req, res, next) => {
    if (isHttps(req, publicOrigin)) res.setHeader('Strict-Transport-Security', HSTS)
    helmetHeaders(req, res, next)
  }
}

/** Marks every API answer, errors and exports included, as not to be stored by any cache. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store')
  next()
}
