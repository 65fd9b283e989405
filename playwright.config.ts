import { defineConfig } from '@playwright/test'

// Debian's chromium, never a downloaded browser (docs/toolchain.md §2); the flags keep it off the closed network.
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
// Several people (and helpers) run e2e on one machine: E2E_PORT keeps their preview servers apart.
const port = Number(process.env.E2E_PORT ?? 4173)

export default defineConfig({
  testDir: 'e2e',
  outputDir: `test-results/${port}`,
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list'], ['json']] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    command: `npx vite build --mode e2e --outDir dist-e2e-${port} && npx vite preview --mode e2e --outDir dist-e2e-${port} --port ${port}`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
})
