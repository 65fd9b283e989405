/**
 * A module fetched on first use and kept (issue #7: the first screen carries no editor or menu code). Unlike
 * React.lazy, a loaded module is available synchronously, so a popover can wait for it and then open with its
 * content already there (focus lands where it always did).
 */
import { useEffect, useState } from 'react'

export interface OnDemand<T> {
  /** Starts (or joins) the import; a failed import is forgotten so the next call retries. */
  load(): Promise<T>
  /** The module once loaded, else undefined. */
  loaded(): T | undefined
}

export function onDemand<T>(importModule: () => Promise<T>): OnDemand<T> {
  let value: T | undefined
  let pending: Promise<T> | undefined
  return {
    load() {
      pending ??= importModule().then(
        (module) => {
          value = module
          return module
        },
        (error: unknown) => {
          pending = undefined
          throw error
        },
      )
      return pending
    },
    loaded: () => value,
  }
}

/** What a failed chunk request tells the user (a new deployment or a lost connection, usually). */
export const onDemandFailureMessage =
  'This part of the page could not be loaded. Check the connection and try again.'

/**
 * The module while `wanted` (loading it if needed, e.g. a popover opened programmatically), or the load error.
 */
export function useOnDemand<T>(source: OnDemand<T>, wanted: boolean): { module?: T; error?: unknown } {
  const [state, setState] = useState<{ module?: T; error?: unknown }>(() => ({ module: source.loaded() }))
  const module = state.module ?? source.loaded()
  useEffect(() => {
    if (!wanted || module) return
    let current = true
    source.load().then(
      (loaded) => {
        if (current) setState({ module: loaded })
      },
      (error: unknown) => {
        console.error('A module of the page could not be loaded', error)
        if (current) setState({ error })
      },
    )
    return () => {
      current = false
    }
  }, [source, wanted, module])
  return module ? { module } : { error: state.error }
}
