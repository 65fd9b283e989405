/** Loads bench/lib/app-modules.ts through Vite's module runner (once per process). */
import { fileURLToPath } from 'node:url'
import { runnerImport } from 'vite'

let loading

export function loadAppModules() {
  loading ??= runnerImport(fileURLToPath(new URL('./app-modules.ts', import.meta.url)), {
    logLevel: 'error',
  }).then((result) => result.module)
  return loading
}
