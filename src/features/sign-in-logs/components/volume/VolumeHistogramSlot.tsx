/**
 * Where the histogram goes, on the first screen. It asks for nothing and loads no chart code until the grid
 * has its first rows and the browser has painted them (issue #12: the histogram never delays them), then loads
 * the chart chunk.
 */
import { Suspense, useCallback, useEffect, useState, useSyncExternalStore } from 'react'
import { retryableLazy } from '../../../../components/retryable-lazy.tsx'
import { useQueryClient } from '@tanstack/react-query'
import { ErrorBoundary } from '../../../../components/ErrorBoundary.tsx'
import { useDataSource } from '../../../../lib/data-source/data-source.tsx'
import { firstRowsKey } from './grid-queries.ts'
import type { VolumeHistogramProps } from './VolumeHistogram.tsx'

const VolumeHistogram = retryableLazy(() => import('./VolumeHistogram.tsx'))

export function VolumeHistogramSlot(props: VolumeHistogramProps) {
  const { tab, state, now } = props
  const source = useDataSource()
  const queryClient = useQueryClient()
  const gridKey = firstRowsKey(source, tab, state, now)
  const subscribe = useCallback(
    // The cache notifies synchronously, also while another component renders and creates its query (the
    // histogram's own summaries): deferred, so this slot never updates inside someone else's render.
    (onChange: () => void) => queryClient.getQueryCache().subscribe(() => queueMicrotask(onChange)),
    [queryClient],
  )
  const firstRowsIn = useSyncExternalStore(subscribe, () => queryClient.getQueryData(gridKey) !== undefined)
  // The rows render in the commit that brings them in. On opened files (issue #14) the histogram's summary of a
  // whole range is 1,000 groups, converted on the main thread: asked at once, it landed before the first group
  // rows were on screen. Once shown, it stays while the grid keeps rows.
  const [shown, setShown] = useState(false)
  if (!firstRowsIn && shown) setShown(false)
  useEffect(
    () => (firstRowsIn && !shown ? afterNextPaint(() => setShown(true)) : undefined),
    [firstRowsIn, shown],
  )
  if (!firstRowsIn || !shown) return null
  return (
    <ErrorBoundary what="The sign-in volume" resetKey={JSON.stringify(gridKey)}>
      <Suspense fallback={null}>
        <VolumeHistogram {...props} />
      </Suspense>
    </ErrorBoundary>
  )
}

/** Runs `run` once the browser has painted what is committed now; returns a cancel. */
function afterNextPaint(run: () => void): () => void {
  let timeout: ReturnType<typeof setTimeout> | undefined
  // A frame callback runs before its paint; a task it queues runs after.
  const frame = requestAnimationFrame(() => {
    timeout = setTimeout(run, 0)
  })
  return () => {
    cancelAnimationFrame(frame)
    clearTimeout(timeout)
  }
}
