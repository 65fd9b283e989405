import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { webDarkTheme, webLightTheme } from '@fluentui/react-components'

// theme.tsx caches the dark tokens per module instance: each test imports a fresh one.
async function freshThemeModule() {
  vi.resetModules()
  return import('./theme.tsx')
}

/** The neutral background the provider's CSS variables currently define (its style tag's rule). */
function appliedBackground(): string | undefined {
  const rules = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText))
  const match = rules.join('\n').match(/--colorNeutralBackground1:\s*([^;]+);/)
  return match?.[1]?.trim()
}

afterEach(() => window.localStorage.clear())

test('the light and dark themes define different backgrounds (the probe below can tell them apart)', () => {
  expect(webDarkTheme.colorNeutralBackground1).not.toBe(webLightTheme.colorNeutralBackground1)
})

test('light by default: preloadStoredTheme resolves at once and the first render is light', async () => {
  const { AppThemeProvider, preloadStoredTheme } = await freshThemeModule()
  await preloadStoredTheme()
  render(<AppThemeProvider>page</AppThemeProvider>)
  expect(appliedBackground()).toBe(webLightTheme.colorNeutralBackground1)
  expect(document.querySelector('[data-theme="light"]')).not.toBeNull()
})

test('a stored dark choice, preloaded: the very first render is dark (no light flash)', async () => {
  const { AppThemeProvider, preloadStoredTheme, themeStorageKey } = await freshThemeModule()
  window.localStorage.setItem(themeStorageKey, 'dark')
  await preloadStoredTheme()
  render(<AppThemeProvider>page</AppThemeProvider>)
  expect(appliedBackground()).toBe(webDarkTheme.colorNeutralBackground1)
})

test('a stored dark choice without the preload: light first, dark once its tokens arrive', async () => {
  const { AppThemeProvider, themeStorageKey } = await freshThemeModule()
  window.localStorage.setItem(themeStorageKey, 'dark')
  render(<AppThemeProvider>page</AppThemeProvider>)
  expect(document.querySelector('[data-theme="dark"]')).not.toBeNull()
  expect(appliedBackground()).toBe(webLightTheme.colorNeutralBackground1)
  await waitFor(() => expect(appliedBackground()).toBe(webDarkTheme.colorNeutralBackground1))
})

test('choosing dark loads and applies the dark tokens and remembers the choice; light again is immediate', async () => {
  const { AppThemeProvider, useThemeChoice, themeStorageKey } = await freshThemeModule()
  function Switch() {
    const { theme, setTheme } = useThemeChoice()
    return (
      <button type="button" onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}>
        {theme}
      </button>
    )
  }
  const user = userEvent.setup()
  render(
    <AppThemeProvider>
      <Switch />
    </AppThemeProvider>,
  )
  await user.click(screen.getByRole('button', { name: 'light' }))
  expect(window.localStorage.getItem(themeStorageKey)).toBe('dark')
  await waitFor(() => expect(appliedBackground()).toBe(webDarkTheme.colorNeutralBackground1))
  await user.click(screen.getByRole('button', { name: 'dark' }))
  expect(appliedBackground()).toBe(webLightTheme.colorNeutralBackground1)
  expect(window.localStorage.getItem(themeStorageKey)).toBe('light')
})
