/**
 * Issue #11: values read as display text, never Graph's enum member names, in the grid and in Basic info
 * of a member's and a guest's sign-in; and the Conditional Access tab's policies expand by keyboard. Axe
 * runs in both themes on the opened policy.
 */
import * as enumValues from '../contract/enum-values.ts'
import type { BetaSignIn } from '../contract/sign-in.ts'
import { newestInteractive } from './e2e-tenant.ts'
import { expect, test, type SignInLogsPage } from './fixtures.ts'

/** Every member name of every Graph enum we know (contract/enum-values.ts), e.g. `member`, `b2bCollaboration`. */
const rawEnumNames = new Set<string>(
  Object.values(enumValues as Record<string, unknown>)
    .filter((value): value is readonly string[] => Array.isArray(value))
    .flat(),
)
/** A shown value that is, or lists, a Graph member name (flags values are comma-joined). */
const isRaw = (shown: string) => shown.split(',').some((part) => rawEnumNames.has(part.trim()))

/** Grid columns that show enums, ticked in the Columns picker's storage before the page loads. */
const enumColumnIds = [
  'createdDateTime',
  'id',
  'user',
  'status',
  'userType',
  'crossTenantAccessType',
  'conditionalAccessStatus',
  'authenticationRequirement',
  'incomingTokenType',
  'authenticationProtocol',
  'tokenIssuerType',
  'clientCredentialType',
  'originalTransferMethod',
  'tokenProtectionSignInSession',
  'msiType',
]

const cases = [
  {
    who: 'member',
    signIn: newestInteractive((s) => s.userType === 'member'),
    userType: 'Member',
    access: 'None',
  },
  {
    who: 'guest',
    signIn: newestInteractive((s) => s.userType === 'guest'),
    userType: 'Guest',
    access: 'B2B collaboration',
  },
]

async function openSignIn(logs: SignInLogsPage, signIn: BetaSignIn) {
  await logs.page.addInitScript((ids) => {
    window.localStorage.setItem('sign-in-logs-studio.interactive-columns', JSON.stringify(ids))
  }, enumColumnIds)
  await logs.open(`?${new URLSearchParams({ range: '1m', 'user.requestId': signIn.id })}`)
  const rows = logs.rows(logs.grid)
  await expect(rows).toHaveCount(1)
  return rows.first()
}

for (const { who, signIn, userType, access } of cases) {
  test(`a ${who}'s sign-in reads as display text in the grid and in Basic info`, async ({ logs }) => {
    expect(signIn, `the e2e tenant has an interactive ${who} sign-in`).toBeDefined()
    if (!signIn) return
    const row = await openSignIn(logs, signIn)
    const headers = await logs.grid.getByRole('columnheader').allInnerTexts()
    const cells = await row.getByRole('gridcell').allInnerTexts()
    const byHeader = new Map(headers.map((header, index) => [header.trim(), (cells[index] ?? '').trim()]))
    expect(byHeader.get('User type')).toBe(userType)
    expect(byHeader.get('Cross tenant access type')).toBe(access)
    for (const [header, shown] of byHeader) expect(isRaw(shown), `${header}: ${shown}`).toBe(false)

    await row.click()
    const pane = logs.detailsPane
    await expect(pane).toBeVisible()
    const basic = pane.getByRole('tabpanel', { name: 'Basic info' })
    const valueOf = (label: string) => basic.locator(`div:has(> dt:text-is("${label}")) > dd`)
    await expect(valueOf('User type')).toHaveText(userType)
    await expect(valueOf('Cross tenant access type')).toHaveText(access)
    for (const shown of await basic.locator('dd').allInnerTexts()) {
      expect(isRaw(shown.trim()), `Basic info shows ${JSON.stringify(shown)}`).toBe(false)
    }
  })
}

test('a Conditional Access policy expands by keyboard to its details; axe clean in both themes', async ({
  logs,
  page,
}) => {
  const signIn = cases[0]!.signIn
  expect(signIn).toBeDefined()
  if (!signIn) return
  const row = await openSignIn(logs, signIn)
  await row.click()
  const pane = logs.detailsPane
  await pane.getByRole('tab', { name: 'Conditional Access' }).click()
  const policy = pane.getByRole('button', { name: /^Require MFA for administrators Result: / })
  await expect(policy).toHaveAttribute('aria-expanded', 'false')
  await policy.focus()
  await page.keyboard.press('Enter')
  await expect(policy).toHaveAttribute('aria-expanded', 'true')
  const details = pane.getByRole('region', { name: /^Require MFA for administrators/ })
  await expect(details.locator('div:has(> dt:text-is("Result")) > dd')).not.toBeEmpty()
  await expect(details.getByText('Grant controls enforced')).toBeVisible()
  for (const shown of await details.locator('dd').allInnerTexts()) {
    expect(isRaw(shown.trim()), `policy details show ${JSON.stringify(shown)}`).toBe(false)
  }
  // Tab goes from the header into its open panel (the Policy ID copy button), then on to the next policy.
  await page.keyboard.press('Tab')
  await expect(details.getByRole('button', { name: 'Copy to clipboard: Policy ID' })).toBeFocused()
  await page.keyboard.press('Tab')
  const next = pane.getByRole('button', { name: /^Require MFA for Azure management Result: / })
  await expect(next).toBeFocused()
  await page.keyboard.press('Space')
  await expect(next).toHaveAttribute('aria-expanded', 'true')
  await logs.expectAxeClean()

  await page.keyboard.press('Escape')
  await expect(pane).toBeHidden()
  await logs.setTheme('Dark')
  await row.click()
  await pane.getByRole('tab', { name: 'Report-only' }).click()
  const reportOnly = pane.getByRole('button', { name: /Result: Report-only: / }).first()
  await reportOnly.focus()
  await page.keyboard.press('Enter')
  await expect(reportOnly).toHaveAttribute('aria-expanded', 'true')
  await logs.expectAxeClean()
})
