import type { Request } from 'express'

/**
 * Whether the browser reaches us over https: the request came over TLS (or, with TRUST_PROXY,
 * its proxy says X-Forwarded-Proto: https), or the public origin is https.
 */
export const isHttps = (req: Request, publicOrigin?: string): boolean =>
  req.secure || (publicOrigin?.startsWith('https:') ?? false)

/** Whether cookies must be Secure: whenever the browser reaches us over https. */
export const wantsSecureCookie = isHttps
