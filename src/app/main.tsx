/**
 * The page's first script, a few kB (issue #16). Before the app's own chunk (start-app.tsx, ~240 kB gzip) is even
 * parsed, it creates the fake Graph's engine worker, whose script then downloads and compiles on another thread,
 * and connects the mock tenant's transport to it (mocks/browser.ts). index.html preloads the app's chunk
 * (vite.config.ts), so it downloads in parallel with this script.
 */
import { connectMockGraph, exposeMockGraph } from '../../mocks/browser.ts'
import { createMockEngine } from '../../mocks/engine.ts'
import { preloadTabView } from '../features/sign-in-logs/components/view-chunks.ts'
import { isFramed, showFramedNotice } from './refuse-framing.ts'

const rootElement = document.getElementById('root')
if (!rootElement) throw new Error('index.html has no #root element')

// Nothing may start in a frame (not the mock tenant, not MSAL).
if (isFramed(window)) showFramedNotice(rootElement, window)
else {
  const mockEngine = createMockEngine()
  const mockGraph = connectMockGraph({ engine: mockEngine })
  // Tests read what the page asked the fake (it is not on the network); production builds leave it private.
  if (import.meta.env.MODE !== 'production') exposeMockGraph(mockGraph)
  // A grouped or All sign-ins tab's view is a chunk of its own: it loads now too, not after the first render.
  preloadTabView(window.location.search)
  import('./start-app.tsx').then(
    ({ startApp }) => {
      performance.mark('app:chunk-evaluated')
      startApp({ rootElement, mockEngine, mockGraph })
    },
    (error: unknown) => console.error('The app did not load:', error),
  )
}
