import { lazy, type ComponentType } from 'react'

/** The components whose import failed, each with how to start afresh. */
const failedImports = new Set<() => void>()

/**
 * React.lazy that can be retried. React.lazy keeps a rejected import for good, so an ErrorBoundary's Retry after a
 * failed chunk request (a dropped connection, a new deployment) would render the same rejection again and never
 * ask the server. Here a failed import is kept until `forgetFailedImports` (the boundary's Retry), and the next
 * render after that imports afresh. Not sooner: React renders again once an import settles, and a fresh import
 * then would retry a failing chunk for ever.
 */
export function retryableLazy<Props extends object>(
  importComponent: () => Promise<{ default: ComponentType<Props> }>,
): ComponentType<Props> {
  const startAfresh = () => {
    current = lazy(attempt)
  }
  const attempt = () =>
    importComponent().catch((error: unknown) => {
      failedImports.add(startAfresh)
      throw error
    })
  let current = lazy(attempt)
  function RetryableLazy(props: Props) {
    const Current = current
    return <Current {...props} />
  }
  return RetryableLazy
}

/** Lets every failed import be tried again on its next render (ErrorBoundary's Retry and reset call this). */
export function forgetFailedImports(): void {
  for (const startAfresh of failedImports) startAfresh()
  failedImports.clear()
}
