import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components'
import type { GraphError } from '../lib/graph/errors.ts'

const useStyles = makeStyles({
  // Shown above the results grid in a flex column: a shrunk banner would slide under the grid.
  bar: { flexShrink: 0 },
  details: {
    display: 'block',
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    marginTop: tokens.spacingVerticalXXS,
  },
})

/**
 * Errors are values (style.md habit 6): the plain-language message first, then Graph's code and
 * request-id so support can trace it, and a Retry.
 */
export function GraphErrorBar({
  error,
  onRetry,
  title,
}: {
  error: GraphError
  onRetry?: () => void
  title?: string
}) {
  const styles = useStyles()
  const facts = [
    error.code ? `Code: ${error.code}` : null,
    error.status !== null ? `HTTP ${error.status}` : null,
    // userMessage already ends with the request-id when Graph sent one (lib/graph/errors.ts).
    error.requestId && !error.userMessage.includes(error.requestId) ? `Request ID: ${error.requestId}` : null,
    error.date ? `Date: ${error.date}` : null,
  ].filter((fact): fact is string => fact !== null)
  return (
    <MessageBar className={styles.bar} intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title ?? 'Could not load sign-ins'}</MessageBarTitle>
        {error.userMessage}
        {facts.length > 0 && <span className={styles.details}>{facts.join(' · ')}</span>}
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button onClick={onRetry}>Retry</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  )
}
