import { useMemo, useState, type ReactNode } from 'react'
import { makeStaticStyles, makeStyles, tokens } from '@fluentui/react-components'
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { AppHeader } from '../components/AppHeader.tsx'
import { ErrorBoundary } from '../components/ErrorBoundary.tsx'
import { SignInLogsPage } from '../features/sign-in-logs/components/SignInLogsPage.tsx'
import { FirstViewProvider, type FirstView } from '../features/sign-in-logs/first-view.tsx'
import { ClockProvider, systemClock, type Clock } from '../lib/clock/clock.tsx'
import { DataSourceProvider, type DataSource } from '../lib/data-source/data-source.tsx'
import { GraphWaitProvider, createGraphWaitStore, withWaitReporting } from '../lib/data-source/graph-wait.tsx'
import { RequestLogProvider, type RequestLog } from '../lib/data-source/request-log.tsx'
import { RequestInspectorButton } from '../features/request-inspector/index.ts'
import { createAppQueryClient } from './query-client.ts'
import { AppThemeProvider } from './theme.tsx'
import { ThemePicker } from './ThemePicker.tsx'

// The app fills the window edge to edge, like the admin center (the browser's default body margin off).
const useGlobalStyles = makeStaticStyles({ body: { margin: 0 } })

const useStyles = makeStyles({
  root: {
    height: '100vh',
    display: 'flex',
    flexDirection: 'column',
    overflow: 'auto',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
})

export interface AppProps {
  /**
   * Where sign-ins come from. Seam for the data-source switch ("Mock tenant" / "Microsoft Graph"):
   * the parent owns the choice and passes the current source; every query key carries its id.
   */
  dataSource: DataSource
  /** The app's one notion of "now" (mock mode: the fake tenant's clock, so relative ranges find data). */
  clock?: Clock
  /** Extra header controls, e.g. the mock scenario picker or a data-source switch. */
  headerActions?: ReactNode
  queryClient?: QueryClient
  /**
   * The log every Graph client of this page reports to (their `onRequest`); with it the header offers the
   * request inspector. It lives outside App so it spans data-source switches.
   */
  requestLog?: RequestLog
  /** The view whose rows were asked for before the first render (first-view.tsx), if any. */
  firstView?: FirstView
}

export function App({
  dataSource,
  clock = systemClock,
  headerActions,
  queryClient,
  requestLog,
  firstView,
}: AppProps) {
  useGlobalStyles()
  const styles = useStyles()
  const [client] = useState(() => queryClient ?? createAppQueryClient())
  const waitStore = useMemo(() => createGraphWaitStore(), [])
  const source = useMemo(
    () => ({ ...dataSource, client: withWaitReporting(dataSource.client, waitStore) }),
    [dataSource, waitStore],
  )
  const page = (
    <AppThemeProvider>
      <div className={styles.root}>
        <QueryClientProvider client={client}>
          <DataSourceProvider value={source}>
            <GraphWaitProvider store={waitStore}>
              <AppHeader
                productName="Microsoft Entra admin center · Sign-in Logs Studio"
                actions={
                  <>
                    {headerActions}
                    {requestLog && <RequestInspectorButton />}
                    <ThemePicker />
                  </>
                }
              />
              <ErrorBoundary what="The Sign-in logs page" resetKey={source.id}>
                <ClockProvider clock={clock}>
                  <FirstViewProvider value={firstView ?? null}>
                    <SignInLogsPage key={source.id} />
                  </FirstViewProvider>
                </ClockProvider>
              </ErrorBoundary>
            </GraphWaitProvider>
          </DataSourceProvider>
        </QueryClientProvider>
      </div>
    </AppThemeProvider>
  )
  return requestLog ? <RequestLogProvider log={requestLog}>{page}</RequestLogProvider> : page
}
