// `npm run export -- --since 2026-11-01 --types all --format ndjson --out ./evidence` (src/cli/export/export-cli.ts).
// Node 20 cannot import .ts, so the entry is loaded through Vite's module runner, as mocks/serve.mjs does.
import { fileURLToPath } from 'node:url'
import { runnerImport } from 'vite'

const entry = fileURLToPath(new URL('../src/cli/export/export-cli.ts', import.meta.url))
const { module } = await runnerImport(entry, { logLevel: 'error' })
const controller = new AbortController()
// Ctrl+C stops after saving the checkpoint; a second one exits at once.
process.once('SIGINT', () => {
  controller.abort()
  process.once('SIGINT', () => process.exit(130))
})
const code = await module.main(process.argv.slice(2), {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTty: Boolean(process.stderr.isTTY),
  now: () => new Date(),
  signal: controller.signal,
})
process.exit(code)
