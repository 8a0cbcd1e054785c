import fs from 'node:fs'
import http from 'node:http'

/** What the server answered to a large upload, and how much of the body it let us send. */
export interface UploadAnswer {
  status: number
  headers: http.IncomingHttpHeaders
  /** The answer's body, parsed as JSON (null if empty or not JSON). */
  // Tests read into error bodies freely.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any
}

/**
 * POSTs `size` bytes of a JSON-looking body in 1 MB writes, with a Content-Length unless
 * `chunked`, and resolves with the server's answer as soon as it comes, even if the server
 * answers and closes before the body is all sent (the point of these tests).
 */
export function postLargeBody(
  url: string,
  path: string,
  size: number,
  headers: Record<string, string> = {},
  { chunked = false } = {},
): Promise<UploadAnswer> {
  const chunk = Buffer.alloc(1024 * 1024, 'a')
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(size) }),
        ...headers,
      },
    })
    let answered = false
    req.on('response', (res) => {
      answered = true
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (s: string) => (text += s))
      res.on('error', () => {})
      const done = () => {
        let body = null
        try {
          body = text ? JSON.parse(text) : null
        } catch {
          // not JSON: leave null
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body })
        req.destroy()
      }
      res.on('end', done)
      res.on('close', done)
    })
    // A server that answers and closes breaks our upload: that is expected, not a failure.
    req.on('error', (error) => {
      if (!answered) reject(error)
    })
    let sent = 0
    const write = () => {
      while (sent < size && !answered && !req.destroyed) {
        const piece = Buffer.from(chunk.subarray(0, Math.min(chunk.length, size - sent)))
        sent += piece.length
        // A valid JSON document, {"x":"aaa…"}, so that only its size can be refused.
        if (sent === piece.length) piece.write('{"x":"', 0)
        if (sent === size) piece.write('"}', piece.length - 2)
        if (!req.write(piece)) return void req.once('drain', write)
      }
      if (!answered && !req.destroyed) req.end()
    }
    write()
  })
}

/** Resets a process's high-water mark of resident memory to its current size (Linux /proc). */
export function resetPeakMemory(pid: number): void {
  fs.writeFileSync(`/proc/${pid}/clear_refs`, '5')
}

/** A process's resident memory and its high-water mark so far, in bytes (Linux /proc). */
export function memoryOf(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1])
  return { rss: kb('VmRSS') * 1024, peak: kb('VmHWM') * 1024 }
}
