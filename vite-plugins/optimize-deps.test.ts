// @vitest-environment node
/**
 * Every Web Worker's script is an entry of the dev server's dependency scan (vite.config.ts `optimizeDeps`): a
 * dependency found only when a worker first runs makes Vite re-bundle and reload the page, which under `npm start`
 * lost the first file a user opened.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import type { UserConfig } from 'vite'
import { expect, test } from 'vitest'
import viteConfig from '../vite.config.ts'

const root = join(import.meta.dirname, '..')

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .map((file) => join(folder, file))
}

/** The scripts the app starts as workers: `new Worker(new URL('./x.ts', import.meta.url), …)`. */
function workerScripts(): string[] {
  return ['src', 'mocks']
    .flatMap(sourceFiles)
    .flatMap((file) =>
      [
        ...readFileSync(join(root, file), 'utf8').matchAll(
          /new Worker\(\s*new URL\('([^']+)', import\.meta\.url\)/g,
        ),
      ].map((match) => relative(root, join(root, dirname(file), match[1]!))),
    )
}

test('the dev server scans every worker script for dependencies at start', () => {
  const config = (viteConfig as (env: { mode: string; command: 'serve' }) => UserConfig)({
    mode: 'development',
    command: 'serve',
  })
  const workers = workerScripts()
  expect(workers.length).toBeGreaterThanOrEqual(3)
  expect(config.optimizeDeps?.entries).toEqual(expect.arrayContaining(['index.html', ...workers]))
})
