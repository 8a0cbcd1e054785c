/** The name of the session cookie. */
export const SESSION_COOKIE = 'plenary_session'

/** How long a session lasts. */
export const SESSION_DAYS = 14

/** How long a session lasts, in milliseconds (ServerOptions.sessionLifetimeMs overrides it). */
export const SESSION_MS = SESSION_DAYS * 24 * 60 * 60 * 1000

/** The value of the session cookie in a Cookie header, or null. */
export function sessionTokenOf(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0 || part.slice(0, eq).trim() !== SESSION_COOKIE) continue
    const value = part.slice(eq + 1).trim()
    return value === '' ? null : value
  }
  return null
}

/** A Set-Cookie value carrying a session token: httpOnly, SameSite=Lax, Secure over https. */
export function sessionCookie(token: string, secure: boolean, lifetimeMs = SESSION_MS): string {
  const maxAge = Math.floor(lifetimeMs / 1000)
  return serialize(`${SESSION_COOKIE}=${token}; Max-Age=${maxAge}`, secure)
}

/** A Set-Cookie value that removes the session cookie. */
export function clearedSessionCookie(secure: boolean): string {
  return serialize(`${SESSION_COOKIE}=; Max-Age=0`, secure)
}

const serialize = (start: string, secure: boolean): string =>
  `${start}; Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`
