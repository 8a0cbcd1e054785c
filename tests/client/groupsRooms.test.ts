import { describe, expect, it } from 'vitest'
import type { Proposal } from '../../shared/domain/proposals'
import { principalOf } from '../../client/src/auth/principal'
import { chosenNotesGroup, notesHref } from '../../client/src/features/annotations/notesRoom'
import type { GroupView } from '../../client/src/features/groups/groupsApi'
import { coalitionDrafts, myGroups, roomMembers } from '../../client/src/features/groups/groupViews'

const group = (over: Partial<GroupView> & Pick<GroupView, 'id' | 'kind' | 'name'>): GroupView => ({
  source: '',
  provenance: 'recorded',
  members: [],
  mine: false,
  ...over,
})

const names = new Map([
  ['FRA', 'France'],
  ['DEU', 'Germany'],
  ['AUT', 'Austria'],
])

describe('whose notes the text page shows', () => {
  const austria = principalOf('a', false, { role: 'delegate', actorId: 'AUT' }, ['core-group'])

  it('takes the group the address names when the person is in it, else their first', () => {
    expect(chosenNotesGroup(austria, null)).toBe('delegation-aut')
    expect(chosenNotesGroup(austria, 'core-group')).toBe('core-group')
    // A group one is not in (another delegation, a stranger's coalition) is never chosen.
    expect(chosenNotesGroup(austria, 'delegation-fra')).toBe('delegation-aut')
    expect(chosenNotesGroup(austria, 'eu')).toBe('delegation-aut')
  })

  it('keeps a campaigner in their group and the chair and observers in none', () => {
    const ana = principalOf('b', false, { role: 'campaigner', groupId: 'cmc' })
    expect(chosenNotesGroup(ana, 'hrw')).toBe('cmc')
    expect(chosenNotesGroup(principalOf('c', false, { role: 'chair' }), 'cmc')).toBeNull()
    expect(chosenNotesGroup(principalOf('d', false, { role: 'observer' }), 'cmc')).toBeNull()
  })

  it('links to the text with the group in the address', () => {
    expect(notesHref('ccm', 'delegation-fra')).toBe('/n/ccm?notes=delegation-fra')
    expect(notesHref('a b', 'x&y')).toBe('/n/a%20b?notes=x%26y')
  })
})

describe('the Rooms page', () => {
  it('lists one’s own groups, the delegation first, then coalitions and campaign groups', () => {
    const groups = [
      group({ id: 'hrw', kind: 'campaign', name: 'Human Rights Watch', mine: true }),
      group({ id: 'core-group', kind: 'coalition', name: 'Core group', mine: true }),
      group({ id: 'eu', kind: 'coalition', name: 'EU', mine: false }),
      group({
        id: 'delegation-aut',
        kind: 'delegation',
        name: 'Delegation of Austria',
        mine: true,
      }),
    ]
    expect(myGroups(groups).map((g) => g.id)).toEqual(['delegation-aut', 'core-group', 'hrw'])
    expect(myGroups(null)).toEqual([])
  })

  it('names the members of each kind of group', () => {
    const coalition = group({
      id: 'trio',
      kind: 'coalition',
      name: 'Trio',
      members: ['FRA', 'DEU', 'XYZ'],
    })
    expect(roomMembers(coalition, names)).toBe('France, Germany, XYZ')
    expect(roomMembers({ ...coalition, members: [] }, names)).toBe('No member states this round.')
    expect(
      roomMembers(
        group({ id: 'delegation-fra', kind: 'delegation', name: 'x', actorId: 'FRA' }),
        names,
      ),
    ).toBe('The delegates of France.')
    expect(roomMembers(group({ id: 'cmc', kind: 'campaign', name: 'CMC' }), names)).toBe(
      'The campaigners of CMC.',
    )
  })

  it('shows a coalition only its own proposals still in draft', () => {
    const p = (id: string, coalitionId: string | undefined, status: Proposal['status']) =>
      ({ id, coalitionId, status }) as Proposal
    const drafts = [
      p('a', 'trio', 'draft'),
      p('b', 'trio', 'tabled'),
      p('c', undefined, 'draft'),
      p('d', 'eu', 'draft'),
    ]
    expect(coalitionDrafts(drafts, 'trio').map((d) => d.id)).toEqual(['a'])
  })
})
