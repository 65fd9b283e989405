/** The standalone fake Graph (`node mocks/serve.mjs`) as a child process on a free port, with the bench's tenant. */
import { freePort, startProcess } from './processes.mjs'

/**
 * Fixed tenant for reproducible figures: the same seed and clock in every run (MOCK_SEED, MOCK_NOW).
 * MOCK_NOW sits mid-week at noon UTC so the 30-day window holds full working days.
 */
export const BENCH_TENANT = { MOCK_SEED: '42', MOCK_NOW: '2026-11-20T12:00:00Z', MOCK_SIZE: 'default' }

export const BENCH_TOKEN = 'mock-tenant-token'

export async function startFakeGraph({ scenario = 'none', env = {} } = {}) {
  const port = await freePort()
  const proc = startProcess(process.execPath, ['mocks/serve.mjs'], {
    env: { ...BENCH_TENANT, MOCK_PORT: String(port), MOCK_SCENARIO: scenario, ...env },
    ready: /listening on (https?:\/\/\S+)/,
  })
  const match = await proc.started
  return { url: match[1], pid: proc.child.pid, stop: () => proc.stop(), output: proc.output }
}
