import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

// The browser app lives in client/; it is built to dist/client and served by the Plenary server.
export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: { outDir: '../dist/client', emptyOutDir: true },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/collab': { target: 'ws://localhost:8080', ws: true },
    },
  },
})
