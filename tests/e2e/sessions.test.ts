import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/collab'
import { call, openRaw } from '../support/api'
import { describeViolations, seriousViolations } from '../support/axe'
import {
  startE2E,
  textOf,
  waitForText,
  type BrowserUser,
  type E2EEnvironment,
} from '../support/browser'
import type { Session } from '../support/startServer'

const SESSION_ID = 'e2e-fop-art-2'
const NAME = 'Friends of the President on Article 2 (second reading)'
const WORDING = ' The Friends of the President agreed this wording.'
// Up to six browsers at once on one machine: more time than the suite's default per test.
const SLOW = 150_000
// How long a browser may take to show what another did, on a loaded machine.
const WAIT = { timeout: 20_000 }

const today = () => {
  const now = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** Article 2 of a page's editor (the main text's or the session's copy), by its stable id. */
const article2 = (page: Page) =>
  page.locator('.ProseMirror section.article[data-article-id="art-2"]')

/** What a page's browser gets from a websocket to a room: its close code and the bytes sent. */
const socketFromPage = (page: Page, room: string) =>
  page.evaluate(
    (name) =>
      new Promise<{ code: number; messages: number; bytes: number }>((resolve) => {
        const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/collab/${name}`)
        ws.binaryType = 'arraybuffer'
        let messages = 0
        let bytes = 0
        ws.onmessage = (e: MessageEvent<ArrayBuffer>) => {
          messages += 1
          bytes += e.data.byteLength
        }
        ws.onclose = (e) => resolve({ code: e.code, messages, bytes })
      }),
    room,
  )

// The chair opens a closed session on Article 2; its facilitator writes while two attending
// delegations watch live; the observer is kept out; the chair applies its Article 2 to the main
// text, which every browser shows, and the article's history names the session.
describe('a closed session on Article 2, from the facilitator’s pen to the main text', () => {
  let env: E2EEnvironment
  let chairApi: Session
  let facilitatorId: string
  let chair: BrowserUser
  let facilitator: BrowserUser
  let france: BrowserUser
  let germany: BrowserUser
  let observer: BrowserUser
  let chairText: BrowserUser
  let franceText: BrowserUser
  let observerText: BrowserUser
  const sessionPath = `/n/ccm/sessions/${SESSION_ID}`

  beforeAll(async () => {
    env = await startE2E()
    chairApi = await env.server.loginAs('chair')
    const members = await call(env.url, chairApi, 'GET', '/api/negotiations/ccm/members')
    expect(members.status).toBe(200)
    const found = (members.body.members as { accountId: string; username: string }[]).find(
      (m) => m.username === 'facilitator',
    )
    if (!found) throw new Error('the demo has no facilitator account')
    facilitatorId = found.accountId
    // Set up by REST: the session, scheduled, closed, attended by France and Germany.
    const created = await call(env.url, chairApi, 'POST', '/api/negotiations/ccm/sessions', {
      id: SESSION_ID,
      name: NAME,
      kind: 'friends-of-the-chair',
      facilitators: [facilitatorId],
      articleIds: ['art-2'],
      day: today(),
      startTime: '10:00',
      endTime: '13:00',
      place: 'Meeting room 2',
      open: false,
      attendeeActorIds: ['FRA', 'DEU'],
    })
    expect(created.status).toBe(201)
    expect(created.body.session).toMatchObject({ id: SESSION_ID, status: 'scheduled' })
  })
  afterAll(() => env?.close())

  it(
    'shows the session on the board, and the chair opens it there',
    async () => {
      chair = await env.open('/n/ccm/sessions', 'chair')
      const card = chair.page.locator(
        `[data-testid="session-card"][data-session-id="${SESSION_ID}"]`,
      )
      await card.waitFor()
      expect(await card.getByTestId('session-status').textContent()).toBe('Scheduled')
      expect(await card.getByTestId('session-openness').textContent()).toBe('Closed')
      const facts = (await card.textContent()) ?? ''
      expect(facts).toContain('Art. 2 · Definitions')
      expect(facts).toContain('Facilitator')
      expect(facts).toContain('10:00–13:00 · Meeting room 2')
      await chair.page.screenshot({ path: '/tmp/plenary-sessions-board.png' })
      await card.getByRole('button', { name: `Open ${NAME}` }).click()
      await expect
        .poll(() => card.getByTestId('session-status').textContent(), WAIT)
        .toBe('In session')
      // Now its text exists: the name links to its page.
      await card.getByRole('link', { name: NAME }).click()
      await chair.page.waitForURL(new RegExp(`${sessionPath}$`))
      await article2(chair.page).waitFor()
      // The chair follows it, reading: the pen is the facilitator's.
      expect(await chair.page.getByTestId('read-only').textContent()).toContain('holds the pen')
      expect(chair.errors).toEqual([])
    },
    SLOW,
  )

  it(
    'lets the facilitator write while France and Germany watch live',
    async () => {
      ;[facilitator, france, germany] = await Promise.all([
        env.open(sessionPath, 'facilitator'),
        env.open(sessionPath, 'france'),
        env.open(sessionPath, 'germany'),
      ])
      await Promise.all([facilitator, france, germany].map((u) => article2(u.page).waitFor()))
      // The outline of the main text says where Article 2 is being negotiated.
      franceText = await env.open('/n/ccm', 'france')
      await waitForText(franceText.page)
      await expect
        .poll(() => franceText.page.getByTestId('outline-session').allTextContents(), WAIT)
        .toContain('Art. 2 · with the Friends of the Chair')
      await franceText.page.screenshot({ path: '/tmp/plenary-session-outline.png' })

      // The facilitator holds the pen: the chair's toolbar, no read-only note.
      expect(await facilitator.page.getByTestId('read-only').count()).toBe(0)
      expect(await facilitator.page.getByRole('toolbar').count()).toBeGreaterThan(0)
      expect(await france.page.getByTestId('read-only').textContent()).toContain('holds the pen')

      const lastClause = (u: BrowserUser) => article2(u.page).locator('p.clause').last()
      await lastClause(facilitator).click()
      await facilitator.page.keyboard.press('Control+End')
      await facilitator.page.keyboard.type(WORDING)
      for (const u of [facilitator, france, germany]) {
        await expect.poll(() => textOf(article2(u.page)), WAIT).toContain(WORDING.trim())
      }
      await facilitator.page.screenshot({ path: '/tmp/plenary-session-facilitator.png' })
      await france.page.screenshot({ path: '/tmp/plenary-session-france.png' })
      // Who is here: the delegates see the facilitator.
      await expect
        .poll(() => france.page.getByTestId('presence').textContent(), WAIT)
        .toContain('@facilitator')
      // A reader types nothing into it.
      await article2(germany.page).locator('p.clause').first().click()
      await germany.page.keyboard.type('Germany was here')
      await new Promise((r) => setTimeout(r, 300))
      expect(await textOf(article2(facilitator.page))).not.toContain('Germany was here')
      for (const u of [facilitator, france, germany]) expect(u.errors).toEqual([])
    },
    SLOW,
  )

  it(
    'keeps the observer out: a refused websocket with 0 bytes, and no text on the page',
    async () => {
      observer = await env.open(sessionPath, 'observer')
      await observer.page.getByTestId('session-closed').waitFor()
      expect(await observer.page.locator('.ProseMirror').count()).toBe(0)
      expect(await observer.page.locator('body').textContent()).not.toContain(WORDING.trim())
      // From the observer's own browser, with its session cookie.
      const fromPage = await socketFromPage(observer.page, `ccm/session/${SESSION_ID}`)
      expect(fromPage).toEqual({ code: CloseCode.Forbidden, messages: 0, bytes: 0 })
      // And the same answer for a session that does not exist.
      const missing = await socketFromPage(observer.page, 'ccm/session/no-such-session')
      expect(missing).toEqual(fromPage)
      const raw = openRaw(`${env.server.wsUrl}/ccm/session/${SESSION_ID}`, {
        ...(await env.server.loginAs('observer')),
      })
      expect({ ...(await raw.closed), messages: raw.messages }).toMatchObject({
        code: CloseCode.Forbidden,
        messages: 0,
      })
      // Its changes are as closed as its text.
      const changes = await call(
        env.url,
        await env.server.loginAs('observer'),
        'GET',
        `/api/negotiations/ccm/sessions/${SESSION_ID}/changes`,
      )
      expect(changes.status).toBe(403)
    },
    SLOW,
  )

  it(
    'reports back, and the chair applies its Article 2 to the main text everyone sees',
    async () => {
      // Every browser on the main text before the change: the chair's, France's, the observer's.
      // And the facilitator's second window, holding the pen too until the report.
      let second: BrowserUser
      ;[chairText, observerText, second] = await Promise.all([
        env.open('/n/ccm', 'chair'),
        env.open('/n/ccm', 'observer'),
        env.open(sessionPath, 'facilitator'),
      ])
      await article2(second.page).waitFor()
      expect(await second.page.getByTestId('read-only').count()).toBe(0)
      await Promise.all([chairText, franceText, observerText].map((u) => waitForText(u.page)))
      for (const u of [chairText, franceText, observerText]) {
        expect(await textOf(article2(u.page))).not.toContain(WORDING.trim())
      }

      await facilitator.page.getByRole('button', { name: 'Report back' }).click()
      await expect
        .poll(() => facilitator.page.getByTestId('session-status').textContent(), WAIT)
        .toBe('Reported back')
      // The pen is down in every window of the facilitator's: they read now.
      await facilitator.page.getByTestId('read-only').waitFor()
      await second.page.getByTestId('read-only').waitFor({ timeout: WAIT.timeout })
      expect(await second.page.getByTestId('session-status').textContent()).toBe('Reported back')
      await article2(second.page).locator('p.clause').first().click()
      await second.page.keyboard.type('Too late')
      expect(await textOf(article2(facilitator.page))).not.toContain('Too late')
      expect(await second.page.getByRole('alert').count()).toBe(0)
      expect(second.errors).toEqual([])

      await chair.page.reload()
      const change = chair.page.locator('[data-testid="session-change"][data-article-id="art-2"]')
      await change.waitFor()
      await expect
        .poll(() => change.locator('[data-testid="diff"] ins').allTextContents(), WAIT)
        .toContainEqual(expect.stringContaining('agreed this wording'))
      await change.screenshot({ path: '/tmp/plenary-session-review.png' })
      await change.getByRole('button', { name: /^Apply .* to the main text$/ }).click()
      await expect
        .poll(() => change.getByTestId('session-outcome').textContent(), WAIT)
        .toContain('Applied to the main text by Chair (Norway)')
      expect(await change.getByRole('button', { name: /^Apply / }).count()).toBe(0)

      for (const u of [chairText, franceText, observerText]) {
        await expect.poll(() => textOf(article2(u.page)), WAIT).toContain(WORDING.trim())
      }
      for (const u of [chair, chairText, franceText, observerText]) expect(u.errors).toEqual([])
    },
    SLOW,
  )

  it(
    'names the session in the article’s history',
    async () => {
      const { page, errors } = await env.open('/n/ccm/articles/art-2/history', 'france')
      const row = page.locator('[data-testid="events"] tr[data-event-type="session-text-applied"]')
      await row.first().waitFor()
      expect(await row.first().textContent()).toContain(
        `applied the text from the ${NAME}, ${Number(today().slice(8))} `,
      )
      expect(await row.first().textContent()).toContain('Chair (Norway)')
      expect(errors).toEqual([])
    },
    SLOW,
  )

  it(
    'lets the chair create a session with the form, and shows others no chair’s buttons',
    async () => {
      const { page, errors } = await env.open('/n/ccm/sessions', 'chair')
      await page.getByRole('button', { name: 'New session' }).click()
      const form = page.getByRole('form', { name: 'New session' })
      await form.waitFor()
      // The facilitators come from the members list, the articles from the outline.
      await form.getByLabel('Facilitator (synthetic) (@facilitator)').first().waitFor()
      expect(describeViolations(await seriousViolations(page))).toEqual([])
      await form.getByLabel('Name').fill('Informal consultations on victim assistance')
      await form.getByLabel('Kind').selectOption('informal-consultations')
      await form
        .getByRole('group', { name: /^Facilitators/ })
        .getByLabel('Facilitator (synthetic) (@facilitator)')
        .check()
      await form.getByLabel('Art. 5 Victim assistance').check()
      await form.getByLabel('Day').fill(today())
      await form.getByLabel('Starts').fill('15:00')
      await form.getByLabel('Place').fill('Room 4')
      await form.getByLabel(/^Open: every member/).check()
      await form.getByRole('combobox', { name: 'Add a delegation' }).fill('Austria')
      await page.keyboard.press('Enter')
      await form.getByRole('button', { name: 'Create session' }).click()
      await form.waitFor({ state: 'detached' })

      const card = page.locator('[data-testid="session-card"]', {
        hasText: 'Informal consultations on victim assistance',
      })
      await card.waitFor()
      expect(await card.getByTestId('session-openness').textContent()).toBe('Observers may follow')
      expect(await card.textContent()).toContain('Art. 5 · Victim assistance')
      expect(await card.textContent()).toContain('from 15:00 · Room 4')
      const board = await call(env.url, chairApi, 'GET', '/api/negotiations/ccm/sessions')
      const made = (board.body.sessions as { name: string }[]).find(
        (x) => x.name === 'Informal consultations on victim assistance',
      )
      expect(made).toMatchObject({
        kind: 'informal-consultations',
        facilitators: [facilitatorId],
        articleIds: ['art-5'],
        open: true,
        attendeeActorIds: ['AUT'],
        status: 'scheduled',
      })
      expect(errors).toEqual([])

      // A delegate reads the board, with no chair's buttons.
      const delegate = await env.open('/n/ccm/sessions', 'france')
      await delegate.page.locator('[data-testid="session-card"]').first().waitFor()
      expect(await delegate.page.getByRole('button', { name: 'New session' }).count()).toBe(0)
      expect(await delegate.page.getByRole('button', { name: /^(Open|Edit) / }).count()).toBe(0)
      expect(delegate.errors).toEqual([])
    },
    SLOW,
  )

  it(
    'shows the demo’s synthetic session as such, linked for attendees and not for the observer',
    async () => {
      const demoCard = (page: Page) =>
        page.locator('[data-testid="session-card"][data-session-id="fop-art-2"]')
      for (const who of ['france', 'observer'] as const) {
        const { page, errors } = await env.open('/n/ccm/sessions', who)
        await page.getByLabel('Day', { exact: true }).selectOption('2008-05-22')
        await demoCard(page).waitFor()
        expect(await demoCard(page).locator('[data-provenance="synthetic"]').count()).toBe(1)
        expect(await demoCard(page).getByTestId('session-status').textContent()).toBe('In session')
        const links = await demoCard(page).getByRole('link').count()
        expect({ who, links }).toEqual({ who, links: who === 'france' ? 1 : 0 })
        expect(errors).toEqual([])
      }
    },
    SLOW,
  )

  it(
    'has no serious accessibility violations on a session’s page',
    async () => {
      await facilitator.page.bringToFront()
      expect(describeViolations(await seriousViolations(facilitator.page))).toEqual([])
      expect(describeViolations(await seriousViolations(chair.page))).toEqual([])
    },
    SLOW,
  )
})
