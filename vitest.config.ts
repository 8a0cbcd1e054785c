import { defineConfig } from 'vitest/config'

// Unit and integration tests (everything but the browser end-to-end suite).
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
})
