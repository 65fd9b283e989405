import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react'
import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components'

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
  return (
    <ThemeContext.Provider value={value}>
      <FluentProvider
        theme={theme === 'dark' ? webDarkTheme : webLightTheme}
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
