import { lazy, type ComponentType } from 'react'

/** A lazily imported component that can also be imported ahead of its first render. */
export type PreloadableComponent<Props extends object> = ComponentType<Props> & {
  preload: () => Promise<void>
}

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
): PreloadableComponent<Props> {
  const startAfresh = () => {
    current = lazy(attempt)
  }
  // Imported ahead by `preload` (or by a first lazy render): then rendered as it is, with no lazy in between.
  let preloaded: ComponentType<Props> | null = null
  const attempt = () =>
    importComponent().then(
      (module) => {
        preloaded = module.default
        return module
      },
      (error: unknown) => {
        failedImports.add(startAfresh)
        throw error
      },
    )
  let current = lazy(attempt)
  function RetryableLazy(props: Props) {
    // React keeps what a resolved lazy rendered when its component comes directly (no remount).
    const Current = preloaded ?? current
    return <Current {...props} />
  }
  /**
   * Imports the component ahead of its first render. React.lazy suspends on its first render even when the
   * module is already loaded, and React holds back a suspended boundary's content for up to 300 ms after its
   * fallback showed: a preloaded component renders at once instead.
   */
  RetryableLazy.preload = (): Promise<void> =>
    preloaded ? Promise.resolve() : attempt().then(() => undefined)
  return RetryableLazy
}

/** Lets every failed import be tried again on its next render (ErrorBoundary's Retry and reset call this). */
export function forgetFailedImports(): void {
  for (const startAfresh of failedImports) startAfresh()
  failedImports.clear()
}
