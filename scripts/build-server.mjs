// Compiles the server (server/src/index.ts and everything it imports, shared/ included) into
// ES modules, dist/server/index.js and its lazily loaded chunks, that plain `node` runs: `npm run build:server`
// (`node scripts/build-server.mjs <outfile>` writes it elsewhere, e.g. for a test).
// Packages stay imports of node_modules; paths to fixtures/ and dist/client are found from the
// project root at run time (server/src/paths.ts).
import path from 'node:path'
import { build } from 'esbuild'

const root = path.resolve(import.meta.dirname, '..')

await build({
  entryPoints: [path.join(root, 'server/src/index.ts')],
  outdir: path.dirname(path.resolve(process.argv[2] ?? path.join(root, 'dist/server/index.js'))),
  entryNames: path.basename(process.argv[2] ?? 'index.js', '.js'),
  // Modules imported with import() (Word and spreadsheet exports) become chunks of their own,
  // loaded with their packages on first use rather than at start.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
})
