import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/collab'
import { annotationsFromJson } from '../../shared/domain/annotations/read'
import { NOTES_ANNOTATIONS } from '../../shared/domain/annotations/types'
import {
  SYNTHETIC_NOTE_MARK,
  SYNTHETIC_TAG,
  ManyHandsDemoSchema,
} from '../../shared/domain/manyHandsDemo'
import { loadDemoIfEmpty } from '../../server/src/negotiations/demo'
import { loadDemoAccounts } from '../../server/src/negotiations/demoAccounts'
import { DEMO_MANY_HANDS } from '../../server/src/negotiations/demoManyHands'
import { openRaw } from '../support/api'
import { clauseText, waitFor } from '../support/collabClient'
import { placementIn } from '../support/annotations'
import { useTestServer } from '../support/serverHarness'
import { storageBackends, type OpenedBackend } from '../support/storageBackends'

const CORE_GROUP = ['AUT', 'VAT', 'IRL', 'MEX', 'NZL', 'NOR', 'PER']
const SESSION = 'fop-art-2'
const NOTES = ['n-demo-fra-art5-data', 'n-demo-fra-art5-plan']

// The demo of issue 13, as a first start loads it: the core group of the Oslo Process as a
// coalition (sourced), a Friends-of-the-President session on Article 2 in session with its
// facilitator (synthetic), and France's private notes on Article 5 (synthetic, and saying so).
describe('the many-hands demo', () => {
  const harness = useTestServer(['observer'])
  const { api, connect } = harness
  const refused = async (who: string, room: string) => {
    const token = await harness.server.tokenFor(who)
    const raw = openRaw(`${harness.server.wsUrl}/${room}?token=${token}`)
    return { who, ...(await raw.closed), messages: raw.messages }
  }

  it('has the core group as a coalition of its seven states, reported with its source', async () => {
    const res = await api('observer', 'GET', '/groups')
    expect(res.status).toBe(200)
    const core = (res.body.groups as { id: string }[]).find((g) => g.id === 'core-group')
    expect(core).toMatchObject({
      kind: 'coalition',
      name: 'Core group (Oslo Process)',
      provenance: 'reported',
      source: expect.stringContaining('oslo-process-facts.json (coreGroup)'),
    })
    expect([...(core as unknown as { members: string[] }).members].sort()).toEqual(
      [...CORE_GROUP].sort(),
    )
    // Austria is in it and opens its room; Germany and France are not.
    await connect('austria', 'ccm/notes/core-group')
    for (const who of ['germany', 'france']) {
      expect(await refused(who, 'ccm/notes/core-group')).toMatchObject({
        who,
        code: CloseCode.Forbidden,
        messages: 0,
      })
    }
  })

  it('has the Friends of the President on Article 2 in session: synthetic, with its facilitator', async () => {
    const res = await api('observer', 'GET', `/sessions/${SESSION}`)
    expect(res.status).toBe(200)
    expect(res.body.session).toMatchObject({
      name: 'Friends of the President on Article 2',
      kind: 'friends-of-the-chair',
      articleIds: ['art-2'],
      facilitatorNames: ['Facilitator (synthetic)'],
      open: false,
      attendeeActorIds: ['FRA', 'DEU'],
      status: 'in-session',
      roundId: 'dublin-2008',
      provenance: 'synthetic',
    })
    // Its text is Article 2, copied: the facilitator and an attending delegate read it.
    const [pen, watcher] = [
      await connect('facilitator', `ccm/session/${SESSION}`),
      await connect('germany', `ccm/session/${SESSION}`),
    ]
    for (const room of [pen, watcher]) {
      const articles: string[] = []
      room.pmDoc().descendants((node) => {
        if (node.type.name === 'article') articles.push(String(node.attrs.id))
        return node.type.name !== 'article'
      })
      expect(articles).toEqual(['art-2'])
      expect(room.pmDoc().textContent).toContain('“Cluster munition victims” means')
    }
    // The facilitator holds the pen; Germany sees the words arrive.
    clauseText(pen.doc, 0, 1).insert(0, 'Facilitator’s wording: ')
    await waitFor('Germany reads the facilitator’s words', () =>
      watcher.pmDoc().textContent.includes('Facilitator’s wording: '),
    )
    // A closed session: the observer, a campaigner and a delegate not attending are refused.
    for (const who of ['observer', 'ana', 'austria']) {
      expect(await refused(who, `ccm/session/${SESSION}`)).toMatchObject({
        who,
        code: CloseCode.Forbidden,
        messages: 0,
      })
    }
  })

  it("shows France's private notes on Article 5 to France's two delegates only", async () => {
    const text = await connect('france', 'ccm/text')
    for (const who of ['france', 'france2']) {
      const notes = await connect(who, 'ccm/notes/delegation-fra')
      const read = annotationsFromJson(notes.doc.getMap(NOTES_ANNOTATIONS).toJSON())
      expect({ who, ids: read.map((n) => n.id) }).toEqual({ who, ids: NOTES })
      for (const note of read) {
        expect(note).toMatchObject({ groupId: 'delegation-fra', articleId: 'art-5' })
        expect(note.tags).toContain(SYNTHETIC_TAG)
        expect(note.body).toContain(SYNTHETIC_NOTE_MARK)
        expect(placementIn(text.doc, note.anchor)).toMatchObject({
          state: 'ok',
          text: note.anchor.quote,
        })
      }
      expect(read.map((n) => n.authorName)).toEqual([
        'Delegate of France',
        'Second delegate of France',
      ])
    }
    for (const who of ['germany', 'ana', 'observer', 'chair', 'facilitator']) {
      expect(await refused(who, 'ccm/notes/delegation-fra')).toMatchObject({
        who,
        code: CloseCode.Forbidden,
        messages: 0,
      })
    }
  })
})

// On every storage backend: a first start stores it all, a broken file nothing.
describe.each(storageBackends)('the many-hands file on $name', (backend) => {
  const dirs: string[] = []
  const temp = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-many-hands-'))
    dirs.push(dir)
    return dir
  }
  let opened: OpenedBackend | undefined
  const open = async () => {
    opened = await backend.open()
    return opened.storage
  }
  afterEach(async () => {
    await opened?.cleanup()
    opened = undefined
    dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }))
  })
  const fixture = () => JSON.parse(fs.readFileSync(DEMO_MANY_HANDS, 'utf8')) as ManyHands
  type ManyHands = ReturnType<typeof ManyHandsDemoSchema.parse>

  it('is stored whole by a first start: coalition, session in session, notes room', async () => {
    const storage = await open()
    expect(await loadDemoIfEmpty(storage)).toBe(true)
    await loadDemoAccounts(storage)
    const members = await storage.members.listCoalitionMembers('ccm')
    expect(members).toEqual([{ groupId: 'core-group', roundId: null, actorIds: CORE_GROUP }])
    const session = await storage.sessions.get('ccm', SESSION)
    expect(session).toMatchObject({ status: 'in-session', provenance: 'synthetic' })
    const types = (
      await storage.events.list('ccm', { types: ['session-created', 'session-opened'] })
    ).map((e) => e.type)
    expect(types).toEqual(['session-created', 'session-opened'])
    expect(await storage.loadRoom('ccm/notes/delegation-fra')).not.toEqual([])
  })

  it.each([
    [
      'a member that is not a participant of the demo',
      (f: ManyHands) => {
        f.coalitions[0]?.memberships[0]?.actorIds.push('ESP')
      },
      /ESP is not a participant/,
    ],
    [
      'a note whose words are not in its article',
      (f: ManyHands) => {
        if (f.notes[0]) f.notes[0].quote = 'words no article has'
      },
      /is not once in art-5/,
    ],
    [
      'a note by a delegate of another state',
      (f: ManyHands) => {
        if (f.notes[0]) f.notes[0].author = 'germany'
      },
      /germany is not a delegate of FRA/,
    ],
    [
      'a session on an article the text does not have',
      (f: ManyHands) => {
        if (f.sessions[0]) f.sessions[0].articleIds = ['art-99']
      },
      /no article art-99/,
    ],
    [
      'an invented session claimed as recorded',
      (f: ManyHands) => {
        ;(f.sessions[0] as { provenance: string }).provenance = 'recorded'
      },
      /provenance/,
    ],
  ] as const)('leaves the database empty when the file names %s', async (_what, breakIt, why) => {
    const broken = path.join(temp(), 'many-hands.json')
    const content = fixture()
    breakIt(content)
    fs.writeFileSync(broken, JSON.stringify(content))
    const storage = await open()
    const loading = loadDemoIfEmpty(
      storage,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      broken,
    )
    await expect(loading).rejects.toThrow(why)
    await expect(loading).rejects.toThrow(broken)
    expect(await storage.listNegotiations()).toEqual([])
    expect(await storage.members.listGroups('ccm')).toEqual([])
    expect(await storage.sessions.list('ccm')).toEqual([])
  })
})
