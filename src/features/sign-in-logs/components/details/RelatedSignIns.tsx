/**
 * The details pane's "Related sign-ins" tab (issue #12): the same correlation ID and the same session, each as a
 * small timeline across the four log types. The queries run only when this tab is opened (the pane is loaded on
 * demand), and each row opens its own details through the URL, so Back returns to this sign-in.
 */
import { Link, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components'
import { useQuery } from '@tanstack/react-query'
import type { BetaSignIn } from '../../../../../contract/sign-in.ts'
import { EmptyState } from '../../../../components/EmptyState.tsx'
import { GraphErrorBar } from '../../../../components/GraphErrorBar.tsx'
import { useDataSource } from '../../../../lib/data-source/data-source.tsx'
import type { GraphError } from '../../../../lib/graph/errors.ts'
import type { DateWindow } from '../../api/build-filter.ts'
import {
  correlationQuery,
  correlationRequest,
  retentionWindow,
  SESSION_MAX_PAGES,
  sessionListQuery,
  sessionQuery,
  type RelatedResult,
  type SessionNarrowing,
} from '../../api/related-sign-ins.ts'
import { signInText as t } from '../../model/display-text.ts'
import { signInTypeText } from '../../model/tabs.ts'
import { formatSignInDate, type DateDisplay } from '../format-date.ts'

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  note: { color: tokens.colorNeutralForeground2 },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  cell: {
    textAlign: 'start',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    verticalAlign: 'top',
    wordBreak: 'break-word',
  },
  current: { backgroundColor: tokens.colorNeutralBackground3 },
})

export interface RelatedSignInsProps {
  signIn: BetaSignIn
  /** The page's date range: a session is looked for within it. */
  range: DateWindow
  now: Date
  dates: DateDisplay
  onOpenSignIn: (signIn: BetaSignIn) => void
}

const narrowingWords: Record<SessionNarrowing, string> = {
  user: 'this user',
  application: 'this application',
  principal: 'this principal',
}

export function RelatedSignIns({ signIn, range, now, dates, onOpenSignIn }: RelatedSignInsProps) {
  const styles = useStyles()
  const source = useDataSource()
  const correlation = correlationRequest(signIn, retentionWindow(now))
  const session = sessionQuery(signIn, range)
  const correlationResult = useQuery({
    ...correlationQuery(source, correlation ?? { path: '', params: {} }),
    enabled: correlation !== null,
  })
  const sessionResult = useQuery({
    ...sessionListQuery(
      source,
      session ?? { sessionId: '', narrowing: 'user', request: { path: '', params: {} } },
    ),
    enabled: session !== null,
  })
  const timeline = { current: signIn, dates, onOpenSignIn }
  return (
    <>
      <section className={styles.section} aria-labelledby="related-correlation">
        <h3 id="related-correlation" className={styles.heading}>
          Same correlation ID
        </h3>
        {correlation === null ? (
          <EmptyState title="No correlation ID">This sign-in has no correlation ID to look up.</EmptyState>
        ) : (
          <>
            <Text className={styles.note}>
              {`Sign-ins of any type with correlation ID ${signIn.correlationId ?? ''} in the last 30 days, from Microsoft Graph.`}
            </Text>
            <RelatedResultView
              name="Sign-ins with the same correlation ID"
              what="sign-ins with the same correlation ID"
              query={correlationResult}
              emptyText="No other sign-in has this correlation ID."
              {...timeline}
            />
          </>
        )}
      </section>
      <section className={styles.section} aria-labelledby="related-session">
        <h3 id="related-session" className={styles.heading}>
          Same session
        </h3>
        {session === null ? (
          <EmptyState title="No session ID">
            {signIn.sessionId
              ? 'This sign-in names no user, application or principal to look its session up by.'
              : 'This sign-in has no session ID to look up.'}
          </EmptyState>
        ) : (
          <>
            <Text className={styles.note}>
              {`Microsoft Graph cannot filter on session ID, so the app reads the sign-ins of ${narrowingWords[session.narrowing]} in the selected date range and keeps those with session ID ${session.sessionId}.`}
            </Text>
            <RelatedResultView
              name="Sign-ins in the same session"
              what="sign-ins in the same session"
              query={sessionResult}
              emptyText="No other sign-in in the date range has this session ID."
              {...timeline}
            />
          </>
        )}
      </section>
    </>
  )
}

interface ResultViewProps {
  /** The table's accessible name. */
  name: string
  /** The same in running text ("Could not load the …"). */
  what: string
  query: {
    data: RelatedResult | undefined
    error: unknown
    isPending: boolean
    refetch: () => unknown
  }
  emptyText: string
  current: BetaSignIn
  dates: DateDisplay
  onOpenSignIn: (signIn: BetaSignIn) => void
}

function RelatedResultView({ name, what, query, emptyText, current, dates, onOpenSignIn }: ResultViewProps) {
  const styles = useStyles()
  if (query.error) {
    return (
      <GraphErrorBar
        title={`Could not load the ${what}`}
        error={query.error as GraphError}
        onRetry={() => void query.refetch()}
      />
    )
  }
  if (query.isPending || !query.data) return <Spinner size="small" label={`Loading ${what}`} />
  const { signIns, leftOut, truncated } = query.data
  const others = signIns.filter((row) => row.id !== current.id)
  return (
    <>
      {others.length === 0 ? (
        <Text>{emptyText}</Text>
      ) : (
        <table className={styles.table} aria-label={name}>
          <thead>
            <tr>
              {['Date', 'Sign-in type', 'Application', 'Resource', 'IP address', 'Status'].map((header) => (
                <th key={header} scope="col" className={styles.cell}>
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {signIns.map((row) => {
              const isCurrent = row.id === current.id
              const time = formatSignInDate(row.createdDateTime, dates)
              const type = signInTypeText(row) ?? ''
              return (
                <tr key={row.id} className={isCurrent ? styles.current : undefined}>
                  <td className={styles.cell}>
                    {isCurrent ? (
                      `${time} (this sign-in)`
                    ) : (
                      <Link
                        as="button"
                        aria-label={`Open the ${type.toLowerCase()} sign-in of ${time}`}
                        onClick={() => onOpenSignIn(row)}
                      >
                        {time}
                      </Link>
                    )}
                  </td>
                  <td className={styles.cell}>{type}</td>
                  <td className={styles.cell}>{t.appDisplayName(row) ?? ''}</td>
                  <td className={styles.cell}>{t.resourceDisplayName(row) ?? ''}</td>
                  <td className={styles.cell}>{t.ipAddress(row) ?? ''}</td>
                  <td className={styles.cell}>{t.status(row) ?? ''}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
      {(leftOut > 0 || truncated) && (
        <Text className={styles.note}>
          {[
            leftOut > 0
              ? `${leftOut.toLocaleString('en-US')} records could not be read and are left out.`
              : '',
            truncated
              ? `Stopped after ${SESSION_MAX_PAGES} pages of Microsoft Graph results: narrow the date range to see the rest.`
              : '',
          ]
            .filter(Boolean)
            .join(' ')}
        </Text>
      )}
    </>
  )
}
