import fs from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import { VitePWA } from 'vite-plugin-pwa'

// The modules index.html's script loads itself (its static imports, found once the graph is
// built): the chunk groups below leave them in it, or the first load would take them all.
const entryModules = new Set<string>()
function findEntryModules(): Plugin {
  return {
    name: 'plenary:entry-modules',
    apply: 'build',
    buildEnd() {
      entryModules.clear()
      const todo = [...this.getModuleIds()].filter((id) => this.getModuleInfo(id)?.isEntry)
      for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
        if (entryModules.has(id)) continue
        entryModules.add(id)
        todo.push(...(this.getModuleInfo(id)?.importedIds ?? []))
      }
    },
  }
}
const COLLAB_LIBS = /node_modules[\\/](?:prosemirror-[\w-]+|yjs|y-[\w-]+|lib0)[\\/]/
const APP = /[\\/](?:client[\\/]src|shared)[\\/]/

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)
// What the server sends compressed (server/src/http/staticClient.ts names the same types).
const COMPRESSIBLE = /\.(?:m?js|css|html|svg|json|webmanifest)$/

// Writes a .br and a .gz copy beside each compressible file of the build, the service worker's
// included (so after vite-plugin-pwa has written it), for the server to send as they are: no
// compression per request. A copy that would not be smaller is not written.
function precompress(): Plugin {
  let outDir = ''
  return {
    name: 'plenary:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir)
    },
    closeBundle: {
      sequential: true,
      order: 'post',
      async handler() {
        const files = (await fs.readdir(outDir, { recursive: true }))
          .map(String)
          .filter((f) => COMPRESSIBLE.test(f))
        await Promise.all(
          files.map(async (name) => {
            const file = path.join(outDir, name)
            const body = await fs.readFile(file)
            const copies = [
              [
                '.br',
                await brotli(body, {
                  params: {
                    [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
                    [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
                  },
                }),
              ],
              ['.gz', await gzip(body, { level: 9 })],
            ] as const
            for (const [suffix, copy] of copies)
              if (copy.length < body.length) await fs.writeFile(file + suffix, copy)
          }),
        )
      },
    },
  }
}

// The browser app lives in client/; it is built to dist/client and served by the Plenary server.
// The service worker (Workbox, through vite-plugin-pwa) precaches the app shell so that the app
// loads without the server, and keeps the JSON answers of the API a person has read, newest from
// the network first, for reading offline (issue 14). Websockets and non-GET requests pass by it.
export default defineConfig({
  root: 'client',
  plugins: [
    findEntryModules(),
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
        // Every chunk, the pages loaded on demand included (offline, issue 14); not the .br
        // and .gz copies, which the browser never asks for by name.
        globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
        globIgnores: ['**/*.br', '**/*.gz'],
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
    precompress(),
  ],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // A few chunks rather than eighty: the pages load on demand, but what they share goes
        // in two chunks (the editor's libraries, and the app's shared modules), so the text
        // page comes in a handful of requests that do not queue the API calls behind them.
        codeSplitting: {
          // A group takes the modules it names, not what they import (the entry's among them).
          includeDependenciesRecursively: false,
          groups: [
            { name: 'collab', test: (id) => !entryModules.has(id) && COLLAB_LIBS.test(id) },
            {
              name: 'shared',
              test: (id) => !entryModules.has(id) && APP.test(id),
              minShareCount: 2,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/collab': { target: 'ws://localhost:8080', ws: true },
    },
  },
})
