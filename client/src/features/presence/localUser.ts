import { useCallback, useMemo, useState } from 'react'

/** How this browser's user appears to others: a name, a cursor colour (#rrggbb) and a role. */
export interface LocalUser {
  name: string
  color: string
  /** "Delegate of France", "Observer": shown beside the name in the list of who is here. */
  role?: string
}

/** What is kept in this browser per account: a chosen colour and, if set, another name. */
interface StoredUser {
  name?: string
  color: string
}

const storageKey = (accountId: string) => `plenary.user.${accountId}`

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

// The same account gets the same colour in every browser until its owner picks another.
const colorFor = (accountId: string): string => {
  let hash = 0
  for (const char of accountId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0
  return (USER_COLORS[hash % USER_COLORS.length] ?? USER_COLORS[0]).value
}

/** The stored presence settings of an account, or its defaults. */
export function loadStoredUser(
  accountId: string,
  storage: Storage = window.localStorage,
): StoredUser {
  try {
    const parsed = JSON.parse(
      storage.getItem(storageKey(accountId)) ?? 'null',
    ) as Partial<StoredUser> | null
    if (parsed && HEX_COLOR.test(parsed.color ?? '')) {
      const name =
        typeof parsed.name === 'string' && parsed.name.trim() ? parsed.name.trim() : undefined
      return { name, color: parsed.color as string }
    }
  } catch {
    // A corrupt entry falls back to the defaults below.
  }
  return { color: colorFor(accountId) }
}

/**
 * The local user of an account: named after the account (e.g. "Marie Dupont (France)") unless
 * renamed here, and a setter that keeps the choice in localStorage for this account.
 */
export function useLocalUser(
  accountId: string,
  defaultName: string,
  role: string,
): [LocalUser, (user: LocalUser) => void] {
  const [stored, setStored] = useState(() => loadStoredUser(accountId))
  const update = useCallback(
    (next: LocalUser) => {
      const name = next.name.trim()
      const clean: StoredUser = {
        // The default name is not stored, so a later change of delegation shows up by itself.
        name: name && name !== defaultName ? name : undefined,
        color: HEX_COLOR.test(next.color) ? next.color : USER_COLORS[0].value,
      }
      window.localStorage.setItem(storageKey(accountId), JSON.stringify(clean))
      setStored(clean)
    },
    [accountId, defaultName],
  )
  const user = useMemo(
    () => ({ name: stored.name ?? defaultName, color: stored.color, role }),
    [stored, defaultName, role],
  )
  return [user, update]
}
