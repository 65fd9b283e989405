/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { builtFileName, contentSecurityPolicyPlugin } from './vite-plugins/csp.ts'

/**
 * main.tsx starts the mock engine (mocks/browser.ts, a dynamic import) on every visit, so the browser may as well
 * fetch and compile it while the app's own chunks load, instead of after they ran (issue #7, start-up).
 */
function preloadMockEnginePlugin(): Plugin {
  let base = '/'
  return {
    name: 'preload-mock-engine',
    apply: 'build',
    configResolved(config) {
      base = config.base
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        const engine = Object.values(bundle ?? {}).find(
          (output) => output.type === 'chunk' && output.facadeModuleId?.endsWith('/mocks/browser.ts'),
        )
        if (!engine || engine.type !== 'chunk') return []
        // Files the page already loads (the entry and its preloads) are not linked twice.
        const files = [engine.fileName, ...engine.imports].filter((fileName) => !html.includes(fileName))
        return files.map((fileName) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${fileName}` },
          injectTo: 'head' as const,
        }))
      },
    },
  }
}

export default defineConfig(({ mode }) => ({
  plugins: [react(), contentSecurityPolicyPlugin(), preloadMockEnginePlugin()],
  // The browser's msw never needs a real cookie jar (mocks/shims/tough-cookie.ts says why); tests keep it.
  resolve:
    mode === 'test'
      ? {}
      : {
          alias: { 'tough-cookie': fileURLToPath(new URL('./mocks/shims/tough-cookie.ts', import.meta.url)) },
        },
  // The fake Graph's engine runs in a module worker (mocks/engine-worker.ts), which may share chunks.
  worker: {
    format: 'es',
    // The file engine's workers go to their own folder, for the static hosts' headers (vite-plugins/csp.ts).
    rolldownOptions: {
      output: {
        entryFileNames: (chunk) => builtFileName(chunk.name, '.js'),
        assetFileNames: (asset) => builtFileName(asset.names[0], '[extname]'),
      },
    },
  },
  build: {
    outDir: mode === 'e2e' ? 'dist-e2e' : 'dist',
    // Fluent alone is ~500 kB before gzip; the first-screen budget is tracked by `npm run bench`.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        assetFileNames: (asset) => builtFileName(asset.names[0], '[extname]'),
        codeSplitting: {
          // Issue #16: everything the page statically needs before its first rows goes in one chunk. Left to
          // itself, Rolldown split it into ~60 files shared with the on-demand chunks, and gzip, compressing
          // each file alone, lost ~24 kB to the repeated headers, import lists and unshared dictionaries.
          // main.tsx is in it too, so it must not await at top level what imports this chunk (main.tsx says why).
          groups: [{ name: 'first-screen', tags: ['$initial'] }],
        },
      },
    },
  },
  server: { port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    include: [
      'src/**/*.test.{ts,tsx}',
      'mocks/**/*.test.ts',
      'contract/**/*.test.ts',
      'vite-plugins/**/*.test.ts',
    ],
    testTimeout: 20000,
  },
}))
