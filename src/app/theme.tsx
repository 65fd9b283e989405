import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { FluentProvider, webLightTheme, type Theme } from '@fluentui/react-components'

/** portal-ui.md §2.4a: light by default, dark on request, remembered across reloads. */
export type ThemeName = 'light' | 'dark'
export const themeStorageKey = 'sign-in-logs-studio.theme'

function readStoredTheme(): ThemeName {
  try {
    return window.localStorage.getItem(themeStorageKey) === 'dark' ? 'dark' : 'light'
  } catch (error) {
    // Storage can be blocked (privacy mode); the light default is the documented fallback.
    console.warn('Theme preference could not be read', error)
    return 'light'
  }
}

// The dark tokens are a dynamic import (dark-theme.ts, issue #7: not in the first screen's JavaScript).
let darkTheme: Theme | undefined
let darkThemeLoading: Promise<Theme> | undefined

function loadDarkTheme(): Promise<Theme> {
  darkThemeLoading ??= import('./dark-theme.ts').then(
    (module) => {
      darkTheme = module.webDarkTheme
      return darkTheme
    },
    (error: unknown) => {
      // A failed chunk request (offline, new deployment) may succeed next time: forget it.
      darkThemeLoading = undefined
      throw error
    },
  )
  return darkThemeLoading
}

/**
 * Resolves once the stored theme's tokens are loaded (at once for light), so the first render can use them
 * without a light flash. Never rejects: if the dark tokens fail to load, the page starts light (logged).
 */
export function preloadStoredTheme(): Promise<void> {
  if (readStoredTheme() !== 'dark') return Promise.resolve()
  return loadDarkTheme().then(
    () => undefined,
    (error: unknown) => console.error('The dark theme could not be loaded', error),
  )
}

/** The dark tokens, once loaded; `undefined` meanwhile (or after a failed load, logged). */
function useDarkTheme(wanted: boolean): Theme | undefined {
  const [loaded, setLoaded] = useState(darkTheme)
  useEffect(() => {
    if (!wanted || loaded) return
    let current = true
    loadDarkTheme().then(
      (theme) => {
        if (current) setLoaded(theme)
      },
      (error: unknown) => console.error('The dark theme could not be loaded', error),
    )
    return () => {
      current = false
    }
  }, [wanted, loaded])
  return loaded
}

interface ThemeChoice {
  theme: ThemeName
  setTheme: (theme: ThemeName) => void
}

const ThemeContext = createContext<ThemeChoice | null>(null)

export function useThemeChoice(): ThemeChoice {
  const value = useContext(ThemeContext)
  if (!value) throw new Error('useThemeChoice must be used inside <AppThemeProvider>')
  return value
}

export function AppThemeProvider({ children }: { children: ReactNode }) {
  const [theme, setThemeState] = useState<ThemeName>(readStoredTheme)
  const setTheme = useCallback((next: ThemeName) => {
    setThemeState(next)
    try {
      window.localStorage.setItem(themeStorageKey, next)
    } catch (error) {
      console.warn('Theme preference could not be saved', error)
    }
  }, [])
  const value = useMemo(() => ({ theme, setTheme }), [theme, setTheme])
  const dark = useDarkTheme(theme === 'dark')
  return (
    <ThemeContext.Provider value={value}>
      <FluentProvider
        // Until the dark tokens arrive (the first switch, or a start without preloadStoredTheme) the page
        // stays light; data-theme is the choice.
        theme={theme === 'dark' && dark ? dark : webLightTheme}
        data-theme={theme}
        // Portals (popovers, drawers, dialogs) get the theme's variables; layout classes stay off
        // the provider, or every portal node would inherit them and cover the page.
        applyStylesToPortals
      >
        {children}
      </FluentProvider>
    </ThemeContext.Provider>
  )
}
