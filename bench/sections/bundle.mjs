/**
 * Issue #7 item 5: gzip size of the JavaScript the first screen needs (index.html's module script, its
 * modulepreload links, and their static imports per the Vite manifest; dynamic imports excluded) and of
 * the whole build, for a production build (`vite build --manifest`) into bench/.tmp/dist.
 *
 * The first screen in mock mode must stay within the same budget (issue #16: <= 250 kB with the mock engine). The
 * mock tenant's transport (mocks/browser.ts) is part of main.tsx's chunk since issue #16, and the engine itself
 * (tenant, OData) is a Web Worker file, reported on its own: it loads in parallel, off the main thread. Should the
 * transport become a dynamic import again, its closure is added to the mock-mode figure. The build must not
 * contain tough-cookie's public-suffix list (tldts): msw, which pulls it in, runs only in Node since issue #16.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { gzipSync } from 'node:zlib'
import { buildApp } from '../lib/builds.mjs'

export const description = 'gzip size of the first-screen JavaScript and of the whole production build'

const FIRST_SCREEN_BUDGET_KB = 250
const MOCK_MODE_BUDGET_KB = 250
const kB = 1000

export async function run({ emit, log }) {
  log('vite build --manifest (production)')
  const { outDir, ms } = await buildApp({ mode: 'production', outDir: 'bench/.tmp/dist' })
  emit({ name: 'bundle.buildTime', value: ms / 1000, unit: 's', samples: 1 })
  const { app: firstScreen, mockEngine } = firstScreenFiles(outDir)
  const gz = (file) => gzipSync(readFileSync(join(outDir, file))).byteLength
  const raw = (file) => statSync(join(outDir, file)).size
  const sizesOf = (files) => files.map((file) => ({ file, gzip: gz(file) })).sort((a, b) => b.gzip - a.gzip)
  const listing = (sizes) =>
    sizes.map((entry) => `${entry.file.replace(/^assets\//, '')} ${(entry.gzip / kB).toFixed(1)}`).join(', ')
  const firstSizes = sizesOf(firstScreen)
  const firstGzip = sum(firstSizes.map((entry) => entry.gzip))
  emit({
    name: 'bundle.firstScreenJs.gzip',
    value: firstGzip / kB,
    unit: 'kB',
    target: `< ${FIRST_SCREEN_BUDGET_KB} kB`,
    met: firstGzip / kB < FIRST_SCREEN_BUDGET_KB,
    note: `index.html's module script and modulepreloads with their static imports; zlib default level; ${listing(firstSizes)}`,
  })
  const engineSizes = sizesOf(mockEngine)
  const engineGzip = sum(engineSizes.map((entry) => entry.gzip))
  const mockScripts = firstScreen.length + mockEngine.length
  emit({
    name: 'bundle.firstScreenJs.withMockEngine.gzip',
    value: (firstGzip + engineGzip) / kB,
    unit: 'kB',
    target: `<= ${MOCK_MODE_BUDGET_KB} kB`,
    met: (firstGzip + engineGzip) / kB <= MOCK_MODE_BUDGET_KB,
    note:
      mockEngine.length > 0
        ? `${mockScripts} scripts on the main thread before the first rows in mock mode: the app + the mock engine's chunks (${(engineGzip / kB).toFixed(1)} kB: ${listing(engineSizes)})`
        : `${mockScripts} scripts on the main thread before the first rows in mock mode, the same as in Graph mode: the mock tenant's transport (mocks/browser.ts) is in main.tsx's chunk, and the engine runs in its worker`,
  })
  const workers = listFiles(outDir).filter((file) => /(^|\/)engine-worker-[^/]*\.js$/.test(file))
  emit({
    name: 'bundle.mockEngineWorker.gzip',
    value: sum(workers.map(gz)) / kB,
    unit: 'kB',
    note: `the fake Graph's engine, a module Web Worker created by main.tsx (${workers.join(', ') || 'not built'})`,
  })
  const withSuffixList = listFiles(outDir).filter(
    (file) => file.endsWith('.js') && /tldts|blogspot/.test(readFileSync(join(outDir, file), 'utf8')),
  )
  emit({
    name: 'bundle.tldts.files',
    value: withSuffixList.length,
    unit: 'files',
    target: '0',
    met: withSuffixList.length === 0,
    note: 'JS files holding the public-suffix list (its "blogspot" entry) or naming tldts; msw (whose cookie store pulls in tough-cookie) is not in the browser build',
  })
  emit({ name: 'bundle.firstScreenJs.raw', value: sum(firstScreen.map(raw)) / kB, unit: 'kB' })
  const allJs = listFiles(outDir).filter((file) => file.endsWith('.js'))
  const everything = listFiles(outDir).filter((file) => !file.startsWith('.vite/'))
  emit({
    name: 'bundle.allJs.gzip',
    value: sum(allJs.map(gz)) / kB,
    unit: 'kB',
    note: `${allJs.length} JS files`,
  })
  emit({
    name: 'bundle.allFiles.gzip',
    value: sum(everything.map(gz)) / kB,
    unit: 'kB',
    note: `${everything.length} files incl. HTML, CSS and public/`,
  })
}

/** The mock engine's dynamic entry in the manifest (src/app/main.tsx imports it). */
const MOCK_ENGINE_ENTRY = 'mocks/browser.ts'

/**
 * `app`: module script + modulepreloads of index.html (except the mock engine's), closed over the manifest's
 * static `imports`. `mockEngine`: the files the mock engine entry needs on top of `app` (empty if not built).
 */
export function firstScreenFiles(outDir) {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8')
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8'))
  const byFile = new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.file, { key, chunk }]))
  const closure = (starts) => {
    const files = new Set()
    const visit = (file) => {
      if (files.has(file)) return
      files.add(file)
      const entry = byFile.get(file)
      for (const key of entry?.chunk.imports ?? []) {
        const imported = manifest[key]
        if (!imported) throw new Error(`manifest: ${entry.key} imports unknown ${key}`)
        visit(imported.file)
      }
    }
    starts.forEach(visit)
    return files
  }
  const engineEntry = manifest[MOCK_ENGINE_ENTRY]?.file
  const engineClosure = engineEntry ? closure([engineEntry]) : new Set()
  const hrefs = (pattern) => [...html.matchAll(pattern)].map((m) => m[1].replace(/^\//, ''))
  const scripts = hrefs(/<script\b[^>]*type="module"[^>]*\ssrc="([^"]+)"/g)
  if (scripts.length === 0) throw new Error('index.html has no module script')
  // A modulepreload of the engine (or of a chunk only the engine imports) is engine, not app.
  const preloads = hrefs(/<link\b[^>]*rel="modulepreload"[^>]*\shref="([^"]+)"/g)
  const app = closure([...scripts, ...preloads.filter((file) => !engineClosure.has(file))])
  const isJs = (file) => file.endsWith('.js')
  return {
    app: [...app].filter(isJs),
    mockEngine: [...engineClosure].filter((file) => !app.has(file) && isJs(file)),
  }
}

function listFiles(dir) {
  const out = []
  const walk = (current) => {
    for (const name of readdirSync(current)) {
      const path = join(current, name)
      if (statSync(path).isDirectory()) walk(path)
      else out.push(relative(dir, path))
    }
  }
  walk(dir)
  return out
}

const sum = (values) => values.reduce((total, value) => total + value, 0)
