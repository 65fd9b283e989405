import { Suspense, useState } from 'react'
import { retryableLazy } from '../../../components/retryable-lazy.tsx'
import { Button } from '@fluentui/react-components'
import { ErrorBoundary } from '../../../components/ErrorBoundary.tsx'

// The pane and its formatters load on first opening: the first screen's JavaScript does not grow (issue #7).
const RequestInspectorPane = retryableLazy(async () => ({
  default: (await import('./RequestInspectorPane.tsx')).RequestInspectorPane,
}))

/** The header's "Request inspector" button and, once opened, its pane (kept mounted for the close animation). */
export function RequestInspectorButton() {
  const [open, setOpen] = useState(false)
  const [everOpened, setEverOpened] = useState(false)
  return (
    <>
      <Button
        appearance="subtle"
        onClick={() => {
          setEverOpened(true)
          setOpen(true)
        }}
      >
        Request inspector
      </Button>
      {everOpened && (
        <ErrorBoundary what="The request inspector" resetKey={open}>
          <Suspense fallback={null}>
            <RequestInspectorPane open={open} onClose={() => setOpen(false)} />
          </Suspense>
        </ErrorBoundary>
      )}
    </>
  )
}
