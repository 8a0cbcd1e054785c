import { describe, expect, it } from 'vitest'
import type { Principal } from '../../../shared/domain/policy'
import {
  allowedCommands,
  transition,
  type LifecycleCommand,
  type LifecycleCommandType,
  type LifecycleFacts,
  type TransitionContext,
} from '../../../shared/domain/proposals/lifecycle'
import { PROPOSAL_STATUSES, type ProposalStatus } from '../../../shared/domain/proposals/types'

const ROUNDS = ['oslo-2007', 'lima-2007', 'vienna-2007', 'wellington-2008', 'dublin-2008']

const principals = {
  chair: { accountId: 'a-chair', isAdmin: false, membership: { role: 'chair' } },
  admin: { accountId: 'a-admin', isAdmin: true, membership: null },
  sponsor: { accountId: 'a-deu', isAdmin: false, membership: { role: 'delegate', actorId: 'DEU' } },
  second: { accountId: 'a-gbr', isAdmin: false, membership: { role: 'delegate', actorId: 'GBR' } },
  coSponsor: {
    accountId: 'a-fra',
    isAdmin: false,
    membership: { role: 'delegate', actorId: 'FRA' },
  },
  otherDelegate: {
    accountId: 'a-nor',
    isAdmin: false,
    membership: { role: 'delegate', actorId: 'NOR' },
  },
  campaigner: {
    accountId: 'a-cmc',
    isAdmin: false,
    membership: { role: 'campaigner', groupId: 'cmc' },
  },
  observer: { accountId: 'a-obs', isAdmin: false, membership: { role: 'observer' } },
  stranger: { accountId: 'a-x', isAdmin: false, membership: null },
} satisfies Record<string, Principal>
type Role = keyof typeof principals

const actorOf = (role: Role) => {
  const m: Principal['membership'] = principals[role].membership
  return m?.role === 'delegate' ? m.actorId : null
}

const CHAIR: Role[] = ['chair', 'admin']
const SPONSORS: Role[] = ['sponsor', 'second']

// What the rules say, written out by hand: status → command → [new status, who may].
const LEGAL: Record<
  ProposalStatus,
  Partial<Record<LifecycleCommandType, [ProposalStatus, Role[]]>>
> = {
  draft: { table: ['tabled', [...SPONSORS, ...CHAIR]], withdraw: ['withdrawn', SPONSORS] },
  tabled: {
    bracket: ['bracketed', CHAIR],
    consult: ['under-consultation', CHAIR],
    incorporate: ['incorporated', CHAIR],
    reject: ['rejected', CHAIR],
    defer: ['deferred', CHAIR],
    withdraw: ['withdrawn', SPONSORS],
  },
  bracketed: {
    consult: ['under-consultation', CHAIR],
    incorporate: ['incorporated', CHAIR],
    reject: ['rejected', CHAIR],
    defer: ['deferred', CHAIR],
    withdraw: ['withdrawn', SPONSORS],
  },
  'under-consultation': {
    bracket: ['bracketed', CHAIR],
    incorporate: ['incorporated', CHAIR],
    reject: ['rejected', CHAIR],
    defer: ['deferred', CHAIR],
    withdraw: ['withdrawn', SPONSORS],
  },
  deferred: { reopen: ['tabled', CHAIR], withdraw: ['withdrawn', SPONSORS] },
  incorporated: {},
  rejected: {},
  withdrawn: {},
}

const COMMANDS: LifecycleCommand[] = [
  { type: 'table' },
  { type: 'withdraw' },
  { type: 'bracket' },
  { type: 'consult' },
  { type: 'incorporate' },
  { type: 'reject' },
  { type: 'defer', roundId: 'dublin-2008' },
  { type: 'reopen' },
]

const proposalIn = (status: ProposalStatus): LifecycleFacts => ({
  status,
  sponsors: ['DEU', 'GBR'],
  coSponsors: ['FRA'],
  history:
    status === 'deferred'
      ? [
          {
            from: 'tabled',
            to: 'deferred',
            byAccountId: 'a-chair',
            byName: 'Chair',
            actorId: null,
            at: '2007-12-07T17:00:00Z',
            roundId: 'vienna-2007',
            deferredTo: 'wellington-2008',
          },
        ]
      : [],
})

const ctxFor = (role: Role, roundId = 'wellington-2008'): TransitionContext => ({
  principal: principals[role],
  byName: `Name of ${role}`,
  at: '2008-02-20T10:00:00Z',
  roundId,
  knownRounds: ROUNDS,
})

describe('every status × command × role', () => {
  const cases = PROPOSAL_STATUSES.flatMap((status) =>
    COMMANDS.flatMap((command) =>
      (Object.keys(principals) as Role[]).map((role) => ({ status, command, role })),
    ),
  )
  it.each(cases)('$status, $command.type by $role', ({ status, command, role }) => {
    const legal = LEGAL[status][command.type]
    const result = transition(proposalIn(status), command, ctxFor(role))
    if (legal && legal[1].includes(role)) {
      expect(result).toMatchObject({ ok: true, status: legal[0] })
      if (!result.ok) return
      expect(result.change).toMatchObject({
        from: status,
        to: legal[0],
        byAccountId: principals[role].accountId,
        byName: `Name of ${role}`,
        at: '2008-02-20T10:00:00Z',
        roundId: 'wellington-2008',
        actorId: CHAIR.includes(role) ? null : actorOf(role),
      })
      expect(result.change.deferredTo).toBe(command.type === 'defer' ? 'dublin-2008' : undefined)
    } else {
      expect(result.ok).toBe(false)
      if (result.ok) return
      expect(result.reason).toMatch(/^[A-Z].*\.$/)
    }
  })

  it.each(PROPOSAL_STATUSES.flatMap((s) => (Object.keys(principals) as Role[]).map((r) => [s, r])))(
    'allowedCommands(%s, %s) lists exactly the commands that would pass',
    (status, role) => {
      const p = proposalIn(status as ProposalStatus)
      const passing = COMMANDS.filter((c) => transition(p, c, ctxFor(role as Role)).ok).map(
        (c) => c.type,
      )
      expect([...allowedCommands(p, principals[role as Role])].sort()).toEqual(passing.sort())
    },
  )
})

describe('refusals say why', () => {
  const refusal = (
    status: ProposalStatus,
    command: LifecycleCommand,
    role: Role,
    round?: string,
  ) => {
    const r = transition(proposalIn(status), command, ctxFor(role, round))
    return r.ok ? null : r.reason
  }

  it('names a final decision', () => {
    expect(refusal('withdrawn', { type: 'incorporate' }, 'chair')).toMatch(
      /^A withdrawn proposal cannot be incorporated/,
    )
    expect(refusal('incorporated', { type: 'withdraw' }, 'sponsor')).toMatch(
      /^An incorporated proposal cannot be withdrawn/,
    )
  })

  it('keeps decisions to the chair, and withdrawal to the sponsors', () => {
    expect(refusal('tabled', { type: 'incorporate' }, 'sponsor')).toBe(
      'Only the chair decides on proposals.',
    )
    expect(refusal('tabled', { type: 'withdraw' }, 'chair')).toBe(
      'Only a sponsoring delegation can withdraw its proposal.',
    )
    expect(refusal('draft', { type: 'table' }, 'coSponsor')).toMatch(/FRA co-sponsors/)
    expect(refusal('tabled', { type: 'withdraw' }, 'stranger')).toBe(
      'You are not a member of this negotiation.',
    )
  })

  it('asks for a draft to be tabled and a deferred proposal to be reopened first', () => {
    expect(refusal('draft', { type: 'bracket' }, 'chair')).toBe(
      'A draft must be tabled before it can be bracketed.',
    )
    expect(refusal('deferred', { type: 'incorporate' }, 'chair')).toBe(
      'A deferred proposal must be reopened before it can be incorporated.',
    )
    expect(refusal('bracketed', { type: 'bracket' }, 'chair')).toBe(
      'The proposal is already bracketed.',
    )
  })

  it('defers only to a known, later round', () => {
    expect(refusal('tabled', { type: 'defer', roundId: 'geneva-2009' }, 'chair')).toBe(
      'There is no round "geneva-2009" to defer the proposal to.',
    )
    expect(refusal('tabled', { type: 'defer', roundId: 'lima-2007' }, 'chair')).toBe(
      'A proposal can only be deferred to a later round.',
    )
    expect(refusal('tabled', { type: 'defer', roundId: 'wellington-2008' }, 'chair')).toBe(
      'A proposal can only be deferred to a later round.',
    )
  })

  it('reopens a deferred proposal when its round comes, not before', () => {
    expect(refusal('deferred', { type: 'reopen' }, 'chair', 'vienna-2007')).toMatch(
      /deferred to wellington-2008/,
    )
    expect(refusal('deferred', { type: 'reopen' }, 'chair', 'dublin-2008')).toBeNull()
  })
})
