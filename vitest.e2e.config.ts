import { defineConfig } from 'vitest/config'

// Browser end-to-end tests: real Chromium driven by playwright-core against a real server.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
})
