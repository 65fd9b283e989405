/**
 * The fake Graph's engine in a module Web Worker (issue #16): the tenant is built and every page generated
 * here, off the page's main thread, so neither its code nor its work delays the first rows or a scroll
 * frame. The page's MSW bridge (mocks/browser.ts) posts each Graph request and gets the answer back;
 * mocks/engine-host.ts handles the messages.
 */
/// <reference lib="webworker" />
import type { ToEngine } from './engine-protocol.ts'
import { createEngineHost } from './engine-host.ts'

declare const self: DedicatedWorkerGlobalScope

const receive = createEngineHost({
  post: (answer, transfer = []) => self.postMessage(answer, transfer),
  // The worker's clock origin is not the page's: the page converts epoch ms into its own marks.
  now: () => performance.timeOrigin + performance.now(),
})
self.onmessage = (event: MessageEvent<ToEngine>) => receive(event.data)
