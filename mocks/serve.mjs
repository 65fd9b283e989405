// `npm run mock:serve`: the fake Graph on http://127.0.0.1:${MOCK_PORT:-4010}.
// Env: MOCK_PORT, MOCK_SEED, MOCK_NOW, MOCK_SIZE (default|small), MOCK_SCALE (volume factor), MOCK_SCENARIO,
// MOCK_TLS_KEY + MOCK_TLS_CERT.
// Node 20 cannot import .ts, so the TypeScript entry is loaded through Vite's module runner (toolchain.md §4).
// Try it: curl -H 'Authorization: Bearer x' 'http://127.0.0.1:4010/beta/auditLogs/signIns?$top=5'
// SDK clients (spec §6.2, §6.3): Kiota needs `allowedHosts: new Set(['127.0.0.1:4010'])` (host WITH port) and
// baseUrl http://127.0.0.1:4010/beta; the v3 JS client only follows https nextLinks and only sends the token
// to `customHosts: new Set(['localhost'])` (host without port), so run it with MOCK_TLS_KEY/MOCK_TLS_CERT.
import { fileURLToPath } from 'node:url'
import { runnerImport } from 'vite'

const entry = fileURLToPath(new URL('./serve-entry.ts', import.meta.url))
const { module } = await runnerImport(entry, { logLevel: 'error' })
const server = await module.startStandaloneServer({ env: process.env })
process.stdout.write(
  `Mock Graph listening on ${server.url} (seed ${server.tenant.config.seed}, size ${server.tenant.config.size}, ` +
    `scale ${server.tenant.config.scale ?? 1}, ` +
    `now ${server.tenant.config.now.toISOString()}, scenario ${server.scenarios.get()})\n`,
)

let closing = false
const shutdown = () => {
  if (closing) return
  closing = true
  server.close().then(
    () => process.exit(0),
    (error) => {
      console.error('[mock graph] close failed', error)
      process.exit(1)
    },
  )
}
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)
