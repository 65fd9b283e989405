import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components'
import type { LoggedRequest } from '../../../lib/data-source/request-log.tsx'
import { asCurl, asPowerShell, graphExplorerLink } from '../model/copy-as.ts'
import { describeUrl } from '../model/describe-url.ts'
import { CopyButton } from '../../../components/CopyButton.tsx'

const useStyles = makeStyles({
  entry: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    '& dd': { margin: 0, overflowWrap: 'anywhere' },
    '& dt': { color: tokens.colorNeutralForeground2 },
  },
  code: {
    margin: 0,
    padding: tokens.spacingHorizontalS,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
  },
  copies: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
})

function statusText(status: number | null): string {
  return status === null ? 'No answer (the connection failed)' : String(status)
}

function statusColor(status: number | null): 'success' | 'warning' | 'danger' {
  if (status !== null && status < 300) return 'success'
  return status === 429 ? 'warning' : 'danger'
}

function waitText(entry: LoggedRequest): string {
  if (entry.attempt === 1 || !entry.waitedBefore) return 'First attempt'
  const why = {
    throttled: 'throttled (429)',
    server: 'server error',
    network: 'dropped connection',
  }[entry.waitedBefore.reason]
  return `Retry ${entry.attempt - 1}, after waiting ${formatSeconds(entry.waitedBefore.seconds)} (${why})`
}

function formatSeconds(seconds: number): string {
  return `${Number(seconds.toFixed(seconds < 10 ? 1 : 0))} s`
}

/** One attempt at one URL: what was asked, what came back, and three ways to repeat it (none with the token). */
export function RequestEntry({ entry }: { entry: LoggedRequest }) {
  const styles = useStyles()
  const url = describeUrl(entry.url)
  const explorer = graphExplorerLink(entry)
  const headingId = `request-${entry.sequence}`
  return (
    <li>
      <article className={styles.entry} aria-labelledby={headingId}>
        <h3 className={styles.heading} id={headingId}>
          <Badge appearance="tint" color={statusColor(entry.status)}>
            {entry.status ?? 'failed'}
          </Badge>
          <span>
            {entry.method} {url.path}
          </span>
        </h3>
        <dl className={styles.facts}>
          <dt>Status</dt>
          <dd>{statusText(entry.status)}</dd>
          <dt>Duration</dt>
          <dd>{Math.round(entry.durationMs)} ms</dd>
          <dt>Records returned</dt>
          <dd>{entry.recordCount ?? 'None (not a list answer)'}</dd>
          <dt>Attempt</dt>
          <dd>{waitText(entry)}</dd>
          <dt>Retry-After</dt>
          <dd>{entry.retryAfterSeconds === null ? 'None' : formatSeconds(entry.retryAfterSeconds)}</dd>
          <dt>request-id</dt>
          <dd>{entry.requestId ?? 'None'}</dd>
          <dt>client-request-id</dt>
          <dd>{entry.clientRequestId}</dd>
          <dt>Answered at (UTC)</dt>
          {/* UTC, like the times in Graph's own logs that request-id points to. */}
          <dd>{new Date(entry.at).toISOString().slice(11, 23)}</dd>
        </dl>
        <Text weight="semibold">URL</Text>
        <pre className={styles.code} aria-label="Decoded URL">
          {url.resource}
        </pre>
        {url.parameters.map((parameter) => (
          <div key={parameter.name}>
            <Text>{parameter.name}</Text>
            <pre className={styles.code} aria-label={`Query parameter ${parameter.name}`}>
              {parameter.value}
            </pre>
          </div>
        ))}
        <div className={styles.copies}>
          <CopyButton value={asCurl(entry)}>Copy as curl</CopyButton>
          <CopyButton value={asPowerShell(entry)}>Copy as PowerShell</CopyButton>
          {explorer && <CopyButton value={explorer}>Copy Graph Explorer link</CopyButton>}
        </div>
      </article>
    </li>
  )
}
