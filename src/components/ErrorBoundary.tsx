import { Component, type ReactNode } from 'react'
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components'
import { forgetFailedImports } from './retryable-lazy.tsx'

export interface ErrorBoundaryProps {
  /** What is shown inside, for the fallback's title: "The results grid" → "The results grid could not be shown". */
  what: string
  children: ReactNode
  /** A change (e.g. another tab or filter) clears the error and tries the new content. */
  resetKey?: unknown
  /** Called by Retry before the content mounts again, e.g. to refetch what it shows. */
  onRetry?: () => void
}

interface ErrorBoundaryState {
  error: Error | null
  /** Bumped by Retry so the content mounts afresh instead of re-rendering a half-updated tree. */
  attempt: number
}

/**
 * Keeps a throw during render to the part that threw (issue #15: nothing unmounts the app). React needs a class for
 * this; `react-error-boundary` is not a dependency and this is all of it the app needs. React itself still reports
 * the error to the console.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null, attempt: 0 }

  static getDerivedStateFromError(thrown: unknown): Partial<ErrorBoundaryState> {
    return { error: thrown instanceof Error ? thrown : new Error(String(thrown)) }
  }

  override componentDidUpdate(previous: ErrorBoundaryProps) {
    if (this.state.error !== null && !Object.is(previous.resetKey, this.props.resetKey)) this.reset()
  }

  private reset = () => {
    // A chunk that failed to load is requested again, not rendered again as the same failure.
    forgetFailedImports()
    this.setState((state) => ({ error: null, attempt: state.attempt + 1 }))
  }

  private retry = () => {
    this.props.onRetry?.()
    this.reset()
  }

  override render() {
    const { error, attempt } = this.state
    if (error === null) return <Frame key={attempt}>{this.props.children}</Frame>
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{`${this.props.what} could not be shown`}</MessageBarTitle>
          {`Something in the data or the app failed while drawing it: ${error.message || error.name}`}
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={this.retry}>Retry</Button>
        </MessageBarActions>
      </MessageBar>
    )
  }
}

/** A keyed wrapper: changing its key remounts the children. */
function Frame({ children }: { children: ReactNode }) {
  return <>{children}</>
}
