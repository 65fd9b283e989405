import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { FluentProvider, webLightTheme } from '@fluentui/react-components'

// The Download menu's module is cached per module instance: each test starts from a fresh toolbar module.
async function renderToolbar() {
  vi.resetModules()
  const { SignInToolbar } = await import('./SignInToolbar.tsx')
  render(
    <FluentProvider theme={webLightTheme}>
      <SignInToolbar
        now={new Date('2026-11-30T12:00:00Z')}
        onRefresh={() => undefined}
        onOpenColumns={null}
        onOpenTopValues={() => undefined}
      />
    </FluentProvider>,
  )
  return screen.getByRole('button', { name: 'Download' })
}

// jsdom has no layout, so Fluent's focus moves (first item on open, trigger on close) are not reproduced here:
// they were checked in a browser; here the menu's content and ARIA state across the first-use swap.
test('before its first opening Download is a closed menu button; a click loads and opens the menu', async () => {
  const user = userEvent.setup()
  const download = await renderToolbar()
  expect(download.getAttribute('aria-haspopup')).toBe('menu')
  expect(download.hasAttribute('aria-expanded')).toBe(false)
  expect(screen.queryByRole('menu')).toBeNull()
  await user.click(download)
  const menu = await screen.findByRole('menu')
  expect(
    within(menu)
      .getAllByRole('menuitem')
      .map((item) => item.textContent),
  ).toEqual(['Download CSV', 'Download JSON'])
  const trigger = screen.getByRole('button', { name: 'Download' })
  expect(trigger.getAttribute('aria-expanded')).toBe('true')
  // (Escape needs focus in the menu, which jsdom does not give it.) The trigger toggles it closed.
  await user.click(trigger)
  await waitFor(() => expect(screen.queryByRole('menu')).toBeNull())
  expect(trigger.hasAttribute('aria-expanded')).toBe(false)
  // From now on Fluent's MenuTrigger opens it.
  await user.click(trigger)
  expect(await screen.findByRole('menuitem', { name: 'Download JSON' })).toBeTruthy()
})
