/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { contentSecurityPolicyPlugin } from './vite-plugins/csp.ts'

export default defineConfig(({ mode }) => ({
  plugins: [react(), contentSecurityPolicyPlugin()],
  build: {
    outDir: mode === 'e2e' ? 'dist-e2e' : 'dist',
    // Fluent alone is ~500 kB before gzip; the first-screen budget is tracked by `npm run bench`.
    chunkSizeWarningLimit: 1500,
  },
  server: { port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'mocks/**/*.test.ts', 'contract/**/*.test.ts'],
    testTimeout: 20000,
  },
}))
