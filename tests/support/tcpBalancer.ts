import net from 'node:net'

/** A TCP load balancer for tests: each connection goes to the first backend that accepts it. */
export interface TcpBalancer {
  /** http://127.0.0.1:<port> */
  url: string
  port: number
  /** How many connections went to each backend port. */
  readonly connections: Map<number, number>
  /** Stops accepting and cuts every connection. */
  close(): Promise<void>
}

/**
 * Listens on a free port and forwards each connection (bytes as they are, so websocket upgrades
 * too) to the first of `backends()` (ports on 127.0.0.1, tried in order) that accepts it, as a
 * load balancer with health checks would: a killed instance's clients reconnect to another.
 */
export async function startTcpBalancer(backends: () => number[]): Promise<TcpBalancer> {
  const sockets = new Set<net.Socket>()
  const connections = new Map<number, number>()
  const server = net.createServer((client) => {
    sockets.add(client)
    client.on('close', () => sockets.delete(client))
    client.on('error', () => {})
    client.pause()
    const tryFrom = (i: number) => {
      const port = backends()[i]
      if (port === undefined || client.destroyed) return void client.destroy()
      const upstream = net.connect(port, '127.0.0.1')
      upstream.once('error', () => tryFrom(i + 1))
      upstream.once('connect', () => {
        connections.set(port, (connections.get(port) ?? 0) + 1)
        sockets.add(upstream)
        upstream.on('close', () => sockets.delete(upstream))
        upstream.removeAllListeners('error')
        upstream.on('error', () => client.destroy())
        client.on('error', () => upstream.destroy())
        upstream.on('close', () => client.destroy())
        client.on('close', () => upstream.destroy())
        client.pipe(upstream)
        upstream.pipe(client)
        client.resume()
      })
    }
    tryFrom(0)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    connections,
    close: async () => {
      const closed = new Promise((resolve) => server.close(resolve))
      sockets.forEach((s) => s.destroy())
      await closed
    },
  }
}
