import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  signInThroughPage,
  startE2E,
  textOf,
  waitForText,
  type BrowserUser,
  type E2EEnvironment,
} from '../support/browser'
import { call } from '../support/api'
import { DEMO_PASSWORD } from '../support/startServer'

// Who is signed in decides which controls the page shows; the server refuses the rest.
describe('signing in, and controls that differ by role', () => {
  let env: E2EEnvironment

  beforeAll(async () => {
    env = await startE2E()
  })
  afterAll(() => env?.close())

  const pathOf = (u: BrowserUser) => {
    const url = new URL(u.page.url())
    return url.pathname + url.search
  }
  const header = (u: BrowserUser) => u.page.getByTestId('whoami')

  it('sends a visitor with no session to sign in, and back to the page they wanted', async () => {
    const visitor = await env.openSignedOut('/n/ccm')
    const { page } = visitor
    await expect.poll(() => pathOf(visitor)).toBe('/signin?next=%2Fn%2Fccm')
    await page.getByRole('heading', { name: 'Sign in' }).waitFor()
    expect(await page.locator('.ProseMirror').count()).toBe(0)

    await signInThroughPage(page, 'chair', 'not-the-password')
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('username and password do not match')
    expect(pathOf(visitor)).toBe('/signin?next=%2Fn%2Fccm')

    await signInThroughPage(page, 'chair', DEMO_PASSWORD)
    await waitForText(page)
    expect(pathOf(visitor)).toBe('/n/ccm')
    expect(await header(visitor).textContent()).toContain('Chair / secretariat')
    await page.screenshot({ path: '/tmp/plenary-e2e-chair-text.png' })
  })

  it('shows the chair the toolbar and an editable text, the observer neither', async () => {
    const chair = await env.open('/n/ccm', 'chair')
    const observer = await env.open('/n/ccm', 'observer')
    await Promise.all([waitForText(chair.page), waitForText(observer.page)])

    expect(await chair.page.getByRole('toolbar').count()).toBe(1)
    expect(await observer.page.getByRole('toolbar').count()).toBe(0)
    expect(await header(observer).textContent()).toContain('Observer')
    expect(await observer.page.getByTestId('read-only').textContent()).toContain(
      'Read only — you are an observer',
    )
    const editor = (u: BrowserUser) => u.page.getByRole('textbox', { name: 'Treaty text' })
    expect(await editor(chair).getAttribute('contenteditable')).toBe('true')
    // An observer's text takes a caret for reading by keyboard but is marked read-only.
    expect(await editor(observer).getAttribute('aria-readonly')).toBe('true')
    expect(await editor(chair).getAttribute('aria-readonly')).toBe(null)

    // The observer clicks into Article 1's title and types: nothing changes, here or there.
    const title = (u: BrowserUser) =>
      textOf(u.page.locator('.ProseMirror section.article').first().locator('h2'))
    const before = await title(chair)
    await observer.page.getByRole('button', { name: /Art\. 1\s/ }).click()
    await observer.page.locator('.ProseMirror section.article h2').first().click()
    await observer.page.keyboard.type(' OBSERVER WAS HERE')
    await observer.page.keyboard.press('Enter')
    expect(await title(observer)).toBe(before)

    // The chair types; the observer reads it live.
    await chair.page.getByRole('button', { name: /Art\. 1\s/ }).click()
    await chair.page.keyboard.type(' (revised)')
    await expect.poll(() => title(observer)).toBe(`${before} (revised)`)
    expect(await title(chair)).not.toContain('OBSERVER')
    expect(await observer.page.locator('.connection').getAttribute('data-status')).toBe('connected')
    await observer.page.screenshot({ path: '/tmp/plenary-e2e-observer-text.png' })

    // Members management is the chair's alone.
    const nav = (u: BrowserUser) =>
      u.page.getByRole('navigation', { name: 'Views of this negotiation' })
    expect(await nav(chair).getByRole('link').allTextContents()).toEqual([
      'Text',
      'History',
      'Report',
      'Rounds',
      'Issues',
      'Positions',
      'Map',
      'Rooms',
      'Sessions',
      'Actors',
      'Members',
    ])
    expect(await nav(observer).getByRole('link').allTextContents()).toEqual([
      'Text',
      'History',
      'Report',
      'Rounds',
      'Issues',
      'Positions',
      'Map',
      // No Rooms: an observer is in no group.
      'Sessions',
      'Actors',
    ])
    expect(chair.errors).toEqual([])
    expect(observer.errors).toEqual([])
  })

  it('offers the delegate of France endorsement toggles for France and not for Germany', async () => {
    const france = await env.open('/n/ccm/actors', 'france')
    const { page } = france
    const row = (iso: string) =>
      page.locator(`[data-testid="participants"] tr[data-actor-id="${iso}"]`)
    await row('FRA').waitFor()
    expect(await header(france).textContent()).toContain('Delegate of France')
    expect(await row('FRA').getByRole('button').count()).toBeGreaterThan(0)
    expect(await row('DEU').count()).toBe(1)
    expect(await row('DEU').getByRole('button').count()).toBe(0)
    expect(await page.getByText('Upload CSV').count()).toBe(0)

    const toggle = row('FRA').getByRole('button', { name: /France endorsed the Vienna/ })
    const was = await toggle.getAttribute('aria-pressed')
    await toggle.click()
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe(String(was !== 'true'))
    // The change is the server's now: a fresh load shows it.
    await page.reload()
    await expect
      .poll(() => toggle.getAttribute('aria-pressed'), { timeout: 10_000 })
      .toBe(String(was !== 'true'))

    await page.getByRole('searchbox').fill('germ')
    await expect.poll(() => page.locator('[data-testid="participants"] tbody tr').count()).toBe(1)
    await page.getByRole('searchbox').fill('')
    await row('FRA').scrollIntoViewIfNeeded()
    await page.screenshot({ path: '/tmp/plenary-e2e-actors.png' })
    expect(france.errors).toEqual([])
  })

  it('lets the chair manage members and invite someone, who joins with that role', async () => {
    const chair = await env.open('/n/ccm/members', 'chair')
    const { page } = chair
    const members = page.getByTestId('members')
    await members.locator('tr[data-account="observer"]').waitFor()
    expect(await members.locator('tr[data-account="france"]').textContent()).toContain(
      'Delegate of France',
    )
    expect(await page.getByText('Upload CSV').count()).toBe(0)

    // Invite a delegate of Austria's second delegation member.
    const invite = page.getByRole('region', { name: 'Invite someone' })
    await invite.getByLabel('Role').selectOption('delegate')
    await invite.getByLabel('Delegation of').fill('Austria (AUT)')
    await invite.getByRole('button', { name: 'Create invitation link' }).click()
    const link = page.getByTestId('invitation-link').getByRole('textbox')
    await link.waitFor()
    const url = await link.inputValue()
    expect(url).toMatch(/\/invite\/[A-Za-z0-9_-]+$/)
    await expect
      .poll(() => page.getByTestId('pending-invitations').textContent())
      .toContain('Delegate of Austria')
    await page.screenshot({ path: '/tmp/plenary-e2e-members.png' })

    const guest = await env.openSignedOut(url)
    // The public invitation names the actor if the server says its name (else its ISO code).
    await expect
      .poll(() => guest.page.getByTestId('invited-role').textContent())
      .toMatch(/^Delegate of (Austria|AUT)$/)
    await guest.page.screenshot({ path: '/tmp/plenary-e2e-invitation.png' })
    await guest.page.getByLabel('Username').fill('lena')
    await guest.page.getByLabel('Your name, as others see it').fill('Lena Maier')
    await guest.page.getByLabel(/^Password \(at least/).fill('a long enough password')
    await guest.page.getByLabel('Password again').fill('a long enough password')
    await guest.page.getByRole('button', { name: 'Create account and accept' }).click()
    await waitForText(guest.page)
    expect(await header(guest).textContent()).toContain('Lena Maier')
    expect(await header(guest).textContent()).toContain('Delegate of Austria')
    expect(await guest.page.getByRole('toolbar').count()).toBe(0)

    // The chair makes Lena an observer; her page follows without a reload.
    await page.reload()
    const lena = members.locator('tr[data-account="lena"]')
    await lena.waitFor()
    await lena.getByRole('button', { name: /Change role/ }).click()
    await page
      .getByRole('form', { name: 'Role of Lena Maier' })
      .getByLabel('Role')
      .selectOption('observer')
    await page.getByRole('button', { name: 'Save role' }).click()
    await expect.poll(() => lena.textContent()).toContain('Observer')
    await expect.poll(() => header(guest).textContent(), { timeout: 10_000 }).toContain('Observer')

    // Removed after a confirmation, Lena is told at once.
    await lena.getByRole('button', { name: 'Remove Lena Maier' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    expect(await lena.count()).toBe(1)
    await lena.getByRole('button', { name: 'Remove Lena Maier' }).click()
    await dialog.getByRole('button', { name: 'Remove member' }).click()
    await expect.poll(() => lena.count()).toBe(0)
    await expect
      .poll(() => guest.page.getByRole('alert').textContent(), { timeout: 10_000 })
      .toContain('no longer a member')
    expect(chair.errors).toEqual([])
  })

  it('asks a member before an invitation replaces their membership', async () => {
    const created = await call(
      env.url,
      await env.server.loginAs('chair'),
      'POST',
      '/api/negotiations/ccm/invitations',
      { role: 'delegate', actorId: 'FRA' },
    )
    const link = created.body.invitation.url as string
    const hana = await env.open(link, 'hana')
    const question = hana.page.getByTestId('replace-question')
    await expect
      .poll(() => question.textContent())
      .toBe(
        'You are a campaigner (Human Rights Watch) in this negotiation. ' +
          'Accept and become the delegate of France instead?',
      )
    await hana.page.screenshot({ path: '/tmp/plenary-e2e-invitation-replace.png' })
    await hana.page.getByRole('button', { name: 'Keep' }).click()
    await waitForText(hana.page)
    expect(await header(hana).textContent()).toContain('Campaigner')

    // The link still works; accepting it now makes Hana a delegate of France.
    await hana.page.goto(`${env.url}${link}`)
    await hana.page.getByRole('button', { name: 'Accept', exact: true }).click()
    await waitForText(hana.page)
    await expect.poll(() => header(hana).textContent()).toContain('Delegate of France')
    expect(hana.errors).toEqual([])
  })

  it('lets the chair upload the actors as CSV, and says on which line a bad file is wrong', async () => {
    const chair = await env.open('/n/ccm/actors', 'chair')
    const { page } = chair
    await page.getByTestId('participants').waitFor()
    const count = await page.locator('[data-testid="participants"] tbody tr').count()
    const upload = (text: string) =>
      page.getByTestId('csv-input').setInputFiles({
        name: 'states.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(text),
      })

    await upload('actor,name,user\nFRA,France,maybe\n')
    const problem = page.locator('.upload-problems')
    await expect.poll(() => problem.textContent()).toContain('Line 2, column 3')
    expect(await problem.textContent()).toContain('nothing changed')
    await page.screenshot({ path: '/tmp/plenary-e2e-csv-error.png' })

    // The file the page downloads goes back in unchanged.
    const csv = await (
      await page.request.get(new URL('/api/negotiations/ccm/participants.csv', env.url).href)
    ).text()
    await upload(csv)
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Imported' }).textContent())
      .toContain(`${count} actors`)
    expect(await problem.count()).toBe(0)
    expect(chair.errors.filter((e) => !/status of 400/.test(e))).toEqual([])
  })

  it('signs out back to the sign-in page, and the text is closed', async () => {
    const user = await env.open('/n/ccm', 'austria')
    await waitForText(user.page)
    await header(user).getByRole('button', { name: 'Sign out' }).click()
    await expect.poll(() => pathOf(user)).toBe('/signin')
    await user.page.getByRole('heading', { name: 'Sign in' }).waitFor()
    await user.page.screenshot({ path: '/tmp/plenary-e2e-signin.png' })
    // The session is gone on the server too: opening the text again asks to sign in.
    await user.page.goto(new URL('/n/ccm', env.url).href)
    await expect.poll(() => pathOf(user)).toBe('/signin?next=%2Fn%2Fccm')
  })
})
