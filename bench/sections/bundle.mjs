/**
 * Issue #7 item 5: gzip size of the JavaScript the first screen needs (index.html's module script, its
 * modulepreload links, and their static imports per the Vite manifest; dynamic imports excluded) and of
 * the whole build, for a production build (`vite build --manifest`) into bench/.tmp/dist.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { gzipSync } from 'node:zlib'
import { buildApp } from '../lib/builds.mjs'

export const description = 'gzip size of the first-screen JavaScript and of the whole production build'

const FIRST_SCREEN_BUDGET_KB = 250
const kB = 1000

export async function run({ emit, log }) {
  log('vite build --manifest (production)')
  const { outDir, ms } = await buildApp({ mode: 'production', outDir: 'bench/.tmp/dist' })
  emit({ name: 'bundle.buildTime', value: ms / 1000, unit: 's', samples: 1 })
  const firstScreen = firstScreenFiles(outDir)
  const gz = (file) => gzipSync(readFileSync(join(outDir, file))).byteLength
  const raw = (file) => statSync(join(outDir, file)).size
  const firstSizes = firstScreen.map((file) => ({ file, gzip: gz(file) })).sort((a, b) => b.gzip - a.gzip)
  const firstGzip = sum(firstSizes.map((entry) => entry.gzip))
  emit({
    name: 'bundle.firstScreenJs.gzip',
    value: firstGzip / kB,
    unit: 'kB',
    target: `< ${FIRST_SCREEN_BUDGET_KB} kB`,
    met: firstGzip / kB < FIRST_SCREEN_BUDGET_KB,
    note: `zlib default level; ${firstSizes.map((entry) => `${entry.file.replace(/^assets\//, '')} ${(entry.gzip / kB).toFixed(1)}`).join(', ')}`,
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
    note: `${everything.length} files incl. HTML, CSS, the MSW worker and public/`,
  })
}

/** Module script + modulepreloads of index.html, closed over the manifest's static `imports`. */
export function firstScreenFiles(outDir) {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8')
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8'))
  const byFile = new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.file, { key, chunk }]))
  const start = [
    ...[...html.matchAll(/<script\b[^>]*type="module"[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]),
    ...[...html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*\shref="([^"]+)"/g)].map((m) => m[1]),
  ].map((href) => href.replace(/^\//, ''))
  if (start.length === 0) throw new Error('index.html has no module script')
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
  start.forEach(visit)
  return [...files].filter((file) => file.endsWith('.js'))
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
