/**
 * Where the histogram goes, on the first screen. It asks for nothing and loads no chart code until the grid
 * has its first rows (issue #12: the histogram never delays them), then loads the chart chunk.
 */
import { Suspense, useCallback, useSyncExternalStore } from 'react'
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
  if (!firstRowsIn) return null
  return (
    <ErrorBoundary what="The sign-in volume" resetKey={JSON.stringify(gridKey)}>
      <Suspense fallback={null}>
        <VolumeHistogram {...props} />
      </Suspense>
    </ErrorBoundary>
  )
}
