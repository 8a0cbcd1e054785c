import type { Request } from 'express'

/** Whether cookies must be Secure: the request came over https, or the public origin is https. */
export const wantsSecureCookie = (req: Request, publicOrigin?: string): boolean =>
  req.secure || (publicOrigin?.startsWith('https:') ?? false)
