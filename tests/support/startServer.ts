import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { COLLAB_PATH } from '../../shared/collab'
import {
  startServer as start,
  type RunningServer,
  type ServerOptions,
} from '../../server/src/server'

/** A real Plenary server on a free port, in-process, over a throwaway data folder. */
export interface TestServer extends RunningServer {
  /** The data folder; survives `close()` so that a restart finds it. */
  dataDir: string
  /** The websocket base a y-websocket provider takes: ws://localhost:<port>/collab */
  wsUrl: string
  /** Closes this server and starts another on the same data folder. */
  restart(): Promise<TestServer>
  /** Closes the server and deletes its data folder. */
  dispose(): Promise<void>
}

/** A fresh, empty data folder under the OS temp dir. */
export const tempDataDir = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-test-'))

/** Starts a server on port 0 (demo loaded unless `demo: false`) over `dataDir` or a new folder. */
export async function startServer(options: Partial<ServerOptions> = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDataDir()
  const running = await start({ ...options, port: options.port ?? 0, dataDir })
  const server: TestServer = {
    ...running,
    dataDir,
    wsUrl: `${running.url.replace(/^http/, 'ws')}${COLLAB_PATH}`,
    restart: async () => {
      await running.close()
      return startServer({ ...options, dataDir })
    },
    dispose: async () => {
      await running.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
  return server
}
