import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { appEnv } from '../config/env.ts'
import { App } from './App.tsx'
import { createMockDataSource } from './data-source.tsx'
import { ScenarioPicker } from './ScenarioPicker.tsx'

const rootElement = document.getElementById('root')
if (!rootElement) throw new Error('index.html has no #root element')

const env = appEnv()

if (env.dataSource === 'mock') {
  // Dynamic import: a real-Graph build never loads msw or the fake tenant.
  const { startMockGraph } = await import('../../mocks/browser.ts')
  const mockNow = env.mockNow ?? new Date()
  const { scenarios } = await startMockGraph({ seed: env.mockSeed, now: mockNow, size: env.mockSize })
  // { id: 'mock', kind: 'mock', label: 'Mock tenant' }: a Graph client at the real origin with a
  // non-empty bearer token (the fake accepts any, mocks/graph/auth.ts).
  const mockTenant = createMockDataSource()
  // A fixed VITE_MOCK_NOW pins the app's clock to the tenant's, so "Last 24 hours" is deterministic.
  const clock = env.mockNow ? () => new Date(mockNow) : () => new Date()
  createRoot(rootElement).render(
    <StrictMode>
      <App dataSource={mockTenant} clock={clock} headerActions={<ScenarioPicker scenarios={scenarios} />} />
    </StrictMode>,
  )
} else {
  // Real-Graph mode (MSAL sign-in and the data-source switch) is added by the real-Graph helper.
  createRoot(rootElement).render(
    <StrictMode>
      <p>Microsoft Graph mode is not available in this build yet. Set VITE_DATA_SOURCE=mock.</p>
    </StrictMode>,
  )
}
