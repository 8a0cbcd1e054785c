import type { Access } from './access'

/** What the server relays of a presence state, and no more. */
export const PRESENCE_LIMITS = {
  /** Characters of a display name (the client's own field takes 40). */
  nameLength: 80,
  /** Characters of an announced role ("Delegate of France"). */
  roleLength: 80,
  /** Characters of an article id. */
  articleLength: 100,
  /** Bytes of a whole state as JSON; a cursor is two small relative positions. */
  stateBytes: 2048,
} as const

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/

/** Who announced a state, as the server knows it. */
export interface Announcer {
  access: Access
  /** The signed-in account's username, stamped as `user.account`; absent where nobody signs in. */
  account?: string
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const withoutUndefined = (record: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined))

const text = (value: unknown, length: number): string | undefined =>
  typeof value === 'string' ? value.slice(0, length) : undefined

/**
 * The state the server relays for a client's announced one: only the fields the UI reads
 * (`user.name`, `user.color`, `user.role`, `article`, and y-prosemirror's `cursor` for those who
 * may write), the account stamped over whatever the client claimed, or null to drop a state
 * past the size limit. A colour goes into the others' style attributes: only #rrggbb passes.
 */
export function relayedState(
  state: Record<string, unknown>,
  { access, account }: Announcer,
): Record<string, unknown> | null {
  const relayed: Record<string, unknown> = {}
  if (isRecord(state.user)) {
    const { name, color, role } = state.user
    relayed.user = withoutUndefined({
      name: text(name, PRESENCE_LIMITS.nameLength),
      color: typeof color === 'string' && HEX_COLOR.test(color) ? color : undefined,
      role: text(role, PRESENCE_LIMITS.roleLength),
      account,
    })
  }
  if (state.article === null || typeof state.article === 'string')
    relayed.article = state.article?.slice(0, PRESENCE_LIMITS.articleLength) ?? null
  // A reader's caret and selection would show what a delegation or campaigner is looking at.
  if (access === 'write' && isRecord(state.cursor)) relayed.cursor = state.cursor
  else if (access === 'write' && state.cursor === null) relayed.cursor = null
  const bytes = Buffer.byteLength(JSON.stringify(relayed))
  return bytes <= PRESENCE_LIMITS.stateBytes ? relayed : null
}
