import fs from 'node:fs'
import path from 'node:path'

// The nearest folder at or above `from` holding Plenary's package.json: the same answer from
// the TypeScript sources (server/src/…) and from the compiled bundle (dist/server/).
function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json')
    if (fs.existsSync(manifest)) {
      const { name } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }
      if (name === 'plenary') return dir
    }
    if (path.dirname(dir) === dir) throw new Error(`no Plenary package.json above ${from}`)
  }
}

/** The project's root folder (where package.json, fixtures/ and dist/ are). */
export const PROJECT_ROOT = findProjectRoot(import.meta.dirname)

/** The path of a file under fixtures/ (the demo negotiation's data, the actors catalogue). */
export const fixturePath = (...parts: string[]): string =>
  path.join(PROJECT_ROOT, 'fixtures', ...parts)

/** The path of a file or folder relative to the project root. */
export const projectPath = (...parts: string[]): string => path.join(PROJECT_ROOT, ...parts)
