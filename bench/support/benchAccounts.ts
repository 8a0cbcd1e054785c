import { randomUUID } from 'node:crypto'
import type { Membership } from '../../shared/domain/policy'
import { hashSecret, newApiTokenSecret } from '../../server/src/auth/secrets'
import { hashPassword } from '../../server/src/auth/passwords'
import type { Storage } from '../../server/src/storage/Storage'

/** One benchmark account: its username and the secret of its API token (`?token=`). */
export interface BenchAccount {
  username: string
  token: string
}

/**
 * Creates `count` accounts named `<prefix>-<i>`, each a member of `negotiationId` with
 * `membership(i)` and one API token, before the server under test starts on the same storage.
 * Every client of a benchmark signs in with its own account, as people would.
 */
export async function createBenchAccounts(
  storage: Storage,
  negotiationId: string,
  prefix: string,
  count: number,
  membership: (i: number) => Membership,
): Promise<BenchAccount[]> {
  // One scrypt hash for all: nobody signs in with these passwords.
  const passwordHash = await hashPassword(randomUUID())
  const accounts: BenchAccount[] = []
  for (let i = 0; i < count; i++) {
    const username = `${prefix}-${i}`
    const created = await storage.accounts.create({
      id: randomUUID(),
      username,
      displayName: `Bench ${prefix} ${i}`,
      passwordHash,
      isAdmin: false,
    })
    if (!created.ok) throw new Error(`account ${username} exists already`)
    await storage.members.put(negotiationId, created.account.id, membership(i))
    const token = newApiTokenSecret()
    await storage.credentials.createApiToken(
      {
        id: randomUUID(),
        accountId: created.account.id,
        name: 'bench',
        createdAt: new Date().toISOString(),
        lastUsedAt: null,
      },
      hashSecret(token),
    )
    accounts.push({ username, token })
  }
  return accounts
}
