import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { VitePWA } from 'vite-plugin-pwa'

// The browser app lives in client/; it is built to dist/client and served by the Plenary server.
// The service worker (Workbox, through vite-plugin-pwa) precaches the app shell so that the app
// loads without the server, and keeps the JSON answers of the API a person has read, newest from
// the network first, for reading offline (issue 14). Websockets and non-GET requests pass by it.
export default defineConfig({
  root: 'client',
  plugins: [
    react(),
    VitePWA({
      injectRegister: false,
      registerType: 'autoUpdate',
      manifest: {
        name: 'Plenary',
        short_name: 'Plenary',
        description: 'Treaty-text negotiation tracker',
        start_url: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1d3557',
        icons: [],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/collab\//],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
        runtimeCaching: [
          {
            urlPattern: ({ url, request }) =>
              request.method === 'GET' && url.pathname.startsWith('/api/'),
            handler: 'NetworkFirst',
            options: {
              cacheName: 'plenary-api',
              networkTimeoutSeconds: 5,
              cacheableResponse: {
                statuses: [200],
                headers: { 'content-type': 'application/json; charset=utf-8' },
              },
              expiration: { maxEntries: 400 },
            },
          },
        ],
      },
    }),
  ],
  build: { outDir: '../dist/client', emptyOutDir: true },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/collab': { target: 'ws://localhost:8080', ws: true },
    },
  },
})
