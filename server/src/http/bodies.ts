import type { Request, RequestHandler } from 'express'
import { authOf } from '../auth/authenticate'
import { HttpError } from './errors'

const KB = 1024
const MB = 1024 * KB

/** The most a signed-in caller's JSON body may hold, except the negotiation import's. */
export const MEMBER_BODY_LIMIT = 4 * MB

/** The most an anonymous caller's JSON body may hold: a sign-in, or a new account's details. */
export const ANONYMOUS_BODY_LIMIT = 64 * KB

/** The 413 of a body over `limit` bytes: a code, the limit, and a sentence naming it. */
export function tooLarge(limit: number): HttpError {
  const size = limit >= MB ? `${Math.round(limit / MB)} MB` : `${Math.round(limit / KB)} kB`
  return new HttpError(
    413,
    'payload_too_large',
    `The request body is larger than the ${size} allowed here.`,
    { limit },
  )
}

/**
 * Reads a JSON body of at most `limit` bytes into `req.body`. A Content-Length over the limit
 * is refused before a byte is read; a chunked body stops being read at the limit. Unlike
 * body-parser, a refusal does not read the rest of the body first (the error handler closes
 * the connection instead). Requests without a JSON body, or read already, pass untouched.
 */
export function jsonBodyUpTo(limit: number): RequestHandler {
  return (req, _res, next) => {
    if (req.readableEnded || !req.is('application/json')) return next()
    const encoding = req.headers['content-encoding'] ?? 'identity'
    if (encoding !== 'identity') {
      return next(new HttpError(415, 'unsupported_encoding', `Send the body without ${encoding}.`))
    }
    if (Number(req.headers['content-length'] ?? 0) > limit) return next(tooLarge(limit))
    readUpTo(req, limit)
      .then(parseJson)
      .then((body) => {
        req.body = body
        next()
      }, next)
  }
}

const memberJson = jsonBodyUpTo(MEMBER_BODY_LIMIT)
const anonymousJson = jsonBodyUpTo(ANONYMOUS_BODY_LIMIT)

/**
 * The API's JSON body parser, after `authenticate`: nobody's body is read before we know who
 * sends it, and an anonymous caller's only up to a few kilobytes.
 */
export const jsonBody: RequestHandler = (req, res, next) =>
  (authOf(res) ? memberJson : anonymousJson)(req, res, next)

// The body as text, or a 413 once more than `limit` bytes have come.
const readUpTo = (req: Request, limit: number): Promise<string> =>
  readBytesUpTo(req, limit).then((bytes) => bytes.toString('utf8'))

/** The request's body as bytes, or a 413 HttpError once more than `limit` bytes have come. */
export function readBytesUpTo(req: Request, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const stop = () => {
      req.off('data', onData)
      req.off('end', onEnd)
      req.off('error', onError)
      req.pause()
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        stop()
        reject(tooLarge(limit))
      } else chunks.push(chunk)
    }
    const onEnd = () => {
      stop()
      resolve(Buffer.concat(chunks))
    }
    const onError = (error: Error) => {
      stop()
      reject(
        new HttpError(400, 'bad_request', `The request body could not be read: ${error.message}`),
      )
    }
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('error', onError)
  })
}

// JSON.parse with a 400 for text that is not JSON.
function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new HttpError(
      400,
      'bad_request',
      `The request body is not JSON: ${(error as Error).message}`,
    )
  }
}
