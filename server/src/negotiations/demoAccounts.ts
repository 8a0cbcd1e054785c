import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import { z } from 'zod'
import { isValidSegment } from '../../../shared/collab'
import type { Membership } from '../../../shared/domain/policy'
import { isKnownActor } from '../actors/catalogue'
import { isValidGroupId } from '../auth/membershipFields'
import { MIN_PASSWORD_LENGTH, hashPassword } from '../auth/passwords'
import type { Storage } from '../storage/Storage'
import { DEMO_MANY_HANDS } from './demoManyHands'
import { loadDemoSessionsAndNotes } from './demoSessionsAndNotes'
import { fixturePath } from '../paths'

/** The demo's people: one account per role in the demo negotiation (README lists them). */
export const DEMO_ACCOUNTS = fixturePath('demo-accounts.json')

const Person = z.object({
  username: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,31}$/),
  displayName: z.string().min(1).max(100),
})

/** The demo accounts file: a negotiation, one shared password, groups, and people with roles. */
export const DemoAccountsSchema = z
  .object({
    negotiation: z.string().refine(isValidSegment),
    password: z.string().min(MIN_PASSWORD_LENGTH),
    groups: z.array(
      z.object({ id: z.string().refine(isValidGroupId), name: z.string().min(1).max(200) }),
    ),
    accounts: z.array(
      z.discriminatedUnion('role', [
        Person.extend({ role: z.enum(['chair', 'observer']) }),
        Person.extend({
          role: z.literal('delegate'),
          actorId: z.string().refine(isKnownActor, 'a known actor'),
        }),
        Person.extend({ role: z.literal('campaigner'), groupId: z.string() }),
      ]),
    ),
  })
  .refine(
    (f) =>
      f.accounts.every((a) => a.role !== 'campaigner' || f.groups.some((g) => g.id === a.groupId)),
    { message: "a campaigner's group must be one of the groups" },
  )

/** The parsed demo accounts file. */
export type DemoAccounts = z.infer<typeof DemoAccountsSchema>

/**
 * Creates the demo's groups, accounts and memberships (after the demo negotiation), then what of
 * the many-hands file names accounts: its sessions (opened) and the delegations' notes.
 */
export async function loadDemoAccounts(
  storage: Storage,
  file: string = DEMO_ACCOUNTS,
  manyHandsFile: string = DEMO_MANY_HANDS,
) {
  const demo = DemoAccountsSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')))
  for (const group of demo.groups) await storage.members.createGroup(demo.negotiation, group)
  // One hash for the one published demo password: it guards nothing secret, and scrypt is slow.
  const passwordHash = await hashPassword(demo.password)
  for (const person of demo.accounts) {
    const created = await storage.accounts.create({
      id: randomUUID(),
      username: person.username,
      displayName: person.displayName,
      passwordHash,
      isAdmin: false,
    })
    if (!created.ok) continue
    const membership: Membership =
      person.role === 'delegate'
        ? { role: 'delegate', actorId: person.actorId }
        : person.role === 'campaigner'
          ? { role: 'campaigner', groupId: person.groupId }
          : { role: person.role }
    await storage.members.put(demo.negotiation, created.account.id, membership)
  }
  await loadDemoSessionsAndNotes(storage, demo, manyHandsFile)
}
