import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { renderPage, setupPageTests } from '../features/sign-in-logs/components/testing/render-page.tsx'
import { themeStorageKey } from './theme.tsx'

setupPageTests()

test('the shell: breadcrumb, the only h1, toolbar, the four portal tabs with their exact labels, then All sign-ins', async () => {
  renderPage()
  expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Sign-in logs')
  const breadcrumb = screen.getByRole('navigation', { name: 'Breadcrumb' })
  expect(within(breadcrumb).getByText('Home')).toBeTruthy()
  expect(within(breadcrumb).getByText('Sign-in logs')).toBeTruthy()
  const toolbar = screen.getByRole('toolbar', { name: 'Sign-in logs commands' })
  for (const name of ['Download', 'Refresh', 'Columns']) {
    expect(within(toolbar).getByRole('button', { name })).toBeTruthy()
  }
  const tablist = within(screen.getByRole('tablist', { name: 'Sign-in log type' }))
  const labels = [
    'User sign-ins (interactive)',
    'User sign-ins (non-interactive)',
    'Service principal sign-ins',
    'Managed identity sign-ins',
    'All sign-ins',
  ]
  // The portal's four in its order; the merged timeline (issue #12) comes after them.
  const tabs = labels.map((name) => tablist.getByRole('tab', { name }))
  expect(tablist.getAllByRole('tab')).toEqual(tabs)
  expect(tabs[0]?.getAttribute('aria-selected')).toBe('true')
  await screen.findByRole('grid', { name: 'User sign-ins (interactive)' })
})

test('the Theme control switches to dark and is remembered', async () => {
  const user = userEvent.setup()
  const { unmount } = renderPage()
  await user.selectOptions(screen.getByRole('combobox', { name: 'Theme' }), 'Dark')
  expect(window.localStorage.getItem(themeStorageKey)).toBe('dark')
  expect(document.querySelector('[data-theme="dark"]')).not.toBeNull()
  unmount()
  renderPage()
  expect((screen.getByRole('combobox', { name: 'Theme' }) as HTMLSelectElement).value).toBe('dark')
  await waitFor(() => expect(document.querySelector('[data-theme="dark"]')).not.toBeNull())
})
