/**
 * Issue #7: hostile data from Graph is shown as text. The fake tenant plants HTML/script, spreadsheet
 * formulas, quotes/commas and newlines in app names, user names and user agents (mocks/tenant/hostile.ts).
 * Each case finds such a sign-in in the same tenant the e2e build serves (.env.e2e), opens the grid filtered
 * to exactly that Request ID, then its details pane, and checks: the value reads as the literal text, no
 * element was created from it, and nothing ran (no dialog, no alert/confirm/prompt call, no console error).
 */
import type { BetaSignIn } from '../contract/sign-in.ts'
import { hostileAppNames, hostileUserAgents, hostileUserNames } from '../mocks/tenant/hostile.ts'
import { newestInteractive } from './e2e-tenant.ts'
import { expect, test } from './fixtures.ts'

interface HostileCase {
  what: string
  signIn: BetaSignIn | undefined
  value: (signIn: BetaSignIn) => string
  /** Whether the grid's default columns show the value (the details pane always does). */
  inGrid: boolean
}

const cases: HostileCase[] = [
  ...hostileAppNames.map((name) => ({
    what: `app name ${JSON.stringify(name)}`,
    signIn: newestInteractive((signIn) => signIn.appDisplayName === name),
    value: (signIn: BetaSignIn) => signIn.appDisplayName ?? '',
    inGrid: true,
  })),
  ...hostileUserAgents.map((agent) => ({
    what: `user agent ${JSON.stringify(agent)}`,
    signIn: newestInteractive((signIn) => signIn.userAgent === agent),
    value: (signIn: BetaSignIn) => signIn.userAgent ?? '',
    inGrid: false,
  })),
  // Not every planted user signs in interactively in the small tenant: keep those who do (at least one).
  ...hostileUserNames
    .map(({ last }) => ({
      what: `user name with ${JSON.stringify(last)}`,
      signIn: newestInteractive((signIn) => (signIn.userDisplayName ?? '').includes(last)),
      value: (signIn: BetaSignIn) => signIn.userDisplayName ?? '',
      inGrid: true,
    }))
    .filter(
      (found, index, all) =>
        found.signIn !== undefined || (index === all.length - 1 && !all.some((c) => c.signIn)),
    ),
]

test.beforeEach(async ({ page }) => {
  // Anything that would run from the data and call a dialog function is recorded, not just dismissed.
  await page.addInitScript(() => {
    const calls: string[] = []
    Object.defineProperty(window, 'hostileCalls', { value: calls })
    for (const name of ['alert', 'confirm', 'prompt'] as const) {
      window[name] = ((message?: unknown) => {
        calls.push(`${name}(${String(message)})`)
        return null
      }) as never
    }
  })
})

for (const hostile of cases) {
  test(`${hostile.what} is shown as text and runs nothing`, async ({ logs, page }) => {
    const signIn = hostile.signIn
    expect(signIn, `the e2e tenant has an interactive sign-in with ${hostile.what}`).toBeDefined()
    if (!signIn) return
    const value = hostile.value(signIn)
    const dialogs: string[] = []
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`)
      void dialog.dismiss()
    })

    await logs.open(`?${new URLSearchParams({ range: '1m', 'user.requestId': signIn.id })}`)
    const rows = logs.rows(logs.grid)
    await expect(rows).toHaveCount(1)
    if (hostile.inGrid) await expect(rows.first()).toContainText(value)
    await rows.first().click()
    const pane = logs.detailsPane
    await expect(pane).toBeVisible()
    await expect(pane).toContainText(value)
    // The literal value is some element's whole text: angle brackets, quotes and `=` were not interpreted.
    const literal = await pane.evaluate(
      (root, text) => [...root.querySelectorAll('*')].some((element) => element.textContent === text),
      value,
    )
    expect(literal, `an element in the details pane reads exactly ${JSON.stringify(value)}`).toBe(true)
    // Nothing was built from the markup inside the value.
    const injected = page.locator(
      '[role=grid] :is(script, img, iframe, object, embed, svg script), [role=dialog] :is(script, img[src*="evil"], iframe, object, embed), a[href*="evil.example"]',
    )
    await expect(injected).toHaveCount(0)
    expect(await page.evaluate(() => (window as unknown as { hostileCalls: string[] }).hostileCalls)).toEqual(
      [],
    )
    expect(dialogs).toEqual([])
  })
}
