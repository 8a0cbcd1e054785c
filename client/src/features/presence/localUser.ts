import { useCallback, useState } from 'react'

/** How this browser's user appears to others: a name and a cursor colour (#rrggbb). */
export interface LocalUser {
  name: string
  color: string
}

const STORAGE_KEY = 'plenary.user'

/** Colours readable as cursor labels with white text, and distinct from one another. */
export const USER_COLORS = [
  { value: '#b3261e', name: 'red' },
  { value: '#1d5fbf', name: 'blue' },
  { value: '#0f7b4b', name: 'green' },
  { value: '#8a4baf', name: 'purple' },
  { value: '#b35c00', name: 'orange' },
  { value: '#00798a', name: 'teal' },
  { value: '#a1306b', name: 'magenta' },
  { value: '#5a6b1d', name: 'olive' },
] as const

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/

const randomItem = <T>(items: readonly T[]): T =>
  items[Math.floor(Math.random() * items.length)] as T

/** A fresh guest identity, e.g. "Guest 123" in a random colour. */
export const guestUser = (): LocalUser => ({
  name: `Guest ${100 + Math.floor(Math.random() * 900)}`,
  color: randomItem(USER_COLORS).value,
})

/** The stored identity, or a new guest one (stored right away so it survives a reload). */
export function loadLocalUser(storage: Storage = window.localStorage): LocalUser {
  try {
    const parsed = JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null') as Partial<LocalUser> | null
    if (
      parsed &&
      typeof parsed.name === 'string' &&
      parsed.name.trim() &&
      HEX_COLOR.test(parsed.color ?? '')
    ) {
      return { name: parsed.name.trim(), color: parsed.color as string }
    }
  } catch {
    // A corrupt entry is replaced by a fresh guest identity below.
  }
  const user = guestUser()
  storage.setItem(STORAGE_KEY, JSON.stringify(user))
  return user
}

/** The local user, and a setter that persists changes to localStorage. */
export function useLocalUser(): [LocalUser, (user: LocalUser) => void] {
  const [user, setUser] = useState(loadLocalUser)
  const update = useCallback((next: LocalUser) => {
    const clean = {
      name: next.name.trim() || 'Guest',
      color: HEX_COLOR.test(next.color) ? next.color : USER_COLORS[0].value,
    }
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(clean))
    setUser(clean)
  }, [])
  return [user, update]
}
