/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import { builtFileName, contentSecurityPolicyPlugin } from './vite-plugins/csp.ts'

/** The chunk main.tsx imports dynamically on every visit: the app. */
const APP_ENTRY = '/src/app/start-app.tsx'

/**
 * main.tsx is a tiny first script that imports the app dynamically, so that the fake's engine worker and its
 * transport start before the app's large chunk is parsed (issue #16). The browser should fetch that chunk at once,
 * in parallel with main.tsx, instead of after it ran: index.html links it as a modulepreload. The build fails if
 * main.tsx came to import the app's chunk: it would then wait for it again.
 */
function preloadEagerChunksPlugin(): Plugin {
  let base = '/'
  return {
    name: 'preload-eager-chunks',
    apply: 'build',
    configResolved(config) {
      base = config.base
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        const chunks = Object.values(bundle ?? {}).flatMap((output) =>
          output.type === 'chunk' ? [output] : [],
        )
        // By module, not facade: start-app.tsx is inside the first-screen group's chunk, which has none.
        const holding = (entry: string) => {
          const chunk = chunks.find((candidate) => candidate.moduleIds.some((id) => id.endsWith(entry)))
          if (!chunk) throw new Error(`preload-eager-chunks: no chunk holds ${entry}`)
          return chunk
        }
        const app = holding(APP_ENTRY)
        for (const early of chunks.filter((chunk) => chunk.isEntry)) {
          if (early.imports.includes(app.fileName)) {
            throw new Error(
              `preload-eager-chunks: ${early.fileName} imports the app's chunk ${app.fileName}, so it would wait for it; ` +
                "keep what main.tsx imports out of start-app.tsx's static imports (vite.config.ts)",
            )
          }
        }
        // Files the page already loads (the entry and its preloads) are not linked twice.
        const files = new Set([app.fileName, ...app.imports])
        return [...files]
          .filter((fileName) => !html.includes(fileName))
          .map((fileName) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${fileName}` },
            injectTo: 'head' as const,
          }))
      },
    },
  }
}

export default defineConfig(({ mode }) => ({
  plugins: [react(), contentSecurityPolicyPlugin(), preloadEagerChunksPlugin()],
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
          // Issue #16: everything the app statically needs before its first rows goes in one chunk: start-app.tsx
          // and its static imports (a group takes its modules' dependencies along). Left to itself, Rolldown split
          // it into ~60 files shared with the on-demand chunks, and gzip, compressing each file alone, lost ~24 kB
          // to the repeated headers, import lists and unshared dictionaries. main.tsx and the mock tenant's transport
          // stay out of it: they must run before this chunk is parsed (main.tsx says why).
          groups: [
            // What main.tsx shares with the app (Vite's dynamic-import helper, the tab views' loaders and the tab
            // list they read, the mock scenarios): in the first-screen chunk it would make main.tsx wait for it.
            {
              name: 'boot',
              test: /vite\/preload-helper|[\\/]view-chunks\.ts$|[\\/]mocks[\\/](scenarios|graph-url)\.ts$/,
              priority: 2,
            },
            { name: 'first-screen', test: /[\\/]src[\\/]app[\\/]start-app\.tsx$/, priority: 1 },
          ],
        },
      },
    },
  },
  // The dev server pre-bundles dependencies it finds from index.html, but not those of the two workers (the fake's
  // engine, the file engine): found only when first used, they made Vite re-bundle and reload the page, and the
  // first file opened under `npm start` was lost.
  optimizeDeps: {
    entries: [
      'index.html',
      'mocks/engine-worker.ts',
      'src/lib/file-source/engine.worker.ts',
      'src/features/sign-in-logs/export/all/browser/opfs-writer.worker.ts',
    ],
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
