import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { appEnv } from '../config/env.ts'
import { useDataSourceSelection } from '../features/data-source/index.ts'
import { App } from './App.tsx'
import { createMockDataSource } from './data-source.tsx'
import { ScenarioPicker } from './ScenarioPicker.tsx'

const rootElement = document.getElementById('root')
if (!rootElement) throw new Error('index.html has no #root element')

const env = appEnv()
const mockNow = env.mockNow ?? new Date()
// Dynamic import: msw and the fake tenant load only when the mock tenant is in use.
const mockGraph = await (
  await import('../../mocks/browser.ts')
).startMockGraph({ seed: env.mockSeed, now: mockNow, size: env.mockSize })
// A Graph client at the real origin with a non-empty bearer token (the fake accepts any, mocks/graph/auth.ts).
const mockTenant = createMockDataSource()
// A fixed VITE_MOCK_NOW pins the app's clock to the tenant's, so "Last 24 hours" is deterministic.
const mockClock = env.mockNow ? () => new Date(mockNow) : () => new Date()
const realClock = () => new Date()

// The worker answers Graph URLs on every origin, so it must be off while the app talks to a real Graph
// (or to the standalone fake), and on again when the user switches back.
const onKindChange = async (kind: 'mock' | 'graph') => {
  if (kind === 'graph') mockGraph.stop()
  else await mockGraph.resume()
}

function Root() {
  const { source, controls } = useDataSourceSelection(mockTenant, { onKindChange })
  return (
    <App
      dataSource={source}
      clock={source.kind === 'mock' ? mockClock : realClock}
      headerActions={
        <>
          {controls}
          {source.kind === 'mock' && <ScenarioPicker scenarios={mockGraph.scenarios} />}
        </>
      }
    />
  )
}

createRoot(rootElement).render(
  <StrictMode>
    <Root />
  </StrictMode>,
)
