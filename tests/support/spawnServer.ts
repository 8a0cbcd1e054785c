import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { COLLAB_PATH } from '../../shared/collab'
import { TEST_ADMIN_PASSWORD } from './startServer'

const ROOT = path.resolve(import.meta.dirname, '../..')

/** Plenary running as its own process, as `npm start` runs it. */
export interface ServerProcess {
  child: ChildProcess
  url: string
  wsUrl: string
  /** Everything the process has printed so far, stdout and stderr. */
  output(): string
  /** Resolves with the exit code (or signal) once the process is gone. */
  exited: Promise<number | NodeJS.Signals | null>
}

/**
 * Starts `server/src/index.ts` in a child process on a free port over `dataDir`, with the test
 * admin password unless `env` says otherwise (ADMIN_PASSWORD: '' makes it generate one).
 */
export function spawnServer(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  // node --import tsx, not the tsx binary: that one runs the server in a grandchild, which a
  // kill -9 of the child would leave running.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/index.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      DATA_DIR: dataDir,
      ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal)),
  )
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  return new Promise((resolve, reject) => {
    const onData = () => {
      const match = /listening on (http:\/\/\S+)/.exec(output)
      if (!match?.[1]) return
      child.stdout?.off('data', onData)
      const url = match[1]
      resolve({
        child,
        url,
        wsUrl: `${url.replace(/^http/, 'ws')}${COLLAB_PATH}`,
        output: () => output,
        exited,
      })
    }
    child.stdout?.on('data', onData)
    void exited.then((code) =>
      reject(new Error(`server exited (${code}) before listening:\n${output}`)),
    )
  })
}
