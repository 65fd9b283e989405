/**
 * The data-source switch (issue #6): "Mock tenant" (default) or "Microsoft Graph". The rest of the app only sees
 * a DataSource — same typed client, same query keys (the id differs), same downloads.
 *
 *   const { source, controls } = useDataSourceSelection(mockSource)
 *   <header>{controls}</header>
 *   <DataSourceProvider value={source}>…</DataSourceProvider>
 *
 * "Microsoft Graph" becomes the source only once there is a credential (a pasted token or an MSAL sign-in);
 * choosing it opens the connect dialog, and switching back to the mock tenant signs out, so a token is held in
 * memory only while it is in use.
 */
import { Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { retryableLazy } from '../../components/retryable-lazy.tsx'
import { makeStyles, tokens } from '@fluentui/react-components'
import type { DataSource } from '../../lib/data-source/data-source.tsx'
import type { GraphClientOptions } from '../../lib/graph/index.ts'
import { tokenValidity } from '../../lib/auth/access-token-claims.ts'
import { signInWithMsal } from '../../lib/auth/msal-session.ts'
import type { PastedToken } from '../../lib/auth/pasted-token.ts'
import type { ConnectTab } from './components/ConnectDialog.tsx'
import { ConnectionStatus } from './components/ConnectionStatus.tsx'
import { DataSourcePicker, type DataSourceKind } from './components/DataSourcePicker.tsx'
import {
  CspBlockedBar,
  LimiterWaitText,
  TokenProblemBar,
  useCspBlockedOrigin,
  useLimiterWait,
  type TokenProblem,
} from './components/GraphNotices.tsx'
import {
  connectionFromMsalSession,
  connectionFromPastedToken,
  type GraphConnection,
} from './graph-connection.ts'
import { createConnectedGraphSource } from './graph-data-source.ts'
import { buildTimeGraphSettings, startsOnGraph } from './build-time-settings.ts'
import { loadGraphSettings, saveGraphSettings, type GraphSettings } from './graph-settings.ts'
import { useFilesSource } from './use-files-source.tsx'
import { useNow } from './use-now.ts'

// The connect dialog (sign-in, paste, settings panels) loads when first opened: issue #7, first-screen JavaScript.
const ConnectDialog = retryableLazy(async () => ({
  default: (await import('./components/ConnectDialog.tsx')).ConnectDialog,
}))

const useStyles = makeStyles({
  controls: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, minWidth: 0 },
})

/** Styles need Fluent's provider, so they live in a component rendered where `controls` is placed. */
function ControlsLayout({ row, children }: { row: ReactNode; children: ReactNode }) {
  const styles = useStyles()
  return (
    <div className={styles.controls}>
      <div className={styles.row}>{row}</div>
      {children}
    </div>
  )
}

export interface DataSourceSelection {
  /** the source to put in DataSourceProvider: `mockSource` until a Graph credential exists */
  source: DataSource
  /** the switch, connection status, dialogs and notices, for the page header */
  controls: ReactNode
}

function report(error: unknown): void {
  // Sign-out only forgets in-memory state; if MSAL fails to clear its cache the tab still drops the session.
  console.error(
    'Sign-out did not complete cleanly:',
    error instanceof Error ? error.message : 'unknown error',
  )
}

export interface DataSourceSelectionOptions {
  /** Every request of the Graph clients this hook creates (the request inspector's log); must be stable. */
  onRequest?: GraphClientOptions['onRequest']
}

export function useDataSourceSelection(
  mockSource: DataSource,
  options: DataSourceSelectionOptions = {},
): DataSourceSelection {
  const { onRequest } = options
  const [settings, setSettings] = useState<GraphSettings>(() => loadGraphSettings(buildTimeGraphSettings()))
  const [connection, setConnection] = useState<GraphConnection | null>(null)
  const [dialogTab, setDialogTab] = useState<ConnectTab | null>(() => (startsOnGraph() ? 'sign-in' : null))
  // Mounted from the first opening on, then kept, so the dialog keeps its close animation (derived state).
  const [dialogMounted, setDialogMounted] = useState(dialogTab !== null)
  if (dialogTab !== null && !dialogMounted) setDialogMounted(true)
  const [rejected, setRejected] = useState<{ connectionId: number; requestId: string | null } | null>(null)
  // The connection to disconnect when it is replaced or the page goes away; written only in handlers.
  const connectionRef = useRef<GraphConnection | null>(null)

  const graphSource = useMemo(() => {
    if (!connection) return null
    return createConnectedGraphSource({
      baseUrl: settings.graphBaseUrl,
      credential: connection.credential,
      connectionId: connection.id,
      onRequest,
      onResponse: ({ status, requestId }) => {
        if (status === 401) setRejected({ connectionId: connection.id, requestId })
      },
    })
  }, [connection, settings.graphBaseUrl, onRequest])

  const replaceConnection = useCallback(async (next: GraphConnection | null) => {
    const previous = connectionRef.current
    if (previous && previous !== next) void previous.disconnect().catch(report)
    connectionRef.current = next
    setConnection(next)
    setRejected(null)
  }, [])

  // Sign out when the component using the hook goes away: nothing outlives the page that showed it.
  useEffect(() => () => void connectionRef.current?.disconnect().catch(report), [])

  const signIn = useCallback(async () => {
    const session = await signInWithMsal({ clientId: settings.clientId, tenantId: settings.tenantId })
    await replaceConnection(connectionFromMsalSession(session, settings.clientId))
    setDialogTab(null)
  }, [settings.clientId, settings.tenantId, replaceConnection])

  const acceptToken = useCallback(
    (token: PastedToken) => {
      void replaceConnection(connectionFromPastedToken(token)).then(() => setDialogTab(null), report)
    },
    [replaceConnection],
  )

  const files = useFilesSource()

  const choose = (kind: DataSourceKind) => {
    if (kind === 'files') return files.choose()
    files.close()
    if (kind === 'mock') return void replaceConnection(null).catch(report)
    if (!connection) setDialogTab(settings.clientId ? 'sign-in' : 'paste')
  }

  const now = useNow(15_000, connection?.pasted != null)
  const waitSeconds = useLimiterWait(graphSource?.rateLimiter ?? null)
  const cspBlocked = useCspBlockedOrigin(graphSource ? settings.graphBaseUrl : null)

  // An expired pasted token is the more specific explanation of a 401, so it wins; the 401's request-id is kept.
  const rejectedNow = connection && rejected?.connectionId === connection.id ? rejected : null
  const expired = connection?.pasted && tokenValidity(connection.pasted.description, now).state === 'expired'
  const problem: TokenProblem | null = expired
    ? { reason: 'expired', requestId: rejectedNow?.requestId ?? null }
    : rejectedNow
      ? { reason: 'rejected', requestId: rejectedNow.requestId }
      : null

  const signInAgain = () => {
    if (!settings.clientId) return setDialogTab('sign-in')
    // Called from the click, so the MSAL popup is not blocked; failures are shown in the sign-in tab.
    signIn().catch(() => setDialogTab('sign-in'))
  }

  const controls = (
    <ControlsLayout
      row={
        <>
          <DataSourcePicker
            value={files.source ? 'files' : connection ? 'graph' : 'mock'}
            onChange={choose}
          />
          {connection && (
            <ConnectionStatus
              connection={connection}
              baseUrl={settings.graphBaseUrl}
              now={now}
              onSettings={() => setDialogTab('settings')}
              onSignOut={() => void replaceConnection(null).catch(report)}
            />
          )}
          {connection && <LimiterWaitText seconds={waitSeconds} />}
        </>
      }
    >
      {problem && (
        <TokenProblemBar
          problem={problem}
          canSignIn={Boolean(settings.clientId)}
          onPaste={() => setDialogTab('paste')}
          onSignIn={signInAgain}
        />
      )}
      {cspBlocked && <CspBlockedBar origin={cspBlocked} />}
      {files.view}
      {dialogMounted && (
        <Suspense fallback={null}>
          <ConnectDialog
            tab={dialogTab}
            onTabChange={setDialogTab}
            onClose={() => setDialogTab(null)}
            settings={settings}
            onSaveSettings={(next) => {
              saveGraphSettings(next)
              setSettings(next)
            }}
            onSignIn={signIn}
            onToken={acceptToken}
          />
        </Suspense>
      )}
    </ControlsLayout>
  )

  return { source: files.source ?? graphSource ?? mockSource, controls }
}
