import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { FluentProvider, webLightTheme } from '@fluentui/react-components'
import type { BetaAppliedConditionalAccessPolicy, BetaSignIn } from '../../../../../contract/sign-in.ts'
import { makeSignIn } from '../../export/test-sign-in.ts'
import { PolicySection } from './PolicySection.tsx'

// jsdom has no ResizeObserver; Fluent's MessageBar measures itself with one (layout only, nothing to assert).
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
}

const policy = (
  overrides: Partial<BetaAppliedConditionalAccessPolicy>,
): BetaAppliedConditionalAccessPolicy => ({
  id: 'a0c1a9a2-0000-4000-8000-000000000001',
  displayName: 'Require MFA for administrators',
  enforcedGrantControls: ['Mfa'],
  enforcedSessionControls: ['SignInFrequency'],
  sessionControlsNotSatisfied: [],
  result: 'success',
  conditionsSatisfied: 'application,users',
  conditionsNotSatisfied: 'none',
  includeRulesSatisfied: [
    { conditionalAccessCondition: 'application', ruleSatisfied: 'allApps' },
    { conditionalAccessCondition: 'users', ruleSatisfied: 'allUsers' },
  ],
  excludeRulesSatisfied: [],
  authenticationStrength: {
    authenticationStrengthId: '00000000-0000-0000-0000-000000000002',
    displayName: 'Multifactor authentication',
    authenticationStrengthResult: 'satisfied',
  },
  ...overrides,
})

const signInWith = (policies: BetaAppliedConditionalAccessPolicy[] | undefined): BetaSignIn => {
  const signIn = makeSignIn({ appliedConditionalAccessPolicies: policies })
  if (policies === undefined) delete signIn.appliedConditionalAccessPolicies
  return signIn
}

const policies = [
  policy({}),
  policy({
    id: 'a0c1a9a2-0000-4000-8000-000000000002',
    displayName: 'Block legacy authentication',
    enforcedGrantControls: [],
    enforcedSessionControls: [],
    result: 'notApplied',
    conditionsSatisfied: 'none',
    conditionsNotSatisfied: 'clientType',
    includeRulesSatisfied: [],
    authenticationStrength: null,
  }),
  policy({
    id: 'a0c1a9a2-0000-4000-8000-000000000003',
    displayName: 'Require MFA for all users (report-only)',
    result: 'reportOnlyInterrupted',
    enforcedSessionControls: [],
    authenticationStrength: null,
  }),
]

function renderSection(signIn: BetaSignIn, reportOnly = false) {
  render(
    <FluentProvider theme={webLightTheme}>
      <PolicySection signIn={signIn} reportOnly={reportOnly} dates="utc" />
    </FluentProvider>,
  )
}

test('each policy is a collapsed disclosure named by the policy and its result', () => {
  renderSection(signInWith(policies))
  const first = screen.getByRole('button', { name: 'Require MFA for administrators Result: Success' })
  const second = screen.getByRole('button', { name: 'Block legacy authentication Result: Not Applied' })
  expect(first.getAttribute('aria-expanded')).toBe('false')
  expect(second.getAttribute('aria-expanded')).toBe('false')
  expect(screen.queryByRole('button', { name: /report-only/ })).toBeNull()
  expect(screen.getByRole('heading', { level: 3, name: /Require MFA for administrators/ })).toBeTruthy()
})

test('expanding a policy shows what the record holds, as display text', async () => {
  const user = userEvent.setup()
  renderSection(signInWith(policies))
  const header = screen.getByRole('button', { name: /^Require MFA for administrators/ })
  await user.click(header)
  expect(header.getAttribute('aria-expanded')).toBe('true')
  const panel = screen.getByRole('region', { name: /^Require MFA for administrators/ })
  const value = (label: string) => within(panel).getByText(label).nextElementSibling?.textContent
  expect(value('Result')).toBe('Success')
  expect(value('Conditions satisfied')).toBe('Application, Users')
  expect(value('Conditions not satisfied')).toBe('None')
  expect(value('Include rules satisfied')).toBe('Application: All apps; Users: All users')
  expect(value('Exclude rules satisfied')).toBe('None')
  expect(value('Grant controls enforced')).toBe('Require multifactor authentication')
  expect(value('Session controls enforced')).toBe('Sign-in frequency')
  expect(value('Session controls not satisfied')).toBe('None')
  expect(value('Authentication strength')).toBe('Multifactor authentication: Satisfied')
  expect(within(panel).getByRole('button', { name: 'Copy to clipboard: Policy ID' })).toBeTruthy()
})

test('the keyboard opens and closes a policy: Tab reaches its header, Enter and Space toggle it', async () => {
  const user = userEvent.setup()
  renderSection(signInWith(policies))
  await user.tab()
  const header = screen.getByRole('button', { name: /^Require MFA for administrators/ })
  expect(document.activeElement).toBe(header)
  await user.keyboard('{Enter}')
  expect(header.getAttribute('aria-expanded')).toBe('true')
  await user.keyboard(' ')
  expect(header.getAttribute('aria-expanded')).toBe('false')
  // Tab order past an open panel is checked in a real browser (e2e/display-text.spec.ts): jsdom and
  // Tabster's focus guards do not agree on it.
  const next = screen.getByRole('button', { name: /^Block legacy authentication/ })
  next.focus()
  await user.keyboard(' ')
  expect(next.getAttribute('aria-expanded')).toBe('true')
  expect(header.getAttribute('aria-expanded')).toBe('false')
})

test('the Report-only tab lists only report-only policies, worded as the portal does', async () => {
  const user = userEvent.setup()
  renderSection(signInWith(policies), true)
  expect(screen.getAllByRole('button', { expanded: false })).toHaveLength(1)
  const header = screen.getByRole('button', {
    name: 'Require MFA for all users (report-only) Result: Report-only: User action required',
  })
  await user.click(header)
  const panel = screen.getByRole('region', { name: /^Require MFA for all users/ })
  expect(within(panel).getByText('Grant controls enforced').nextElementSibling?.textContent).toBe(
    'Require multifactor authentication',
  )
})

test('a v1.0-shaped policy shows its five properties and no empty beta rows', async () => {
  const user = userEvent.setup()
  const { id, displayName, enforcedGrantControls, enforcedSessionControls, result } = policy({
    enforcedGrantControls: ['RequireCompliantDevice', 'SomeNewControl'],
  })
  const v1 = { id, displayName, enforcedGrantControls, enforcedSessionControls, result }
  renderSection(signInWith([v1 as BetaAppliedConditionalAccessPolicy]))
  await user.click(screen.getByRole('button', { name: /^Require MFA for administrators/ }))
  const panel = screen.getByRole('region', { name: /^Require MFA for administrators/ })
  expect(within(panel).getByText('Grant controls enforced').nextElementSibling?.textContent).toBe(
    'Require device to be marked as compliant, Some new control',
  )
  expect(within(panel).queryByText('Conditions satisfied')).toBeNull()
  expect(within(panel).queryByText('Include rules satisfied')).toBeNull()
})

test('no policies and hidden CA data are worded, not blank', () => {
  const { unmount } = render(
    <FluentProvider theme={webLightTheme}>
      <PolicySection signIn={signInWith([])} reportOnly={false} dates="utc" />
    </FluentProvider>,
  )
  expect(screen.getByText('No Conditional Access policies were evaluated for this sign-in.')).toBeTruthy()
  unmount()
  renderSection(signInWith(policies.slice(0, 2)), true)
  expect(screen.getByText('No report-only policies were evaluated for this sign-in.')).toBeTruthy()
})

test('when Graph omits the policies (no CA access), the tab says why', () => {
  renderSection(signInWith(undefined))
  expect(
    screen.getByText(/Conditional Access details are hidden: reading them needs Security Reader/),
  ).toBeTruthy()
  expect(screen.queryByRole('button')).toBeNull()
})
