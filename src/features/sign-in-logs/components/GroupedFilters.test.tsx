/**
 * Every filter works on the grouped tabs (issue #11): the groups count exactly the sign-ins Graph holds
 * for the filter, and an expanded group lists exactly those sign-ins. The expectation is computed from the
 * fake tenant's records with plain predicates, independently of the app's filter plan.
 */
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { BetaSignIn } from '../../../../contract/sign-in.ts'
import { createTenant, portalStatusOf } from '../../../../mocks/tenant/index.ts'
import { groupSignIns, type GroupedTabId } from '../model/group-sign-ins.ts'
import { tabById } from '../model/tabs.ts'
import { renderPage, setupPageTests, testNow } from './testing/render-page.tsx'

setupPageTests()
const tenant = createTenant({ seed: 7, now: testNow, size: 'small' })
const DAY = 86_400_000

/** The sign-ins of a view (24-hour aggregate): the whole UTC days the range touches. */
function signInsOfView(tabId: GroupedTabId, days: number): BetaSignIn[] {
  const from = Math.floor((testNow.getTime() - days * DAY) / DAY) * DAY
  const records: BetaSignIn[] = []
  for (let hour = tenant.hourOf(new Date(from)); hour <= tenant.hourOf(testNow); hour++)
    records.push(...tenant.signInsInHour(tabById(tabId).eventType, hour))
  return records
}

const lower = (text: string | null | undefined) => (text ?? '').toLowerCase()

interface Case {
  tab: GroupedTabId
  label: string
  param: string
  /** Failures are rare in the small tenant: the month holds some on every tab. */
  range?: '1m'
  /** A value taken from the data, and the rule a matching sign-in follows. */
  pick: (records: BetaSignIn[]) => { value: string; matches: (record: BetaSignIn) => boolean }
}

const byLocation: Case['pick'] = (records) => {
  const value = records.find((r) => r.location?.city)!.location!.city!
  return {
    value,
    matches: (r) =>
      [r.location?.city, r.location?.state, r.location?.countryOrRegion].some((part) =>
        lower(part).startsWith(lower(value)),
      ),
  }
}
const byOperatingSystem: Case['pick'] = (records) => {
  const value = records
    .find((r) => r.deviceDetail?.operatingSystem)!
    .deviceDetail!.operatingSystem!.slice(0, 3)
  return { value, matches: (r) => lower(r.deviceDetail?.operatingSystem).startsWith(lower(value)) }
}
const byRequestId: Case['pick'] = (records) => {
  const value = records[Math.floor(records.length / 2)]!.id
  return { value, matches: (r) => r.id === value }
}
const byCorrelationId: Case['pick'] = (records) => {
  const value = records[Math.floor(records.length / 3)]!.correlationId!
  return { value, matches: (r) => r.correlationId === value }
}
const byFailure: Case['pick'] = () => ({
  value: 'Failure',
  matches: (r) => portalStatusOf(r.status.errorCode) === 'Failure',
})

const prefixes = { 'non-interactive': 'user', 'service-principal': 'sp', 'managed-identity': 'mi' } as const
const cases: Case[] = [
  ...(['non-interactive', 'service-principal'] as const).map((tab) => ({
    tab,
    label: 'Location',
    param: 'location',
    pick: byLocation,
  })),
  { tab: 'non-interactive', label: 'Operating system', param: 'operatingSystem', pick: byOperatingSystem },
  ...(['non-interactive', 'service-principal', 'managed-identity'] as const).flatMap((tab) => [
    { tab, label: 'Request ID', param: 'requestId', pick: byRequestId },
    { tab, label: 'Correlation ID', param: 'correlationId', pick: byCorrelationId },
    { tab, label: 'Status = Failure', param: 'status', pick: byFailure, range: '1m' as const },
  ]),
]

const dataRows = (tree: HTMLElement) =>
  within(tree)
    .getAllByRole('row')
    .filter((row) => row.getAttribute('aria-rowindex') !== '1')

test.each(cases)(
  '$tab · $label: groups count exactly the matching sign-ins; children match',
  async (c) => {
    const user = userEvent.setup({ delay: null })
    const records = signInsOfView(c.tab, c.range === '1m' ? 30 : 1)
    const { value, matches } = c.pick(records)
    const expected = records.filter(matches)
    expect(expected.length).toBeGreaterThan(0)
    const expectedGroups = groupSignIns(c.tab, 'd1', expected)
    const expectedIds = new Set(expected.map((r) => r.id))

    const range = c.range ? `&range=${c.range}` : ''
    renderPage(`?tab=${c.tab}${range}&${prefixes[c.tab]}.${c.param}=${encodeURIComponent(value)}`)
    const tree = await screen.findByRole('treegrid', { name: tabById(c.tab).label }, { timeout: 15_000 })
    // Every group is one row of the treegrid (aria-rowcount counts the virtualised rows too, plus the header).
    await waitFor(() => expect(Number(tree.getAttribute('aria-rowcount')) - 1).toBe(expectedGroups.length), {
      timeout: 15_000,
    })
    expect(screen.queryByText(/not applied/i)).toBeNull()
    // The footer states the coverage: every matching sign-in (groups built from sign-ins) or every group.
    const n = (x: number) => x.toLocaleString('en-US')
    expect(
      screen.getByText(
        new RegExp(
          `All ${n(expected.length)} matching sign-ins of the range|^${n(expectedGroups.length)} groups loaded`,
        ),
      ),
    ).toBeTruthy()

    const countColumn = within(tree)
      .getAllByRole('columnheader')
      .findIndex((header) => header.textContent === '# Sign-ins')
    const groupRow = dataRows(tree)[0]!
    const count = Number(groupRow.children[countColumn]!.textContent)
    expect(expectedGroups.map((g) => g.summary.signInCount)).toContain(count)

    await user.click(groupRow)
    // Sign-in rows carry their place in the group; the "Loading…" status row beneath the group does not.
    const signInRows = () =>
      dataRows(tree).filter(
        (row) => row.getAttribute('aria-level') === '2' && row.hasAttribute('aria-setsize'),
      )
    await waitFor(() => expect(signInRows().length).toBeGreaterThan(0), { timeout: 15_000 })
    const children = signInRows()
    // The group lists exactly the sign-ins it counts, each one matching the filter.
    expect(Number(children[0]!.getAttribute('aria-setsize'))).toBe(count)
    for (const child of children) {
      const id = child.getAttribute('data-row-id')!.split('/').at(-1)!
      expect(expectedIds.has(id)).toBe(true)
    }
  },
  60_000,
)
