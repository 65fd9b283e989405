/** Vite builds for the bench, into bench/.tmp (gitignored): the app, and a blank Vite + React page. */
import { spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { format, resolveConfig } from 'prettier'
import { BENCH_TENANT } from './fake-graph.mjs'
import { freePort, projectRoot, startProcess } from './processes.mjs'

const viteBin = join(projectRoot, 'node_modules', 'vite', 'bin', 'vite.js')

export function runVite(args, { cwd = projectRoot, env = {} } = {}) {
  return new Promise((resolvePromise, reject) => {
    // Vite's module runner (used by earlier sections in this process) sets NODE_ENV=development; inherited, it
    // made `vite build` ship React's development runtime, inflating the bundle, start-up and grid figures.
    const childEnv = { ...process.env, ...env }
    if (!('NODE_ENV' in env)) delete childEnv.NODE_ENV
    const child = spawn(process.execPath, [viteBin, ...args], {
      cwd,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.setEncoding('utf8').on('data', (chunk) => (output += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk))
    child.once('exit', (code) =>
      code === 0
        ? resolvePromise(output)
        : reject(new Error(`vite ${args.join(' ')} failed:\n${output.slice(-3000)}`)),
    )
  })
}

/**
 * `vite build --mode <mode> --manifest` of the app (its own vite.config.ts) into `outDir`. `env` overrides
 * .env files (Vite gives process.env precedence), e.g. the mock tenant's VITE_MOCK_* for an e2e build.
 */
export async function buildApp({ mode, outDir, env = {} }) {
  const absolute = resolve(projectRoot, outDir)
  const started = performance.now()
  const args = [
    'build',
    '--mode',
    mode,
    '--manifest',
    '--outDir',
    absolute,
    '--emptyOutDir',
    '--logLevel',
    'warn',
  ]
  await runVite(args, { env })
  return { outDir: absolute, ms: performance.now() - started }
}

/**
 * A blank Vite + React page (same vite, @vitejs/plugin-react and react from the project's node_modules),
 * the start-up baseline: it renders one grid row, which the bench waits for like it waits for the app's.
 */
/**
 * Generated sources are written prettier-formatted: `prettier --check .` (npm test) reads only the root
 * .gitignore and .prettierignore, not bench/.gitignore, so it sees bench/.tmp.
 */
async function writeFormatted(path, text) {
  writeFileSync(path, await format(text, { ...(await resolveConfig(path)), filepath: path }))
}

export async function buildBlankApp() {
  const root = join(projectRoot, 'bench', '.tmp', 'blank-app')
  mkdirSync(join(root, 'src'), { recursive: true })
  await writeFormatted(
    join(root, 'index.html'),
    '<!doctype html>\n<html lang="en">\n  <head><meta charset="UTF-8" /><title>Blank</title></head>\n' +
      '  <body>\n    <div id="root"></div>\n    <script type="module" src="/src/main.jsx"></script>\n  </body>\n</html>\n',
  )
  await writeFormatted(
    join(root, 'src', 'main.jsx'),
    "import { StrictMode } from 'react'\nimport { createRoot } from 'react-dom/client'\n\n" +
      'function Blank() {\n  return (\n    <table role="grid" aria-label="Blank">\n      <tbody>\n' +
      '        <tr data-row-id="blank">\n          <td>blank</td>\n        </tr>\n      </tbody>\n    </table>\n  )\n}\n\n' +
      "createRoot(document.getElementById('root')).render(\n  <StrictMode>\n    <Blank />\n  </StrictMode>,\n)\n",
  )
  await writeFormatted(
    join(root, 'vite.config.mjs'),
    "import { defineConfig } from 'vite'\nimport react from '@vitejs/plugin-react'\n\n" +
      'export default defineConfig({ plugins: [react()], logLevel: "warn" })\n',
  )
  await runVite(['build', '--outDir', join(root, 'dist'), '--emptyOutDir'], { cwd: root })
  return { root, outDir: join(root, 'dist') }
}

/** `vite preview` of a built directory on a free port; resolves once it answers. */
export async function startPreview({ outDir, cwd = projectRoot, mode }) {
  const port = await freePort()
  const args = [
    viteBin,
    'preview',
    '--outDir',
    outDir,
    '--port',
    String(port),
    '--strictPort',
    '--host',
    '127.0.0.1',
  ]
  if (mode) args.push('--mode', mode)
  const proc = startProcess(process.execPath, args, { cwd })
  const url = `http://127.0.0.1:${port}`
  // Vite colours its banner, so poll the port instead of parsing the output.
  const deadline = Date.now() + 30_000
  for (;;) {
    try {
      if ((await fetch(url)).ok) break
    } catch (error) {
      if (Date.now() > deadline) {
        await proc.stop()
        throw new Error(
          `vite preview of ${outDir} did not answer: ${error.message}\n${proc.output().slice(-1000)}`,
          { cause: error },
        )
      }
      await new Promise((resolvePromise) => setTimeout(resolvePromise, 200))
    }
  }
  return { url, stop: () => proc.stop() }
}

/** The mock tenant the browser sections use: the bench's fixed one (default size, ≥ 1 M sign-ins). */
export const browserTenantEnv = {
  VITE_DATA_SOURCE: 'mock',
  VITE_MOCK_SIZE: BENCH_TENANT.MOCK_SIZE,
  VITE_MOCK_SEED: BENCH_TENANT.MOCK_SEED,
  VITE_MOCK_NOW: BENCH_TENANT.MOCK_NOW,
}

let e2eBuild
/** One production-like mock-mode build (`vite build --mode e2e`) shared by the start-up and grid sections. */
export function buildE2eApp() {
  e2eBuild ??= buildApp({ mode: 'e2e', outDir: 'bench/.tmp/dist-e2e', env: browserTenantEnv })
  return e2eBuild
}
