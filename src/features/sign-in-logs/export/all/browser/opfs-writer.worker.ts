/// <reference lib="webworker" />
/** Runs opfs-host.ts in a dedicated worker, where sync access handles exist. One reply per request, in order. */
import { createOpfsHost, type OpfsRequest } from './opfs-host.ts'

const scope = self as unknown as DedicatedWorkerGlobalScope
const hostReady = navigator.storage.getDirectory().then(createOpfsHost)
let queue: Promise<void> = Promise.resolve()

scope.onmessage = (event: MessageEvent<{ id: number; request: OpfsRequest }>) => {
  const { id, request } = event.data
  // Requests run one after another: a write never overtakes the open or truncate before it.
  queue = queue.then(async () => {
    try {
      await (
        await hostReady
      )(request)
      scope.postMessage({ id, ok: true })
    } catch (error) {
      scope.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) })
    }
  })
}
